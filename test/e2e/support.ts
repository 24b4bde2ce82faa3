import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { openDatabase } from '../../examples/reference-server/src/db';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Debian's Chromium with the flags that work as root on a closed network. */
export function launchChromium(): Promise<Browser> {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The reference server as its own process (as `npm start` runs it), serving the built host app,
 * on a copy of the seeded template database. It can be stopped, killed and started again on
 * the same port and data.
 */
export async function referenceServerProcess(env: Record<string, string> = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'abk-e2e-'));
  cpSync(inject('e2eTemplateDir'), dataDir, { recursive: true });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;

  async function start(extraEnv: Record<string, string> = env) {
    // Node itself with tsx's loader, not the tsx launcher: a kill must reach the server process.
    const started = spawn(process.execPath, ['--import', 'tsx', 'examples/reference-server/src/main.ts'], {
      cwd: root,
      env: {
        ...process.env,
        ...extraEnv,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        STATIC_DIR: inject('e2eStaticDir'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('listening on')) {
          clearTimeout(timer);
          resolve();
        }
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', onData);
      started.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited with ${code}:\n${output}`));
      });
    });
  }

  /** Stops the server: gracefully (SIGTERM), or as a crash would (SIGKILL). */
  async function stop(signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM') {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
    });
  }

  await start();
  return {
    url,
    dataDir,
    start,
    stop,
    /** Runs SQL on the stopped server's database (the embedded database has one user at a time). */
    async query<Row>(text: string, params: unknown[] = []): Promise<Row[]> {
      const database = await openDatabase({ dataDir });
      try {
        return await database.query<Row>(text, params);
      } finally {
        await database.close();
      }
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type ServerProcess = Awaited<ReturnType<typeof referenceServerProcess>>;

/**
 * One Chromium for a test file and a reference server per test: a test calls `startServer()`,
 * then `openPage(path)` for a fresh 1280 px page of the host app it serves. After each test the
 * pages close and the server is disposed.
 */
export function demoHostPerTest() {
  let browser: Browser;
  let server: ServerProcess | null = null;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser.close();
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    await server?.dispose();
    server = null;
  });

  return {
    async startServer(env?: Record<string, string>): Promise<ServerProcess> {
      server = await referenceServerProcess(env);
      return server;
    },
    async openPage(path: string): Promise<Page> {
      if (!server) throw new Error('no server');
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      contexts.push(context);
      const page = await context.newPage();
      await page.goto(`${server.url}/${path}`);
      return page;
    },
  };
}
