// The screens, hooks and schemas validate with zod/mini (decision 0020): one runtime import of
// classic `zod` pulls its whole chainable API into every page that reaches the module (the
// payment methods screen's did: 10.7 kB of gzip). Only the OpenAPI generator, which is not
// part of any page, may use classic zod; type-only imports cost nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
const ALLOWED = ['contract/openapi.ts'];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('zod imports', () => {
  it('are zod/mini everywhere a page can reach (type-only imports aside)', () => {
    const classic = sourceFiles(SRC)
      .map((file) => relative(SRC, file))
      .filter((file) => !ALLOWED.includes(file))
      .filter((file) => /^import (?!type\b)[^;]*from 'zod';/m.test(readFileSync(join(SRC, file), 'utf8')));
    expect(classic).toEqual([]);
  });
});
