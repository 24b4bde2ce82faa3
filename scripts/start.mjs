// Starts Storybook, the designers' review surface, on a fixed local port.
import { spawn } from 'node:child_process';

const port = process.env.PORT ?? '6006';
const url = `http://127.0.0.1:${port}/`;
console.log(`Storybook for account-billing-kit: ${url}`);
const child = spawn('npx', ['storybook', 'dev', '--ci', '--no-open', '-p', port, '--host', '127.0.0.1'], {
  stdio: 'inherit',
});
child.on('exit', (code) => process.exit(code ?? 0));
