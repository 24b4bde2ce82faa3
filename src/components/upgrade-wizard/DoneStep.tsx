import { describeAdapterError } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import { Notice } from '../../ui/index.js';
import { useWizardActions, useWizardPurchase, useWizardSelection, useWizardState } from './wizard-context.js';

/** Step 5: the confirmation, or a clear failure with the one safe way forward. */
export function DoneStep() {
  const { t } = useAccountSettings();
  const { attempt } = useWizardState();
  const { selectedProduct, selectedTier } = useWizardSelection();
  const { purchasing, ambiguousFailure } = useWizardPurchase();
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

  const code = attempt?.errorCode ?? 'unknown';
  const declined = code === 'payment_declined';
  return (
    <Notice
      tone="danger"
      live={false}
      className="abk-done"
      actions={
        ambiguousFailure ? (
          <button
            type="button"
            className="abk-button"
            data-variant="primary"
            onClick={actions.purchase}
            aria-disabled={purchasing || undefined}
          >
            {purchasing ? t('upgrade.review.purchasing') : t('upgrade.done.retry')}
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
