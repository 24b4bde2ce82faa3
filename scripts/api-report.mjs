// The public API report: one `reports/<entry>.api.md` per package entry, written by API Extractor
// from the built declarations (`dist/types`). The reports are committed, so a change to the public
// surface shows up in review as a change to a report, and CI fails when the two disagree.
//
//   node scripts/api-report.mjs --update   rewrites the reports
//   node scripts/api-report.mjs --check    fails, printing the difference, when a report is stale,
//                                          when a public type names a dependency's internals, and
//                                          when the built root entry (dist/index.js and the chunks
//                                          it imports) imports react-hook-form
//   node scripts/api-report.mjs --list     lists the sub-checks by id
//
// Both modes read `dist/types`: run `tsc -p tsconfig.build.json` first (the npm scripts do).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Extractor, ExtractorConfig, ExtractorLogLevel } from '@microsoft/api-extractor';

const root = fileURLToPath(new URL('..', import.meta.url));
const reportFolder = path.join(root, 'reports');
const tempFolder = path.join(root, 'node_modules', '.cache', 'api-report');

/** Every public entry of package.json `exports` that has types; one locale stands for all five. */
const entries = [
  { name: 'index', specifier: 'account-billing-kit', types: 'dist/types/index.d.ts' },
  { name: 'memory', specifier: 'account-billing-kit/memory', types: 'dist/types/adapter/memory.d.ts' },
  { name: 'http', specifier: 'account-billing-kit/http', types: 'dist/types/adapter/http.d.ts' },
  { name: 'schemas', specifier: 'account-billing-kit/schemas', types: 'dist/types/schemas/index.d.ts' },
  { name: 'testing', specifier: 'account-billing-kit/testing', types: 'dist/types/testing/index.d.ts' },
  {
    name: 'react-hook-form',
    specifier: 'account-billing-kit/react-hook-form',
    types: 'dist/types/react-hook-form.d.ts',
  },
  { name: 'locales-en', specifier: 'account-billing-kit/locales/en', types: 'dist/types/locales/en.d.ts' },
];

/**
 * Dependencies whose types must never reach the public surface: swapping the combobox or the
 * virtualiser, or changing how a form is wired, must not be a breaking change for hosts.
 * react-hook-form is an optional peer: only `account-billing-kit/react-hook-form`, whose
 * `ContactPickerField` binds to a host's form, may name the few types a host already holds to
 * do that (its `control` and a field name); no other entry names react-hook-form at all.
 */
const forbiddenModules = [
  { module: 'downshift', why: 'the combobox primitive is an implementation detail' },
  { module: '@tanstack/react-virtual', why: 'the virtualiser is an implementation detail' },
  { module: '@tanstack/virtual-core', why: 'the virtualiser is an implementation detail' },
  { module: '@hookform/resolvers', why: 'how a form validates is an implementation detail' },
  {
    module: 'react-hook-form',
    why: 'only account-billing-kit/react-hook-form names the types a host passes in to bind a field',
    allowed: ['Control', 'FieldPath', 'FieldValues'],
    allowedIn: ['react-hook-form'],
  },
];

const mode = process.argv[2];
if (!['--update', '--check', '--list'].includes(mode ?? '')) {
  console.error('usage: node scripts/api-report.mjs --update | --check | --list');
  process.exit(2);
}

/** Sub-check ids, stable so a known failure can be named in an issue or a CI log. */
const checkIds = [
  ...entries.flatMap((entry) => [`api-report:${entry.name}`, `dependency-types:${entry.name}`]),
  'runtime-imports:index',
];
if (mode === '--list') {
  for (const id of checkIds) console.log(id);
  process.exit(0);
}

const localBuild = mode === '--update';
const results = [];

rmSync(tempFolder, { recursive: true, force: true });
mkdirSync(tempFolder, { recursive: true });
if (localBuild) mkdirSync(reportFolder, { recursive: true });

for (const entry of entries) {
  const entryPoint = path.join(root, entry.types);
  if (!existsSync(entryPoint)) {
    console.error(
      `${entry.types} is missing: run \`npm run build\` (or \`tsc -p tsconfig.build.json\`) first.`,
    );
    process.exit(2);
  }
  const reportPath = path.join(reportFolder, `${entry.name}.api.md`);
  const tempPath = path.join(tempFolder, `${entry.name}.api.md`);
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: root,
      mainEntryPointFilePath: entryPoint,
      newlineKind: 'lf',
      compiler: {
        // Only the declarations are analysed; the project's own tsconfig would pull in src/.
        overrideTsconfig: {
          compilerOptions: {
            target: 'ES2022',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            module: 'ESNext',
            moduleResolution: 'Bundler',
            jsx: 'react-jsx',
            strict: true,
            skipLibCheck: true,
            types: [],
          },
          files: [entryPoint],
        },
      },
      apiReport: {
        enabled: true,
        reportFileName: entry.name,
        reportFolder,
        reportTempFolder: tempFolder,
        // Types the entry uses without exporting them are part of its surface all the same.
        includeForgottenExports: true,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: 'warning' } },
        // The project documents with JSDoc, not TSDoc release tags; the report is the point here.
        extractorMessageReporting: {
          default: { logLevel: 'warning', addToApiReportFile: false },
          'ae-missing-release-tag': { logLevel: 'none', addToApiReportFile: false },
          'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: false },
          'ae-unresolved-link': { logLevel: 'none', addToApiReportFile: false },
          'ae-internal-missing-underscore': { logLevel: 'none', addToApiReportFile: false },
          // Missing JSDoc shows in the report as "(undocumented)", where a reviewer sees it.
          'ae-undocumented': { logLevel: 'none', addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: 'none' } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: path.join(root, 'package.json'),
  });

  const messages = [];
  const result = Extractor.invoke(config, {
    localBuild,
    showVerboseMessages: false,
    messageCallback: (message) => {
      // API Extractor's own notes (its TypeScript version, "report changed", "report created")
      // are summarised below; errors and warnings about the declarations are printed.
      const own = String(message.messageId).startsWith('console-');
      if (
        message.logLevel === ExtractorLogLevel.Error ||
        (message.logLevel === ExtractorLogLevel.Warning && !own)
      )
        messages.push(message.formatMessageWithLocation(root));
      message.handled = true;
    },
  });

  for (const line of messages) console.error(`${entry.name}: ${line}`);
  const report = readFileSync(localBuild ? reportPath : tempPath, 'utf8');

  if (localBuild) {
    results.push({ id: `api-report:${entry.name}`, ok: result.errorCount === 0, detail: 'written' });
  } else {
    const stale = result.apiReportChanged || !existsSync(reportPath);
    results.push({
      id: `api-report:${entry.name}`,
      ok: !stale && result.errorCount === 0,
      detail: stale
        ? `reports/${entry.name}.api.md is not what ${entry.specifier} exports; review the difference and run \`npm run api:update\``
        : result.errorCount > 0
          ? `${result.errorCount} error(s) from API Extractor`
          : 'unchanged',
      diff: stale ? difference(reportPath, tempPath) : '',
    });
  }

  const leaks = dependencyTypes(report, entry.name);
  results.push({
    id: `dependency-types:${entry.name}`,
    // Updating writes the reports whatever they contain; only the check refuses a leak.
    ok: leaks.length === 0 || localBuild,
    warn: leaks.length > 0 && localBuild,
    detail:
      leaks.length === 0
        ? 'no dependency internals'
        : `public types of ${entry.specifier} name a dependency's internals:\n${leaks.map((leak) => `    ${leak}`).join('\n')}`,
  });
}

/** Imports of forbidden modules in an entry's report, as "name from module (why), used by …". */
function dependencyTypes(report, entryName) {
  const found = [];
  const ruleFor = (module) =>
    forbiddenModules.find(
      (candidate) => module === candidate.module || module.startsWith(`${candidate.module}/`),
    );
  for (const match of report.matchAll(/^import\s+(?:type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';$/gm)) {
    const [, names = '', module = ''] = match;
    const rule = ruleFor(module);
    if (!rule) continue;
    for (const part of names.split(',')) {
      const [imported = '', local = imported] = part.trim().split(/\s+as\s+/);
      const allowedHere = !rule.allowedIn || rule.allowedIn.includes(entryName);
      if (imported && !(allowedHere && rule.allowed?.includes(imported)))
        found.push(describeLeak(report, imported, local, module, rule));
    }
  }
  // A namespace or default import of a forbidden module is a leak whatever it is used for.
  for (const match of report.matchAll(/^import\s+(?:\*\s+as\s+)?(\w+)\s+from\s+'([^']+)';$/gm)) {
    const [, name = '', module = ''] = match;
    const rule = ruleFor(module);
    if (rule) found.push(describeLeak(report, name, name, module, rule));
  }
  return found;
}

/** One leak, with the declarations of the report that use it, so the fix starts in the right place. */
function describeLeak(report, imported, local, module, rule) {
  const users = new Set();
  // API Extractor separates declarations with a blank line; each starts with its kind and name.
  for (const chunk of report.split(/\n\n/)) {
    const declared =
      /^(?:export )?(?:declare )?(?:abstract )?(?:function|const|let|class|type|interface|enum|namespace) (\w+)/m.exec(
        chunk,
      );
    if (declared?.[1] && !chunk.startsWith('import ') && new RegExp(`\\b${local}\\b`).test(chunk))
      users.add(declared[1]);
  }
  const usedBy = users.size > 0 ? `, used by ${[...users].join(', ')}` : '';
  return `${imported} from '${module}' (${rule.why})${usedBy}`;
}

/** A unified diff of the committed report against the new one, or a note when it cannot be made. */
function difference(committed, current) {
  if (!existsSync(committed)) return `    (no committed report at ${path.relative(root, committed)})`;
  try {
    const relative = (file) => path.relative(root, file);
    execFileSync('git', ['diff', '--no-index', '--no-color', '--', relative(committed), relative(current)], {
      cwd: root,
      encoding: 'utf8',
    });
    return '';
  } catch (error) {
    // `git diff --no-index` exits 1 when the files differ; its output is the difference.
    if (typeof error.stdout === 'string' && error.stdout) return error.stdout;
    return `    (could not compare: ${error.message})`;
  }
}

// The root entry must run without react-hook-form installed: it is an optional peer that only
// `account-billing-kit/react-hook-form` imports. Read from the library build (`npm run build`).
if (!localBuild) {
  const reached = builtImports('dist/index.js');
  const offending = reached.filter(({ specifier }) => /^react-hook-form(\/|$)/.test(specifier));
  results.push({
    id: 'runtime-imports:index',
    ok: reached.length > 0 && offending.length === 0,
    detail:
      reached.length === 0
        ? 'dist/index.js is missing: run `npm run build` first'
        : offending.length === 0
          ? `no react-hook-form import in dist/index.js or the ${reached.filter(({ local }) => local).length} chunk(s) it loads`
          : `dist/index.js reaches react-hook-form: ${offending.map(({ from }) => from).join(', ')}`,
  });
}

/**
 * Every import of a built file and of the chunks it loads (statically or lazily), each as
 * `{ specifier, from, local }`; empty when the file does not exist.
 */
function builtImports(entryFile) {
  const found = [];
  const seen = new Set();
  const queue = [path.join(root, entryFile)];
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    const from = path.relative(root, file);
    for (const match of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)) {
      const specifier = match[1] ?? '';
      const local = specifier.startsWith('.');
      found.push({ specifier, from, local });
      if (local) queue.push(path.resolve(path.dirname(file), specifier));
    }
  }
  return found;
}

console.log('\nAPI report checks:');
for (const { id, ok, warn, detail, diff } of results) {
  console.log(`  ${warn ? 'WARN' : ok ? 'ok  ' : 'FAIL'}  ${id}: ${detail}`);
  if (!ok && diff) console.log(diff.replace(/^/gm, '      '));
}
const failed = results.filter((result) => !result.ok);
if (failed.length > 0) {
  console.log(`\n${failed.length} API check(s) failed: ${failed.map((result) => result.id).join(', ')}`);
  process.exit(1);
}
console.log(
  localBuild
    ? `\nReports written to reports/. Review them with \`git diff reports\` and commit them.`
    : `\nAll ${results.length} API checks passed.`,
);
