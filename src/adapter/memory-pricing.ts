import {
  normalizeTaxId,
  type Catalog,
  type OrderDraft,
  type Product,
  type Quote,
  type QuoteLineItem,
  type Tier,
} from '../schemas/index.js';
import type { FieldIssue } from './errors.js';
import { EU_COUNTRIES, TAX_RATES } from './memory-seed.js';

// The memory adapter's price list maths: pure functions of the catalog, the subscription and a
// draft, so a reader can check a quote without any adapter state.

/** The tier with `tierId` and the product it belongs to, if the catalog has it. */
export function findTier(products: Product[], tierId: string): { tier: Tier; product: Product } | undefined {
  for (const product of products) {
    const tier = product.tiers.find((candidate) => candidate.id === tierId);
    if (tier) return { tier, product };
  }
  return undefined;
}

/**
 * The rules of the price list a draft breaks: a tier sold by sales, a tier below the product's
 * current one, an interval or currency the tier is not offered in, a per-seat tier without
 * seats. Whether each seat's user may hold one is the store's question.
 */
export function priceListIssues(tier: Tier, draft: OrderDraft, currentTier?: Tier): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (tier.purchase === 'contact_sales') issues.push({ path: ['tierId'], code: 'tierContactSales' });
  // Changing down is a conversation with sales, not a checkout.
  if (currentTier && tier.rank < currentTier.rank)
    issues.push({ path: ['tierId'], code: 'tierBelowCurrent' });
  if (!tier.intervals.includes(draft.interval))
    issues.push({ path: ['interval'], code: 'intervalNotOffered' });
  if (unitPrice(tier, draft) === undefined) issues.push({ path: ['currency'], code: 'currencyNotOffered' });
  if (tier.pricing === 'per_seat' && draft.seatUserIds.length === 0) {
    issues.push({ path: ['seatUserIds'], code: 'seatsRequired' });
  }
  return issues;
}

/** The tier's price per period (per seat for per-seat tiers) in the draft's currency and interval. */
export function unitPrice(tier: Tier, draft: OrderDraft): number | undefined {
  return tier.prices[draft.currency]?.[draft.interval];
}

/** A flat tier is one plan line; a per-seat tier is its included seats, then the paid ones. */
export function quoteLineItems(tier: Tier, seats: number, price: number): QuoteLineItem[] {
  if (tier.pricing === 'flat') {
    return [{ kind: 'plan', tierId: tier.id, quantity: 1, unitAmount: price, amount: price }];
  }
  const lineItems: QuoteLineItem[] = [];
  const included = Math.min(seats, tier.includedSeats);
  if (included > 0) {
    lineItems.push({ kind: 'included_seats', tierId: tier.id, quantity: included, unitAmount: 0, amount: 0 });
  }
  const paid = seats - included;
  if (paid > 0) {
    lineItems.push({
      kind: 'seats',
      tierId: tier.id,
      quantity: paid,
      unitAmount: price,
      amount: price * paid,
    });
  }
  return lineItems;
}

/**
 * Unused time on the tier being replaced in the same product is credited: half a period of
 * what it costs now, never more than the new subtotal, and only in the subscription's currency.
 */
export function unusedTimeCredit(
  product: Product,
  tier: Tier,
  subscription: Catalog['subscription'],
  currency: string,
  subtotal: number,
): number {
  const replaced = product.tiers.find(
    (candidate) => subscription.tierIds.includes(candidate.id) && candidate.id !== tier.id,
  );
  const replacedPrice =
    replaced && subscription.currency === currency
      ? (replaced.prices[currency]?.[subscription.interval] ?? 0) *
        (replaced.pricing === 'per_seat' ? Math.max(0, subscription.seats - replaced.includedSeats) : 1)
      : 0;
  return Math.min(subtotal, Math.round(replacedPrice / 2));
}

/**
 * Whether `taxId` is a VAT id of the EU country `country`: its VAT prefix (`EL` for Greece)
 * followed by 2-13 letters and digits. A US tax id, or a German VAT id on a Polish company, is not.
 */
export function isEuVatIdOf(country: string, taxId: string): boolean {
  if (!EU_COUNTRIES.has(country)) return false;
  const prefix = country === 'GR' ? 'EL' : country;
  const normalized = normalizeTaxId(taxId);
  return normalized.startsWith(prefix) && /^[A-Z0-9]{2,13}$/.test(normalized.slice(prefix.length));
}

/** The country's VAT rate, or none when an EU business with its country's VAT id is reverse-charged. */
export function taxRatePercent(company: OrderDraft['company']): number {
  return taxTreatment(company).rate;
}

/** The VAT rate, and when it is 0, why. */
function taxTreatment(company: OrderDraft['company']): {
  rate: number;
  exemption?: 'reverse_charge' | 'not_taxed';
} {
  const country = company?.country;
  if (!country) return { rate: 0 };
  if (company.taxId && isEuVatIdOf(country, company.taxId)) return { rate: 0, exemption: 'reverse_charge' };
  const rate = TAX_RATES[country] ?? 0;
  return rate > 0 ? { rate } : { rate: 0, exemption: 'not_taxed' };
}

/** The quote for a valid draft (see `priceListIssues`), priced on `today`. */
export function priceQuote(input: {
  id: string;
  draft: OrderDraft;
  product: Product;
  tier: Tier;
  price: number;
  subscription: Catalog['subscription'];
  today: Date;
}): Quote {
  const { draft, tier } = input;
  const seats = tier.pricing === 'per_seat' ? draft.seatUserIds.length : 0;
  const lineItems = quoteLineItems(tier, seats, input.price);
  const subtotal = lineItems.reduce((sum, item) => sum + item.amount, 0);
  const credit = unusedTimeCredit(input.product, tier, input.subscription, draft.currency, subtotal);
  const { rate, exemption } = taxTreatment(draft.company);
  const tax = Math.round(((subtotal - credit) * rate) / 100);
  return {
    id: input.id,
    currency: draft.currency,
    interval: draft.interval,
    lineItems,
    seats,
    subtotal,
    credit,
    taxRatePercent: rate,
    ...(exemption ? { taxExemption: exemption } : {}),
    tax,
    total: subtotal - credit + tax,
    nextChargeDate: addMonths(input.today, draft.interval === 'annual' ? 12 : 1)
      .toISOString()
      .slice(0, 10),
    nextChargeAmount: subtotal + Math.round((subtotal * rate) / 100),
  };
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}
