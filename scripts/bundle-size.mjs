// Measures what a host's production build pays for one host entry: built with Vite as a host
// app's bundler would (minified, whitespace included, NODE_ENV=production, ESM), with the given
// packages left to the host, and gzip -9 of every output file. A Vite app build of the same
// page (index.html importing both screens) measures the same to within 0.1 kB (decision 0025).
// Used by `npm run size` (budgets) and `npm run bench`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { flatSpecificity } from './flat-specificity.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function externalFor(peers) {
  return (id) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`));
}

/** The npm package a bundled module comes from, or the library's own source. */
export function packageOf(moduleId) {
  const marker = moduleId.lastIndexOf('node_modules/');
  if (marker === -1)
    return moduleId.startsWith(path.join(root, 'src')) ? 'account-billing-kit (src)' : 'other';
  const rest = moduleId.slice(marker + 'node_modules/'.length).split('/');
  return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? 'other');
}

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/**
 * Builds `entry` (relative to the project root) with `external` left out. Returns the bytes and
 * gzip bytes of the JS loaded with the entry (`initial`), of the JS only loaded later through a
 * dynamic import (`lazy`, one record per chunk), each with the library's source modules it holds,
 * and of the CSS; plus the rendered (pre-minification) bytes of the JS by package.
 */
export async function measureEntry(entry, external) {
  const output = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: [react()],
    // A host's production build replaces this; without it, dev-only branches would be counted.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // The library's stylesheets as published: each rule rewritten to one class of weight
    // (docs/decisions/0013-host-safe-css.md), which adds `:where()` to most selectors.
    css: {
      postcss: {
        plugins: [
          flatSpecificity({
            unwrapLayer: 'account-billing-kit',
            include: (file) => file.startsWith(path.join(root, 'src')),
          }),
        ],
      },
    },
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      cssCodeSplit: false,
      lib: { entry: path.join(root, entry), formats: ['es'], fileName: 'entry' },
      rolldownOptions: {
        external: externalFor(external),
        // As in an app's build, a module both the entry and a lazy chunk need stays in the entry
        // chunk, which may export more for the lazy chunk to import. Library mode's default
        // ('strict') moves such modules into a third chunk instead, which an app's build does not
        // (Vite builds apps with `false`); for both screens that cost 1.6 kB of gzip, in import
        // and export glue and in gzip starting over on a second file. The entry's exports stay.
        preserveEntrySignatures: 'allow-extension',
        // Whitespace too, as an app's build minifies it. For ES libraries Vite keeps line breaks
        // and indentation (so that /* @__PURE__ */ marks survive for the host's bundler), which
        // had counted 9.3 kB of gzip for both screens that no host downloads.
        output: { minify: true },
      },
    },
  });
  const files = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  const chunks = files.filter((file) => file.type === 'chunk');
  // A chunk is initial when the entry reaches it through static imports alone.
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const initialNames = new Set();
  const visit = (chunk) => {
    if (!chunk || initialNames.has(chunk.fileName)) return;
    initialNames.add(chunk.fileName);
    for (const imported of chunk.imports) visit(byName.get(imported));
  };
  for (const chunk of chunks) if (chunk.isEntry) visit(chunk);

  const result = {
    entry,
    external,
    initial: { bytes: 0, gzip: 0, modules: [] },
    lazy: [],
    css: { bytes: 0, gzip: 0 },
    byPackage: {},
  };
  for (const chunk of chunks) {
    const size = { bytes: Buffer.byteLength(chunk.code), gzip: gzip(chunk.code) };
    const modules = Object.keys(chunk.modules)
      .filter((id) => packageOf(id) === 'account-billing-kit (src)')
      .map((id) => path.relative(root, id));
    if (initialNames.has(chunk.fileName)) {
      result.initial.bytes += size.bytes;
      result.initial.gzip += size.gzip;
      result.initial.modules.push(...modules);
    } else {
      result.lazy.push({ ...size, modules });
    }
    for (const [id, info] of Object.entries(chunk.modules)) {
      const name = packageOf(id);
      result.byPackage[name] = (result.byPackage[name] ?? 0) + info.renderedLength;
    }
  }
  for (const file of files) {
    if (file.type === 'asset' && file.fileName.endsWith('.css')) {
      result.css.bytes += Buffer.byteLength(file.source);
      result.css.gzip += gzip(file.source);
    }
  }
  return result;
}
