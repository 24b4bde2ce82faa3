// What the host-app checks (scripts/host-fixture.mjs, scripts/next-app.mjs) share: a timed log,
// named checks counted into "<label>: N passed, N failed", packing the library into a tarball,
// and the system Chromium launched the way every browser test here launches it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';

/** Named checks for one script; `finish` prints the summary line `.ci/run` reads, and exits. */
export function createChecks(label) {
  const started = Date.now();
  const results = [];
  return {
    log(message) {
      console.log(`[${label} ${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
    },
    check(name, passed, detail = '') {
      results.push({ name, passed });
      console.log(`${passed ? '✓' : '✗'} ${name}${passed || !detail ? '' : `: ${detail}`}`);
    },
    finish() {
      const failed = results.filter((result) => !result.passed).length;
      console.log(`${label}: ${results.length - failed} passed, ${failed} failed`);
      process.exit(failed > 0 ? 1 : 0);
    },
  };
}

/** Runs a command and returns its standard output; its errors go to ours. */
export function run(command, args, cwd, env = process.env) {
  return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

/** `npm pack` of the built library into a temporary folder; returns the tarball's path. */
export function packLibrary(root) {
  const packDir = mkdtempSync(join(tmpdir(), 'abk-pack-'));
  return join(
    packDir,
    run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', packDir], root).trim(),
  );
}

/** The system Chromium (`CHROMIUM_PATH`, else Debian's), headless, nothing fetched in the background. */
export function launchChromium() {
  return chromium.launch({
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
  });
}
