import * as z from 'zod/mini';
import { billingIntervalSchema, currencySchema, minorUnitsSchema } from './catalog.js';
import { userIdSchema } from './user.js';

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
});
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** Two-letter ISO 3166-1 country code. */
export const countryCodeSchema = z.string().check(z.regex(/^[A-Z]{2}$/, { error: 'countryRequired' }));

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
export const taxIdSchema = z.pipe(
  z.pipe(z.string().check(z.trim(), z.maxLength(32, { error: 'taxIdInvalid' })), z.transform(normalizeTaxId)),
  z.string().check(
    z.refine((value) => value === '' || /^[A-Z0-9]{4,20}$/.test(value), { error: 'taxIdInvalid' }),
    z.refine((value) => value === '' || /\d/.test(value), { error: 'taxIdInvalid' }),
  ),
);

/** Trimmed text that must be there: `required` when empty, `textTooLong` past `max` characters. */
function requiredText(required: string, max: number) {
  return z
    .string()
    .check(z.trim(), z.minLength(1, { error: required }), z.maxLength(max, { error: 'textTooLong' }));
}

/** The company the subscription is invoiced to. */
export const companyDetailsSchema = z.object({
  name: requiredText('companyNameRequired', 200),
  addressLine1: requiredText('addressRequired', 200),
  addressLine2: z.string().check(z.trim(), z.maxLength(200, { error: 'textTooLong' })),
  city: requiredText('cityRequired', 120),
  postalCode: z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'postalCodeRequired' }),
      z.maxLength(16, { error: 'postalCodeInvalid' }),
      z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: 'postalCodeInvalid' }),
    ),
  country: countryCodeSchema,
  taxId: taxIdSchema,
});
export type CompanyDetails = z.infer<typeof companyDetailsSchema>;
export type CompanyDetailsInput = z.input<typeof companyDetailsSchema>;

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
  tax: minorUnitsSchema,
  total: minorUnitsSchema,
  nextChargeDate: z.iso.date(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const orderResultSchema = z.object({
  orderId: z.string().check(z.minLength(1)),
  status: z.literal('completed'),
  tierId: z.string(),
  interval: billingIntervalSchema,
  seats: z.int().check(z.nonnegative()),
  total: minorUnitsSchema,
  currency: currencySchema,
  placedAt: z.iso.datetime(),
});
export type OrderResult = z.infer<typeof orderResultSchema>;
