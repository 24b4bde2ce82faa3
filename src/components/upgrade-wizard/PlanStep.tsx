import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { toAdapterError } from '../../adapter/errors.js';
import { useAccountSettings } from '../../provider/context.js';
import { requestUpgradeMutationOptions } from '../../queries/index.js';
import type { UpgradeRequestResult } from '../../schemas/billing.js';
import type { Product, Tier } from '../../schemas/catalog.js';
import { ErrorNotice, Heading, LoadingState, Notice } from '../../ui/index.js';
import { ErrorSummary, NextButton, priceLabel, StepFooter } from './shared.js';
import {
  useWizardAccount,
  useWizardActions,
  useWizardCatalog,
  useWizardSelection,
  useWizardState,
} from './wizard-context.js';

/**
 * Step 1: products as tabs, tiers inside, currency and billing interval. A viewer who may not
 * purchase sees the same plans to compare, with "Request this upgrade" instead of a checkout.
 */
export function PlanStep() {
  const settings = useAccountSettings();
  const { t, format } = settings;
  const { mayPurchase } = useWizardAccount();
  const request = useMutation(requestUpgradeMutationOptions(settings));
  const [requested, setRequested] = useState<
    { tierId: string; label: string; result: UpgradeRequestResult }[]
  >([]);
  const id = useId();
  const [showErrors, setShowErrors] = useState(false);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());
  const {
    products,
    activeProduct,
    catalog,
    catalogStatus,
    catalogError,
    currency: chosenCurrency,
  } = useWizardCatalog();
  const state = useWizardState();
  const { selectedTier } = useWizardSelection();
  const actions = useWizardActions();

  if (catalogStatus === 'loading') {
    return <LoadingState rows={2} />;
  }
  if (!catalog || !activeProduct) {
    return catalogError ? (
      <ErrorNotice error={catalogError} title={t('errors.loadFailed')} onRetry={actions.retryCatalog} />
    ) : (
      <Notice tone="danger" title={t('errors.loadFailed')} onRetry={actions.retryCatalog} />
    );
  }

  const currency = chosenCurrency ?? catalog.currency;
  const lastRequest = requested[requested.length - 1];

  function requestUpgrade(product: Product, tier: Tier) {
    const interval = tier.intervals.includes(state.interval)
      ? state.interval
      : (tier.intervals[0] ?? 'monthly');
    request.mutate(
      { tierId: tier.id, interval, currency },
      {
        onSuccess: (result) =>
          setRequested((sent) => [
            ...sent,
            { tierId: tier.id, label: `${product.name} ${tier.name}`, result },
          ]),
        onError: (error) => settings.reportError(toAdapterError(error), { operation: 'requestUpgrade' }),
      },
    );
  }
  const saving = annualSavingPercent(activeProduct, currency);
  const firstSelfServe = activeProduct.tiers.find((tier) => tier.purchase === 'self_serve');
  const errors =
    showErrors && !state.tierId && firstSelfServe
      ? [{ fieldId: `${id}-tier-${firstSelfServe.id}`, message: t('upgrade.plan.required') }]
      : [];

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const last = products.length - 1;
    const keys: Record<string, number> = {
      ArrowRight: index === last ? 0 : index + 1,
      ArrowLeft: index === 0 ? last : index - 1,
      Home: 0,
      End: last,
    };
    const target = keys[event.key];
    if (target === undefined) return;
    event.preventDefault();
    // Mirror the arrows in right-to-left layouts.
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const resolved =
      rtl && event.key.startsWith('Arrow')
        ? (keys[event.key === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight'] ?? target)
        : target;
    const product = products[resolved];
    if (!product) return;
    actions.setActiveProduct(product.id);
    tabRefs.current.get(product.id)?.focus();
  }

  return (
    <div className="abk-plan">
      <ErrorSummary errors={errors} />
      {!mayPurchase && (
        <p className="abk-plan__request-status" role="status">
          {lastRequest &&
            (lastRequest.result.recipients.length > 0
              ? t('upgrade.plan.requestConfirmation', {
                  plan: lastRequest.label,
                  administrators: format.list(lastRequest.result.recipients.map((user) => user.displayName)),
                })
              : t('upgrade.plan.requestConfirmationNoNames', { plan: lastRequest.label }))}
        </p>
      )}
      {request.error && (
        <ErrorNotice
          error={toAdapterError(request.error)}
          title={t('upgrade.plan.requestFailed')}
          onRetry={() => request.mutate(request.variables)}
        />
      )}
      <div className="abk-plan__toolbar">
        <div role="tablist" aria-label={t('upgrade.plan.productsLabel')} className="abk-tabs">
          {products.map((product, index) => {
            const selected = product.id === activeProduct.id;
            return (
              <button
                key={product.id}
                ref={(element) => {
                  if (element) tabRefs.current.set(product.id, element);
                  else tabRefs.current.delete(product.id);
                }}
                type="button"
                role="tab"
                id={`${id}-tab-${product.id}`}
                aria-selected={selected}
                aria-controls={`${id}-panel`}
                tabIndex={selected ? 0 : -1}
                className="abk-tabs__tab"
                data-selected={selected ? '' : undefined}
                onClick={() => actions.setActiveProduct(product.id)}
                onKeyDown={(event) => onTabKeyDown(event, index)}
              >
                {product.name}
              </button>
            );
          })}
        </div>
        <label className="abk-plan__currency">
          <span>{t('upgrade.plan.currency')}</span>
          <select
            className="abk-select"
            value={currency}
            onChange={(event) => actions.setCurrency(event.currentTarget.value)}
          >
            {catalog.currencies.map((code) => (
              <option key={code} value={code}>
                {code}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${activeProduct.id}`}
        className="abk-plan__panel"
      >
        <fieldset className="abk-segmented">
          <legend className="abk-segmented__legend">{t('upgrade.plan.interval')}</legend>
          {(['monthly', 'annual'] as const).map((interval) => {
            // The chosen tier is sold only with the other interval: say so instead of a dead end.
            const offered = !selectedTier || selectedTier.intervals.includes(interval);
            return (
              <label
                key={interval}
                className="abk-segmented__option"
                data-checked={state.interval === interval ? '' : undefined}
                data-disabled={offered ? undefined : ''}
              >
                <input
                  type="radio"
                  name={`${id}-interval`}
                  value={interval}
                  checked={state.interval === interval}
                  disabled={!offered}
                  aria-describedby={offered ? undefined : `${id}-interval-note`}
                  onChange={() => actions.setInterval(interval)}
                />
                <span>{interval === 'monthly' ? t('upgrade.plan.monthly') : t('upgrade.plan.annual')}</span>
                {interval === 'annual' && saving > 0 && (
                  <span className="abk-badge" data-tone="success">
                    {t('upgrade.plan.annualSaving', { percent: saving })}
                  </span>
                )}
              </label>
            );
          })}
          {selectedTier && selectedTier.intervals.length === 1 && (
            <p id={`${id}-interval-note`} className="abk-field__hint">
              {selectedTier.intervals[0] === 'annual'
                ? t('upgrade.plan.annualOnly', { tier: selectedTier.name })
                : t('upgrade.plan.monthlyOnly', { tier: selectedTier.name })}
            </p>
          )}
        </fieldset>

        <ul className="abk-tiers">
          {activeProduct.tiers.map((tier) => (
            <TierCard
              key={tier.id}
              id={`${id}-tier-${tier.id}`}
              product={activeProduct}
              tier={tier}
              subscribedTierIds={catalog.subscription.tierIds}
              currency={currency}
              formatMoney={format.money}
              request={
                mayPurchase
                  ? undefined
                  : {
                      sent: requested.some((sent) => sent.tierId === tier.id),
                      sending: request.isPending && request.variables.tierId === tier.id,
                      send: () => requestUpgrade(activeProduct, tier),
                    }
              }
            />
          ))}
        </ul>
      </div>

      {mayPurchase && (
        <StepFooter>
          {/* The seed's action: it names the interval the plan is bought with. */}
          <NextButton
            onBlocked={() => setShowErrors(true)}
            label={state.interval === 'annual' ? t('upgrade.plan.buyAnnual') : t('upgrade.plan.buyMonthly')}
          />
        </StepFooter>
      )}
    </div>
  );
}

function TierCard({
  id,
  product,
  tier,
  subscribedTierIds,
  currency,
  formatMoney,
  request,
}: {
  id: string;
  product: Product;
  tier: Tier;
  subscribedTierIds: readonly string[];
  currency: string;
  formatMoney: (amount: number, currency: string) => string;
  /** For a viewer who may not purchase: "Request this upgrade" instead of choosing the tier. */
  request: { sent: boolean; sending: boolean; send: () => void } | undefined;
}) {
  const { t } = useAccountSettings();
  const state = useWizardState();
  const actions = useWizardActions();
  const interval = tier.intervals.includes(state.interval)
    ? state.interval
    : (tier.intervals[0] ?? 'monthly');
  const amount = tier.prices[currency]?.[interval];
  const current = subscribedTierIds.includes(tier.id);
  const currentRank = product.tiers.find((candidate) => subscribedTierIds.includes(candidate.id))?.rank;
  // A smaller plan than the product's current one is a conversation with sales, not an upgrade.
  const smaller = !current && currentRank !== undefined && tier.rank < currentRank;
  const selected = state.tierId === tier.id;
  const headingId = `${id}-name`;
  return (
    <li
      className="abk-tier"
      aria-labelledby={headingId}
      data-selected={selected ? '' : undefined}
      data-current={current ? '' : undefined}
      data-purchase={tier.purchase}
    >
      <div className="abk-tier__head">
        <Heading id={headingId} className="abk-tier__name">
          {tier.name}
        </Heading>
        {current && (
          <span className="abk-badge" data-tone="info">
            {t('upgrade.plan.current')}
          </span>
        )}
      </div>
      <p className="abk-tier__price">
        {amount === undefined
          ? t('upgrade.plan.notAvailable')
          : priceLabel(t, formatMoney(amount, currency), tier.pricing, interval)}
      </p>
      {tier.includedSeats > 0 && (
        <p className="abk-tier__note">{t('upgrade.plan.includedSeats', { count: tier.includedSeats })}</p>
      )}
      {tier.commitment === 'annual' && <p className="abk-tier__note">{t('upgrade.plan.annualCommitment')}</p>}
      <ul className="abk-tier__features" aria-label={t('upgrade.plan.features', { tier: tier.name })}>
        {tier.features.map((feature) => (
          <li key={feature}>{feature}</li>
        ))}
      </ul>
      <div className="abk-tier__action">
        {tier.purchase === 'contact_sales' || smaller ? (
          <>
            <p className="abk-tier__note">
              {smaller ? t('upgrade.plan.smallerPlanNote') : t('upgrade.plan.contactSalesNote')}
            </p>
            <button type="button" className="abk-button" onClick={() => actions.contactSales(product, tier)}>
              {t('upgrade.plan.contactSales')}
            </button>
          </>
        ) : request && !current ? (
          <button
            type="button"
            className="abk-button"
            disabled={request.sent || amount === undefined}
            aria-busy={request.sending || undefined}
            onClick={request.send}
          >
            {request.sent ? t('upgrade.plan.requestSent') : t('upgrade.plan.requestUpgrade')}
          </button>
        ) : (
          <button
            type="button"
            id={id}
            className="abk-button"
            data-variant={selected ? 'primary' : undefined}
            aria-pressed={selected}
            disabled={amount === undefined || current}
            onClick={() => actions.selectTier(product, tier)}
          >
            {current
              ? t('upgrade.plan.current')
              : selected
                ? t('upgrade.plan.selected')
                : t('upgrade.plan.select', { tier: tier.name })}
          </button>
        )}
      </div>
    </li>
  );
}

/** The best yearly saving among a product's tiers, in whole percent. */
function annualSavingPercent(product: Product, currency: string): number {
  let best = 0;
  for (const tier of product.tiers) {
    const price = tier.prices[currency];
    if (price?.monthly && price.annual) best = Math.max(best, 1 - price.annual / (price.monthly * 12));
  }
  return Math.round(best * 100);
}
