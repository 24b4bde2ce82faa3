// `npm run screenshots -- [story-id-substring …] [--widths=375,1280] [--schemes=light,dark]`:
// photographs built stories (run `npm run build-storybook` first) in headless Chromium, for a
// designer's look at every state. PNGs go to node_modules/.cache/screenshots/.
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = fileURLToPath(new URL('..', import.meta.url));
const staticDir = path.join(root, 'storybook-static');
const outDir = path.join(root, 'node_modules/.cache/screenshots');
const options = new Map();
const filters = [];
for (const arg of process.argv.slice(2)) {
  if (arg.startsWith('--')) {
    const [key, value = ''] = arg.slice(2).split('=');
    options.set(key, value);
  } else filters.push(arg);
}
const widths = (options.get('widths') ?? '375,1280').split(',').map(Number);
const schemes = (options.get('schemes') ?? 'light').split(',');

if (!existsSync(path.join(staticDir, 'index.json'))) {
  console.error('No built Storybook: run `npm run build-storybook` first.');
  process.exit(1);
}
const index = JSON.parse(await readFile(path.join(staticDir, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && (filters.length === 0 || filters.some((f) => entry.id.includes(f))),
);

const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};
const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const file = path.join(staticDir, decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname));
  if (!file.startsWith(staticDir) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({
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
try {
  for (const scheme of schemes) {
    for (const width of widths) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const story of stories) {
        const globals = scheme === 'dark' ? '&globals=theme:dark' : '';
        await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${story.id}&viewMode=story${globals}`);
        await page.waitForSelector('#storybook-root > *', { timeout: 15_000 }).catch(() => undefined);
        await page.waitForTimeout(1200);
        const file = path.join(outDir, `${story.id}--${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
