import type { AdapterErrorCode } from '../adapter/errors.js';
import { en } from '../locales/en.js';
import { english } from './english.js';
import type { LocaleCatalogs, MessageKey, MessageOverrides, Messages, PluralMessage } from './messages.js';

export type MessageValues = Record<string, string | number>;

/** Translates a key to a string in the current locale. */
export interface Translate {
  (key: MessageKey, values?: MessageValues): string;
}

const PLURAL_CATEGORIES = new Set(['zero', 'one', 'two', 'few', 'many', 'other']);

function isPlural(value: unknown): value is PluralMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    'other' in value &&
    Object.keys(value).every((key) => PLURAL_CATEGORIES.has(key))
  );
}

function mergeMessages(base: unknown, overrides: unknown): unknown {
  if (overrides === undefined) return base;
  if (typeof overrides === 'string' || isPlural(overrides)) return overrides;
  if (typeof overrides !== 'object' || overrides === null) return base;
  // A screen whose English has not loaded yet (a lazily loaded wizard): keep the host's strings for it.
  if (base === undefined) return overrides;
  if (typeof base !== 'object' || base === null) return base;
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) merged[key] = mergeMessages(merged[key], value);
  return merged;
}

/**
 * Picks the catalog for a locale: the exact tag, then its language, then English. Host
 * overrides are applied on top.
 *
 * @example
 * resolveMessages('de-AT', { de }) // the German catalog
 */
export function resolveMessages(
  locale: string,
  catalogs: LocaleCatalogs = {},
  overrides?: MessageOverrides,
): Messages {
  return pickMessages(locale, catalogs, overrides, en);
}

/**
 * What the provider uses: `resolveMessages`, except that English is only as much as the page
 * has loaded (`english`), so the provider does not carry every screen's strings.
 */
export function resolveLoadedMessages(
  locale: string,
  catalogs: LocaleCatalogs = {},
  overrides?: MessageOverrides,
): Messages {
  return pickMessages(locale, catalogs, overrides, english);
}

function pickMessages(
  locale: string,
  catalogs: LocaleCatalogs,
  overrides: MessageOverrides | undefined,
  fallback: Messages,
): Messages {
  const language = locale.split('-')[0] ?? locale;
  const exactKey = Object.keys(catalogs).find((tag) => tag.toLowerCase() === locale.toLowerCase());
  const languageKey = Object.keys(catalogs).find((tag) => tag.toLowerCase() === language.toLowerCase());
  const picked = (exactKey && catalogs[exactKey]) || (languageKey && catalogs[languageKey]) || fallback;
  return overrides ? (mergeMessages(picked, overrides) as Messages) : picked;
}

function lookup(messages: Messages, key: string): unknown {
  let node: unknown = messages;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Creates the `t` function for one locale. Plurals use `Intl.PluralRules` with the `count` value;
 * a key the catalog lacks falls back to English (as far as the page has loaded the screens).
 */
export function createTranslate(locale: string, messages: Messages): Translate {
  // Made on first use: a screen that never counts pays nothing for them at mount.
  let pluralRules: Intl.PluralRules | undefined;
  let numberFormat: Intl.NumberFormat | undefined;
  return (key, values = {}) => {
    let message = lookup(messages, key) ?? lookup(english, key);
    if (isPlural(message)) {
      const count = Number(values.count ?? 0);
      const category = (pluralRules ??= new Intl.PluralRules(locale)).select(count);
      message = message[category] ?? message.other;
    }
    if (typeof message !== 'string') return key;
    return message.replace(PLACEHOLDER, (whole, name: string) => {
      const value = values[name];
      if (value === undefined) return whole;
      return typeof value === 'number'
        ? (numberFormat ??= new Intl.NumberFormat(locale)).format(value)
        : value;
    });
  };
}

/**
 * Wraps user-supplied text in Unicode's first-strong isolate (U+2068 … U+2069) for messages
 * that stay plain strings (live announcements, attributes): the text's own direction, or a
 * right-to-left override inside it, cannot reorder the sentence around it. Rendered messages use
 * `IsolatedMessage` (`<bdi>`) instead.
 *
 * @example
 * t('contactPicker.noResults', { query: isolate(query) })
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

/**
 * The message for a validation key from a schema or an adapter's field issue, in the current
 * locale. Unknown keys fall back to a generic "This value isn't valid."
 */
export function translateValidation(t: Translate, messages: Messages, code: string | undefined): string {
  if (code && code in messages.validation) return t(`validation.${code}` as MessageKey);
  return t('validation.invalid');
}

/**
 * The user-facing sentence for an adapter failure, in the current locale: one message per
 * `AdapterErrorCode`, with the wait for `rate_limited`.
 *
 * @example
 * describeAdapterError(t, new AdapterError('network')) // "We couldn’t reach the server. …"
 */
export function describeAdapterError(
  t: Translate,
  error: { code: AdapterErrorCode; retryAfterSeconds?: number | undefined },
): string {
  if (error.code === 'rate_limited') {
    return t('errors.rate_limited', { seconds: error.retryAfterSeconds ?? 5 });
  }
  return t(`errors.${error.code}`);
}
