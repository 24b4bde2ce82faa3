import * as z from 'zod';
import { billingIntervalSchema, currencySchema, minorUnitsSchema } from './catalog.js';
import { userIdSchema } from './user.js';

export const cardBrandSchema = z.enum(['visa', 'mastercard', 'amex', 'discover', 'other']);
export type CardBrand = z.infer<typeof cardBrandSchema>;

/** A saved payment method. Only the last four digits ever exist outside the payment provider. */
export const paymentMethodSchema = z.object({
  id: z.string().min(1),
  brand: cardBrandSchema,
  last4: z.string().regex(/^\d{4}$/),
  expMonth: z.number().int().min(1).max(12),
  expYear: z.number().int().min(2000).max(2100),
  ownerName: z.string().trim().min(1).max(200),
  ownerUserId: userIdSchema,
  sharedWithAdmins: z.boolean(),
  /**
   * Whether the account's subscriptions are charged to this card. At most one card of an account
   * is the default; a viewer may not see it when it is another admin's unshared card.
   */
  isDefault: z.boolean(),
  /** Guards changes to this card (sharing, default, removal) against others' concurrent edits. */
  version: z.number().int().nonnegative(),
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** Two-letter ISO 3166-1 country code. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, { error: 'countryRequired' });

const TAX_ID_SEPARATORS = /[\s.\-/]/g;
/** Normalises a VAT/tax id for comparison and storage: upper case, no separators. */
export function normalizeTaxId(value: string): string {
  return value.replace(TAX_ID_SEPARATORS, '').toUpperCase();
}

/**
 * Optional VAT or tax id. A sane shape check, not a registry lookup: 4-20 letters and digits
 * after separators are removed, and an EU-style two-letter prefix must not contradict a
 * digit-only remainder length below 2.
 */
export const taxIdSchema = z
  .string()
  .trim()
  .max(32, { error: 'taxIdInvalid' })
  .transform(normalizeTaxId)
  .refine((value) => value === '' || /^[A-Z0-9]{4,20}$/.test(value), { error: 'taxIdInvalid' })
  .refine((value) => value === '' || /\d/.test(value), { error: 'taxIdInvalid' });

/** The company the subscription is invoiced to. */
export const companyDetailsSchema = z.object({
  name: z.string().trim().min(1, { error: 'companyNameRequired' }).max(200, { error: 'textTooLong' }),
  addressLine1: z.string().trim().min(1, { error: 'addressRequired' }).max(200, { error: 'textTooLong' }),
  addressLine2: z.string().trim().max(200, { error: 'textTooLong' }),
  city: z.string().trim().min(1, { error: 'cityRequired' }).max(120, { error: 'textTooLong' }),
  postalCode: z
    .string()
    .trim()
    .min(1, { error: 'postalCodeRequired' })
    .max(16, { error: 'postalCodeInvalid' })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: 'postalCodeInvalid' }),
  country: countryCodeSchema,
  taxId: taxIdSchema,
});
export type CompanyDetails = z.infer<typeof companyDetailsSchema>;
export type CompanyDetailsInput = z.input<typeof companyDetailsSchema>;

/** Everything the customer chose in the upgrade wizard. Never contains card data. */
export const orderDraftSchema = z.object({
  tierId: z.string().min(1),
  currency: currencySchema,
  interval: billingIntervalSchema,
  /** Users who get a paid seat (per-seat tiers only; empty for flat tiers). */
  seatUserIds: z.array(userIdSchema).refine((ids) => new Set(ids).size === ids.length, {
    error: 'seatsDuplicate',
  }),
  paymentMethodId: z.string().min(1).nullable(),
  company: companyDetailsSchema.nullable(),
});
export type OrderDraft = z.infer<typeof orderDraftSchema>;

export const quoteLineItemSchema = z.object({
  kind: z.enum(['plan', 'seats', 'included_seats']),
  tierId: z.string(),
  quantity: z.number().int().nonnegative(),
  unitAmount: minorUnitsSchema,
  amount: minorUnitsSchema,
});
export type QuoteLineItem = z.infer<typeof quoteLineItemSchema>;

/** The price of a draft as the billing system computes it. The UI never totals money itself. */
export const quoteSchema = z.object({
  id: z.string().min(1),
  currency: currencySchema,
  interval: billingIntervalSchema,
  lineItems: z.array(quoteLineItemSchema),
  seats: z.number().int().nonnegative(),
  subtotal: minorUnitsSchema,
  credit: minorUnitsSchema,
  taxRatePercent: z.number().nonnegative().max(100),
  tax: minorUnitsSchema,
  total: minorUnitsSchema,
  nextChargeDate: z.iso.date(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const orderResultSchema = z.object({
  orderId: z.string().min(1),
  status: z.literal('completed'),
  tierId: z.string(),
  interval: billingIntervalSchema,
  seats: z.number().int().nonnegative(),
  total: minorUnitsSchema,
  currency: currencySchema,
  placedAt: z.iso.datetime(),
});
export type OrderResult = z.infer<typeof orderResultSchema>;
