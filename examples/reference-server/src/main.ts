// Starts the reference server from the command line: `npm run server`.
// Environment: PORT (8787), HOST (127.0.0.1), DATA_DIR (.data/reference-server),
// DATABASE_URL (a PostgreSQL server instead of the embedded database), SEED_USERS (users in
// the demo account when first seeded), STATIC_DIR (a built host app to serve at /),
// SANDBOX=1 (test accounts on demand), ORDER_ANSWER_DELAY_MS (fault: answer orders late).
import { DEMO_PASSWORD, DEMO_USERS } from './seed.js';
import { startReferenceServer } from './server.js';

const env = process.env;
const server = await startReferenceServer({
  port: Number(env.PORT ?? 8787),
  host: env.HOST ?? '127.0.0.1',
  ...(env.DATA_DIR ? { dataDir: env.DATA_DIR } : {}),
  databaseUrl: env.DATABASE_URL,
  ...(env.SEED_USERS ? { seedUserCount: Number(env.SEED_USERS) } : {}),
  ...(env.STATIC_DIR ? { staticDir: env.STATIC_DIR } : {}),
  sandbox: env.SANDBOX === '1',
  ...(env.ORDER_ANSWER_DELAY_MS ? { orderAnswerDelayMs: Number(env.ORDER_ANSWER_DELAY_MS) } : {}),
  onError: (error) =>
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`),
});

process.stdout.write(
  `Reference server (${server.database.kind}) listening on ${server.url}\n` +
    `  contract: ${server.apiUrl}/openapi.json\n` +
    `  sign in:  POST ${server.apiUrl}/sessions {"email":"${DEMO_USERS.admin.email}","password":"${DEMO_PASSWORD}"}\n`,
);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void server.close().then(() => process.exit(0));
  });
}
