// Data that stories and tests both use, kept in one place so a scenario reads the same in the
// Storybook canvas, in jsdom and in Chromium.
import type { CompanyDetailsInput } from '../src/schemas';

/**
 * The seed account's billing address as a user enters it on the payment step. The memory
 * adapter pre-fills only the company name; the rest is typed in.
 */
export const nordlichtCompany = {
  name: 'Nordlicht Logistik GmbH',
  addressLine1: 'Hafenstraße 12',
  addressLine2: '',
  city: 'Hamburg',
  postalCode: '20457',
  country: 'DE',
  taxId: '',
} satisfies CompanyDetailsInput;

/** The three policy links the upgrade wizard's review step requires. */
export const policyLinks = {
  termsOfServiceUrl: 'https://example.com/legal/terms',
  privacyPolicyUrl: 'https://example.com/legal/privacy',
  acceptableUsePolicyUrl: 'https://example.com/legal/acceptable-use',
};
