/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Debian's Chromium, never a downloaded browser. */
const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

// Vitest mutates the browser config it is given, so each project gets its own object.
function browserConfig() {
  return {
    enabled: true,
    headless: true,
    provider: playwright({ launchOptions: chromiumLaunchOptions }),
    instances: [{ browser: 'chromium' as const }],
  };
}

/** Public entries: each becomes its own chunk so hosts only pay for what they import. */
const entries = {
  index: 'src/index.ts',
  styles: 'src/styles.css',
  memory: 'src/adapter/memory.ts',
  http: 'src/adapter/http.ts',
  schemas: 'src/schemas/index.ts',
  testing: 'src/testing/index.ts',
  'locales/en': 'src/locales/en.ts',
  'locales/de': 'src/locales/de.ts',
  'locales/pl': 'src/locales/pl.ts',
  'locales/fi': 'src/locales/fi.ts',
  'locales/it': 'src/locales/it.ts',
};

const peers = [
  'react',
  'react-dom',
  '@tanstack/react-query',
  'react-hook-form',
  'zod',
  '@hookform/resolvers',
];

export default defineConfig({
  plugins: [react()],
  build: {
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `${root}${file}`])),
      formats: ['es'],
    },
    cssCodeSplit: true,
    sourcemap: true,
    rolldownOptions: {
      external: (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`)),
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
  test: {
    // CI reads the JSON report to print its "N passed, N failed" line.
    reporters: process.env.CI
      ? ['default', ['json', { outputFile: process.env.VITEST_REPORT ?? '.vitest-report/results.json' }]]
      : ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/server/**', 'test/e2e/**'],
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The reference server in-process on 127.0.0.1, on its embedded database, in Node.
          name: 'server',
          environment: 'node',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          // The demo end to end: the reference server as its own process, the built host app, Chromium.
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          browser: browserConfig(),
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook` })],
        test: {
          name: 'storybook',
          browser: browserConfig(),
        },
      },
    ],
  },
});
