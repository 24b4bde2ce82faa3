/// <reference types="vitest/config" />
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { flatSpecificity, wrapInLayer } from './scripts/flat-specificity.ts';

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
  // One stylesheet per screen beside the whole one: a page pays for the screens it renders.
  ...Object.fromEntries(
    [
      'base',
      'contact-picker',
      'company-information',
      'upgrade-wizard',
      'billing-overview',
      'payment-methods',
      'seat-assignments',
    ].map((sheet) => [`styles/${sheet}`, `src/styles/${sheet}.css`]),
  ),
  memory: 'src/adapter/memory.ts',
  http: 'src/adapter/http.ts',
  schemas: 'src/schemas/index.ts',
  testing: 'src/testing/index.ts',
  'react-hook-form': 'src/react-hook-form.ts',
  'locales/en': 'src/locales/en.ts',
  'locales/de': 'src/locales/de.ts',
  'locales/pl': 'src/locales/pl.ts',
  'locales/fi': 'src/locales/fi.ts',
  'locales/it': 'src/locales/it.ts',
};

/**
 * Entries whose built file must begin with 'use client' (components and hooks). The others
 * (schemas, memory adapter, locales, testing) are plain modules a server may import.
 */
const clientEntries = ['index', 'react-hook-form'];

/** The cascade layer of the opt-in `account-billing-kit/styles.layered.css`. */
const CSS_LAYER = 'account-billing-kit';

/**
 * `ABK_REACT_DIR=<folder whose node_modules has react and react-dom>` runs the unit and browser
 * tests against that React instead of the project's own: CI installs 18.3, the oldest the peer
 * range promises. `server` picks react-dom/server's build for Node or for the browser.
 */
const reactDir = process.env.ABK_REACT_DIR;
function reactAliases(server: 'node' | 'browser') {
  if (!reactDir) return [];
  const modules = resolvePath(reactDir, 'node_modules');
  return [
    // Its CommonJS main would require() the project's own react-dom past the aliases.
    {
      find: /^@testing-library\/react$/,
      replacement: `${root}node_modules/@testing-library/react/dist/@testing-library/react.esm.js`,
    },
    { find: /^react-dom\/server$/, replacement: `${modules}/react-dom/server.${server}.js` },
    { find: /^react-dom(\/.*)?$/, replacement: `${modules}/react-dom$1` },
    { find: /^react(\/.*)?$/, replacement: `${modules}/react$1` },
  ];
}
/** Libraries that import React themselves: run through Vite so they get the aliased one too. */
const reactLibraries = [
  /@testing-library\/react/,
  /@tanstack\/react-query/,
  /react-hook-form/,
  /@hookform\/resolvers/,
  /downshift/,
  /@tanstack\/react-virtual/,
];

const peers = ['react', 'react-dom', '@tanstack/react-query', 'react-hook-form', 'zod'];

export default defineConfig({
  plugins: [
    react(),
    {
      // A bundler may drop module-level directives; a client entry without one would be run as
      // server code by a React Server Components host, and fail there.
      name: 'account-billing-kit:use-client',
      // The library build only: Storybook's build reuses this config for an app, whose chunks
      // are not the package's entries.
      apply: (config, { command }) => command === 'build' && config.build?.lib !== undefined,
      generateBundle(_options, bundle) {
        for (const name of clientEntries) {
          const chunk = bundle[`${name}.js`];
          if (chunk?.type !== 'chunk') this.error(`no entry chunk ${name}.js`);
          else if (!/^\s*['"]use client['"]/.test(chunk.code)) {
            this.error(`${name}.js lost its 'use client' directive`);
          }
        }
      },
    },
    {
      // styles.layered.css: the built stylesheet again, inside one named layer for hosts that
      // order their CSS with cascade layers (docs/decisions/0013-host-safe-css.md).
      name: 'account-billing-kit:layered-styles',
      apply: 'build',
      generateBundle(_options, bundle) {
        const styles = Object.values(bundle).find(
          (file) => file.type === 'asset' && file.fileName === 'styles.css',
        );
        if (styles?.type !== 'asset') return;
        this.emitFile({
          type: 'asset',
          fileName: 'styles.layered.css',
          source: wrapInLayer(String(styles.source), CSS_LAYER),
        });
      },
    },
  ],
  // The React version a test run is meant to use (`ABK_REACT_VERSION`, set with ABK_REACT_DIR),
  // so test/react-version*.test.ts can fail a run whose aliases did not take.
  define: { __ABK_REACT_VERSION__: JSON.stringify(process.env.ABK_REACT_VERSION ?? '') },
  // Pre-bundled up front: found mid-run, the server renderer would make Vite reload the
  // hydration tests with a second copy of React.
  optimizeDeps: { include: ['react-dom/server', 'react-dom/client'] },
  // The library's CSS leaves the build with one class's specificity per rule, so a host's
  // element rules lose and a host's single class wins. Storybook and the browser tests load
  // the same transform, so they see what hosts get.
  css: {
    postcss: {
      plugins: [
        flatSpecificity({
          unwrapLayer: CSS_LAYER,
          include: (file) => file.startsWith(`${root}src/`),
        }),
      ],
    },
  },
  build: {
    lib: {
      entry: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, `${root}${file}`])),
      formats: ['es'],
    },
    cssCodeSplit: true,
    sourcemap: true,
    rolldownOptions: {
      external: (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`)),
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        // One file per source module, so a host's bundler drops every module its page does not
        // reach (the package has no side effects but its CSS): in one file per entry, each
        // screen's top-level registrations kept all screens, their English and their schemas
        // in every page (decision 0026).
        preserveModules: true,
        preserveModulesRoot: 'src',
      },
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
        resolve: { alias: reactAliases('node') },
        test: {
          name: 'unit',
          ...(reactDir ? { server: { deps: { inline: reactLibraries } } } : {}),
          environment: 'jsdom',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/server/**', 'test/e2e/**'],
          setupFiles: ['test/setup.ts'],
          // A whole screen driven through user-event takes seconds on a busy 2-core machine.
          testTimeout: 20_000,
          retry: process.env.CI ? 2 : 0,
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
        resolve: { alias: reactAliases('browser') },
        test: {
          name: 'browser',
          include: ['test/**/*.browser.test.{ts,tsx}'],
          browser: browserConfig(),
          // Real-browser timing on a shared 2-core CI machine: a test that fails once is run
          // again before it counts as failed; a real defect fails every time.
          retry: process.env.CI ? 2 : 0,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: `${root}.storybook` })],
        test: {
          name: 'storybook',
          browser: browserConfig(),
          retry: process.env.CI ? 2 : 0,
        },
      },
    ],
  },
});
