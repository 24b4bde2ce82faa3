import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { warnInDevelopment } from '../../lib/dev-warning.js';
import { safeLinkUrl } from '../../lib/safe-url.js';
import { useAccountSettings } from '../../provider/context.js';
import { paymentMethodsQueryOptions, usersByIdsQueryOptions } from '../../queries/index.js';
import type { CompanyDetailsInput, Quote, QuoteLineItem } from '../../schemas/billing.js';
import { ErrorNotice, Heading } from '../../ui/index.js';
import { ErrorSummary, paymentMethodLabel, paymentMethodOwnership, StepFooter, withSlots } from './shared.js';
import type { PolicyLinks, WizardStepViewProps } from './types.js';
import {
  useWizardAccount,
  useWizardActions,
  useWizardCatalog,
  useWizardPurchase,
  useWizardQuote,
  useWizardSeatHolders,
  useWizardSelection,
  useWizardState,
} from './wizard-context.js';

/** Step 4: the adapter's quote, what is paid with, the terms, the agreement and "Complete purchase". */
export function ReviewStep({ policies }: WizardStepViewProps) {
  const settings = useAccountSettings();
  const { t, format } = settings;
  const id = useId();
  const state = useWizardState();
  const { account } = useWizardAccount();
  const { quote, quoteStatus, quoteError } = useWizardQuote();
  const { selectedProduct, selectedTier, currency: chosenCurrency } = useWizardSelection();
  const { termsError, purchasing } = useWizardPurchase();
  const actions = useWizardActions();
  const methods = useQuery(paymentMethodsQueryOptions(settings));
  const { catalog } = useWizardCatalog();
  const { seatHolders } = useWizardSeatHolders();
  // Seats held today that this order takes away, so the admin sees it before buying.
  const removedSeats =
    state.pricing === 'per_seat'
      ? seatHolders.map((user) => user.id).filter((userId) => !state.seatUserIds.includes(userId))
      : [];
  const method = methods.data?.find((candidate) => candidate.id === state.paymentMethodId);
  const quoteIsFinal = quoteStatus === 'final';
  const currency = quote?.currency ?? chosenCurrency ?? 'USD';
  const money = (amount: number) => format.money(amount, currency);
  const errors = termsError ? [{ fieldId: `${id}-agree`, message: t('validation.termsRequired') }] : [];
  const ready = quoteIsFinal && !purchasing;

  // Every line names what it is for: "Sales Hub Professional — 3 seats × €92.00".
  const plan = t('upgrade.review.planLine', {
    product: selectedProduct?.name ?? '',
    tier: selectedTier?.name ?? '',
  });
  // The credit is for unused time on the plan this one replaces: name it where it is known.
  const replacedTier =
    selectedProduct && selectedTier
      ? selectedProduct.tiers.find(
          (tier) => tier.id !== selectedTier.id && catalog?.subscription.tierIds.includes(tier.id),
        )
      : undefined;
  const creditLabel = replacedTier
    ? t('upgrade.review.creditFor', {
        plan: t('upgrade.review.planLine', { product: selectedProduct?.name ?? '', tier: replacedTier.name }),
      })
    : t('upgrade.review.credit');
  function lineLabel(item: QuoteLineItem): string {
    if (item.kind === 'plan') return plan;
    if (item.kind === 'included_seats')
      return t('upgrade.review.includedSeatsLine', { plan, count: item.quantity });
    return t('upgrade.review.seatsLine', { plan, count: item.quantity, price: money(item.unitAmount) });
  }

  function taxLabel(current: Quote): string {
    if (current.tax === 0 && current.taxExemption === 'reverse_charge')
      return t('upgrade.review.taxReverseCharge', { rate: current.taxRatePercent });
    if (current.tax === 0 && current.taxExemption === 'not_taxed' && state.company?.country)
      return t('upgrade.review.taxNotTaxed', {
        rate: current.taxRatePercent,
        country: format.region(state.company.country),
      });
    return t('upgrade.review.tax', { rate: current.taxRatePercent });
  }

  const link = (name: keyof PolicyLinks, label: string): ReactNode => {
    const href = safeLinkUrl(policies[name]);
    if (href === null) {
      warnInDevelopment(
        `${name} ${JSON.stringify(policies[name])} is not an http(s) or relative URL; its label is shown as text, not as a link.`,
      );
      return label;
    }
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {label}
        <span className="abk-visually-hidden"> {t('upgrade.review.opensInNewTab')}</span>
      </a>
    );
  };

  return (
    <div className="abk-review">
      <ErrorSummary errors={errors} />
      {quoteError && <ErrorNotice error={quoteError} onRetry={actions.retryQuote} />}
      {/* A draft the price list refuses is not fixed by asking again: change it instead. */}
      {quoteError?.code === 'validation' && (
        <p className="abk-review__fix">
          <button type="button" className="abk-button" onClick={() => actions.goTo('plan')}>
            {t('upgrade.review.changePlan')}
          </button>
        </p>
      )}

      <div className="abk-review__body">
        <section
          className="abk-review__summary"
          aria-labelledby={`${id}-summary`}
          aria-describedby={`${id}-status`}
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
                <tr data-kind="interval">
                  <th scope="row">{t('upgrade.review.interval')}</th>
                  <td>
                    {state.interval === 'annual' ? t('upgrade.plan.annual') : t('upgrade.plan.monthly')}
                  </td>
                </tr>
                <tr data-kind="subtotal">
                  <th scope="row">{t('upgrade.review.subtotal')}</th>
                  <td>{money(quote.subtotal)}</td>
                </tr>
                {quote.credit > 0 && (
                  <tr>
                    <th scope="row">{creditLabel}</th>
                    <td>−{money(quote.credit)}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{taxLabel(quote)}</th>
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
          <p id={`${id}-status`} className="abk-review__status" role="status">
            {!quoteIsFinal && !quoteError ? t('upgrade.review.quoteStale') : ''}
          </p>
          {quote && quoteIsFinal && (
            <p className="abk-review__next">
              {quote.nextChargeAmount === undefined
                ? t('upgrade.review.nextCharge', { date: format.date(quote.nextChargeDate) })
                : t('upgrade.review.nextChargeAmount', {
                    amount: money(quote.nextChargeAmount),
                    date: format.date(quote.nextChargeDate),
                  })}
              .{' '}
              {state.interval === 'annual'
                ? t('upgrade.review.chargedEachPeriodAnnual')
                : t('upgrade.review.chargedEachPeriodMonthly')}
            </p>
          )}
        </section>

        <div className="abk-review__confirm">
          <dl className="abk-review__details">
            <div>
              <dt>{t('upgrade.review.paymentMethod')}</dt>
              <dd>
                {method ? (
                  <>
                    {paymentMethodLabel(t, method)}
                    <span className="abk-review__meta">
                      {paymentMethodOwnership(t, method, account?.viewer.user.id)}
                    </span>
                  </>
                ) : (
                  <span className="abk-skeleton" aria-hidden="true" />
                )}
              </dd>
            </div>
            {state.pricing === 'per_seat' && state.seatUserIds.length > 0 && (
              <div>
                <dt>{t('upgrade.review.seatHolders')}</dt>
                <dd>
                  <SeatHolders userIds={state.seatUserIds} />
                </dd>
              </div>
            )}
            {removedSeats.length > 0 && (
              <div>
                <dt>{t('upgrade.review.seatsRemoved')}</dt>
                <dd>
                  <SeatHolders userIds={removedSeats} />
                </dd>
              </div>
            )}
            {state.company && (
              <div>
                <dt>{t('upgrade.review.billingAddress')}</dt>
                <dd>
                  <BillingAddress company={state.company} />
                </dd>
              </div>
            )}
          </dl>

          <div className="abk-review__terms">
            <p>
              {withSlots(
                (values) => t('upgrade.review.termsIntro', values),
                {
                  terms: link('termsOfServiceUrl', t('upgrade.review.terms')),
                  privacy: link('privacyPolicyUrl', t('upgrade.review.privacy')),
                  acceptableUse: link('acceptableUsePolicyUrl', t('upgrade.review.acceptableUse')),
                },
                'upgrade.review.termsIntro',
              )}
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
        </div>
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

/** How many seat holders are named; the rest are counted. */
const SEAT_HOLDERS_NAMED = 10;

/** Who gets the seats, by name: "Matteo Rossi and Aino Mäkelä", or the first few and a count. */
function SeatHolders({ userIds }: { userIds: readonly string[] }) {
  const settings = useAccountSettings();
  const { t, format } = settings;
  const named = userIds.slice(0, SEAT_HOLDERS_NAMED);
  const users = useQuery(usersByIdsQueryOptions(settings, named));
  if (!users.data) return <span className="abk-skeleton" aria-hidden="true" />;
  const byId = new Map(users.data.map((user) => [user.id, user.displayName]));
  const names = named.flatMap((id) => {
    const name = byId.get(id);
    return name ? [name] : [];
  });
  const more = userIds.length - names.length;
  return (
    <span>
      {more > 0
        ? t('upgrade.review.seatHoldersMore', { names: names.join(', '), count: more })
        : format.list(names)}
    </span>
  );
}

/** The billing address as it will appear on the invoice, one line per part. */
function BillingAddress({ company }: { company: CompanyDetailsInput }) {
  const { t, format } = useAccountSettings();
  const lines = [
    company.name,
    company.addressLine1,
    company.addressLine2,
    `${company.postalCode} ${company.city}`.trim(),
    company.country ? format.region(company.country) : '',
    company.taxId ? t('upgrade.review.taxIdLine', { taxId: company.taxId }) : '',
  ].filter((line) => line && line.trim() !== '');
  return (
    <span className="abk-review__address">
      {lines.map((line, index) => (
        <span key={index}>{line}</span>
      ))}
    </span>
  );
}
