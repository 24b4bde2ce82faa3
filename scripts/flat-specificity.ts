/**
 * The build step that makes the library's CSS hold its own inside a host page
 * (docs/decisions/0013-host-safe-css.md).
 *
 * Every selector is rewritten to the specificity of exactly one class: the first class of the
 * rightmost compound that has one stays, every other part goes inside `:where()`, and
 * pseudo-elements stay outside (they cannot be wrapped). So `button {}` in a host (0,0,1)
 * loses to every rule of ours, and a host's single class (0,1,0) ties with ours and wins when
 * the host's stylesheet comes later.
 *
 * Flattening alone would change which of our own rules wins where two match one element
 * (`.abk-button:hover` used to beat `.abk-button[data-variant='ghost']`). So the rules are
 * also sorted, stably, by the specificity they were written with: among equal specificities
 * the last one still wins, and a more specific one still comes later. The cascade among our
 * own rules is the one the source describes, rule for rule.
 */
import { compare, selectorSpecificity, type Specificity } from '@csstools/selector-specificity';
import type { AtRule, ChildNode, Container, Plugin, Root, Rule } from 'postcss';
import selectorParser from 'postcss-selector-parser';

export interface FlatSpecificityOptions {
  /**
   * `@layer` blocks with this name are unwrapped: their rules are emitted unlayered (the opt-in
   * layered stylesheet wraps the whole output again, see `layeredStylesheet`).
   */
  unwrapLayer?: string;
  /** Which source files to transform (by the path of the file PostCSS started from). */
  include?: (file: string) => boolean;
}

/** At-rules whose rules take part in the cascade and move with them, wrapper and all. */
const CONDITIONAL_AT_RULES = new Set(['media', 'container', 'supports']);
/** Legacy single-colon pseudo-elements. */
const LEGACY_PSEUDO_ELEMENTS = new Set([':before', ':after', ':first-line', ':first-letter']);

type SelectorNode = selectorParser.Node;

function isPseudoElement(node: SelectorNode): boolean {
  return node.type === 'pseudo' && (node.value.startsWith('::') || LEGACY_PSEUDO_ELEMENTS.has(node.value));
}

/** Splits a complex selector into compounds and the combinators between them. */
function compoundsOf(selector: selectorParser.Selector) {
  const compounds: SelectorNode[][] = [[]];
  const combinators: selectorParser.Combinator[] = [];
  for (const node of selector.nodes) {
    if (node.type === 'combinator') {
      combinators.push(node);
      compounds.push([]);
    } else if (node.type !== 'comment') {
      compounds.at(-1)?.push(node);
    }
  }
  return { compounds, combinators };
}

function serialize(nodes: SelectorNode[]): string {
  return nodes.map((node) => node.toString().trim()).join('');
}

/** `compound` with everything but `keep` and its pseudo-elements moved into `:where()`. */
function flattenCompound(compound: SelectorNode[], keep: SelectorNode | undefined): string {
  const firstPseudoElement = compound.findIndex(isPseudoElement);
  const body = firstPseudoElement === -1 ? compound : compound.slice(0, firstPseudoElement);
  const tail = firstPseudoElement === -1 ? [] : compound.slice(firstPseudoElement);
  const rest = body.filter((node) => node !== keep);
  const restSpecificity = rest.reduce<Specificity>(
    (sum, node) => {
      const s = selectorSpecificity(node);
      return { a: sum.a + s.a, b: sum.b + s.b, c: sum.c + s.c };
    },
    { a: 0, b: 0, c: 0 },
  );
  const zero = restSpecificity.a + restSpecificity.b + restSpecificity.c === 0;
  const wrapped = rest.length === 0 ? '' : zero ? serialize(rest) : `:where(${serialize(rest)})`;
  const kept = keep ? keep.toString().trim() : '';
  // An empty compound before a pseudo-element means "any element": keep it explicit.
  const head = kept + wrapped || (tail.length > 0 ? '*' : '');
  return head + serialize(tail);
}

/**
 * The selector with the specificity of one class (plus its pseudo-elements), matching the
 * same elements. Throws when the selector has no class or attribute to keep but is more
 * specific than that: such a selector would have to be written differently.
 */
export function flattenSelector(source: string): string {
  const root = selectorParser().astSync(source);
  const output = root.nodes.map((selector) => {
    const { compounds, combinators } = compoundsOf(selector);
    const find = (type: 'class' | 'attribute') => {
      for (let index = compounds.length - 1; index >= 0; index -= 1) {
        const node = compounds[index]?.find((candidate) => candidate.type === type);
        if (node) return { index, node };
      }
      return undefined;
    };
    const anchor = find('class') ?? find('attribute');
    if (!anchor) {
      const s = selectorSpecificity(selector);
      if (s.a === 0 && s.b <= 1) return selector.toString().trim();
      throw new Error(`flat-specificity: "${selector.toString().trim()}" has no class to keep`);
    }
    return compounds
      .map((compound, index) => {
        const flat = flattenCompound(compound, index === anchor.index ? anchor.node : undefined);
        const combinator = combinators[index];
        if (!combinator) return flat;
        const value = combinator.value.trim();
        return value === '' ? `${flat} ` : `${flat} ${value} `;
      })
      .join('');
  });
  return output.join(', ');
}

/** The specificity a selector was written with. */
export function specificityOf(selector: string): Specificity {
  const root = selectorParser().astSync(selector);
  const first = root.nodes[0];
  if (!first) throw new Error(`flat-specificity: empty selector "${selector}"`);
  return selectorSpecificity(first);
}

interface Unit {
  rule: Rule;
  /** The conditional at-rules around it, outermost first. */
  conditions: AtRule[];
  specificity: Specificity;
  order: number;
}

function conditionKey(conditions: AtRule[]): string {
  return conditions.map((condition) => `@${condition.name} ${condition.params}`).join('\n');
}

function collect(container: Container, conditions: AtRule[], units: Unit[], keep: ChildNode[]) {
  for (const node of [...(container.nodes ?? [])]) {
    if (node.type === 'rule') {
      if (node.nodes.some((child) => child.type === 'rule')) {
        throw node.error('flat-specificity: nested rules are not supported; write them out in full');
      }
      // One unit per specificity: a list like `.a, .a .b` sorts its two parts separately.
      const groups = new Map<string, { specificity: Specificity; selectors: string[] }>();
      for (const selector of node.selectors) {
        const specificity = specificityOf(selector);
        const key = `${specificity.a},${specificity.b},${specificity.c}`;
        const group = groups.get(key) ?? { specificity, selectors: [] };
        group.selectors.push(selector);
        groups.set(key, group);
      }
      for (const { specificity, selectors } of groups.values()) {
        let flat: string;
        try {
          flat = selectors.map(flattenSelector).join(',\n');
        } catch (error) {
          throw node.error(error instanceof Error ? error.message : String(error));
        }
        units.push({
          rule: node.clone({ selector: flat }),
          conditions,
          specificity,
          order: units.length,
        });
      }
    } else if (node.type === 'atrule' && CONDITIONAL_AT_RULES.has(node.name)) {
      collect(node, [...conditions, node.clone({ nodes: [] })], units, keep);
    } else if (node.type === 'atrule' && node.name === 'layer' && node.nodes) {
      collect(node, conditions, units, keep);
    } else if (node.type !== 'comment' || node.text.startsWith('!')) {
      if (conditions.length > 0 && node.type === 'atrule') {
        throw node.error(`flat-specificity: @${node.name} inside a condition is not supported`);
      }
      keep.push(node);
    }
  }
}

/**
 * PostCSS plugin: flattens every selector to one class's specificity and sorts the rules by
 * the specificity they were written with (see the file's header).
 *
 * @example
 * css: { postcss: { plugins: [flatSpecificity({ unwrapLayer: 'account-billing-kit' })] } }
 */
export function flatSpecificity(options: FlatSpecificityOptions = {}): Plugin {
  return {
    postcssPlugin: 'account-billing-kit-flat-specificity',
    Once(root: Root) {
      const file = root.source?.input.file;
      if (options.include && (!file || !options.include(file))) return;
      if (options.unwrapLayer === undefined) {
        root.walkAtRules('layer', (layer) => {
          if (layer.nodes) throw layer.error('flat-specificity: unexpected @layer block');
        });
      } else {
        root.walkAtRules('layer', (layer) => {
          if (layer.nodes && layer.params !== options.unwrapLayer) {
            throw layer.error(`flat-specificity: unexpected @layer ${layer.params}`);
          }
        });
      }
      const units: Unit[] = [];
      const keep: ChildNode[] = [];
      collect(root, [], units, keep);
      units.sort((x, y) => compare(x.specificity, y.specificity) || x.order - y.order);

      root.removeAll();
      // Order-free at-rules (@keyframes, @font-face, @property) and kept comments first.
      const statements = keep.filter((node) => node.type === 'atrule' && !node.nodes);
      root.append(...statements, ...keep.filter((node) => !statements.includes(node)));
      let previousKey: string | undefined;
      let target: Container = root;
      for (const unit of units) {
        const key = conditionKey(unit.conditions);
        if (key !== previousKey) {
          target = root;
          for (const condition of unit.conditions) {
            const wrapper = condition.clone({ nodes: [] });
            target.append(wrapper);
            target = wrapper;
          }
          previousKey = key;
        }
        target.append(unit.rule);
      }
    },
  };
}
flatSpecificity.postcss = true as const;

/** The opt-in layered stylesheet: the same rules inside one named cascade layer. */
export function wrapInLayer(css: string, layer: string): string {
  if (/@(charset|import)\b/.test(css)) {
    throw new Error('wrapInLayer: @charset/@import cannot move into a layer block');
  }
  return `/* account-billing-kit/styles.layered.css: every rule inside @layer ${layer}. */\n@layer ${layer} {\n${css}\n}\n`;
}
