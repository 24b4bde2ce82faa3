// @vitest-environment node
// The size harness (scripts/bundle-size.mjs) builds each page in library mode so that its
// exports stand for what the page uses; what it reports must still be what an app's production
// build of the same page downloads (decision 0025). Library mode had kept whitespace and split
// the entry in two, and counted 11 kB of gzip too many for both screens.
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import { measureEntry } from '../scripts/bundle-size.mjs';

const PEERS = ['react', 'react-dom', '@tanstack/react-query'];

/** gzip bytes of all JS of the page, built as an app: its index.html the only input. */
async function appBuildGzip(html: string): Promise<number> {
  const output = (await build({
    configFile: false,
    root: resolve('.'),
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      copyPublicDir: false,
      modulePreload: false,
      rolldownOptions: {
        input: resolve(html),
        external: (id) => PEERS.some((peer) => id === peer || id.startsWith(`${peer}/`)),
      },
    },
  })) as Rolldown.RolldownOutput;
  return output.output
    .filter((file) => file.type === 'chunk')
    .reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
}

describe('the size harness', () => {
  it(
    'measures both screens as an app build of the same page does, to within 1 %',
    { timeout: 120_000 },
    async () => {
      const [measured, app] = await Promise.all([
        measureEntry('bench/bundle/both-screens.ts', PEERS),
        appBuildGzip('bench/bundle/app/index.html'),
      ]);
      const harness = measured.initial.gzip + measured.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
      expect(Math.abs(harness - app) / app).toBeLessThan(0.01);
      // The payment step is still its own, lazily loaded chunk in both.
      expect(measured.lazy).toHaveLength(1);
    },
  );
});
