// `npm run bench`: ContactPicker against downshift + TanStack Virtual, Headless UI's virtual
// Combobox and react-select, in headless Chromium, at 1,000, 10,000 and 100,000 users, plus the
// bundle cost of each as a host would build it.
//
//   node scripts/bench.mjs [--sizes=1000,10000,100000] [--repeats=3] [--only=cp,cp0,ds,hui,rs]
//                          [--no-bundle] [--no-browser] [--adapter-latency=ms] [--heavy-budget=ms] [--verbose]
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
import { chromium } from 'playwright';
import { build } from 'vite';
import { measureEntry } from './bundle-size.mjs';

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

const ALL_CONFIGS = [
  { id: 'cp', name: 'ContactPicker (debounce 120 ms)', query: 'lib=contact-picker' },
  { id: 'cp0', name: 'ContactPicker (debounce 0)', query: 'lib=contact-picker&debounce=0' },
  { id: 'ds', name: 'downshift 9 + @tanstack/react-virtual 3', query: 'lib=downshift' },
  { id: 'hui', name: 'Headless UI 2 Combobox `virtual`', query: 'lib=headless' },
  { id: 'rs', name: 'react-select 5.10', query: 'lib=react-select' },
];
const ONLY = args.get('only')?.split(',');
const CONFIGS = ALL_CONFIGS.filter((config) => !ONLY || ONLY.includes(config.id));
/** The pickers whose list comes from an adapter (the others filter in the page). */
const isContactPicker = (id) => id === 'cp' || id === 'cp0';

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
// Bundle cost (scripts/bundle-size.mjs: a host's production build, gzip -9)

const PEERS_REACT = ['react', 'react-dom'];

async function measureBundles() {
  log('bundle: building host entries');
  const entries = {
    contactPicker: 'bench/bundle/contact-picker.ts',
    downshiftVirtual: 'bench/bundle/downshift-virtual.ts',
    headlessui: 'bench/bundle/headlessui.ts',
    reactSelect: 'bench/bundle/react-select.ts',
  };
  const bundles = {};
  for (const [key, entry] of Object.entries(entries)) bundles[key] = await measureEntry(entry, PEERS_REACT);
  return bundles;
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
    const latency = isContactPicker(config.id) ? `&latency=${ADAPTER_LATENCY_MS}` : '';
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
  const exact = run.keystrokes.map((k) => k.exactMs ?? Infinity);
  return {
    mountMs: run.mountMs,
    openMs: run.openMs,
    heapAfterOpen: run.heapAfterOpen,
    heapDelta: run.heapAfterOpen - run.heapBefore,
    exactP50: percentile(exact, 50),
    exactP95: percentile(exact, 95),
    firstP50: percentile(first, 50),
    firstP95: percentile(first, 95),
    keystrokes: run.keystrokes.length,
    timeouts: run.keystrokes.filter((k) => k.exactMs === null).length,
    blank: run.keystrokes.filter((k) => k.blankStatuses.length > 0).length,
    rowsAfterOpen: run.afterOpen.rows,
    listHeightAfterOpen: run.afterOpen.listHeight,
    searchesAfterOpen: run.afterOpen.searches ?? NaN,
    rowsAfterTyping: run.afterTyping.rows,
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
                `key p50/p95 ${ms(s.exactP50)}/${ms(s.exactP95)} (first rows ${ms(s.firstP50)}/${ms(s.firstP95)}) ms, heap ${mb(s.heapAfterOpen)} MB` +
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
  out.push(`## User pickers — median of ${REPEATS} runs, ${QUERIES.join('').length} keystrokes each`);
  out.push('');
  if (Object.keys(results).length > 0) {
    const rows = [
      [
        'Users',
        'Picker',
        'Mount',
        'Open',
        'Key p50',
        'Key p95',
        'First rows p50 / p95',
        'Heap after open',
        'Heap Δ',
      ],
    ];
    for (const users of SIZES) {
      for (const config of CONFIGS) {
        const runs = results[users]?.[config.id];
        if (!runs) continue;
        const s = summarise(runs);
        (summary[users] ??= {})[config.id] = s;
        const note =
          runs.length < REPEATS || s.keystrokes < QUERIES.join('').length
            ? ` (${runs.length} run, ${s.keystrokes} keys)`
            : '';
        rows.push([
          users.toLocaleString('en'),
          config.name + note,
          `${ms(s.mountMs)} ms`,
          `${ms(s.openMs)} ms`,
          `${ms(s.exactP50)} ms`,
          `${ms(s.exactP95)} ms`,
          `${ms(s.firstP50)} / ${ms(s.firstP95)} ms`,
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
        'ContactPicker',
        'Rows in DOM (open)',
        'Searches (open / total)',
        'Blank lists',
        'Adapter search p50 / max',
      ],
    ];
    for (const users of SIZES) {
      for (const config of CONFIGS.filter((c) => isContactPicker(c.id))) {
        const s = summary[users]?.[config.id];
        if (!s) continue;
        inner.push([
          users.toLocaleString('en'),
          config.name,
          String(s.rowsAfterOpen),
          `${s.searchesAfterOpen} / ${s.searches}`,
          `${s.blank}/${s.keystrokes}`,
          `${ms(s.adapterSearchP50)} / ${ms(s.adapterSearchMax)} ms`,
        ]);
      }
    }
    if (inner.length > 1) {
      out.push(table(inner));
      out.push('');
    }
    out.push(
      [
        'Key p50/p95: keydown dispatch → second animation frame after the list shows exactly the expected result: the first',
        'match first, the last rendered option the match at its position, and the expected count (aria-setsize; react-select',
        `renders every match), over the keystrokes of ${QUERIES.map((q) => `"${q}"`).join(' and ')} (cleared in between),`,
        "each typed once the previous one settled. ContactPicker reaches it with the server's answer; until then it narrows the",
        'rows it has: "First rows" is until every rendered option matches the typed text.',
        'Everyone filters the same users, in the same order, with the same filter (every term in the folded name and email):',
        'the peers in the page on each keystroke, ContactPicker through the in-page memory adapter.',
        'Heap: JSHeapUsedSize after a forced GC after opening, data set included; Δ is after open minus before mount.',
        ADAPTER_LATENCY_MS > 0
          ? `ContactPicker's memory adapter ran with a latency of ${ADAPTER_LATENCY_MS} ms (--adapter-latency).`
          : "ContactPicker's memory adapter ran without latency: its search shares the main thread with the keystroke.",
      ].join('\n'),
    );
    out.push('');
  }

  if (bundles) {
    out.push('## Bundle cost (host production build, react and react-dom external, gzip -9)');
    out.push('');
    const rows = [['Entry', 'min', 'min+gz']];
    const add = (label, result) => {
      const lazy = result.lazy.reduce((sum, chunk) => sum + chunk.bytes, 0);
      const lazyGzip = result.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0);
      rows.push([label, `${kb(result.initial.bytes + lazy)} kB`, `${kb(result.initial.gzip + lazyGzip)} kB`]);
    };
    add('ContactPicker + AccountSettingsProvider (TanStack Query included)', bundles.contactPicker);
    add('downshift useCombobox + @tanstack/react-virtual', bundles.downshiftVirtual);
    add('@headlessui/react Combobox', bundles.headlessui);
    add('react-select (default export)', bundles.reactSelect);
    out.push(table(rows));
    out.push('');
  }

  // ----- goals (issue: keystroke p95 ≤ the best peer's at every size without debounce, the
  // debounced default within one debounce interval of it; open ≤ the best peer; mount ≤ 1.5 ×
  // the best peer; heap at 100,000 users ≤ 10 MB)
  const goals = [];
  const PEER_IDS = ['ds', 'hui'];
  for (const users of SIZES) {
    const peers = PEER_IDS.map((id) => summary[users]?.[id]).filter(Boolean);
    const cp0 = summary[users]?.cp0;
    const cp = summary[users]?.cp;
    if (peers.length === 0) continue;
    const best = (key) => Math.min(...peers.map((peer) => peer[key]));
    const size = users.toLocaleString('en');
    if (cp0) {
      goals.push([
        `${size}: key p95, no debounce ≤ best peer`,
        `${ms(cp0.exactP95)} vs ${ms(best('exactP95'))} ms`,
        cp0.exactP95 <= best('exactP95'),
      ]);
      goals.push([
        `${size}: open ≤ best peer`,
        `${ms(cp0.openMs)} vs ${ms(best('openMs'))} ms`,
        cp0.openMs <= best('openMs'),
      ]);
      goals.push([
        `${size}: mount ≤ 1.5 × best peer`,
        `${ms(cp0.mountMs)} vs ${ms(1.5 * best('mountMs'))} ms`,
        cp0.mountMs <= 1.5 * best('mountMs'),
      ]);
    }
    if (cp) {
      goals.push([
        `${size}: key p95, default debounce ≤ best peer + 120 ms`,
        `${ms(cp.exactP95)} vs ${ms(best('exactP95') + 120)} ms`,
        cp.exactP95 <= best('exactP95') + 120,
      ]);
    }
    if (users >= 100_000 && cp0) {
      goals.push([
        `${size}: heap Δ (mount + open) ≤ 10 MB`,
        `${mb(cp0.heapDelta)} MB`,
        cp0.heapDelta <= 10 * 1024 * 1024,
      ]);
    }
  }
  if (goals.length > 0) {
    out.push(
      '## Goals (ContactPicker against the best of downshift + TanStack Virtual and Headless UI `virtual`)',
    );
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
