import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The demo host app: built into dist/ and served by the reference server (`npm start`), or run
// with `vite` against a server on 8787 (the /v1 proxy below).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', proxy: { '/v1': 'http://127.0.0.1:8787' } },
  logLevel: 'warn',
});
