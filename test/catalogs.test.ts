import { describe, expect, it } from 'vitest';
import type { Messages } from '../src/i18n/messages';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { fi } from '../src/locales/fi';
import { it as italian } from '../src/locales/it';
import { pl } from '../src/locales/pl';

type Leaf = { path: string; value: string | Record<string, string> };

function leaves(node: unknown, prefix = ''): Leaf[] {
  if (typeof node === 'string') return [{ path: prefix, value: node }];
  const record = node as Record<string, unknown>;
  if ('other' in record && typeof record.other === 'string')
    return [{ path: prefix, value: record as Record<string, string> }];
  return Object.entries(record).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
}

function placeholders(value: string | Record<string, string>): string[] {
  const text = typeof value === 'string' ? value : Object.values(value).join(' ');
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? ''))].sort();
}

const english = new Map(leaves(en).map((leaf) => [leaf.path, leaf.value]));
const locales: [string, Messages][] = [
  ['de', de],
  ['pl', pl],
  ['fi', fi],
  ['it', italian],
];

describe.each(locales)('the %s catalog', (locale, catalog) => {
  const translated = new Map(leaves(catalog).map((leaf) => [leaf.path, leaf.value]));

  it('has every English key and no other', () => {
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('uses exactly the placeholders English uses in every message', () => {
    const mismatches = [...english].filter(
      ([path, value]) =>
        JSON.stringify(placeholders(value)) !== JSON.stringify(placeholders(translated.get(path) ?? '')),
    );
    expect(mismatches.map(([path]) => path)).toEqual([]);
  });

  it('gives every plural message each category the language needs', () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing = [...translated]
      .filter(([, value]) => typeof value !== 'string')
      .flatMap(([path, value]) =>
        categories.filter((category) => !(category in (value as object))).map((c) => `${path}.${c}`),
      );
    expect(missing).toEqual([]);
  });

  it('is not English left untranslated', () => {
    // Names that the seeds keep in English in these languages.
    const keptInEnglish = new Set([
      'upgrade.review.acceptableUse',
      'roleContacts.roles.decisionMaker.label',
      'common.optional',
    ]);
    const same = [...english].filter(
      ([path, value]) =>
        typeof value === 'string' &&
        /\p{L}{4}/u.test(value.replace(/\{\w+\}/g, '')) &&
        !keptInEnglish.has(path) &&
        !path.startsWith('upgrade.payment.brands.') &&
        translated.get(path) === value,
    );
    expect(same.map(([path]) => path)).toEqual([]);
  });
});
