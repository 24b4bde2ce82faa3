// `npm run size`: what the library costs a host, against its budgets. Builds each host entry in
// bench/bundle/ as a host app's production build would (scripts/bundle-size.mjs), prints a table, and
// exits 1 when an entry is over its limit or the payment step is no longer a lazy chunk.
// `.ci/run` runs it, so a budget overrun fails CI.
//
//   node scripts/size.mjs [--json]
import { measureEntry } from './bundle-size.mjs';

const REACT = ['react', 'react-dom'];
const kB = (bytes) => (bytes / 1000).toFixed(1);

/**
 * `limit` is what CI enforces; `target` is the budget the library is held to. Where they differ,
 * the target is not met yet and the limit is the measured size plus a small margin, so that the
 * size can only go down until it is met.
 */
const BUDGETS = [
  {
    name: 'Both screens + provider: JS (initial + lazy), beyond react, react-dom, @tanstack/react-query',
    entry: 'bench/bundle/both-screens.ts',
    external: [...REACT, '@tanstack/react-query'],
    size: (result) => result.initial.gzip + result.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0),
    // Target 60 kB, met: 50.0 kB measured as an app's build minifies it (decision 0025), with
    // the screens' own form state instead of react-hook-form (decision 0023), the schemas marked
    // pure and the seat step reading today's holders. The harness had measured the same code
    // ~10 kB heavier (whitespace Vite keeps in ES libraries, a third chunk): 60.6 kB with its
    // old settings, 77.3 kB with react-hook-form. zod/mini is the biggest dependency left.
    limit: 50_200,
    target: 60_000,
  },
  {
    name: 'Both screens: styles/base.css + company-information.css + upgrade-wizard.css',
    entry: 'bench/bundle/both-screens.ts',
    external: [...REACT, '@tanstack/react-query'],
    size: (result) => result.css.gzip,
    // Target 6 kB, met: 5.90 kB as published (each rule flattened to one class), the page
    // importing the base sheet and its two screens' sheets (7.1 kB for the whole styles.css).
    limit: 5_950,
    target: 6_000,
  },
  {
    name: 'All screens: styles.css',
    entry: 'bench/bundle/styles.ts',
    external: [],
    size: (result) => result.css.gzip,
    // No target of its own (a page pays for the screens it renders); 7.11 kB measured, and
    // the limit keeps the whole stylesheet from growing unnoticed.
    limit: 7_200,
    target: 7_200,
  },
  {
    name: 'ContactPicker + provider: JS, beyond react, react-dom',
    entry: 'bench/bundle/contact-picker.ts',
    external: REACT,
    size: (result) => result.initial.gzip + result.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0),
    // Target 30 kB, met: 22.3 kB measured (25.5 kB with the whitespace Vite keeps in ES
    // libraries; 49.3 kB with classic zod and the whole English catalog). The limit keeps it there.
    limit: 22_400,
    target: 30_000,
  },
];

/** Card handling is only downloaded when someone reaches the payment step. */
const LAZY_MODULE = 'src/components/upgrade-wizard/PaymentStep.tsx';

const results = new Map();
async function measure(entry, external) {
  const key = `${entry} ${external.join(',')}`;
  if (!results.has(key)) results.set(key, await measureEntry(entry, external));
  return results.get(key);
}

const rows = [];
let failed = false;
for (const budget of BUDGETS) {
  const result = await measure(budget.entry, budget.external);
  const size = budget.size(result);
  const over = size > budget.limit;
  failed ||= over;
  rows.push({
    name: budget.name,
    size,
    limit: budget.limit,
    target: budget.target,
    status: over
      ? 'OVER LIMIT'
      : size <= budget.target
        ? 'ok'
        : `ok, ${kB(size - budget.target)} kB over target`,
  });
}

const screens = await measure('bench/bundle/both-screens.ts', [...REACT, '@tanstack/react-query']);
const lazyChunk = screens.lazy.find((chunk) => chunk.modules.includes(LAZY_MODULE));
const lazyOk = lazyChunk !== undefined && !screens.initial.modules.includes(LAZY_MODULE);
failed ||= !lazyOk;

if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ rows, lazy: { ok: lazyOk, chunk: lazyChunk } }, null, 1));
} else {
  const table = [
    ['Entry (gzip -9, kB = 1,000 bytes)', 'Size', 'Limit', 'Target', 'Status'],
    ...rows.map((row) => [
      row.name,
      `${kB(row.size)} kB`,
      `${kB(row.limit)} kB`,
      `${kB(row.target)} kB`,
      row.status,
    ]),
  ];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const [index, row] of table.entries()) {
    console.log(`| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`);
    if (index === 0) console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  }
  console.log(
    `\nBoth screens, initial JS ${kB(screens.initial.gzip)} kB; payment step ${
      lazyOk ? `a lazy chunk of ${kB(lazyChunk.gzip)} kB` : 'NOT a lazy chunk'
    }.`,
  );
}
if (failed) {
  console.error('\nsize: over budget (see above).');
  process.exit(1);
}
