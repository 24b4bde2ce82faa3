// The host's own production build: nothing of the kit's build set-up, only its published files.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  logLevel: 'warn',
  // One bundle is fine for a test app; the warning about its size is not news.
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
});
