import * as z from 'zod/mini';

/** Two-letter ISO 3166-1 country code. */
export const countryCodeSchema = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.regex(/^[A-Z]{2}$/, { error: 'countryRequired' }));

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
export const taxIdSchema = /* @__PURE__ */ z.pipe(
  /* @__PURE__ */ z.pipe(
    /* @__PURE__ */ z
      .string()
      .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(32, { error: 'taxIdInvalid' })),
    /* @__PURE__ */ z.transform(normalizeTaxId),
  ),
  /* @__PURE__ */ z.string().check(
    /* @__PURE__ */ z.refine((value) => value === '' || /^[A-Z0-9]{4,20}$/.test(value), {
      error: 'taxIdInvalid',
    }),
    /* @__PURE__ */ z.refine((value) => value === '' || /\d/.test(value), { error: 'taxIdInvalid' }),
  ),
);

/** Trimmed text that must be there: `required` when empty, `textTooLong` past `max` characters. */
function requiredText(required: string, max: number) {
  return /* @__PURE__ */ z
    .string()
    .check(
      /* @__PURE__ */ z.trim(),
      /* @__PURE__ */ z.minLength(1, { error: required }),
      /* @__PURE__ */ z.maxLength(max, { error: 'textTooLong' }),
    );
}

/** The company the subscription is invoiced to. */
export const companyDetailsSchema = /* @__PURE__ */ z.object({
  name: requiredText('companyNameRequired', 200),
  addressLine1: requiredText('addressRequired', 200),
  addressLine2: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(200, { error: 'textTooLong' })),
  city: requiredText('cityRequired', 120),
  postalCode: /* @__PURE__ */ z
    .string()
    .check(
      /* @__PURE__ */ z.trim(),
      /* @__PURE__ */ z.minLength(1, { error: 'postalCodeRequired' }),
      /* @__PURE__ */ z.maxLength(16, { error: 'postalCodeInvalid' }),
      /* @__PURE__ */ z.regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { error: 'postalCodeInvalid' }),
    ),
  country: countryCodeSchema,
  taxId: taxIdSchema,
});
export type CompanyDetails = z.infer<typeof companyDetailsSchema>;
export type CompanyDetailsInput = z.input<typeof companyDetailsSchema>;
