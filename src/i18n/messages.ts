import type { en } from '../locales/en.js';

/** A message that varies with a count, keyed by `Intl.PluralRules` category. `other` is required. */
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

type Widen<T> = T extends string
  ? string
  : T extends { readonly other: string }
    ? PluralMessage
    : { -readonly [K in keyof T]: Widen<T[K]> };

/** The full message catalog. Every locale module `satisfies Messages`. */
export type Messages = Widen<typeof en>;

/** Any subset of the catalog, for host overrides. */
export type MessageOverrides = {
  [K in keyof Messages]?: Messages[K] extends string | PluralMessage ? Messages[K] : DeepPartial<Messages[K]>;
};
type DeepPartial<T> = { [K in keyof T]?: T[K] extends string | PluralMessage ? T[K] : DeepPartial<T[K]> };

type Join<A extends string, B extends string> = `${A}.${B}`;
type PathsOf<T> = {
  [K in keyof T & string]: T[K] extends string | PluralMessage ? K : Join<K, PathsOf<T[K]>>;
}[keyof T & string];

/** A dotted path to one message, e.g. `'billingContacts.addAnother'`. */
export type MessageKey = PathsOf<Messages>;

/** Catalogs by language tag, e.g. `{ de, pl }`. English is always built in. */
export type LocaleCatalogs = Record<string, Messages>;
