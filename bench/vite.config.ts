// Builds the benchmark page (bench/index.html). Used by `npm run bench` (scripts/bench.mjs);
// `npx vite --config bench/vite.config.ts` serves it for poking at by hand.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const benchDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: benchDir,
  base: './',
  plugins: [react()],
  // Production React, like a host app in the field.
  mode: 'production',
  build: {
    outDir: fileURLToPath(new URL('../node_modules/.cache/bench/page', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 4096,
  },
  server: { host: '127.0.0.1' },
});
