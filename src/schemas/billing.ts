import * as z from 'zod/mini';
import { billingIntervalSchema, currencySchema, minorUnitsSchema } from './catalog.js';
import { companyDetailsSchema } from './company.js';
import { userIdSchema, userSchema } from './user.js';

export const cardBrandSchema = z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']);
export type CardBrand = z.infer<typeof cardBrandSchema>;

/** A saved payment method. Only the last four digits ever exist outside the payment provider. */
export const paymentMethodSchema = z.object({
  id: z.string().check(z.minLength(1)),
  brand: cardBrandSchema,
  last4: z.string().check(z.regex(/^\d{4}$/)),
  expMonth: z.int().check(z.gte(1), z.lte(12)),
  expYear: z.int().check(z.gte(2000), z.lte(2100)),
  ownerName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  ownerUserId: userIdSchema,
  sharedWithAdmins: z.boolean(),
  /**
   * Whether the account's subscriptions are charged to this card. At most one card of an account
   * is the default; a viewer may not see it when it is another admin's unshared card.
   */
  isDefault: z.boolean(),
  /** Guards changes to this card (sharing, default, removal) against others' concurrent edits. */
  version: z.int().check(z.nonnegative()),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

// The company details live in company.ts, so the account (user.ts) can carry them too; they
// are exported from here as before.
export {
  companyDetailsSchema,
  countryCodeSchema,
  normalizeTaxId,
  taxIdSchema,
  type CompanyDetails,
  type CompanyDetailsInput,
} from './company.js';

/** Everything the customer chose in the upgrade wizard. Never contains card data. */
export const orderDraftSchema = z.object({
  tierId: z.string().check(z.minLength(1)),
  currency: currencySchema,
  interval: billingIntervalSchema,
  /** Users who get a paid seat (per-seat tiers only; empty for flat tiers). */
  seatUserIds: z
    .array(userIdSchema)
    .check(z.refine((ids) => new Set(ids).size === ids.length, { error: 'seatsDuplicate' })),
  paymentMethodId: z.nullable(z.string().check(z.minLength(1))),
  company: z.nullable(companyDetailsSchema),
});
export type OrderDraft = z.infer<typeof orderDraftSchema>;

export const quoteLineItemSchema = z.object({
  kind: z.enum(['plan', 'seats', 'included_seats']),
  tierId: z.string(),
  quantity: z.int().check(z.nonnegative()),
  unitAmount: minorUnitsSchema,
  amount: minorUnitsSchema,
});
export type QuoteLineItem = z.infer<typeof quoteLineItemSchema>;

/** The price of a draft as the billing system computes it. The UI never totals money itself. */
export const quoteSchema = z.object({
  id: z.string().check(z.minLength(1)),
  currency: currencySchema,
  interval: billingIntervalSchema,
  lineItems: z.array(quoteLineItemSchema),
  seats: z.int().check(z.nonnegative()),
  subtotal: minorUnitsSchema,
  credit: minorUnitsSchema,
  taxRatePercent: z.number().check(z.nonnegative(), z.lte(100)),
  /**
   * Why no tax is charged, when none is: `reverse_charge` (a business with a VAT id in another
   * EU country accounts for the VAT itself) or `not_taxed` (no tax applies in the country).
   */
  taxExemption: z.optional(z.enum(['reverse_charge', 'not_taxed'])),
  tax: minorUnitsSchema,
  total: minorUnitsSchema,
  nextChargeDate: z.iso.date(),
  /** What the next period will cost: the full price with tax, without today's credit. */
  nextChargeAmount: z.optional(minorUnitsSchema),
});
export type Quote = z.infer<typeof quoteSchema>;

/** A viewer who may not purchase asks the account's administrators for a plan. */
export const upgradeRequestSchema = z.object({
  tierId: z.string().check(z.minLength(1)),
  interval: billingIntervalSchema,
  currency: currencySchema,
});
export type UpgradeRequest = z.infer<typeof upgradeRequestSchema>;

/** A request sent: who was asked (the administrators, never the viewer who asked). */
export const upgradeRequestResultSchema = z.object({
  requestId: z.string().check(z.minLength(1)),
  recipients: z.array(userSchema),
});
export type UpgradeRequestResult = z.infer<typeof upgradeRequestResultSchema>;

export const orderResultSchema = z.object({
  orderId: z.string().check(z.minLength(1)),
  status: z.literal('completed'),
  tierId: z.string(),
  interval: billingIntervalSchema,
  seats: z.int().check(z.nonnegative()),
  total: minorUnitsSchema,
  currency: currencySchema,
  placedAt: z.iso.datetime(),
  nextChargeDate: z.optional(z.iso.date()),
  nextChargeAmount: z.optional(minorUnitsSchema),
});
export type OrderResult = z.infer<typeof orderResultSchema>;
