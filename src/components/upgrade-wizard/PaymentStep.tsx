import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import { useForm, type FieldErrors, type UseFormRegisterReturn } from 'react-hook-form';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { describeAdapterError, translateValidation } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { accountKeys, paymentMethodsQueryOptions, tokenizeAndSaveCard } from '../../queries/index.js';
import { companyDetailsSchema, type CompanyDetailsInput } from '../../schemas/billing.js';
import { createCardInputSchema, type CardInput } from '../../schemas/card.js';
import { ErrorSummary, StepFooter, type StepError } from './shared.js';
import type { UpgradeWizardState } from './use-upgrade-wizard.js';

/** What a host's own card form (e.g. a payment provider's hosted fields) receives. */
export interface PaymentFormSlotProps {
  /**
   * Register how to obtain a single-use token when the user continues, or `null` while the
   * form is incomplete. The token is passed to `adapter.createPaymentMethod`.
   */
  setTokenizer: (tokenize: (() => Promise<{ token: string }>) | null) => void;
  disabled: boolean;
}

export interface PaymentStepProps {
  wizard: UpgradeWizardState;
  /** Replaces the default card form with the host's own. */
  renderPaymentForm?: ((props: PaymentFormSlotProps) => ReactNode) | undefined;
}

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

const NEW_CARD = 'new-card';
const COMPANY_FIELDS = [
  'name',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'taxId',
] as const;
const CARD_FIELDS = ['cardholderName', 'number', 'expiry', 'securityCode'] as const;
const EMPTY_COMPANY: CompanyDetailsInput = {
  name: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  postalCode: '',
  country: '',
  taxId: '',
};
const EMPTY_CARD: CardInput = { cardholderName: '', number: '', expiry: '', securityCode: '' };

/** Step 3: company details and a payment method, existing or a new card. Loaded on demand. */
export default function PaymentStep({ wizard, renderPaymentForm }: PaymentStepProps) {
  const settings = useAccountSettings();
  const { t, messages, format, locale } = settings;
  const queryClient = useQueryClient();
  const id = useId();
  const methods = useQuery(paymentMethodsQueryOptions(settings));
  const [choice, setChoice] = useState<string | null>(wizard.state.paymentMethodId);
  const [shareCard, setShareCard] = useState(false);
  const [submitError, setSubmitError] = useState<AdapterError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  useEffect(() => {
    if (focusSummary > 0) document.getElementById(`${id}-summary`)?.querySelector('a')?.focus();
  }, [focusSummary, id]);
  const [hostTokenizer, setHostTokenizer] = useState<(() => Promise<{ token: string }>) | null>(null);
  const cardSchema = useMemo(() => createCardInputSchema(), []);

  const company = useForm<CompanyDetailsInput>({
    resolver: zodResolver(companyDetailsSchema) as never,
    // Validate on submit, then live: an error appearing on blur would shift the button away
    // between mouse-down and click, and the click would be lost.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: wizard.state.company ?? { ...EMPTY_COMPANY, name: wizard.account?.name ?? '' },
  });
  // Card fields live only in this form's memory: never in wizard state, storage or caches.
  const card = useForm<CardInput>({
    resolver: zodResolver(cardSchema),
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: EMPTY_CARD,
  });

  const selected = choice ?? methods.data?.[0]?.id ?? NEW_CARD;
  const countryNames = useMemo(
    () =>
      COUNTRIES.map((code) => ({ code, name: format.region(code) })).sort((a, b) =>
        a.name.localeCompare(b.name, locale),
      ),
    [format, locale],
  );

  const errors: StepError[] = attempted
    ? [
        ...fieldErrors(company.formState.errors, COMPANY_FIELDS, `${id}-company`, (code) =>
          translateValidation(t, messages, code),
        ),
        ...(selected === NEW_CARD && !renderPaymentForm
          ? fieldErrors(card.formState.errors, CARD_FIELDS, `${id}-card`, (code) =>
              translateValidation(t, messages, code),
            )
          : []),
      ]
    : [];

  async function submit() {
    setAttempted(true);
    setSubmitError(null);
    const companyValid = await company.trigger();
    const cardValid = selected !== NEW_CARD || renderPaymentForm ? true : await card.trigger();
    if (!companyValid || !cardValid) {
      // The summary at the top lists and links the problems; focus its first link once rendered.
      setFocusSummary((count) => count + 1);
      return;
    }
    const parsedCompany = companyDetailsSchema.parse(company.getValues());
    setSubmitting(true);
    try {
      let paymentMethodId = selected;
      if (selected === NEW_CARD) {
        const tokenize = renderPaymentForm
          ? hostTokenizer
          : () => settings.adapter.tokenizeCard(card.getValues());
        if (!tokenize) return;
        const method = await tokenizeAndSaveCard(settings, tokenize, shareCard);
        paymentMethodId = method.id;
        card.reset(EMPTY_CARD);
        setChoice(method.id);
        void queryClient.invalidateQueries({ queryKey: accountKeys.paymentMethods(settings.scope) });
      }
      wizard.setCompany(parsedCompany);
      wizard.setPaymentMethod(paymentMethodId);
      wizard.next();
    } catch (caught) {
      const error = toAdapterError(caught);
      if (error.code === 'validation' && error.fieldIssues.length > 0) {
        for (const issue of error.fieldIssues) {
          const field = issue.path[0];
          if (
            field === 'number' ||
            field === 'expiry' ||
            field === 'securityCode' ||
            field === 'cardholderName'
          ) {
            card.setError(field, { type: 'server', message: issue.code }, { shouldFocus: true });
          }
        }
      }
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  }

  const fieldProps = (name: keyof CompanyDetailsInput) => ({
    id: `${id}-company-${name}`,
    registration: company.register(name),
    error: company.formState.errors[name]?.message,
  });

  return (
    <form
      className="abk-payment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div id={`${id}-summary`}>
        <ErrorSummary errors={errors} />
      </div>
      {submitError && submitError.code !== 'validation' && (
        <div className="abk-notice" data-tone="danger" role="alert">
          <p>{describeAdapterError(t, submitError)}</p>
        </div>
      )}

      <fieldset className="abk-fieldset">
        <legend className="abk-fieldset__legend">{t('upgrade.payment.companyTitle')}</legend>
        <div className="abk-form-grid">
          <TextField
            label={t('upgrade.payment.companyName')}
            autoComplete="organization"
            wide
            {...fieldProps('name')}
          />
          <TextField
            label={t('upgrade.payment.addressLine1')}
            autoComplete="address-line1"
            wide
            {...fieldProps('addressLine1')}
          />
          <TextField
            label={t('upgrade.payment.addressLine2')}
            optional={t('common.optional')}
            autoComplete="address-line2"
            wide
            {...fieldProps('addressLine2')}
          />
          <TextField
            label={t('upgrade.payment.postalCode')}
            autoComplete="postal-code"
            {...fieldProps('postalCode')}
          />
          <TextField
            label={t('upgrade.payment.city')}
            autoComplete="address-level2"
            {...fieldProps('city')}
          />
          <Field
            label={t('upgrade.payment.country')}
            id={`${id}-company-country`}
            error={company.formState.errors.country?.message}
          >
            {(describedBy) => (
              <select
                id={`${id}-company-country`}
                className="abk-select"
                autoComplete="country"
                aria-invalid={Boolean(company.formState.errors.country) || undefined}
                aria-describedby={describedBy}
                {...company.register('country')}
              >
                <option value="">{t('upgrade.payment.chooseCountry')}</option>
                {countryNames.map((country) => (
                  <option key={country.code} value={country.code}>
                    {country.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label={t('upgrade.payment.taxId')}
            optional={t('common.optional')}
            {...fieldProps('taxId')}
          />
        </div>
      </fieldset>

      <fieldset className="abk-fieldset">
        <legend className="abk-fieldset__legend">{t('upgrade.payment.methodTitle')}</legend>
        <div className="abk-methods">
          {(methods.data ?? []).map((method) => (
            <label
              key={method.id}
              className="abk-method"
              data-checked={selected === method.id ? '' : undefined}
            >
              <input
                type="radio"
                name={`${id}-method`}
                value={method.id}
                checked={selected === method.id}
                onChange={() => setChoice(method.id)}
              />
              <span className="abk-method__text">
                <span>
                  {t('upgrade.payment.existingMethod', {
                    brand: t(`upgrade.payment.brands.${method.brand === 'other' ? 'generic' : method.brand}`),
                    last4: method.last4,
                    month: String(method.expMonth).padStart(2, '0'),
                    year: String(method.expYear),
                  })}
                </span>
                {method.sharedWithAdmins && method.ownerUserId !== wizard.account?.viewer.user.id && (
                  <span className="abk-method__meta">
                    {t('upgrade.payment.sharedBy', { name: method.ownerName })}
                  </span>
                )}
              </span>
            </label>
          ))}
          <label className="abk-method" data-checked={selected === NEW_CARD ? '' : undefined}>
            <input
              type="radio"
              name={`${id}-method`}
              value={NEW_CARD}
              checked={selected === NEW_CARD}
              onChange={() => setChoice(NEW_CARD)}
            />
            <span className="abk-method__text">{t('upgrade.payment.newCard')}</span>
          </label>
        </div>

        {selected === NEW_CARD && (
          <div className="abk-card-form">
            {renderPaymentForm ? (
              renderPaymentForm({
                setTokenizer: (tokenize) => setHostTokenizer(() => tokenize),
                disabled: submitting,
              })
            ) : (
              <div className="abk-form-grid">
                <TextField
                  label={t('upgrade.payment.cardholderName')}
                  autoComplete="cc-name"
                  wide
                  id={`${id}-card-cardholderName`}
                  registration={card.register('cardholderName')}
                  error={card.formState.errors.cardholderName?.message}
                />
                <TextField
                  label={t('upgrade.payment.cardNumber')}
                  autoComplete="cc-number"
                  inputMode="numeric"
                  wide
                  id={`${id}-card-number`}
                  registration={card.register('number')}
                  error={card.formState.errors.number?.message}
                />
                <TextField
                  label={t('upgrade.payment.expiry')}
                  autoComplete="cc-exp"
                  inputMode="numeric"
                  id={`${id}-card-expiry`}
                  registration={card.register('expiry')}
                  error={card.formState.errors.expiry?.message}
                />
                <TextField
                  label={t('upgrade.payment.securityCode')}
                  autoComplete="cc-csc"
                  inputMode="numeric"
                  id={`${id}-card-securityCode`}
                  registration={card.register('securityCode')}
                  error={card.formState.errors.securityCode?.message}
                />
              </div>
            )}
            <label className="abk-checkbox">
              <input
                type="checkbox"
                checked={shareCard}
                onChange={(event) => setShareCard(event.currentTarget.checked)}
              />
              <span>{t('upgrade.payment.shareCard')}</span>
            </label>
            <p className="abk-field__hint">{t('upgrade.payment.cardNotStored')}</p>
          </div>
        )}
      </fieldset>

      <StepFooter onBack={wizard.back}>
        <button
          type="submit"
          className="abk-button"
          data-variant="primary"
          aria-disabled={submitting || undefined}
        >
          {submitting ? t('common.saving') : t('upgrade.payment.reviewOrder')}{' '}
          <span aria-hidden="true">→</span>
        </button>
      </StepFooter>
    </form>
  );
}

function TextField({
  label,
  id: fieldId,
  registration,
  error,
  optional,
  wide,
  autoComplete,
  inputMode,
}: {
  label: string;
  id: string;
  registration: UseFormRegisterReturn;
  error: string | undefined;
  optional?: string;
  wide?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric';
}) {
  return (
    <Field label={label} id={fieldId} error={error} optional={optional} wide={wide}>
      {(describedBy) => (
        <input
          id={fieldId}
          className="abk-input"
          autoComplete={autoComplete}
          inputMode={inputMode}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy}
          {...registration}
        />
      )}
    </Field>
  );
}

function Field({
  label,
  id: fieldId,
  error,
  optional,
  wide,
  children,
}: {
  label: string;
  id: string;
  error: string | undefined;
  optional?: string | undefined;
  wide?: boolean | undefined;
  children: (describedBy: string | undefined) => ReactNode;
}) {
  const { t, messages } = useAccountSettings();
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className="abk-field" data-wide={wide ? '' : undefined} data-invalid={error ? '' : undefined}>
      <label className="abk-field__label" htmlFor={fieldId}>
        {label}
        {optional && <span className="abk-field__optional"> ({optional})</span>}
      </label>
      {children(errorId)}
      {errorId && (
        <p id={errorId} className="abk-field__error">
          {translateValidation(t, messages, error)}
        </p>
      )}
    </div>
  );
}

/** Errors in the order the fields appear on screen. */
function fieldErrors(
  errors: FieldErrors,
  order: readonly string[],
  idPrefix: string,
  translate: (code: string | undefined) => string,
): StepError[] {
  return order.flatMap((name) => {
    const error = errors[name];
    return error && typeof error.message === 'string'
      ? [{ fieldId: `${idPrefix}-${name}`, message: translate(error.message) }]
      : [];
  });
}
