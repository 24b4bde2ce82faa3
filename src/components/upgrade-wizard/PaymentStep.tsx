import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { toAdapterError } from '../../adapter/errors.js';
import { useAccountSettings } from '../../provider/context.js';
import { paymentMethodsQueryOptions } from '../../queries/index.js';
import { ErrorNotice, Icon, LoadingState } from '../../ui/index.js';
import { CardForm, type Tokenizer } from '../../ui/CardForm.js';
import { CompanyDetailsFieldset } from './payment/CompanyDetailsFieldset.js';
import { PaymentMethodChoice } from './payment/PaymentMethodChoice.js';
import { NEW_CARD, usePaymentSubmit } from './payment/use-payment-submit.js';
import { ErrorSummary, StepFooter } from './shared.js';
import type { WizardStepViewProps } from './types.js';
import { useWizardAccount, useWizardActions, useWizardState } from './wizard-context.js';

/**
 * Step 3: company details and a payment method, existing or a new card. Loaded on demand, with
 * everything in `./payment/`, so card handling is only downloaded when someone gets here.
 */
export default function PaymentStep({ renderPaymentForm }: WizardStepViewProps) {
  const settings = useAccountSettings();
  const { t } = settings;
  const id = useId();
  const { paymentMethodId } = useWizardState();
  const { account } = useWizardAccount();
  const actions = useWizardActions();
  const methods = useQuery(paymentMethodsQueryOptions(settings));
  const [choice, setChoice] = useState<string | null>(paymentMethodId);
  // The default (the first saved method, else a new card) is settled once the saved methods are
  // known, and from then on only the user changes it: a list arriving late never replaces it.
  // The card the subscription is charged to comes first, else the first saved card.
  if (choice === null && !methods.isPending) {
    setChoice(methods.data?.find((method) => method.isDefault)?.id ?? methods.data?.[0]?.id ?? NEW_CARD);
  }
  // "Share this credit card with other admins" applies to the selected card: a new one, or one of
  // the viewer's own saved cards not yet shared.
  const [shareChoices, setShareChoices] = useState<Readonly<Record<string, boolean>>>({});
  const [hostTokenizer, setHostTokenizer] = useState<Tokenizer | null>(null);
  const selected = choice;
  const selectedMethod = methods.data?.find((method) => method.id === selected);
  const shareable =
    selected === NEW_CARD ||
    (selectedMethod !== undefined &&
      selectedMethod.ownerUserId === account?.viewer.user.id &&
      !selectedMethod.sharedWithAdmins);
  const shareCard = selected !== null && shareable && (shareChoices[selected] ?? false);
  const { company, card, errors, submit, submitting, submitError } = usePaymentSubmit({
    idPrefix: id,
    selected,
    selectedVersion: selectedMethod?.version,
    onCardSaved: setChoice,
    hostCardForm: renderPaymentForm !== undefined,
    hostTokenizer,
    shareCard,
  });

  return (
    <form
      className="abk-payment"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <div id={`${id}-summary`}>
        <ErrorSummary errors={errors} />
      </div>
      {/* Validation problems are shown on the fields they are about. */}
      {submitError && submitError.code !== 'validation' && <ErrorNotice error={submitError} />}

      <CompanyDetailsFieldset form={company} idPrefix={`${id}-company`} />

      <fieldset className="abk-fieldset">
        <legend className="abk-fieldset__legend">{t('upgrade.payment.methodTitle')}</legend>
        {methods.isPending && <LoadingState rows={1} />}
        {methods.error && (
          <ErrorNotice
            error={toAdapterError(methods.error)}
            title={t('upgrade.payment.methodsFailed')}
            onRetry={() => void methods.refetch()}
          />
        )}
        <PaymentMethodChoice
          methods={methods.data ?? []}
          selected={selected}
          onSelect={setChoice}
          viewerId={account?.viewer.user.id}
          name={`${id}-method`}
        />
        {selected === NEW_CARD && (
          <CardForm
            form={card}
            idPrefix={`${id}-card`}
            renderPaymentForm={renderPaymentForm}
            // A function in state must be wrapped, or React would call it as an updater.
            onTokenizerChange={(tokenize) => setHostTokenizer(() => tokenize)}
            disabled={submitting}
          />
        )}
        {selected !== null && shareable && (
          <label className="abk-checkbox">
            <input
              type="checkbox"
              checked={shareCard}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setShareChoices((choices) => ({ ...choices, [selected]: checked }));
              }}
            />
            <span>{t('upgrade.payment.shareCard')}</span>
          </label>
        )}
      </fieldset>

      <StepFooter onBack={actions.back}>
        <button
          type="submit"
          className="abk-button"
          data-variant="primary"
          aria-disabled={submitting || undefined}
        >
          {submitting ? t('common.saving') : t('upgrade.payment.reviewOrder')} <Icon name="arrow-right" />
        </button>
      </StepFooter>
    </form>
  );
}
