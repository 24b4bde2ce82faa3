import * as z from 'zod/mini';
import { userIdSchema } from './user.js';

/** ISO 4217 code, e.g. `EUR`. */
export const currencySchema = /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^[A-Z]{3}$/));
export type Currency = z.infer<typeof currencySchema>;

export const billingIntervalSchema = /* @__PURE__ */ z.enum(['monthly', 'annual']);
export type BillingInterval = z.infer<typeof billingIntervalSchema>;

/** Money is always an integer count of the currency's minor unit (cents), never a float. */
export const minorUnitsSchema = /* @__PURE__ */ z
  .int()
  .check(/* @__PURE__ */ z.nonnegative(), /* @__PURE__ */ z.lte(Number.MAX_SAFE_INTEGER));

/**
 * Price of one tier in one currency: per month when billed monthly, per year when billed
 * annually. For per-seat tiers it is the price of one seat.
 */
export const tierPriceSchema = /* @__PURE__ */ z.object({
  monthly: /* @__PURE__ */ z.optional(minorUnitsSchema),
  annual: /* @__PURE__ */ z.optional(minorUnitsSchema),
});
export type TierPrice = z.infer<typeof tierPriceSchema>;

export const tierSchema = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  name: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(80)),
  /** Rank within its product: a higher rank is a bigger plan. */
  rank: /* @__PURE__ */ z.int(),
  features: /* @__PURE__ */ z
    .array(
      /* @__PURE__ */ z
        .string()
        .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
    )
    .check(/* @__PURE__ */ z.maxLength(20)),
  purchase: /* @__PURE__ */ z.enum(['self_serve', 'contact_sales']),
  pricing: /* @__PURE__ */ z.enum(['flat', 'per_seat']),
  /** Seats the price already includes (per-seat tiers only charge above this). */
  includedSeats: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  prices: /* @__PURE__ */ z.record(currencySchema, tierPriceSchema),
  intervals: /* @__PURE__ */ z.array(billingIntervalSchema).check(/* @__PURE__ */ z.minLength(1)),
  /** `annual` means the tier can only be bought with a yearly commitment. */
  commitment: /* @__PURE__ */ z.enum(['none', 'annual']),
});
export type Tier = z.infer<typeof tierSchema>;

export const productSchema = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  name: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(80)),
  tiers: /* @__PURE__ */ z.array(tierSchema).check(/* @__PURE__ */ z.minLength(1)),
});
export type Product = z.infer<typeof productSchema>;

export const subscriptionSchema = /* @__PURE__ */ z.object({
  /** One current tier per product the account has. */
  tierIds: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  interval: billingIntervalSchema,
  currency: currencySchema,
  seats: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  /**
   * Who holds a paid seat today, by product id, e.g. `{ sales: ['u001', 'u002'] }`. Informational:
   * the screens, the wizard's seat step among them, read the holders from `getSeatAssignments`.
   */
  seatHolders: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.record(/* @__PURE__ */ z.string(), /* @__PURE__ */ z.array(userIdSchema)),
  ),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const catalogSchema = /* @__PURE__ */ z.object({
  currency: currencySchema,
  currencies: /* @__PURE__ */ z.array(currencySchema).check(/* @__PURE__ */ z.minLength(1)),
  products: /* @__PURE__ */ z.array(productSchema),
  subscription: subscriptionSchema,
});
export type Catalog = z.infer<typeof catalogSchema>;
