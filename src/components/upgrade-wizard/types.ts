import type { ReactNode } from 'react';
import type { OrderResult } from '../../schemas/billing.js';
import type { PaymentFormSlotProps } from '../../ui/CardForm.js';

// The card form is shared with the payment methods screen; its slot type is the wizard's too.
export type { PaymentFormSlotProps };

/** Where the legal documents live; the host supplies the URLs. */
export interface PolicyLinks {
  termsOfServiceUrl: string;
  privacyPolicyUrl: string;
  acceptableUsePolicyUrl: string;
}

/** What every step component receives from `UpgradeWizard`'s props; wizard state comes from context. */
export interface WizardStepViewProps {
  policies: PolicyLinks;
  /** Replaces the default card form with the host's own. */
  renderPaymentForm?: ((props: PaymentFormSlotProps) => ReactNode) | undefined;
  /** The done step's primary action, e.g. back to the account; without it there is none. */
  onDone?: ((order: OrderResult) => void) | undefined;
}
