import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { flatSpecificity, flattenSelector, specificityOf, wrapInLayer } from '../scripts/flat-specificity';

const run = (css: string) =>
  postcss([flatSpecificity({ unwrapLayer: 'account-billing-kit' })]).process(css, { from: undefined }).css;

/** Rules as `selector { declarations }` lines, with their conditions, in output order. */
function rulesOf(css: string): string[] {
  const lines: string[] = [];
  postcss.parse(css).walkRules((rule) => {
    const parent = rule.parent;
    if (parent?.type === 'atrule' && (parent as postcss.AtRule).name === 'keyframes') return;
    const condition = parent?.type === 'atrule' ? `@${(parent as postcss.AtRule).params} ` : '';
    lines.push(`${condition}${rule.selector} { ${rule.nodes.map(String).join('; ')} }`);
  });
  return lines;
}

describe('flattenSelector', () => {
  it.each([
    ['.abk-button', '.abk-button'],
    ['.abk-button[data-variant="primary"]', '.abk-button:where([data-variant="primary"])'],
    ['.abk-button:hover:not(:disabled)', '.abk-button:where(:hover:not(:disabled))'],
    ['.abk-picker[data-open] .abk-picker__toggle', ':where(.abk-picker[data-open]) .abk-picker__toggle'],
    // The subject has no class: the nearest class to its left is the one kept.
    [
      '.abk-picker[data-open] .abk-picker__toggle svg',
      ':where(.abk-picker[data-open]) .abk-picker__toggle :where(svg)',
    ],
    ['.abk-steps ol', '.abk-steps :where(ol)'],
    ['.abk-payment > div:empty', '.abk-payment > :where(div:empty)'],
    ['.abk-list > :not(.abk-footer)', '.abk-list > :where(:not(.abk-footer))'],
    ['th.abk-cell.abk-cell--wide', '.abk-cell:where(th.abk-cell--wide)'],
    // Pseudo-elements cannot go inside :where() and stay where they are.
    ['.abk-field__warning::before', '.abk-field__warning::before'],
    ['.abk-input[aria-invalid]::placeholder', '.abk-input:where([aria-invalid])::placeholder'],
    ['.abk-root *::before', '.abk-root *::before'],
    ['.abk-features li::before', '.abk-features :where(li)::before'],
    // No class: an attribute is kept instead.
    [":where(button, input)[class*='abk-']", "[class*='abk-']:where(button, input)"],
    ['.a, .b .c', '.a, :where(.b) .c'],
  ])('%s → %s', (source, flat) => {
    expect(flattenSelector(source)).toBe(flat);
  });

  it('ends with exactly one class (plus any pseudo-element) and matches the same elements', () => {
    for (const selector of [
      '.x[data-a]:hover .y:focus-within > .z[data-b]:not(.w)',
      '.x .y:has(input:focus-visible) input',
      '.x:dir(rtl)::placeholder',
    ]) {
      const flat = flattenSelector(selector);
      const { a, b } = specificityOf(flat);
      expect({ a, b }).toEqual({ a: 0, b: 1 });
      document.body.innerHTML =
        '<div class="x" data-a><p class="y"><input><b class="z" data-b></b></p></div>';
      expect(document.querySelectorAll(flat.replace(/::\w+$/, '')).length).toBe(
        document.querySelectorAll(selector.replace(/::\w+$/, '')).length,
      );
    }
  });

  it('refuses a selector that would keep more weight than one class', () => {
    expect(() => flattenSelector('#main')).toThrow(/no class to keep/);
  });
});

describe('flatSpecificity', () => {
  it('keeps the cascade among our own rules: the rule that won by specificity comes last', () => {
    // `:hover` (0,2,0) used to beat the later variant (0,2,0 too, but earlier) and the base rule.
    const css = run(`
      @layer account-billing-kit {
        .b:hover:not(:disabled) { background: grey; }
        .b[data-variant='ghost'] { background: transparent; }
        .b { background: white; }
      }
    `);
    expect(rulesOf(css)).toEqual([
      '.b { background: white }',
      ".b:where([data-variant='ghost']) { background: transparent }",
      '.b:where(:hover:not(:disabled)) { background: grey }',
    ]);
  });

  it('keeps each rule inside its media query and sorts a list by each selector', () => {
    const css = run(`
      .a[data-x] { color: red; }
      @media (max-width: 560px) {
        .a, .p .a { color: blue; }
      }
      @keyframes spin { from { opacity: 0; } }
    `);
    expect(rulesOf(css)).toEqual([
      '@(max-width: 560px) .a { color: blue }',
      '.a:where([data-x]) { color: red }',
      '@(max-width: 560px) :where(.p) .a { color: blue }',
    ]);
    expect(postcss.parse(css).first).toMatchObject({ type: 'atrule', name: 'keyframes' });
  });

  it('refuses an @layer block it was not told to unwrap, and nested rules', () => {
    expect(() => run('@layer other { .a { color: red; } }')).toThrow(/unexpected @layer other/);
    expect(() => run('.a { .b { color: red; } }')).toThrow(/nested rules/);
  });

  it('leaves every rule of the published stylesheet with one class of weight', () => {
    // What Vite's import inlining does before the transform runs.
    const source = readFileSync(resolve('src/styles.css'), 'utf8').replace(
      /@import '([^']+)';/g,
      (_, path: string) => readFileSync(resolve('src', path), 'utf8'),
    );
    const root = postcss.parse(run(source));
    let count = 0;
    root.walkRules((rule) => {
      if (rule.parent?.type === 'atrule' && (rule.parent as postcss.AtRule).name === 'keyframes') return;
      for (const selector of rule.selectors) {
        const pseudoElements = (selector.match(/::?(before|after|placeholder)\b/g) ?? []).length;
        expect({ selector, ...specificityOf(selector) }).toEqual({ selector, a: 0, b: 1, c: pseudoElements });
        count += 1;
      }
    });
    expect(count).toBeGreaterThan(150);
  });
});

describe('wrapInLayer', () => {
  it('puts the whole stylesheet into the named layer', () => {
    const layered = postcss.parse(
      wrapInLayer('.a{color:red}@keyframes k{to{opacity:1}}', 'account-billing-kit'),
    );
    const layers = layered.nodes.filter((node) => node.type === 'atrule');
    expect(layers).toHaveLength(1);
    expect(layers[0]).toMatchObject({ name: 'layer', params: 'account-billing-kit' });
  });
});
