import {
  CATALOG_CURRENCIES,
  EU_COUNTRIES,
  seedProducts,
  TAX_RATES,
} from '../../../src/adapter/memory-seed.js';
import type { FieldIssue } from '../../../src/adapter/errors.js';
import type { Catalog, OrderDraft, Product, Quote, QuoteLineItem, Tier } from '../../../src/schemas/index.js';

// The price list maths of the contract. The memory adapter holds the same rules inside
// createMemoryAdapter, where nothing else can import them; until they live in a module of
// their own, this file states them once more for the server, function for function, so the
// two can be swapped for one import without touching the callers.

/** The catalog every account of the reference server is offered (the memory adapter's seed). */
export const PRODUCTS: Product[] = seedProducts();
export { CATALOG_CURRENCIES };

export function findTier(products: Product[], tierId: string): { tier: Tier; product: Product } | undefined {
  for (const product of products) {
    const tier = product.tiers.find((candidate) => candidate.id === tierId);
    if (tier) return { tier, product };
  }
  return undefined;
}

/** The price-list rules a draft breaks (sold by sales, interval or currency not offered, no seats). */
export function priceListIssues(tier: Tier, draft: OrderDraft): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (tier.purchase === 'contact_sales') issues.push({ path: ['tierId'], code: 'tierContactSales' });
  if (!tier.intervals.includes(draft.interval))
    issues.push({ path: ['interval'], code: 'intervalNotOffered' });
  if (tier.prices[draft.currency]?.[draft.interval] === undefined) {
    issues.push({ path: ['currency'], code: 'currencyNotOffered' });
  }
  if (tier.pricing === 'per_seat' && draft.seatUserIds.length === 0) {
    issues.push({ path: ['seatUserIds'], code: 'seatsRequired' });
  }
  return issues;
}

/** The quote of a draft that breaks no rule of `priceListIssues`. */
export function priceQuote(input: {
  id: string;
  draft: OrderDraft;
  product: Product;
  tier: Tier;
  subscription: Catalog['subscription'];
  today: Date;
}): Quote {
  const { draft, tier, product, subscription } = input;
  const price = tier.prices[draft.currency]?.[draft.interval] ?? 0;
  const seats = tier.pricing === 'per_seat' ? draft.seatUserIds.length : 0;
  const lineItems: QuoteLineItem[] = [];
  if (tier.pricing === 'flat') {
    lineItems.push({ kind: 'plan', tierId: tier.id, quantity: 1, unitAmount: price, amount: price });
  } else {
    const included = Math.min(seats, tier.includedSeats);
    if (included > 0) {
      lineItems.push({
        kind: 'included_seats',
        tierId: tier.id,
        quantity: included,
        unitAmount: 0,
        amount: 0,
      });
    }
    if (seats > included) {
      lineItems.push({
        kind: 'seats',
        tierId: tier.id,
        quantity: seats - included,
        unitAmount: price,
        amount: price * (seats - included),
      });
    }
  }
  const subtotal = lineItems.reduce((sum, item) => sum + item.amount, 0);
  // Unused time on the tier being replaced in the same product is credited: half a period.
  const replaced = product.tiers.find(
    (candidate) => subscription.tierIds.includes(candidate.id) && candidate.id !== tier.id,
  );
  const replacedPrice =
    replaced && subscription.currency === draft.currency
      ? (replaced.prices[draft.currency]?.[subscription.interval] ?? 0) *
        (replaced.pricing === 'per_seat' ? Math.max(0, subscription.seats - replaced.includedSeats) : 1)
      : 0;
  const credit = Math.min(subtotal, Math.round(replacedPrice / 2));
  const country = draft.company?.country;
  const reverseCharge = Boolean(country && EU_COUNTRIES.has(country) && draft.company?.taxId);
  const taxRatePercent = country && !reverseCharge ? (TAX_RATES[country] ?? 0) : 0;
  const tax = Math.round(((subtotal - credit) * taxRatePercent) / 100);
  const next = new Date(input.today.getTime());
  next.setUTCMonth(next.getUTCMonth() + (draft.interval === 'annual' ? 12 : 1));
  return {
    id: input.id,
    currency: draft.currency,
    interval: draft.interval,
    lineItems,
    seats,
    subtotal,
    credit,
    taxRatePercent,
    tax,
    total: subtotal - credit + tax,
    nextChargeDate: next.toISOString().slice(0, 10),
  };
}
