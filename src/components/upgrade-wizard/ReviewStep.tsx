import { useId } from 'react';
import { useAccountSettings } from '../../provider/context.js';
import type { QuoteLineItem } from '../../schemas/billing.js';
import { ErrorNotice, Heading } from '../../ui/index.js';
import { ErrorSummary, StepFooter, withSlots } from './shared.js';
import type { WizardStepViewProps } from './types.js';
import {
  useWizardActions,
  useWizardPurchase,
  useWizardQuote,
  useWizardSelection,
  useWizardState,
} from './wizard-context.js';

/** Step 4: the adapter's quote, the terms, the agreement and "Complete purchase". */
export function ReviewStep({ policies }: WizardStepViewProps) {
  const { t, format } = useAccountSettings();
  const id = useId();
  const state = useWizardState();
  const { quote, quoteStatus, quoteError } = useWizardQuote();
  const { selectedProduct, selectedTier, currency: chosenCurrency } = useWizardSelection();
  const { termsError, purchasing } = useWizardPurchase();
  const actions = useWizardActions();
  const quoteIsFinal = quoteStatus === 'final';
  const currency = quote?.currency ?? chosenCurrency ?? 'USD';
  const money = (amount: number) => format.money(amount, currency);
  const errors = termsError ? [{ fieldId: `${id}-agree`, message: t('validation.termsRequired') }] : [];
  const ready = quoteIsFinal && !purchasing;

  function lineLabel(item: QuoteLineItem): string {
    if (item.kind === 'plan') {
      return t('upgrade.review.planLine', {
        product: selectedProduct?.name ?? '',
        tier: selectedTier?.name ?? '',
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
      {quoteError && <ErrorNotice error={quoteError} onRetry={actions.retryQuote} />}

      <section
        className="abk-review__summary"
        aria-labelledby={`${id}-summary`}
        data-stale={!quoteIsFinal ? '' : undefined}
      >
        <Heading id={`${id}-summary`} className="abk-review__title">
          {t('upgrade.review.lineItems')}
        </Heading>
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
          !quoteError && <span className="abk-skeleton" data-tall="" aria-hidden="true" />
        )}
        <p className="abk-review__status" role="status">
          {!quoteIsFinal && !quoteError ? t('upgrade.review.quoteStale') : ''}
        </p>
        {quote && quoteIsFinal && (
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
        <label className="abk-checkbox" data-invalid={termsError ? '' : undefined}>
          <input
            id={`${id}-agree`}
            type="checkbox"
            checked={state.agreed}
            required
            aria-invalid={termsError || undefined}
            aria-describedby={termsError ? `${id}-agree-error` : undefined}
            disabled={purchasing}
            onChange={(event) => actions.setAgreed(event.currentTarget.checked)}
          />
          <span>{t('upgrade.review.agree')}</span>
        </label>
        {termsError && (
          <p id={`${id}-agree-error`} className="abk-field__error">
            {t('validation.termsRequired')}
          </p>
        )}
      </div>

      <StepFooter onBack={purchasing ? undefined : actions.back}>
        <button
          type="button"
          className="abk-button"
          data-variant="primary"
          data-size="large"
          aria-disabled={!ready || undefined}
          aria-busy={purchasing || undefined}
          onClick={actions.purchase}
        >
          {purchasing ? t('upgrade.review.purchasing') : t('upgrade.review.completePurchase')}
        </button>
      </StepFooter>
    </div>
  );
}
