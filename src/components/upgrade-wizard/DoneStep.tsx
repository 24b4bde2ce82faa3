import { describeAdapterError } from '../../i18n/translate.js';
import { useAccountSettings } from '../../provider/context.js';
import type { UpgradeWizardState } from './use-upgrade-wizard.js';

/** Step 5: the confirmation, or a clear failure with the one safe way forward. */
export function DoneStep({ wizard }: { wizard: UpgradeWizardState }) {
  const { t } = useAccountSettings();
  const attempt = wizard.state.attempt;
  const order = attempt?.order;

  if (attempt?.status === 'succeeded' && order) {
    return (
      <div className="abk-notice abk-done" data-tone="success">
        <p>
          {t('upgrade.done.body', {
            product: wizard.selectedProduct?.name ?? '',
            tier: wizard.selectedTier?.name ?? order.tierId,
            interval: order.interval === 'annual' ? t('upgrade.done.annual') : t('upgrade.done.monthly'),
            orderId: order.orderId,
          })}
        </p>
      </div>
    );
  }

  const code = attempt?.errorCode ?? 'unknown';
  const declined = code === 'payment_declined';
  return (
    <div className="abk-notice abk-done" data-tone="danger">
      <p>{describeAdapterError(t, { code })}</p>
      <p>
        {declined || !wizard.ambiguousFailure
          ? t('upgrade.done.notCharged')
          : t('upgrade.done.mayHaveBeenPlaced')}
      </p>
      <div className="abk-notice__actions">
        {wizard.ambiguousFailure ? (
          <button
            type="button"
            className="abk-button"
            data-variant="primary"
            onClick={wizard.purchase}
            aria-disabled={wizard.purchasing || undefined}
          >
            {wizard.purchasing ? t('upgrade.review.purchasing') : t('upgrade.done.retry')}
          </button>
        ) : declined ? (
          <button
            type="button"
            className="abk-button"
            data-variant="primary"
            onClick={() => wizard.goTo('payment')}
          >
            {t('upgrade.done.changePayment')}
          </button>
        ) : (
          <button type="button" className="abk-button" onClick={wizard.back}>
            {t('common.back')}
          </button>
        )}
      </div>
    </div>
  );
}
