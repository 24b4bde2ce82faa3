import { useMemo } from 'react';
import type { MessageKey } from '../../../i18n/messages.js';
import { translateValidation } from '../../../i18n/translate.js';
import { useAccountSettings } from '../../../provider/context.js';
import type { CompanyDetailsInput } from '../../../schemas/billing.js';
import { Field, TextField } from '../../../ui/index.js';
import type { CompanyFormControl } from './use-payment-submit.js';

/** Countries offered in the company details; names come from `Intl.DisplayNames`. */
const COUNTRIES = [
  'AT',
  'AU',
  'BE',
  'BR',
  'CA',
  'CH',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HU',
  'IE',
  'IN',
  'IT',
  'JP',
  'LT',
  'LU',
  'LV',
  'MX',
  'NL',
  'NO',
  'NZ',
  'PL',
  'PT',
  'RO',
  'SE',
  'SG',
  'SI',
  'SK',
  'US',
  'ZA',
];

/** The address lines, in the order a postal address is written. */
const ADDRESS_FIELDS = [
  { name: 'name', labelKey: 'upgrade.payment.companyName', autoComplete: 'organization', wide: true },
  {
    name: 'addressLine1',
    labelKey: 'upgrade.payment.addressLine1',
    autoComplete: 'address-line1',
    wide: true,
  },
  {
    name: 'addressLine2',
    labelKey: 'upgrade.payment.addressLine2',
    autoComplete: 'address-line2',
    wide: true,
    optional: true,
  },
  { name: 'postalCode', labelKey: 'upgrade.payment.postalCode', autoComplete: 'postal-code' },
  { name: 'city', labelKey: 'upgrade.payment.city', autoComplete: 'address-level2' },
] satisfies {
  name: keyof CompanyDetailsInput;
  labelKey: MessageKey;
  autoComplete: string;
  wide?: boolean;
  optional?: boolean;
}[];

/** The company the subscription is invoiced to: name, address, country and tax id. */
export function CompanyDetailsFieldset({ form, idPrefix }: { form: CompanyFormControl; idPrefix: string }) {
  const { t, messages, format, locale } = useAccountSettings();
  const errorText = (code: string | undefined) => (code ? translateValidation(t, messages, code) : undefined);
  const countryNames = useMemo(
    () =>
      COUNTRIES.map((code) => ({ code, name: format.region(code) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [format, locale],
  );
  const fieldProps = (name: keyof CompanyDetailsInput) => ({
    id: `${idPrefix}-${name}`,
    registration: form.register(name),
    error: errorText(form.error(name)),
  });

  return (
    <fieldset className="abk-fieldset">
      <legend className="abk-fieldset__legend">{t('upgrade.payment.companyTitle')}</legend>
      <div className="abk-form-grid">
        {ADDRESS_FIELDS.map(({ name, labelKey, autoComplete, wide, optional }) => (
          <TextField
            key={name}
            label={t(labelKey)}
            autoComplete={autoComplete}
            wide={wide}
            optional={optional}
            {...fieldProps(name)}
          />
        ))}
        <Field
          label={t('upgrade.payment.country')}
          id={`${idPrefix}-country`}
          error={errorText(form.error('country'))}
        >
          {(control) => (
            <select {...control} className="abk-select" autoComplete="country" {...form.register('country')}>
              <option value="">{t('upgrade.payment.chooseCountry')}</option>
              {countryNames.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TextField label={t('upgrade.payment.taxId')} optional {...fieldProps('taxId')} />
      </div>
    </fieldset>
  );
}
