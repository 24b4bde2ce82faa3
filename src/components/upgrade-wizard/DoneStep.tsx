import { describeAdapterError } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { Notice } from '../../ui/index.js';
import { useWizardActions, useWizardPurchase, useWizardSelection, useWizardState } from './wizard-context.js';

/** Step 5: the confirmation, or a clear failure with the one safe way forward. */
export function DoneStep() {
  const { t } = useAccountSettings();
  const { attempt } = useWizardState();
  const { selectedProduct, selectedTier } = useWizardSelection();
  const { purchasing, ambiguousFailure, purchaseInterrupted } = useWizardPurchase();
  const actions = useWizardActions();
  const order = attempt?.order;

  // Focus moves to the step's heading, which says how it went: the notice is not announced again.
  if (attempt?.status === 'succeeded' && order) {
    return (
      <Notice tone="success" live={false} className="abk-done">
        {t('upgrade.done.body', {
          product: selectedProduct?.name ?? '',
          tier: selectedTier?.name ?? order.tierId,
          interval: order.interval === 'annual' ? t('upgrade.done.annual') : t('upgrade.done.monthly'),
          orderId: order.orderId,
        })}
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
