import * as z from 'zod/mini';

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
