import { forwardRef, useId } from 'react';
import { joinClassNames } from '../../lib/dom-props.js';
import { useAccountSettings } from '../../provider/context.js';
import type { ChargedCard } from '../../schemas/index.js';
import {
  ErrorNotice,
  Heading,
  IsolatedMessage,
  LoadingState,
  Notice,
  ScreenShell,
  SubheadingScope,
  type RootElementProps,
} from '../../ui/index.js';
import {
  useBillingOverview,
  type BillingCardAlert,
  type BillingOverviewState,
  type BillingOverviewSubscription,
} from './use-billing-overview.js';
import type { Translate } from '../../i18n/translate.js';
import { addEnglish } from '../../i18n/english.js';
import { billingOverviewEn } from './messages.en.js';
// Card brands and the card form's labels are the upgrade wizard's strings, shared by both.
import { upgradeEn } from '../upgrade-wizard/messages.en.js';

addEnglish({ billingOverview: billingOverviewEn, upgrade: upgradeEn });

/**
 * Props of `BillingOverview`. The ref, `id`, `style`, `className`, `aria-*` and `data-*` go to
 * the root `<div class="abk-billing-overview">`, which shows its state to CSS with:
 *
 * - `data-state`: `loading` | `error` | `ready`;
 * - `data-readonly`: present while the viewer may not manage billing (or that is not known yet);
 * - `data-card-alert`: `expiring` | `expired` | `missing` while the card on file needs attention.
 *
 * Each subscription is a `.abk-subscription` with `data-status` (`active` | `past_due` |
 * `canceled`) and, when its card needs attention, `data-card` (`expiring` | `expired`).
 *
 * The entry points are the host's: each button is shown only when its callback is given and
 * the viewer may use it (read-only viewers see none).
 */
export interface BillingOverviewProps extends RootElementProps {
  /** "Upgrade": open the upgrade wizard on this product's plan step (`defaultProductId`, `defaultStep: 'plan'`). */
  onUpgrade?: (productId: string) => void;
  /** "Manage seats": open the seat assignments of this per-seat product. */
  onManageSeats?: (productId: string) => void;
  /** "Payment methods" and "Update payment method": open the payment methods. */
  onManagePaymentMethods?: () => void;
  /** The day card expiry is judged on. Default: today. */
  today?: Date;
  /** Heading level of the screen title; each subscription's name is one level below. Default 2. */
  headingLevel?: 2 | 3;
}

/**
 * The account's subscriptions: per product its tier, billing interval, seats, price, next charge
 * and the card it is charged to, with a warning when that card expires this month or next, has
 * expired, or is missing. The host wires the ways on: the upgrade wizard, the seat assignments
 * and the payment methods.
 *
 * @example
 * <BillingOverview
 *   onUpgrade={(productId) => router.push(`/billing/upgrade?product=${productId}`)}
 *   onManageSeats={(productId) => router.push(`/billing/seats/${productId}`)}
 *   onManagePaymentMethods={() => router.push('/billing/payment-methods')}
 * />
 */
export const BillingOverview = forwardRef<HTMLDivElement, BillingOverviewProps>(
  function BillingOverview(props, ref) {
    const { headingLevel = 2, ...screenProps } = props;
    const { className, id, style } = screenProps;
    return (
      <ScreenShell
        ref={ref}
        screen="BillingOverview"
        headingLevel={headingLevel}
        rootClassName="abk-billing-overview"
        id={id}
        style={style}
        className={className}
        header={<OverviewHeader />}
      >
        <BillingOverviewScreen {...screenProps} ref={ref} />
      </ScreenShell>
    );
  },
);

function OverviewHeader() {
  const { t } = useAccountSettings();
  return (
    <header className="abk-billing-overview__header">
      <Heading className="abk-billing-overview__title">{t('billingOverview.title')}</Heading>
      <p className="abk-billing-overview__description">{t('billingOverview.description')}</p>
    </header>
  );
}

const BillingOverviewScreen = forwardRef<HTMLDivElement, Omit<BillingOverviewProps, 'headingLevel'>>(
  function BillingOverviewScreen(
    { onUpgrade, onManageSeats, onManagePaymentMethods, today, className, ...rootProps },
    ref,
  ) {
    const { t } = useAccountSettings();
    const overview = useBillingOverview({ today });
    const ready = overview.status === 'ready';
    return (
      <div
        {...rootProps}
        ref={ref}
        className={joinClassNames('abk-billing-overview', className)}
        aria-busy={overview.status === 'loading' || undefined}
        data-state={overview.status}
        data-readonly={overview.mayManage ? undefined : ''}
        data-card-alert={ready ? overview.cardAlert?.kind : undefined}
      >
        <OverviewHeader />
        {overview.status === 'loading' && <LoadingState rows={2} tall />}
        {overview.status === 'error' && overview.loadError && (
          <ErrorNotice error={overview.loadError} title={t('errors.loadFailed')} onRetry={overview.retry} />
        )}
        {ready && (
          <>
            {!overview.mayManage && <ReadOnlyExplanation overview={overview} />}
            {overview.cardAlert && (
              <CardAlertNotice
                alert={overview.cardAlert}
                overview={overview}
                onFix={overview.mayManage ? onManagePaymentMethods : undefined}
              />
            )}
            {overview.subscriptions.length === 0 ? (
              <EmptyState
                onSeePlans={
                  overview.mayPurchase && onUpgrade && overview.firstProductId
                    ? () => onUpgrade(overview.firstProductId ?? '')
                    : undefined
                }
              />
            ) : (
              <SubheadingScope>
                <ul
                  className="abk-billing-overview__list"
                  aria-label={t('billingOverview.subscriptionsLabel')}
                >
                  {overview.subscriptions.map((view) => (
                    <SubscriptionCard
                      key={view.subscription.productId}
                      view={view}
                      onUpgrade={overview.mayPurchase ? onUpgrade : undefined}
                      onManageSeats={overview.mayManage ? onManageSeats : undefined}
                    />
                  ))}
                </ul>
              </SubheadingScope>
            )}
            {overview.mayManage && onManagePaymentMethods && (
              <div className="abk-billing-overview__footer">
                <button type="button" className="abk-button" onClick={onManagePaymentMethods}>
                  {t('billingOverview.managePaymentMethods')}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    );
  },
);

/** One product's subscription: name and state, its facts as a list of terms, and its actions. */
function SubscriptionCard({
  view,
  onUpgrade,
  onManageSeats,
}: {
  view: BillingOverviewSubscription;
  onUpgrade: ((productId: string) => void) | undefined;
  onManageSeats: ((productId: string) => void) | undefined;
}) {
  const { t, format } = useAccountSettings();
  const titleId = useId();
  const { subscription, productName, tierName, cardStatus } = view;
  const perSeat = subscription.pricing === 'per_seat';
  const price = format.money(subscription.price, subscription.currency);
  const flagged = cardStatus === 'expired' || cardStatus === 'expiring' ? cardStatus : undefined;
  const { productId } = subscription;
  return (
    <li
      className="abk-subscription"
      aria-labelledby={titleId}
      data-status={subscription.status}
      data-card={flagged}
    >
      <div className="abk-subscription__head">
        <Heading id={titleId} className="abk-subscription__name">
          {t('billingOverview.productTier', { product: productName, tier: tierName })}
        </Heading>
        <span className="abk-badge" data-tone={STATUS_TONES[subscription.status]}>
          {t(`billingOverview.status.${subscription.status}`)}
        </span>
      </div>
      <dl className="abk-subscription__facts">
        <div>
          <dt>{t('billingOverview.interval')}</dt>
          <dd>{t(`billingOverview.${subscription.interval}`)}</dd>
        </div>
        {perSeat && (
          <div>
            <dt>{t('billingOverview.seats')}</dt>
            <dd>
              {t('billingOverview.seatsAssigned', {
                assigned: subscription.seatsAssigned,
                count: subscription.seatsBought,
              })}
            </dd>
          </div>
        )}
        <div>
          <dt>{t('billingOverview.price')}</dt>
          <dd>
            {subscription.interval === 'annual'
              ? t('billingOverview.perYear', { price })
              : t('billingOverview.perMonth', { price })}
          </dd>
        </div>
        <div>
          <dt>{t('billingOverview.nextCharge')}</dt>
          <dd>
            {subscription.nextCharge
              ? t('billingOverview.nextChargeOn', {
                  amount: format.money(subscription.nextCharge.amount, subscription.currency),
                  date: format.date(subscription.nextCharge.date),
                })
              : t('billingOverview.noNextCharge')}
          </dd>
        </div>
        <div>
          <dt>{t('billingOverview.paymentMethod')}</dt>
          <dd className="abk-subscription__card">
            {subscription.paymentMethod ? (
              <>
                <span>{chargedCardLabel(t, subscription.paymentMethod)}</span>
                {flagged && (
                  <span className="abk-badge" data-tone={flagged === 'expired' ? 'danger' : 'warning'}>
                    {flagged === 'expired'
                      ? t('billingOverview.cardExpired')
                      : t('billingOverview.cardExpiring')}
                  </span>
                )}
              </>
            ) : (
              t('billingOverview.noCard')
            )}
          </dd>
        </div>
      </dl>
      {(onUpgrade || (perSeat && onManageSeats)) && (
        <div className="abk-subscription__actions">
          {perSeat && onManageSeats && (
            <button type="button" className="abk-button" onClick={() => onManageSeats(productId)}>
              {t('billingOverview.manageSeats', { product: productName })}
            </button>
          )}
          {onUpgrade && (
            <button
              type="button"
              className="abk-button"
              data-variant="primary"
              onClick={() => onUpgrade(productId)}
            >
              {t('billingOverview.upgrade', { product: productName })}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

/**
 * No subscription yet: what that means, and the way to start one when the host wired it and the
 * viewer may buy. A box of its own, so it reads as the screen's state, not as a missing part.
 */
function EmptyState({ onSeePlans }: { onSeePlans: (() => void) | undefined }) {
  const { t } = useAccountSettings();
  const titleId = useId();
  return (
    <SubheadingScope>
      <section className="abk-billing-overview__empty" aria-labelledby={titleId}>
        <Heading id={titleId} className="abk-billing-overview__empty-title">
          {t('billingOverview.emptyTitle')}
        </Heading>
        <p>{t('billingOverview.empty')}</p>
        {onSeePlans && (
          <>
            <p>{t('billingOverview.emptyHint')}</p>
            <div>
              <button type="button" className="abk-button" data-variant="primary" onClick={onSeePlans}>
                {t('billingOverview.emptyAction')}
              </button>
            </div>
          </>
        )}
      </section>
    </SubheadingScope>
  );
}

const STATUS_TONES = { active: 'success', past_due: 'warning', canceled: undefined } as const;

/** The card needs attention: say why, and offer the way to fix it, or name who can. */
function CardAlertNotice({
  alert,
  overview,
  onFix,
}: {
  alert: BillingCardAlert;
  overview: BillingOverviewState;
  onFix: (() => void) | undefined;
}) {
  const { t } = useAccountSettings();
  const card = alert.card ? chargedCardLabel(t, alert.card) : '';
  const [title, body] =
    alert.kind === 'missing'
      ? [t('billingOverview.noCardTitle'), t('billingOverview.noCardBody')]
      : alert.kind === 'expired'
        ? [t('billingOverview.cardExpiredTitle'), t('billingOverview.cardExpiredBody', { card })]
        : [t('billingOverview.cardExpiringTitle'), t('billingOverview.cardExpiringBody', { card })];
  return (
    <Notice
      tone={alert.kind === 'expiring' ? 'warning' : 'danger'}
      // Present as soon as the overview is: announced politely, not as an interruption.
      live="status"
      className="abk-billing-overview__card-alert"
      title={title}
      actions={
        onFix ? (
          <button type="button" className="abk-button" data-variant="primary" onClick={onFix}>
            {t('billingOverview.fixCard')}
          </button>
        ) : undefined
      }
    >
      <p>{body}</p>
      {!overview.mayManage && (
        <p>
          {overview.administrators.length > 0 ? (
            <IsolatedMessage
              id="billingOverview.askToFix"
              values={{ administrators: overview.administrators.map((user) => user.displayName) }}
            />
          ) : (
            t('billingOverview.askToFixNoAdministrators')
          )}
        </p>
      )}
    </Notice>
  );
}

function ReadOnlyExplanation({ overview }: { overview: BillingOverviewState }) {
  const { t } = useAccountSettings();
  return (
    <Notice tone="info">
      <p>
        {overview.administrators.length > 0 ? (
          <IsolatedMessage
            id="billingOverview.readOnly"
            values={{ administrators: overview.administrators.map((user) => user.displayName) }}
          />
        ) : (
          t('billingOverview.readOnlyNoAdministrators')
        )}
      </p>
    </Notice>
  );
}

/** "Visa ending in 4242, expires 08/2027", in the viewer's language. */
function chargedCardLabel(t: Translate, card: ChargedCard): string {
  return t('billingOverview.card', {
    brand: t(`upgrade.payment.brands.${card.brand === 'other' ? 'generic' : card.brand}`),
    last4: card.last4,
    month: String(card.expMonth).padStart(2, '0'),
    year: String(card.expYear),
  });
}
