// Dotted field names (`billingContacts.1.contact`, `roles.security`) over plain form values:
// reading, immutable writing, and their types.

/** Values a dotted name ends at: there is nothing inside them to name. */
type Primitive = string | number | boolean | bigint | symbol | null | undefined | Date;

/**
 * Every dotted name inside `T`: `'primaryContact'`, `` `billingContacts.${number}.contact` ``,
 * `` `roles.${string}` ``, and the parts of each.
 */
export type FieldPath<T> = T extends Primitive
  ? never
  : T extends readonly (infer Item)[]
    ? `${number}` | `${number}.${FieldPath<Item>}`
    : { [K in keyof T & string]: K | `${K}.${FieldPath<T[K]>}` }[keyof T & string];

/** The value at a dotted name inside `T`. */
export type FieldPathValue<T, P extends string> = T extends Primitive
  ? undefined
  : P extends `${infer Head}.${infer Rest}`
    ? FieldPathValue<Step<T, Head>, Rest>
    : Step<T, P>;

type Step<T, K extends string> = T extends readonly (infer Item)[]
  ? Item
  : K extends keyof T
    ? T[K]
    : T extends Record<string, infer Value>
      ? Value
      : undefined;

export function getPath(values: unknown, name: string): unknown {
  let current = values;
  for (const key of name.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** A copy of `values` with `value` at `name`; everything on the way is copied, nothing else. */
export function setPath<T>(values: T, name: string, value: unknown): T {
  const [key = '', ...rest] = name.split('.');
  const container: unknown = values;
  const inner =
    typeof container === 'object' && container !== null
      ? (container as Record<string, unknown>)[key]
      : undefined;
  const next =
    rest.length === 0
      ? value
      : setPath(inner ?? (/^\d+$/.test(rest[0] ?? '') ? [] : {}), rest.join('.'), value);
  if (Array.isArray(container)) {
    const copy = [...(container as unknown[])];
    copy[Number(key)] = next;
    return copy as T;
  }
  return { ...(container as object), [key]: next } as T;
}

/** Structural equality of form values (plain data: objects, arrays, strings, numbers, null). */
export function sameValues(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) =>
    sameValues((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}
