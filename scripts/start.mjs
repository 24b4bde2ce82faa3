// npm start: the demo as a host team would run it. Builds the demo host app, then starts the
// reference server on its embedded database (data in .data/reference-server/), serving the
// contract at /v1 and the host app at /, and prints the one URL to open.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = process.env.PORT ?? '8787';
const url = `http://127.0.0.1:${port}/`;

const build = spawnSync('vite', ['build', '--config', 'examples/host-app/vite.config.ts'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const server = spawn('tsx', ['examples/reference-server/src/main.ts'], {
  cwd: root,
  env: { ...process.env, PORT: port, STATIC_DIR: `${root}examples/host-app/dist` },
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  if (String(chunk).includes('listening on')) {
    console.log(`\naccount-billing-kit demo: ${url}  (Storybook: npm run storybook)\n`);
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
