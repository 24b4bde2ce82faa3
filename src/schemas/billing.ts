import * as z from 'zod/mini';
import { billingIntervalSchema, currencySchema, minorUnitsSchema } from './catalog.js';
import { companyDetailsSchema } from './company.js';
import { userIdSchema, userSchema } from './user.js';

export const cardBrandSchema = /* @__PURE__ */ z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']);
export type CardBrand = z.infer<typeof cardBrandSchema>;

/** A saved payment method. Only the last four digits ever exist outside the payment provider. */
export const paymentMethodSchema = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  brand: cardBrandSchema,
  last4: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{4}$/)),
  expMonth: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(12)),
  expYear: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(2000), /* @__PURE__ */ z.lte(2100)),
  ownerName: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
  ownerUserId: userIdSchema,
  sharedWithAdmins: /* @__PURE__ */ z.boolean(),
  /**
   * Whether the account's subscriptions are charged to this card. At most one card of an account
   * is the default; a viewer may not see it when it is another admin's unshared card.
   */
  isDefault: /* @__PURE__ */ z.boolean(),
  /** Guards changes to this card (sharing, default, removal) against others' concurrent edits. */
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
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
export const orderDraftSchema = /* @__PURE__ */ z.object({
  tierId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  currency: currencySchema,
  interval: billingIntervalSchema,
  /** Users who get a paid seat (per-seat tiers only; empty for flat tiers). */
  seatUserIds: /* @__PURE__ */ z
    .array(userIdSchema)
    .check(/* @__PURE__ */ z.refine((ids) => new Set(ids).size === ids.length, { error: 'seatsDuplicate' })),
  paymentMethodId: /* @__PURE__ */ z.nullable(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  ),
  company: /* @__PURE__ */ z.nullable(companyDetailsSchema),
});
export type OrderDraft = z.infer<typeof orderDraftSchema>;

export const quoteLineItemSchema = /* @__PURE__ */ z.object({
  kind: /* @__PURE__ */ z.enum(['plan', 'seats', 'included_seats']),
  tierId: /* @__PURE__ */ z.string(),
  quantity: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  unitAmount: minorUnitsSchema,
  amount: minorUnitsSchema,
});
export type QuoteLineItem = z.infer<typeof quoteLineItemSchema>;

/** The price of a draft as the billing system computes it. The UI never totals money itself. */
export const quoteSchema = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  currency: currencySchema,
  interval: billingIntervalSchema,
  lineItems: /* @__PURE__ */ z.array(quoteLineItemSchema),
  seats: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  subtotal: minorUnitsSchema,
  credit: minorUnitsSchema,
  taxRatePercent: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.nonnegative(), /* @__PURE__ */ z.lte(100)),
  /**
   * Why no tax is charged, when none is: `reverse_charge` (a business with a VAT id in another
   * EU country accounts for the VAT itself) or `not_taxed` (no tax applies in the country).
   */
  taxExemption: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['reverse_charge', 'not_taxed'])),
  tax: minorUnitsSchema,
  total: minorUnitsSchema,
  nextChargeDate: z.iso.date(),
  /** What the next period will cost: the full price with tax, without today's credit. */
  nextChargeAmount: /* @__PURE__ */ z.optional(minorUnitsSchema),
});
export type Quote = z.infer<typeof quoteSchema>;

/** A viewer who may not purchase asks the account's administrators for a plan. */
export const upgradeRequestSchema = /* @__PURE__ */ z.object({
  tierId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  interval: billingIntervalSchema,
  currency: currencySchema,
});
export type UpgradeRequest = z.infer<typeof upgradeRequestSchema>;

/** A request sent: who was asked (the administrators, never the viewer who asked). */
export const upgradeRequestResultSchema = /* @__PURE__ */ z.object({
  requestId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  recipients: /* @__PURE__ */ z.array(userSchema),
});
export type UpgradeRequestResult = z.infer<typeof upgradeRequestResultSchema>;

export const orderResultSchema = /* @__PURE__ */ z.object({
  orderId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  status: /* @__PURE__ */ z.literal('completed'),
  tierId: /* @__PURE__ */ z.string(),
  interval: billingIntervalSchema,
  seats: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  total: minorUnitsSchema,
  currency: currencySchema,
  placedAt: z.iso.datetime(),
  nextChargeDate: /* @__PURE__ */ z.optional(z.iso.date()),
  nextChargeAmount: /* @__PURE__ */ z.optional(minorUnitsSchema),
});
export type OrderResult = z.infer<typeof orderResultSchema>;
