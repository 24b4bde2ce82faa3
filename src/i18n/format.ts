/** Locale-aware formatters, cached per locale and options so rendering never rebuilds them. */
export interface Formatters {
  /** Formats integer minor units (cents) of `currency`, e.g. `money(129900, 'EUR')` → `1.299,00 €` in German. */
  money(amountMinor: number, currency: string): string;
  number(value: number): string;
  /** A calendar date from `YYYY-MM-DD` or a `Date`. */
  date(value: string | Date): string;
  /** A list joined the locale's way: "A, B and C". */
  list(items: string[]): string;
  /** The name of a country from its ISO code. */
  region(code: string): string;
}

const cache = new Map<string, Formatters>();

function minorUnitDigits(locale: string, currency: string): number {
  return (
    new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
    2
  );
}

export function createFormatters(locale: string): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const moneyFormats = new Map<string, { format: Intl.NumberFormat; digits: number }>();
  // Each Intl object is made on first use: building them all costs milliseconds at mount, and
  // most screens use one or two.
  let numberFormat: Intl.NumberFormat | undefined;
  let dateFormat: Intl.DateTimeFormat | undefined;
  let listFormat: Intl.ListFormat | undefined;
  let regionNames: Intl.DisplayNames | undefined;
  const formatters: Formatters = {
    money(amountMinor, currency) {
      let entry = moneyFormats.get(currency);
      if (!entry) {
        const digits = minorUnitDigits(locale, currency);
        entry = { format: new Intl.NumberFormat(locale, { style: 'currency', currency }), digits };
        moneyFormats.set(currency, entry);
      }
      return entry.format.format(amountMinor / 10 ** entry.digits);
    },
    number: (value) => (numberFormat ??= new Intl.NumberFormat(locale)).format(value),
    date(value) {
      const date =
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Date(`${value}T00:00:00Z`)
          : new Date(value);
      return (dateFormat ??= new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(
        date,
      );
    },
    list: (items) =>
      (listFormat ??= new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' })).format(items),
    region: (code) => (regionNames ??= new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code,
  };
  cache.set(locale, formatters);
  return formatters;
}
