// @vitest-environment node
// The size harness (scripts/bundle-size.mjs) builds each page in library mode so that its
// exports stand for what the page uses; what it reports must still be what an app's production
// build of the same page downloads (decision 0025). Library mode had kept whitespace and split
// the entry in two, and counted 11 kB of gzip too many for both screens. It builds the pages
// from the sources; a host builds them from the published files, which must weigh the same
// (decision 0026): built as one file per entry, a page with only the picker weighed 85 kB.
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';
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

  it(
    'measures the published files as it measures the sources, for the picker and both screens',
    { timeout: 120_000 },
    async () => {
      // The library as `npm run build` makes it (JS only; the types are not bundled), and two
      // host pages importing from it.
      const out = 'node_modules/.cache/abk-size-test';
      await build({
        configFile: resolve('vite.config.ts'),
        logLevel: 'silent',
        build: { outDir: resolve(out), emptyOutDir: true, sourcemap: false },
      });
      const pages = {
        picker: {
          names: 'AccountSettingsProvider, ContactPicker',
          source: 'bench/bundle/contact-picker.ts',
          peers: ['react', 'react-dom'],
        },
        screens: {
          names: 'AccountSettingsProvider, CompanyInformation, UpgradeWizard',
          source: 'bench/bundle/both-screens.ts',
          peers: PEERS,
        },
      };
      // Where a host installs it, the package's own `sideEffects` applies to these files.
      await writeFile(
        resolve(out, 'package.json'),
        JSON.stringify({ type: 'module', sideEffects: packageJson.sideEffects }),
      );
      for (const [name, page] of Object.entries(pages)) {
        const entry = `${out}/${name}.ts`;
        await writeFile(resolve(entry), `export { ${page.names} } from './index.js';\n`);
        const [published, sources] = await Promise.all([
          measureEntry(entry, page.peers),
          measureEntry(page.source, page.peers),
        ]);
        const js = (size: typeof published) =>
          size.initial.gzip + size.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
        expect(Math.abs(js(published) - js(sources)) / js(sources), name).toBeLessThan(0.02);
      }
    },
  );
});
