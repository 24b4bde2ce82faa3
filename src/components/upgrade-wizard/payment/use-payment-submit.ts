import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type * as z from 'zod/mini';
import { toAdapterError, type AdapterError } from '../../../adapter/errors.js';
import { translateValidation } from '../../../i18n/translate.js';
import { useForm, type Form } from '../../../lib/form/use-form.js';
import { useAccountSettings } from '../../../provider/context.js';
import { accountKeys, tokenizeAndSaveCard } from '../../../queries/index.js';
import {
  companyDetailsSchema,
  type CompanyDetails,
  type CompanyDetailsInput,
} from '../../../schemas/billing.js';
import { EMPTY_CARD, useCardForm, type Tokenizer } from '../../../ui/CardForm.js';
import type { StepError } from '../shared.js';
import { useWizardAccount, useWizardActions, useWizardState } from '../wizard-context.js';

/** The radio value of "New credit card". */
export const NEW_CARD = 'new-card';

type CompanySchema = typeof companyDetailsSchema;
export type CompanyFormControl = Form<z.input<CompanySchema>, z.output<CompanySchema>>;

const COMPANY_FIELDS = [
  'name',
  'addressLine1',
  'addressLine2',
  'postalCode',
  'city',
  'country',
  'taxId',
] as const;
const CARD_FIELDS = ['cardholderName', 'number', 'expiry', 'securityCode'] as const;
const EMPTY_COMPANY: CompanyDetailsInput = {
  name: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  postalCode: '',
  country: '',
  taxId: '',
};

export interface PaymentSubmitOptions {
  /** Prefix of the fields' ids, which the error summary links to. */
  idPrefix: string;
  /** The chosen payment method's id, `NEW_CARD`, or null while the saved methods load. */
  selected: string | null;
  /** The chosen saved card's version, which sharing it sends as the expected version. */
  selectedVersion: number | undefined;
  /** Called with a new card's saved payment method, which becomes the choice. */
  onCardSaved: (paymentMethodId: string) => void;
  /** The host's card form replaces ours: its tokenizer is used, and our card fields are not. */
  hostCardForm: boolean;
  hostTokenizer: Tokenizer | null;
  /** Whether the chosen card, new or the viewer's own saved one, is to be shared with other admins. */
  shareCard: boolean;
}

/**
 * The payment step's two forms and what "Review order" does: validate both, list the problems
 * in a summary and focus it, save a new card through a single-use token, then hand company and
 * payment method to the wizard and move on.
 */
export function usePaymentSubmit({
  idPrefix,
  selected,
  selectedVersion,
  onCardSaved,
  hostCardForm,
  hostTokenizer,
  shareCard,
}: PaymentSubmitOptions) {
  const settings = useAccountSettings();
  const { t, messages } = settings;
  const queryClient = useQueryClient();
  const wizard = useWizardState();
  const { account } = useWizardAccount();
  const actions = useWizardActions();
  const [submitError, setSubmitError] = useState<AdapterError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const [focusSummary, setFocusSummary] = useState(0);
  useEffect(() => {
    if (focusSummary > 0) document.getElementById(`${idPrefix}-summary`)?.querySelector('a')?.focus();
  }, [focusSummary, idPrefix]);

  const company = useForm<z.input<CompanySchema>, z.output<CompanySchema>>({
    schema: companyDetailsSchema,
    // Validate on submit, then live: an error appearing on blur would shift the button away
    // between mouse-down and click, and the click would be lost.
    validateOn: 'submit',
    // The error summary takes focus, not the first field.
    focusFirstError: false,
    // What was entered before, else the account's billing details, else its name.
    defaultValues: wizard.company ??
      account?.billingDetails ?? { ...EMPTY_COMPANY, name: account?.name ?? '' },
  });
  // Card fields live only in this form's memory: never in wizard state, storage or caches.
  const card = useCardForm();

  const usesOurCardForm = selected === NEW_CARD && !hostCardForm;
  const translate = (code: string | undefined) => translateValidation(t, messages, code);
  const errors: StepError[] = attempted
    ? [
        ...fieldErrors(company.error, COMPANY_FIELDS, `${idPrefix}-company`, translate),
        ...(usesOurCardForm ? fieldErrors(card.error, CARD_FIELDS, `${idPrefix}-card`, translate) : []),
      ]
    : [];

  async function submit() {
    setAttempted(true);
    setSubmitError(null);
    // Through handleSubmit, so each form counts as submitted and re-validates a field as soon as
    // it changes: a fixed field's error (and its line in the summary) goes away while typing.
    const companyResult = await company.handleSubmit((values): CompanyDetails => values);
    const cardValid = usesOurCardForm ? (await card.handleSubmit(() => true)).valid : true;
    const parsedCompany = companyResult.valid ? companyResult.result : undefined;
    if (!parsedCompany || !cardValid || selected === null) {
      // The summary at the top lists and links the problems; focus its first link once rendered.
      setFocusSummary((count) => count + 1);
      return;
    }
    setSubmitting(true);
    try {
      let paymentMethodId = selected;
      if (selected === NEW_CARD) {
        const tokenize = hostCardForm ? hostTokenizer : () => settings.adapter.tokenizeCard(card.getValues());
        if (!tokenize) return;
        const method = await tokenizeAndSaveCard(settings, tokenize, shareCard);
        paymentMethodId = method.id;
        card.reset(EMPTY_CARD);
        onCardSaved(method.id);
        void queryClient.invalidateQueries({ queryKey: accountKeys.paymentMethods(settings.scope) });
      } else if (shareCard && selectedVersion !== undefined) {
        await settings.adapter.updatePaymentMethodSharing(selected, true, {
          expectedVersion: selectedVersion,
        });
        await queryClient.invalidateQueries({ queryKey: accountKeys.paymentMethods(settings.scope) });
      }
      actions.setCompany(parsedCompany);
      actions.setPaymentMethod(paymentMethodId);
      actions.next();
    } catch (caught) {
      const error = toAdapterError(caught);
      for (const issue of error.code === 'validation' ? error.fieldIssues : []) {
        const field = CARD_FIELDS.find((name) => name === issue.path[0]);
        if (field) card.setError(field, issue.code, { focus: true });
      }
      setSubmitError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return { company, card, errors, submit, submitting, submitError };
}

/** Errors in the order the fields appear on screen. */
function fieldErrors<TName extends string>(
  errorOf: (name: TName) => string | undefined,
  order: readonly TName[],
  idPrefix: string,
  translate: (code: string | undefined) => string,
): StepError[] {
  return order.flatMap((name) => {
    const code = errorOf(name);
    return code === undefined ? [] : [{ fieldId: `${idPrefix}-${name}`, message: translate(code) }];
  });
}
