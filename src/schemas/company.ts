import * as z from 'zod';

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
