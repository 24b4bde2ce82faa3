// The packed library in a Next.js App Router app (examples/next-app): `npm pack`, the tarball
// and Next.js installed into the example, `next build` for production, `next start` on
// 127.0.0.1, and both routes checked in Chromium: the server's HTML already holds each screen,
// it hydrates without an error or warning, and the screens load and work.
// Needs `npm run build` first. Prints "next app: N passed, N failed"; exits 1 on a failure.
//
// React and the other peers are not installed again: the example sits inside the repository,
// so they resolve from the root node_modules (next.config.mjs sets the bundler's root).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createChecks, launchChromium, packLibrary, run } from './host-app-checks.mjs';

// The version the example is written and checked against; bump it with a look at the example.
const NEXT_VERSION = '16.4.6';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const app = join(root, 'examples/next-app');
const { log, check, finish } = createChecks('next app');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.on('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

const nextBin = join(app, 'node_modules/next/dist/bin/next');
try {
  if (!existsSync(join(root, 'dist/index.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const tarball = packLibrary(root);
  log(`packed ${tarball}`);
  rmSync(join(app, 'node_modules'), { recursive: true, force: true });
  rmSync(join(app, '.next'), { recursive: true, force: true });
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
      `next@${NEXT_VERSION}`,
      tarball,
    ],
    app,
    env,
  );
  log(`installed next@${NEXT_VERSION} and the tarball`);
  const output = run(process.execPath, [nextBin, 'build'], app, env);
  console.log(output.trim());
  log('built the app for production');
  check(
    'next build prerenders both routes',
    /\/company\b/.test(output) && /\/upgrade\b/.test(output),
    'the build output lists no /company and /upgrade routes',
  );
} catch (error) {
  check(
    'pack, install and build the Next.js app',
    false,
    error instanceof Error ? error.message : String(error),
  );
  finish();
}

const port = await freePort();
const server = spawn(
  process.execPath,
  [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)],
  {
    cwd: app,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let serverLog = '';
server.stdout.on('data', (chunk) => (serverLog += chunk));
server.stderr.on('data', (chunk) => (serverLog += chunk));
const base = `http://127.0.0.1:${port}`;

async function waitForServer() {
  for (let attempt = 0; attempt < 120; attempt++) {
    try {
      if ((await fetch(`${base}/company`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  throw new Error(`next start did not answer on ${base}: ${serverLog}`);
}

const browser = await launchChromium();
try {
  await waitForServer();
  log(`next start answers on ${base}`);

  const companyHtml = await (await fetch(`${base}/company`)).text();
  check(
    "the server's HTML for /company holds the screen's heading",
    companyHtml.includes('Company information') && companyHtml.includes('abk-'),
  );
  const upgradeHtml = await (await fetch(`${base}/upgrade`)).text();
  check("the server's HTML for /upgrade holds the wizard", upgradeHtml.includes('abk-upgrade'));

  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const consoleProblems = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') consoleProblems.push(message.text());
  });
  page.on('pageerror', (error) => consoleProblems.push(error.message));

  await page.goto(`${base}/company`);
  const primary = page.getByRole('combobox', { name: 'Primary account contact' });
  await primary.waitFor();
  await page.waitForFunction(
    () => document.querySelector('input[role="combobox"]')?.value !== '',
    undefined,
    { timeout: 15_000 },
  );
  check('/company loads the contacts after hydration', (await primary.inputValue()) !== '');
  await primary.click();
  const options = page.getByRole('option');
  await options.first().waitFor();
  check('the primary contact picker opens its list', (await options.count()) > 0);
  await page.keyboard.press('Escape');

  // A client-side navigation keeps the app's QueryClient and the adapter.
  await page.getByRole('link', { name: 'Upgrade' }).click();
  await page.getByRole('tab', { selected: true }).waitFor({ timeout: 15_000 });
  check('the wizard loads its plans on /upgrade after a client-side navigation', true);

  await page.goto(`${base}/upgrade`);
  await page.getByRole('tab', { selected: true }).waitFor({ timeout: 15_000 });
  check('the wizard hydrates and loads on a direct visit to /upgrade', true);

  check('hydration logs no error or warning', consoleProblems.length === 0, JSON.stringify(consoleProblems));
} catch (error) {
  check('the Next.js app in Chromium', false, error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  server.kill();
  log('done');
}
finish();
