import * as z from 'zod/mini';
import { userIdSchema } from './user.js';

/** ISO 4217 code, e.g. `EUR`. */
export const currencySchema = z.string().check(z.regex(/^[A-Z]{3}$/));
export type Currency = z.infer<typeof currencySchema>;

export const billingIntervalSchema = z.enum(['monthly', 'annual']);
export type BillingInterval = z.infer<typeof billingIntervalSchema>;

/** Money is always an integer count of the currency's minor unit (cents), never a float. */
export const minorUnitsSchema = z.int().check(z.nonnegative(), z.lte(Number.MAX_SAFE_INTEGER));

/**
 * Price of one tier in one currency: per month when billed monthly, per year when billed
 * annually. For per-seat tiers it is the price of one seat.
 */
export const tierPriceSchema = z.object({
  monthly: z.optional(minorUnitsSchema),
  annual: z.optional(minorUnitsSchema),
});
export type TierPrice = z.infer<typeof tierPriceSchema>;

export const tierSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  /** Rank within its product: a higher rank is a bigger plan. */
  rank: z.int(),
  features: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200))).check(z.maxLength(20)),
  purchase: z.enum(['self_serve', 'contact_sales']),
  pricing: z.enum(['flat', 'per_seat']),
  /** Seats the price already includes (per-seat tiers only charge above this). */
  includedSeats: z.int().check(z.nonnegative()),
  prices: z.record(currencySchema, tierPriceSchema),
  intervals: z.array(billingIntervalSchema).check(z.minLength(1)),
  /** `annual` means the tier can only be bought with a yearly commitment. */
  commitment: z.enum(['none', 'annual']),
});
export type Tier = z.infer<typeof tierSchema>;

export const productSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(80)),
  tiers: z.array(tierSchema).check(z.minLength(1)),
});
export type Product = z.infer<typeof productSchema>;

export const subscriptionSchema = z.object({
  /** One current tier per product the account has. */
  tierIds: z.array(z.string()),
  interval: billingIntervalSchema,
  currency: currencySchema,
  seats: z.int().check(z.nonnegative()),
  /**
   * Who holds a paid seat today, by product id, e.g. `{ sales: ['u001', 'u002'] }`. Informational:
   * the screens, the wizard's seat step among them, read the holders from `getSeatAssignments`.
   */
  seatHolders: z.optional(z.record(z.string(), z.array(userIdSchema))),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const catalogSchema = z.object({
  currency: currencySchema,
  currencies: z.array(currencySchema).check(z.minLength(1)),
  products: z.array(productSchema),
  subscription: subscriptionSchema,
});
export type Catalog = z.infer<typeof catalogSchema>;
