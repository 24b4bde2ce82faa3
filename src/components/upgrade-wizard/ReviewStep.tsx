import { useId } from 'react';
import { describeAdapterError } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import type { QuoteLineItem } from '../../schemas/billing.js';
import { ErrorSummary, StepFooter, withSlots } from './shared.js';
import type { UpgradeWizardState } from './use-upgrade-wizard.js';

/** Where the legal documents live; the host supplies the URLs. */
export interface PolicyLinks {
  termsOfServiceUrl: string;
  privacyPolicyUrl: string;
  acceptableUsePolicyUrl: string;
}

/** Step 4: the adapter's quote, the terms, the agreement and "Complete purchase". */
export function ReviewStep({ wizard, policies }: { wizard: UpgradeWizardState; policies: PolicyLinks }) {
  const { t, format } = useAccountSettings();
  const id = useId();
  const { quote, state } = wizard;
  const currency = quote?.currency ?? wizard.currency ?? 'USD';
  const money = (amount: number) => format.money(amount, currency);
  const errors = wizard.termsError
    ? [{ fieldId: `${id}-agree`, message: t('validation.termsRequired') }]
    : [];
  const ready = wizard.quoteIsFinal && !wizard.purchasing;

  function lineLabel(item: QuoteLineItem): string {
    if (item.kind === 'plan') {
      return t('upgrade.review.planLine', {
        product: wizard.selectedProduct?.name ?? '',
        tier: wizard.selectedTier?.name ?? '',
      });
    }
    if (item.kind === 'included_seats')
      return t('upgrade.review.includedSeatsLine', { count: item.quantity });
    return t('upgrade.review.seatsLine', { count: item.quantity, price: money(item.unitAmount) });
  }

  const link = (href: string, label: string) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {label}
      <span className="abk-visually-hidden"> {t('upgrade.review.opensInNewTab')}</span>
    </a>
  );

  return (
    <div className="abk-review">
      <ErrorSummary errors={errors} />
      {wizard.quoteError && (
        <div className="abk-notice" data-tone="danger" role="alert">
          <p>{describeAdapterError(t, wizard.quoteError)}</p>
          <div className="abk-notice__actions">
            <button type="button" className="abk-button" onClick={wizard.retryQuote}>
              {t('common.retry')}
            </button>
          </div>
        </div>
      )}

      <section
        className="abk-review__summary"
        aria-labelledby={`${id}-summary`}
        data-stale={!wizard.quoteIsFinal ? '' : undefined}
      >
        <h4 id={`${id}-summary`} className="abk-review__title">
          {t('upgrade.review.lineItems')}
        </h4>
        {quote ? (
          <table className="abk-review__table">
            <tbody>
              {quote.lineItems.map((item) => (
                <tr key={`${item.kind}-${item.tierId}`}>
                  <th scope="row">{lineLabel(item)}</th>
                  <td>{money(item.amount)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('upgrade.review.interval')}</th>
                <td>{state.interval === 'annual' ? t('upgrade.plan.annual') : t('upgrade.plan.monthly')}</td>
              </tr>
              <tr data-kind="subtotal">
                <th scope="row">{t('upgrade.review.subtotal')}</th>
                <td>{money(quote.subtotal)}</td>
              </tr>
              {quote.credit > 0 && (
                <tr>
                  <th scope="row">{t('upgrade.review.credit')}</th>
                  <td>−{money(quote.credit)}</td>
                </tr>
              )}
              <tr>
                <th scope="row">{t('upgrade.review.tax', { rate: quote.taxRatePercent })}</th>
                <td>{money(quote.tax)}</td>
              </tr>
              <tr data-kind="total">
                <th scope="row">{t('upgrade.review.total')}</th>
                <td>{money(quote.total)}</td>
              </tr>
            </tbody>
          </table>
        ) : (
          !wizard.quoteError && <span className="abk-skeleton abk-skeleton--tall" aria-hidden="true" />
        )}
        <p className="abk-review__status" role="status">
          {!wizard.quoteIsFinal && !wizard.quoteError ? t('upgrade.review.quoteStale') : ''}
        </p>
        {quote && wizard.quoteIsFinal && (
          <p className="abk-review__next">
            {t('upgrade.review.nextCharge', { date: format.date(quote.nextChargeDate) })}.{' '}
            {state.interval === 'annual'
              ? t('upgrade.review.chargedEachPeriodAnnual')
              : t('upgrade.review.chargedEachPeriodMonthly')}
          </p>
        )}
      </section>

      <div className="abk-review__terms">
        <p>
          {withSlots((values) => t('upgrade.review.termsIntro', values), {
            terms: link(policies.termsOfServiceUrl, t('upgrade.review.terms')),
            privacy: link(policies.privacyPolicyUrl, t('upgrade.review.privacy')),
            acceptableUse: link(policies.acceptableUsePolicyUrl, t('upgrade.review.acceptableUse')),
          })}
        </p>
        <label className="abk-checkbox" data-invalid={wizard.termsError ? '' : undefined}>
          <input
            id={`${id}-agree`}
            type="checkbox"
            checked={state.agreed}
            required
            aria-invalid={wizard.termsError || undefined}
            aria-describedby={wizard.termsError ? `${id}-agree-error` : undefined}
            disabled={wizard.purchasing}
            onChange={(event) => wizard.setAgreed(event.currentTarget.checked)}
          />
          <span>{t('upgrade.review.agree')}</span>
        </label>
        {wizard.termsError && (
          <p id={`${id}-agree-error`} className="abk-field__error">
            {t('validation.termsRequired')}
          </p>
        )}
      </div>

      <StepFooter onBack={wizard.purchasing ? undefined : wizard.back}>
        <button
          type="button"
          className="abk-button"
          data-variant="primary"
          data-size="large"
          aria-disabled={!ready || undefined}
          aria-busy={wizard.purchasing || undefined}
          onClick={wizard.purchase}
        >
          {wizard.purchasing ? t('upgrade.review.purchasing') : t('upgrade.review.completePurchase')}
        </button>
      </StepFooter>
    </div>
  );
}
