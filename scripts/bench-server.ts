// Server search at scale: `npm run bench:server`. Starts the reference server in-process on
// 127.0.0.1 with a fresh embedded database, seeds an account of USERS users (default 100,000),
// then times user searches over HTTP as a picker sends them while someone types, and pages
// deeper. Prints p50 / p95 / max. A bounded number of requests, to this machine only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createHttpAdapter } from '../src/adapter/http.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../examples/reference-server/src/seed.js';
import { startReferenceServer } from '../examples/reference-server/src/server.js';

const users = Number(process.env.USERS ?? 100_000);
const rounds = Number(process.env.ROUNDS ?? 5);
const dataDir = mkdtempSync(join(tmpdir(), 'abk-bench-'));
const log = (line: string) => process.stdout.write(`${line}\n`);

const seedStart = performance.now();
const server = await startReferenceServer({ port: 0, dataDir, seedUserCount: users });
log(
  `seeded ${users} users on ${server.database.kind} in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
);
try {
  const session = await fetch(`${server.apiUrl}/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO_USERS.admin.email, password: DEMO_PASSWORD }),
  });
  const { token } = (await session.json()) as { token: string };
  const adapter = createHttpAdapter({
    baseUrl: server.apiUrl,
    headers: { Authorization: `Bearer ${token}` },
    retry: false,
  });

  // What a picker sends while a name is typed, plus whole-word and email searches.
  const typed = (text: string) => Array.from({ length: text.length }, (_, index) => text.slice(0, index + 1));
  const queries = [
    '',
    ...typed('zofia'),
    ...typed('mäkelä'),
    ...typed('wojcik 77'),
    'schmidt',
    'GROSS',
    'lukasz kowalczyk',
    'nordlicht.example',
    'no such person',
  ];
  const timings: number[] = [];
  const slowest: [number, string][] = [];
  const time = async (run: () => Promise<unknown>, label = '') => {
    const start = performance.now();
    await run();
    const elapsed = performance.now() - start;
    timings.push(elapsed);
    if (process.env.VERBOSE) slowest.push([elapsed, label]);
  };
  for (let round = 0; round < rounds; round += 1) {
    for (const query of queries) {
      await time(() => adapter.searchUsers({ query, limit: 50 }), JSON.stringify(query));
    }
    // Scrolling: the next five pages of the whole account and of a common name.
    for (const query of ['', 'anna']) {
      let cursor = (await adapter.searchUsers({ query, limit: 50 })).nextCursor;
      for (let page = 0; page < 5 && cursor; page += 1) {
        const current: string = cursor;
        await time(async () => {
          cursor = (await adapter.searchUsers({ query, limit: 50, cursor: current })).nextCursor;
        });
      }
    }
  }
  timings.sort((a, b) => a - b);
  if (process.env.VERBOSE) {
    slowest.sort((a, b) => b[0] - a[0]);
    log(
      slowest
        .slice(0, 15)
        .map(([ms, label]) => `${ms.toFixed(0)} ms ${label}`)
        .join('\n'),
    );
  }
  const at = (q: number) => timings[Math.min(timings.length - 1, Math.floor(q * timings.length))] ?? 0;
  log(
    `searchUsers over HTTP, ${timings.length} requests: p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, max ${(timings[timings.length - 1] ?? 0).toFixed(1)} ms`,
  );
} finally {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
