import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { useAccountSettings } from '../../provider/context.js';
import type { PaymentMethod } from '../../schemas/index.js';
import {
  CardForm,
  EMPTY_CARD,
  useCardForm,
  type PaymentFormSlotProps,
  type Tokenizer,
} from '../../ui/CardForm.js';
import { ErrorNotice, Heading } from '../../ui/index.js';

const CARD_FIELDS = ['cardholderName', 'number', 'expiry', 'securityCode'] as const;

/**
 * "Add a card": the upgrade wizard's card form (or the host's hosted fields), whether to share
 * the card and whether the subscriptions are charged to it. Loaded on demand, so card handling
 * is only downloaded when someone adds a card. The card's data stays in this form's memory and
 * goes to nothing but the tokenizer.
 */
export default function AddCardForm({
  addCard,
  renderPaymentForm,
  defaultMakeDefault,
  onDone,
}: {
  addCard: (
    tokenize: Tokenizer,
    options: { sharedWithAdmins: boolean; makeDefault: boolean },
  ) => Promise<PaymentMethod>;
  renderPaymentForm: ((props: PaymentFormSlotProps) => ReactNode) | undefined;
  /** Tick "Charge my subscriptions to this card" from the start, e.g. when the default has expired. */
  defaultMakeDefault: boolean;
  /** Called when the card was saved or the form was cancelled. */
  onDone: () => void;
}) {
  const { t, adapter } = useAccountSettings();
  const id = useId();
  const card = useCardForm();
  const [shareCard, setShareCard] = useState(false);
  const [makeDefault, setMakeDefault] = useState(defaultMakeDefault);
  const [hostTokenizer, setHostTokenizer] = useState<Tokenizer | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AdapterError | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  useEffect(() => heading.current?.focus(), []);

  async function save() {
    if (saving) return;
    setError(null);
    let tokenize: Tokenizer | null = hostTokenizer;
    if (!renderPaymentForm) {
      const checked = await card.handleSubmit(() => true);
      if (!checked.valid) {
        const first = CARD_FIELDS.find((name) => card.error(name) !== undefined);
        if (first) document.getElementById(`${id}-${first}`)?.focus();
        return;
      }
      tokenize = () => adapter.tokenizeCard(card.getValues());
    }
    if (!tokenize) return;
    setSaving(true);
    try {
      await addCard(tokenize, { sharedWithAdmins: shareCard, makeDefault });
      card.reset(EMPTY_CARD);
      onDone();
    } catch (caught) {
      const failure = toAdapterError(caught);
      let mapped = 0;
      for (const issue of failure.code === 'validation' ? failure.fieldIssues : []) {
        const field = CARD_FIELDS.find((name) => name === issue.path[0]);
        if (field) {
          mapped += 1;
          card.setError(field, issue.code, { focus: mapped === 1 });
        }
      }
      if (mapped === 0) setError(failure);
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="abk-add-card"
      aria-labelledby={`${id}-title`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !saving) onDone();
      }}
    >
      <Heading id={`${id}-title`} ref={heading} tabIndex={-1} className="abk-add-card__title">
        {t('paymentMethods.addCardTitle')}
      </Heading>
      {error && <ErrorNotice error={error} />}
      <CardForm
        form={card}
        idPrefix={id}
        renderPaymentForm={renderPaymentForm}
        // A function in state must be wrapped, or React would call it as an updater.
        onTokenizerChange={(tokenize) => setHostTokenizer(() => tokenize)}
        disabled={saving}
        savedOnReview={false}
      />
      <label className="abk-checkbox">
        <input
          type="checkbox"
          checked={shareCard}
          onChange={(event) => setShareCard(event.currentTarget.checked)}
        />
        <span>{t('upgrade.payment.shareCard')}</span>
      </label>
      <label className="abk-checkbox">
        <input
          type="checkbox"
          checked={makeDefault}
          onChange={(event) => setMakeDefault(event.currentTarget.checked)}
        />
        <span>{t('paymentMethods.makeNewDefault')}</span>
      </label>
      <div className="abk-add-card__buttons">
        <button type="button" className="abk-button" data-variant="ghost" onClick={onDone} disabled={saving}>
          {t('common.cancel')}
        </button>
        <button
          type="submit"
          className="abk-button"
          data-variant="primary"
          aria-disabled={saving || undefined}
        >
          {saving ? t('common.saving') : t('paymentMethods.saveCard')}
        </button>
      </div>
    </form>
  );
}
