// The packed library in a host app, as a host team meets it: `npm pack`, the tarball installed
// into test/host-fixture (its own reset and global element styles, StrictMode, its own
// QueryClient), a production build of that app served on 127.0.0.1, and checks in Chromium.
// Needs `npm run build` first. Prints "host fixture: N passed, N failed"; exits 1 on a failure.
//
// React and the other peers are not installed again: the fixture sits inside the repository,
// so they resolve from the root node_modules, one copy for the app and the kit alike.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecks, launchChromium, packLibrary, run } from './host-app-checks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const fixture = join(root, 'test/host-fixture');
const { log, check, finish } = createChecks('host fixture');

try {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const tarball = packLibrary(root);
  log(`packed ${tarball}`);

  rmSync(join(fixture, 'node_modules'), { recursive: true, force: true });
  run(
    'npm',
    [
      'install',
      '--no-save',
      '--no-package-lock',
      '--legacy-peer-deps',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      tarball,
    ],
    fixture,
  );
  log('installed the tarball');
  const installed = join(fixture, 'node_modules/account-billing-kit/dist');
  check(
    "the installed index.js begins with 'use client'",
    /^\s*['"]use client['"]/.test(readFileSync(join(installed, 'index.js'), 'utf8')),
  );
  check(
    'the tarball has styles.layered.css inside @layer account-billing-kit',
    existsSync(join(installed, 'styles.layered.css')) &&
      readFileSync(join(installed, 'styles.layered.css'), 'utf8').includes('@layer account-billing-kit {'),
  );

  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build'], fixture);
  log('built the host app for production');
} catch (error) {
  check(
    'pack, install and build the host app',
    false,
    error instanceof Error ? error.message : String(error),
  );
  finish();
}

const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
const dist = join(fixture, 'dist');
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname));
  const file = join(dist, path === '/' ? 'index.html' : path);
  if (!file.startsWith(dist) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleProblems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(error.message));
  await page.goto(url);
  await page.getByRole('combobox', { name: 'Primary account contact' }).waitFor();
  await page.locator('.abk-contact-picker__clear').first().waitFor();
  await page.getByRole('tab', { selected: true }).waitFor();

  // HOST_FIXTURE_SCREENSHOT=file.png keeps a picture of the page, to look at it as a person would.
  if (process.env.HOST_FIXTURE_SCREENSHOT) {
    await page.screenshot({ path: process.env.HOST_FIXTURE_SCREENSHOT, fullPage: true });
  }

  const seen = await page.evaluate(() => {
    const style = (element) => getComputedStyle(element);
    const transparent = 'rgba(0, 0, 0, 0)';
    const buttons = [...document.querySelectorAll('.abk-contact-picker__clear, .abk-contact-picker__toggle')];
    const iconButtons = buttons.map((button) => {
      const icon = button.querySelector('svg');
      const box = icon?.getBoundingClientRect();
      return {
        background: style(button).backgroundColor,
        iconSize: box ? Math.min(box.width, box.height) : 0,
        fill: icon ? style(icon).fill : 'missing',
        ok:
          style(button).backgroundColor === transparent &&
          !!box &&
          box.width >= 12 &&
          box.height >= 12 &&
          style(icon).fill === 'none',
      };
    });
    const tabs = [...document.querySelectorAll('[role="tab"]')];
    const selected = tabs.find((tab) => tab.getAttribute('aria-selected') === 'true');
    const others = tabs.filter((tab) => tab !== selected);
    const markers = [...document.querySelectorAll('.abk-steps__marker')];
    const list = document.querySelector('.abk-steps ol');
    const input = document.querySelector('.abk-contact-picker__input');
    const control = input?.closest('.abk-contact-picker__control');
    const client = window.hostQueryClient;
    const ours = client
      .getQueryCache()
      .getAll()
      .filter((query) => query.queryKey[0] === 'account-billing-kit');
    return {
      iconButtons,
      tabCount: tabs.length,
      selectedDiffers:
        !!selected &&
        others.length > 0 &&
        others.every((tab) => style(tab).backgroundColor !== style(selected).backgroundColor),
      markers: markers.map((marker) => ({
        text: marker.textContent,
        width: marker.getBoundingClientRect().width,
        fontSize: style(marker).fontSize,
      })),
      listStyle: list ? style(list).listStyleType : 'missing',
      // Unclassed text inside our parts, e.g. a billing interval's name, which the host's
      // `span {}` would shrink.
      optionTextSizes: [...document.querySelectorAll('.abk-segmented__option span:not([class])')].map(
        (span) => style(span).fontSize,
      ),
      input:
        input && control
          ? {
              border: style(input).borderTopWidth,
              maxWidth: style(input).maxWidth,
              controlBorder: style(control).borderTopWidth,
            }
          : null,
      queries: ours.map((query) => ({ key: JSON.stringify(query.queryKey), status: query.state.status })),
    };
  });

  check(
    "the picker's clear and toggle buttons are unfilled and show their icons",
    seen.iconButtons.length >= 2 && seen.iconButtons.every((button) => button.ok),
    JSON.stringify(seen.iconButtons),
  );
  check(
    'the selected product tab looks different from the others',
    seen.tabCount > 1 && seen.selectedDiffers,
  );
  check(
    'the step list shows its numbers, and no list numbers of its own',
    seen.markers.length >= 3 &&
      seen.markers.every(
        (marker, index) =>
          marker.text === String(index + 1) && marker.width > 10 && marker.fontSize !== '9px',
      ) &&
      seen.listStyle === 'none',
    JSON.stringify({ markers: seen.markers, listStyle: seen.listStyle }),
  );
  check(
    "unclassed text inside the kit's parts keeps the kit's size",
    seen.optionTextSizes.length > 0 && seen.optionTextSizes.every((size) => size !== '9px'),
    JSON.stringify(seen.optionTextSizes),
  );
  check(
    "inputs keep one border and none of the host's max-width",
    seen.input?.border === '0px' && seen.input.maxWidth === 'none' && seen.input.controlBorder === '1px',
    JSON.stringify(seen.input),
  );
  const loaded = seen.queries.filter((query) => query.status === 'success').map((query) => query.key);
  check(
    "the host's QueryClient holds the kit's queries",
    ['"account"', '"contacts"', '"catalog"'].every((part) => loaded.some((key) => key.includes(part))),
    JSON.stringify(seen.queries),
  );
  check('the page logs no error or warning', consoleProblems.length === 0, JSON.stringify(consoleProblems));
} catch (error) {
  check('the host app in Chromium', false, error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  server.close();
  log('done');
}
finish();
