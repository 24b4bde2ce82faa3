// The per-screen stylesheets and the whole one hold the same source files, and each is published.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';

/** The source files a stylesheet imports, relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(resolve(file), 'utf8');
  return [...text.matchAll(/@import '([^']+)'/g)].map(([, path = '']) =>
    resolve(file, '..', path).slice(resolve('src').length + 1),
  );
}

const sheets = readdirSync(resolve('src/styles')).filter((name) => name.endsWith('.css'));

describe('the per-screen stylesheets', () => {
  it('together hold every file of styles.css, and nothing else', () => {
    const split = new Set(sheets.flatMap((name) => importsOf(`src/styles/${name}`)));
    expect([...split].sort()).toEqual(importsOf('src/styles.css').sort());
  });

  it('are each a package export of their own, built from src/styles/', () => {
    const viteConfig = readFileSync(resolve('vite.config.ts'), 'utf8');
    for (const name of sheets) {
      expect(packageJson.exports).toHaveProperty([`./styles/${name}`], `./dist/styles/${name}`);
      expect(viteConfig).toContain(`'${name.replace(/\.css$/, '')}'`);
    }
  });
});
