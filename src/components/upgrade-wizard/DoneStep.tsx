import { useQuery } from '@tanstack/react-query';
import { describeAdapterError } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { contactsQueryOptions } from '../../queries/index.js';
import type { OrderResult } from '../../schemas/billing.js';
import { Notice } from '../../ui/index.js';
import type { WizardStepViewProps } from './types.js';
import { useWizardActions, useWizardPurchase, useWizardSelection, useWizardState } from './wizard-context.js';

/** Step 5: the confirmation, or a clear failure with the one safe way forward. */
export function DoneStep({ onDone }: WizardStepViewProps) {
  const { t } = useAccountSettings();
  const { attempt } = useWizardState();
  const { selectedProduct, selectedTier } = useWizardSelection();
  const { purchasing, ambiguousFailure, purchaseInterrupted } = useWizardPurchase();
  const actions = useWizardActions();
  const order = attempt?.order;

  // Focus moves to the step's heading, which says how it went: the notice is not announced again.
  if (attempt?.status === 'succeeded' && order) {
    return (
      <Notice
        tone="success"
        live={false}
        className="abk-done"
        actions={
          onDone && (
            <button type="button" className="abk-button" data-variant="primary" onClick={() => onDone(order)}>
              {t('upgrade.done.finish')}
            </button>
          )
        }
      >
        <PurchaseSummary
          order={order}
          bought={t('upgrade.done.body', {
            product: selectedProduct?.name ?? '',
            tier: selectedTier?.name ?? order.tierId,
            interval: order.interval === 'annual' ? t('upgrade.done.annual') : t('upgrade.done.monthly'),
            orderId: order.orderId,
          })}
        />
      </Notice>
    );
  }

  // A retry or a check is under way.
  if (purchasing) {
    return (
      <Notice tone="info" live="status" className="abk-done">
        {t('upgrade.review.purchasing')}
      </Notice>
    );
  }
  // The page went away mid-purchase: nobody knows yet whether the order exists, and only the
  // user decides to ask again (with the same key, so it is never placed twice).
  if (purchaseInterrupted) {
    return (
      <Notice
        tone="warning"
        live={false}
        className="abk-done"
        actions={
          <button type="button" className="abk-button" data-variant="primary" onClick={actions.purchase}>
            {t('upgrade.done.checkPurchase')}
          </button>
        }
      >
        <p>{t('upgrade.done.interrupted')}</p>
      </Notice>
    );
  }

  const code = attempt?.errorCode ?? 'unknown';
  const declined = code === 'payment_declined';
  return (
    <Notice
      tone="danger"
      live={false}
      className="abk-done"
      actions={
        ambiguousFailure ? (
          <button type="button" className="abk-button" data-variant="primary" onClick={actions.purchase}>
            {t('upgrade.done.retry')}
          </button>
        ) : declined ? (
          <button
            type="button"
            className="abk-button"
            data-variant="primary"
            onClick={() => actions.goTo('payment')}
          >
            {t('upgrade.done.changePayment')}
          </button>
        ) : (
          <button type="button" className="abk-button" onClick={actions.back}>
            {t('common.back')}
          </button>
        )
      }
    >
      <p>{describeAdapterError(t, { code })}</p>
      <p>
        {declined || !ambiguousFailure ? t('upgrade.done.notCharged') : t('upgrade.done.mayHaveBeenPlaced')}
      </p>
    </Notice>
  );
}

/** What was bought, what it cost, the seats, the next charge, and who gets the receipt. */
function PurchaseSummary({ order, bought }: { order: OrderResult; bought: string }) {
  const settings = useAccountSettings();
  const { t, format } = settings;
  // The receipt goes to the billing contacts (Company information), as invoices do.
  const contacts = useQuery(contactsQueryOptions(settings));
  const money = (amount: number) => format.money(amount, order.currency);
  const billingContacts = contacts.data?.billingContacts.map((user) => user.displayName) ?? [];
  return (
    <ul className="abk-done__summary" aria-label={t('upgrade.done.summaryLabel')}>
      <li>{bought}</li>
      <li>{t('upgrade.done.amountCharged', { amount: money(order.total) })}</li>
      {order.seats > 0 && <li>{t('upgrade.done.seats', { count: order.seats })}</li>}
      {order.nextChargeDate && (
        <li>
          {order.nextChargeAmount === undefined
            ? t('upgrade.review.nextCharge', { date: format.date(order.nextChargeDate) })
            : t('upgrade.review.nextChargeAmount', {
                amount: money(order.nextChargeAmount),
                date: format.date(order.nextChargeDate),
              })}
        </li>
      )}
      {contacts.data && (
        <li>
          {billingContacts.length > 0
            ? t('upgrade.done.receipt', { names: format.list(billingContacts) })
            : t('upgrade.done.receiptNoBillingContacts')}
        </li>
      )}
    </ul>
  );
}
