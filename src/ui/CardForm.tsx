// The one new-card form: the upgrade wizard's payment step and the payment methods screen both
// add cards with it, so both follow the same rule: card data lives only in this form's memory
// and reaches nothing but the adapter's `tokenizeCard` (or the host's own hosted fields).
import { useMemo, type ReactNode } from 'react';
import type * as z from 'zod/mini';
import { translateValidation } from '../i18n/translate.js';
import { useForm, type Form } from '../lib/form/use-form.js';
import { useAccountSettings } from '../provider/context.js';
import { createCardInputSchema } from '../schemas/card.js';
import { TextField } from './Field.js';

type CardSchema = ReturnType<typeof createCardInputSchema>;
/** The card fields' form, validated by `createCardInputSchema`. */
export type CardFormControl = Form<z.input<CardSchema>, z.output<CardSchema>>;
/** How a new card becomes a single-use token: the host's hosted fields, or null while incomplete. */
export type Tokenizer = () => Promise<{ token: string }>;

/** What a host's own card form (e.g. a payment provider's hosted fields) receives. */
export interface PaymentFormSlotProps {
  /**
   * Register how to obtain a single-use token when the user continues, or `null` while the
   * form is incomplete. The token is passed to `adapter.createPaymentMethod`.
   */
  setTokenizer: (tokenize: (() => Promise<{ token: string }>) | null) => void;
  disabled: boolean;
}

export const EMPTY_CARD: z.input<CardSchema> = {
  cardholderName: '',
  number: '',
  expiry: '',
  securityCode: '',
};

/**
 * The card fields' form, validated on submit and then live. Card fields live only in this
 * form's memory: never in state that is stored, cached or sent anywhere but `tokenizeCard`.
 */
export function useCardForm(): CardFormControl {
  const cardSchema = useMemo(() => createCardInputSchema(), []);
  return useForm<z.input<CardSchema>, z.output<CardSchema>>({
    schema: cardSchema,
    validateOn: 'submit',
    // Each screen decides where focus goes when the card is incomplete.
    focusFirstError: false,
    defaultValues: EMPTY_CARD,
  });
}

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
  savedOnReview = true,
}: {
  form: CardFormControl;
  idPrefix: string;
  renderPaymentForm: ((props: PaymentFormSlotProps) => ReactNode) | undefined;
  onTokenizerChange: (tokenize: Tokenizer | null) => void;
  disabled: boolean;
  /** Say that the card is saved on the way to the review (the wizard's case). Default true. */
  savedOnReview?: boolean;
}) {
  const { t, messages } = useAccountSettings();
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
            error={errorText(form.error('cardholderName'))}
          />
          <TextField
            label={t('upgrade.payment.cardNumber')}
            autoComplete="cc-number"
            inputMode="numeric"
            wide
            id={`${idPrefix}-number`}
            registration={form.register('number')}
            error={errorText(form.error('number'))}
          />
          <TextField
            label={t('upgrade.payment.expiry')}
            autoComplete="cc-exp"
            inputMode="numeric"
            id={`${idPrefix}-expiry`}
            registration={form.register('expiry')}
            error={errorText(form.error('expiry'))}
          />
          <TextField
            label={t('upgrade.payment.securityCode')}
            autoComplete="cc-csc"
            inputMode="numeric"
            id={`${idPrefix}-securityCode`}
            registration={form.register('securityCode')}
            error={errorText(form.error('securityCode'))}
          />
        </div>
      )}
      <p className="abk-field__hint">{t('upgrade.payment.cardNotStored')}</p>
      {savedOnReview && <p className="abk-field__hint">{t('upgrade.payment.cardSavedNow')}</p>}
    </div>
  );
}
