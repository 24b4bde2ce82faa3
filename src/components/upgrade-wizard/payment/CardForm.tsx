import type { ReactNode } from 'react';
import { translateValidation } from '../../../i18n/translate.js';
import { useAccountSettings } from '../../../provider/context.js';
import { TextField } from '../../../ui/index.js';
import type { PaymentFormSlotProps } from '../types.js';
import type { CardFormControl, Tokenizer } from './use-payment-submit.js';

/**
 * A new card: our card fields, or the host's own form (e.g. a payment provider's hosted
 * fields), and when it is saved to the account.
 */
export function CardForm({
  form,
  idPrefix,
  renderPaymentForm,
  onTokenizerChange,
  disabled,
}: {
  form: CardFormControl;
  idPrefix: string;
  renderPaymentForm: ((props: PaymentFormSlotProps) => ReactNode) | undefined;
  onTokenizerChange: (tokenize: Tokenizer | null) => void;
  disabled: boolean;
}) {
  const { t, messages } = useAccountSettings();
  const { errors } = form.formState;
  const errorText = (code: string | undefined) => (code ? translateValidation(t, messages, code) : undefined);
  return (
    <div className="abk-card-form">
      {renderPaymentForm ? (
        renderPaymentForm({ setTokenizer: onTokenizerChange, disabled })
      ) : (
        <div className="abk-form-grid">
          <TextField
            label={t('upgrade.payment.cardholderName')}
            autoComplete="cc-name"
            wide
            id={`${idPrefix}-cardholderName`}
            registration={form.register('cardholderName')}
            error={errorText(errors.cardholderName?.message)}
          />
          <TextField
            label={t('upgrade.payment.cardNumber')}
            autoComplete="cc-number"
            inputMode="numeric"
            wide
            id={`${idPrefix}-number`}
            registration={form.register('number')}
            error={errorText(errors.number?.message)}
          />
          <TextField
            label={t('upgrade.payment.expiry')}
            autoComplete="cc-exp"
            inputMode="numeric"
            id={`${idPrefix}-expiry`}
            registration={form.register('expiry')}
            error={errorText(errors.expiry?.message)}
          />
          <TextField
            label={t('upgrade.payment.securityCode')}
            autoComplete="cc-csc"
            inputMode="numeric"
            id={`${idPrefix}-securityCode`}
            registration={form.register('securityCode')}
            error={errorText(errors.securityCode?.message)}
          />
        </div>
      )}
      <p className="abk-field__hint">{t('upgrade.payment.cardNotStored')}</p>
      <p className="abk-field__hint">{t('upgrade.payment.cardSavedNow')}</p>
    </div>
  );
}
