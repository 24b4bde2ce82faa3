// Every zod call in src/schemas is marked pure, so a host's bundler drops the schemas its page
// never uses (most are the adapters' and the contract's): unmarked, each call counts as a side
// effect and keeps its schema, and every schema it is built from, in every bundle.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = readdirSync(resolve('src/schemas')).filter((name) => name.endsWith('.ts'));

describe('the schemas', () => {
  it.each(files)('%s marks every zod call /* @__PURE__ */', (name) => {
    const source = readFileSync(resolve('src/schemas', name), 'utf8');
    const unmarked = source
      .split('\n')
      .flatMap((line, index) =>
        [...line.matchAll(/(\/\* @__PURE__ \*\/ )?(?<![\w.])z(\s*$|\.\w+\()/g)]
          .filter((match) => !match[1] && !line.trimStart().startsWith('*') && !line.includes('z.infer'))
          .map(() => `${name}:${index + 1}: ${line.trim()}`),
      );
    expect(unmarked).toEqual([]);
  });
});
