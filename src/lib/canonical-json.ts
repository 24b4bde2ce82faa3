/**
 * JSON with object keys in code-point order at every depth, so two requests that differ only in
 * key order are the same request (idempotency fingerprints). `undefined` members are dropped, as
 * `JSON.stringify` drops them.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  // A function or a symbol has no JSON form; as in an array, it stands for null.
  const text = JSON.stringify(value) as string | undefined;
  return text ?? 'null';
}
