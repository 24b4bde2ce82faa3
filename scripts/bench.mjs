// `npm run bench`: ContactPicker against react-select, in headless Chromium, at 1,000, 10,000 and
// 100,000 users, plus the bundle cost of a host entry that imports only the picker.
//
//   node scripts/bench.mjs [--sizes=1000,10000,100000] [--repeats=3] [--no-bundle] [--no-browser]
//                          [--adapter-latency=ms] [--heavy-budget=ms] [--verbose]
//
// The page (bench/) is built with Vite and served from node_modules/.cache/bench/page on a free
// local port. Timings are taken inside the page (performance.now + requestAnimationFrame); the
// JS heap comes from the DevTools protocol after a forced GC. Raw results are written to
// node_modules/.cache/bench/results.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg } from 'node:os';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = path.join(root, 'node_modules/.cache/bench');
const pageDir = path.join(cacheDir, 'page');

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [key, value = 'true'] = arg.replace(/^--/, '').split('=');
    return [key, value];
  }),
);
const SIZES = (args.get('sizes') ?? '1000,10000,100000').split(',').map(Number);
const REPEATS = Number(args.get('repeats') ?? 3);
const QUERIES = ['anna schmidt 784', 'sofia colombo 752'];
/**
 * The memory adapter answers in the page, on the main thread. With a latency its search runs after
 * the keystroke's paint, as a remote backend's would; 0 (the default) is the adapter as it ships.
 */
const ADAPTER_LATENCY_MS = Number(args.get('adapter-latency') ?? 0);
/** A keystroke that has not painted a consistent list by then counts as a failure. */
const KEYSTROKE_TIMEOUT_MS = 20_000;
/**
 * react-select at 100,000 users takes seconds per keystroke (and ~10 s to open): it gets one run
 * and a typing budget, to keep the whole bench within a few minutes. It is not part of any goal.
 */
const isHeavy = (config, users) => config.id === 'rs' && users >= 100_000;
const HEAVY_BUDGET_MS = Number(args.get('heavy-budget') ?? 10_000);

const CONFIGS = [
  { id: 'cp', name: 'ContactPicker (debounce 120 ms)', query: 'lib=contact-picker' },
  { id: 'cp0', name: 'ContactPicker (debounce 0)', query: 'lib=contact-picker&debounce=0' },
  { id: 'rs', name: 'react-select 5.10', query: 'lib=react-select' },
];

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--js-flags=--expose-gc',
];

const started = performance.now();
const log = (message) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

// ---------------------------------------------------------------------------------------------
// Bundle cost

const PEERS_REACT = ['react', 'react-dom'];
const PEERS_ALL = [...PEERS_REACT, '@tanstack/react-query', 'react-hook-form', 'zod'];

function externalFor(peers) {
  return (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));
}

function packageOf(moduleId) {
  const marker = moduleId.lastIndexOf('node_modules/');
  if (marker === -1)
    return moduleId.startsWith(path.join(root, 'src')) ? 'account-billing-kit (src)' : 'other';
  const rest = moduleId.slice(marker + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? 'other');
}

/** Production, minified build of one host entry (as a host app's bundler would): bytes, gzip bytes, by package. */
async function measureEntry(entry, peers) {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    // A host's production build replaces this; without it, dev-only branches would be counted.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry: path.join(root, entry), formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: externalFor(peers) },
    },
  });
  const outputs = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  let js = 0;
  let jsGzip = 0;
  let css = 0;
  let cssGzip = 0;
  const byPackage = {};
  for (const file of outputs) {
    if (file.type === 'chunk') {
      js += Buffer.byteLength(file.code);
      jsGzip += gzipSync(file.code, { level: 9 }).length;
      for (const [id, info] of Object.entries(file.modules)) {
        const name = packageOf(id);
        byPackage[name] = (byPackage[name] ?? 0) + info.renderedLength;
      }
    } else if (file.fileName.endsWith('.css')) {
      css += Buffer.byteLength(file.source);
      cssGzip += gzipSync(file.source, { level: 9 }).length;
    }
  }
  return { entry, external: peers, js, jsGzip, css, cssGzip, byPackage };
}

const DOWNSHIFT = ['downshift'];
const VIRTUAL = ['@tanstack/react-virtual', '@tanstack/virtual-core'];

async function measureBundles() {
  log('bundle: building host entries');
  const contactPickerBeyondPeers = await measureEntry('bench/bundle/contact-picker.ts', PEERS_ALL);
  // What each dependency adds: the entry's size minus its size with that dependency external too.
  const withoutDownshift = await measureEntry('bench/bundle/contact-picker.ts', [...PEERS_ALL, ...DOWNSHIFT]);
  const withoutVirtual = await measureEntry('bench/bundle/contact-picker.ts', [...PEERS_ALL, ...VIRTUAL]);
  const ownCode = await measureEntry('bench/bundle/contact-picker.ts', [
    ...PEERS_ALL,
    ...DOWNSHIFT,
    ...VIRTUAL,
  ]);
  return {
    contactPicker: await measureEntry('bench/bundle/contact-picker.ts', PEERS_REACT),
    contactPickerBeyondPeers,
    reactSelect: await measureEntry('bench/bundle/react-select.ts', PEERS_REACT),
    styles: await measureEntry('bench/bundle/styles.ts', PEERS_ALL),
    marginalGzip: {
      downshift: contactPickerBeyondPeers.jsGzip - withoutDownshift.jsGzip,
      '@tanstack/react-virtual + virtual-core': contactPickerBeyondPeers.jsGzip - withoutVirtual.jsGzip,
      'account-billing-kit own code': ownCode.jsGzip,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Static server for the built page

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };

async function serve(dir) {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const file = path.join(dir, url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        response.end(body);
      },
      () => response.writeHead(404).end(),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

// ---------------------------------------------------------------------------------------------
// Browser runs

async function heapUsed(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? NaN;
}

async function runOnce(browser, origin, config, users, { measureAdapter }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const phaseMs = {};
    let phaseStart = performance.now();
    const phase = (name) => {
      phaseMs[name] = Math.round(performance.now() - phaseStart);
      phaseStart = performance.now();
    };
    const latency = config.id === 'rs' ? '' : `&latency=${ADAPTER_LATENCY_MS}`;
    await page.goto(`${origin}/?${config.query}&users=${users}${latency}`);
    await page.waitForSelector('html[data-bench-ready]', { timeout: 120_000 });
    const setupMs = await page.evaluate(() => window.__bench.setupMs);
    const heapBefore = await heapUsed(cdp);
    phase('load');
    const mountMs = await page.evaluate(() => window.__bench.mount());
    const openMs = await page.evaluate(() => window.__bench.open());
    phase('mountOpen');
    const heapAfterOpen = await heapUsed(cdp);
    const afterOpen = await page.evaluate(() => window.__bench.listStats());
    phase('heap');
    const budget = isHeavy(config, users) ? HEAVY_BUDGET_MS : Infinity;
    const keystrokes = await page.evaluate(
      ([queries, timeout, budgetMs]) => window.__bench.type(queries, timeout, budgetMs ?? Infinity),
      // Infinity does not survive serialisation; null stands for "no budget".
      [QUERIES, KEYSTROKE_TIMEOUT_MS, Number.isFinite(budget) ? budget : null],
    );
    const afterTyping = await page.evaluate(() => window.__bench.listStats());
    phase('typing');
    const prefixes = QUERIES.flatMap((query) => [...query].map((_, index) => query.slice(0, index + 1)));
    const adapterSearchMs = measureAdapter
      ? await page.evaluate((queries) => window.__bench.adapterSearchMs(queries), prefixes)
      : [];
    phase('adapter');
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return {
      setupMs,
      mountMs,
      openMs,
      heapBefore,
      heapAfterOpen,
      afterOpen,
      afterTyping,
      keystrokes,
      adapterSearchMs,
      phaseMs,
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and reporting

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

const median = (values) => percentile(values, 50);

/** Per run: p50/p95 over its keystrokes (a timed-out keystroke counts as infinitely slow). */
function summariseRun(run) {
  const first = run.keystrokes.map((k) => k.firstMs ?? Infinity);
  const settled = run.keystrokes.map((k) => k.settledMs ?? Infinity);
  return {
    mountMs: run.mountMs,
    openMs: run.openMs,
    heapAfterOpen: run.heapAfterOpen,
    heapDelta: run.heapAfterOpen - run.heapBefore,
    firstP50: percentile(first, 50),
    firstP95: percentile(first, 95),
    settledP50: percentile(settled, 50),
    settledP95: percentile(settled, 95),
    keystrokes: run.keystrokes.length,
    timeouts: run.keystrokes.filter((k) => k.firstMs === null || k.settledMs === null).length,
    blank: run.keystrokes.filter((k) => k.blankStatuses.length > 0).length,
    // ContactPicker's keystrokes split by whether the list went blank (see "Blank lists").
    firstP95NonBlank: percentile(
      run.keystrokes.filter((k) => k.blankStatuses.length === 0).map((k) => k.firstMs ?? Infinity),
      95,
    ),
    firstMedianBlank: percentile(
      run.keystrokes.filter((k) => k.blankStatuses.length > 0).map((k) => k.firstMs ?? Infinity),
      50,
    ),
    rowsAfterOpen: run.afterOpen.rows,
    listHeightAfterOpen: run.afterOpen.listHeight,
    loadedAfterOpen: run.afterOpen.loaded ?? NaN,
    searchesAfterOpen: run.afterOpen.searches ?? NaN,
    rowsAfterTyping: run.afterTyping.rows,
    listHeightAfterTyping: run.afterTyping.listHeight,
    searches: run.afterTyping.searches ?? NaN,
    adapterSearchP50: percentile(run.adapterSearchMs, 50),
    adapterSearchMax: percentile(run.adapterSearchMs, 100),
  };
}

function summarise(runs) {
  const summaries = runs.map(summariseRun);
  const keys = Object.keys(summaries[0]);
  // NaN: not measured in that run. (Infinity, a timed-out keystroke, is kept.)
  return Object.fromEntries(
    keys.map((key) => [key, median(summaries.map((s) => s[key]).filter((v) => !Number.isNaN(v)))]),
  );
}

const ms = (value) =>
  Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : 'timeout';
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
const kb = (bytes) => (bytes / 1000).toFixed(1);

function table(rows) {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  const line = (row) => `| ${row.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [
    line(rows[0]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/**
 * Timings are only comparable on an otherwise idle machine: say so when it is not. The bench itself
 * keeps about one and a half cores busy, so the load at the end is allowed that much more.
 */
function loadNote(own = 0) {
  const [load] = loadavg();
  const cores = availableParallelism();
  return { load, cores, busy: load > cores * 0.75 + own };
}

async function main() {
  await mkdir(cacheDir, { recursive: true });
  const loadAtStart = loadNote();
  if (loadAtStart.busy)
    log(
      `warning: load average ${loadAtStart.load.toFixed(1)} on ${loadAtStart.cores} cores; timings will be noisy`,
    );
  const bundles = args.has('no-bundle') ? null : await measureBundles();

  const results = {};
  let browserVersion = null;
  if (!args.has('no-browser')) {
    log('page: building bench/ with Vite');
    await build({ configFile: path.join(root, 'bench/vite.config.ts'), logLevel: 'warn' });
    const { server, origin } = await serve(pageDir);
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    browserVersion = browser.version();
    try {
      // Repeats outermost, so drift over the run (thermal, background work) spreads over every config.
      for (let repeat = 1; repeat <= REPEATS; repeat += 1) {
        for (const users of SIZES) {
          for (const config of CONFIGS) {
            if (isHeavy(config, users) && repeat > 1) continue;
            const runStart = performance.now();
            // The adapter's own search time does not change between repeats: measured once.
            const run = await runOnce(browser, origin, config, users, { measureAdapter: repeat === 1 });
            const s = summariseRun(run);
            log(
              `(${((performance.now() - runStart) / 1000).toFixed(0)} s) run ${repeat}/${REPEATS} ${config.id.padEnd(3)} ${String(users).padStart(6)} users: mount ${ms(s.mountMs)}, open ${ms(s.openMs)}, ` +
                `key p50/p95 ${ms(s.firstP50)}/${ms(s.firstP95)} (settled ${ms(s.settledP50)}/${ms(s.settledP95)}) ms, heap ${mb(s.heapAfterOpen)} MB` +
                (args.has('verbose') ? ` ${JSON.stringify(run.phaseMs)}` : ''),
            );
            ((results[users] ??= {})[config.id] ??= []).push(run);
          }
        }
      }
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  // ----- report
  const out = [];
  const summary = {};
  out.push(
    `## ContactPicker vs react-select — median of ${REPEATS} runs, ${QUERIES.join('').length} keystrokes each`,
  );
  out.push('');
  if (Object.keys(results).length > 0) {
    const rows = [
      [
        'Users',
        'Component',
        'Mount',
        'Open',
        'Key p50',
        'Key p95',
        'Settled p50',
        'Settled p95',
        'Blank lists',
        'Heap after open',
        'Heap Δ (mount+open)',
      ],
    ];
    for (const users of SIZES) {
      for (const config of CONFIGS) {
        const runs = results[users]?.[config.id];
        if (!runs) continue;
        const s = summarise(runs);
        (summary[users] ??= {})[config.id] = s;
        const settled = config.id === 'rs';
        const note =
          runs.length < REPEATS || s.keystrokes < QUERIES.join('').length
            ? ` (${runs.length} run, ${s.keystrokes} keys)`
            : '';
        rows.push([
          users.toLocaleString('en'),
          config.name + note,
          `${ms(s.mountMs)} ms`,
          `${ms(s.openMs)} ms`,
          `${ms(s.firstP50)} ms`,
          `${ms(s.firstP95)} ms`,
          settled ? '(same)' : `${ms(s.settledP50)} ms`,
          settled ? '(same)' : `${ms(s.settledP95)} ms`,
          settled ? '–' : `${s.blank}/${s.keystrokes}`,
          `${mb(s.heapAfterOpen)} MB`,
          `${mb(s.heapDelta)} MB`,
        ]);
      }
    }
    out.push(table(rows));
    out.push('');
    const inner = [
      [
        'Users',
        'Component',
        'Rows in DOM (open)',
        'List height (open)',
        'Users loaded (open)',
        'Searches (open / total)',
        'Key p95, keystrokes with options',
        'Key median, blank-list keystrokes',
        'Adapter search p50 / max',
      ],
    ];
    for (const users of SIZES) {
      for (const config of CONFIGS) {
        const s = summary[users]?.[config.id];
        if (!s) continue;
        const cpRow = config.id !== 'rs';
        inner.push([
          users.toLocaleString('en'),
          config.name,
          String(s.rowsAfterOpen),
          `${s.listHeightAfterOpen} px`,
          cpRow ? String(s.loadedAfterOpen) : String(users),
          cpRow ? `${s.searchesAfterOpen} / ${s.searches}` : '–',
          cpRow ? `${ms(s.firstP95NonBlank)} ms` : '–',
          cpRow && Number.isFinite(s.firstMedianBlank) ? `${ms(s.firstMedianBlank)} ms` : '–',
          cpRow ? `${ms(s.adapterSearchP50)} / ${ms(s.adapterSearchMax)} ms` : '–',
        ]);
      }
    }
    out.push(table(inner));
    out.push('');
    out.push(
      [
        'Key p50/p95: keydown dispatch → second animation frame after the list first shows options consistent with the',
        `typed text (ContactPicker: every rendered row matches; react-select: exactly its filtered options), over the`,
        `keystrokes of ${QUERIES.map((q) => `"${q}"`).join(' and ')} (cleared in between), each typed once the previous one settled.`,
        "Settled: until ContactPicker shows the server's answer for that text (not busy, count announced).",
        'Blank lists: keystrokes on which ContactPicker showed no options (an "empty"/"loading" state) although the text has matches.',
        'Heap: JSHeapUsedSize after a forced GC, with the data set (users in the memory adapter / react-select options) included;',
        'Δ is after open minus before mount.',
        ADAPTER_LATENCY_MS > 0
          ? `ContactPicker's memory adapter ran with a latency of ${ADAPTER_LATENCY_MS} ms (--adapter-latency).`
          : "ContactPicker's memory adapter ran without latency: its search shares the main thread with the keystroke.",
        "Rows in DOM: option elements rendered once the list has opened; list height: the scrolling list's clientHeight",
        '(ContactPicker caps it at 318 px). Adapter search: the in-page memory adapter answering each typed prefix (limit 50),',
        'measured after typing: the "server" work that shares the main thread with the ContactPicker runs.',
        'The two "Key" columns of the second table split ContactPicker\'s keystrokes by whether the list went blank.',
      ].join('\n'),
    );
    out.push('');
  }

  if (bundles) {
    out.push('## Bundle cost (production, minified, gzip -9)');
    out.push('');
    const rows = [['Entry', 'External', 'min', 'min+gz']];
    const add = (label, result, external = result.external.join(', ')) =>
      rows.push([
        label,
        external,
        `${kb(result.js + result.css)} kB`,
        `${kb(result.jsGzip + result.cssGzip)} kB`,
      ]);
    add('ContactPicker + AccountSettingsProvider', bundles.contactPicker);
    add('ContactPicker + AccountSettingsProvider, beyond peers', bundles.contactPickerBeyondPeers);
    add('react-select (default export)', bundles.reactSelect);
    add('styles.css (whole library; not in the rows above)', bundles.styles, '–');
    out.push(table(rows));
    out.push('');
    const marginal = Object.entries(bundles.marginalGzip).map(([name, bytes]) => `${name} ${kb(bytes)} kB`);
    out.push(
      `ContactPicker beyond peers, min+gz by part (size with the part minus size without it): ${marginal.join(', ')}.`,
    );
    const byPackage = Object.entries(bundles.contactPickerBeyondPeers.byPackage)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([name, bytes]) => `${name} ${kb(bytes)} kB`);
    out.push(`Largest parts before minification: ${byPackage.join(', ')}.`);
    out.push(
      'kB = 1,000 bytes. Host entries are bench/bundle/*.ts, built as a host app would (NODE_ENV=production).',
    );
    out.push('');
  }

  // ----- goals
  const goals = [];
  const cp = (users, id = 'cp') => summary[users]?.[id];
  if (cp(1000) && cp(100000)) {
    for (const id of ['cp', 'cp0']) {
      const small = cp(1000, id).firstP95;
      const large = cp(100000, id).firstP95;
      goals.push([
        `Keystroke p95 at 100,000 users ≤ 1.2 × at 1,000 — ${CONFIGS.find((c) => c.id === id).name}`,
        `${ms(large)} ms vs 1.2 × ${ms(small)} = ${ms(1.2 * small)} ms (×${(large / small).toFixed(2)})`,
        large <= 1.2 * small,
      ]);
    }
  }
  if (cp(10000) && summary[10000]?.rs) {
    const rs = summary[10000].rs.firstP95;
    for (const id of ['cp', 'cp0']) {
      const ours = cp(10000, id).firstP95;
      goals.push([
        `At 10,000 users keystroke p95 ≤ ⅕ of react-select's — ${CONFIGS.find((c) => c.id === id).name}`,
        `${ms(ours)} ms vs ${ms(rs)} / 5 = ${ms(rs / 5)} ms (react-select is ×${(rs / ours).toFixed(1)})`,
        ours <= rs / 5,
      ]);
    }
  }
  if (bundles) {
    const gz = bundles.contactPickerBeyondPeers.jsGzip;
    goals.push([
      'ContactPicker entry ≤ 20 kB min+gzip beyond peers',
      `${kb(gz)} kB (${gz} bytes)`,
      gz <= 20_000,
    ]);
  }
  if (goals.length > 0) {
    out.push('## Goals');
    out.push('');
    out.push(
      table([
        ['Goal', 'Measured', 'Met'],
        ...goals.map(([goal, measured, met]) => [goal, measured, met ? 'yes' : 'NO']),
      ]),
    );
    out.push('');
  }
  const loadAtEnd = loadNote(1.5);
  out.push(
    `Total time ${((performance.now() - started) / 1000).toFixed(0)} s. Load average ${loadAtStart.load.toFixed(1)} at start, ` +
      `${loadAtEnd.load.toFixed(1)} at end, on ${loadAtEnd.cores} cores${loadAtStart.busy || loadAtEnd.busy ? ' — the machine was busy; rerun on an idle one for stable numbers' : ''}.`,
  );
  console.log(out.join('\n'));

  const file = path.join(cacheDir, 'results.json');
  await writeFile(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        browser: browserVersion,
        load: [loadAtStart, loadAtEnd],
        sizes: SIZES,
        repeats: REPEATS,
        queries: QUERIES,
        summary,
        bundles,
        goals,
        runs: results,
      },
      null,
      1,
    ),
  );
  log(`raw results: ${path.relative(root, file)}`);
}

await main();
