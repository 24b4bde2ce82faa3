import type { ReactNode } from 'react';
import type { OrderResult } from '../../schemas/billing.js';

/** Where the legal documents live; the host supplies the URLs. */
export interface PolicyLinks {
  termsOfServiceUrl: string;
  privacyPolicyUrl: string;
  acceptableUsePolicyUrl: string;
}

/** What a host's own card form (e.g. a payment provider's hosted fields) receives. */
export interface PaymentFormSlotProps {
  /**
   * Register how to obtain a single-use token when the user continues, or `null` while the
   * form is incomplete. The token is passed to `adapter.createPaymentMethod`.
   */
  setTokenizer: (tokenize: (() => Promise<{ token: string }>) | null) => void;
  disabled: boolean;
}

/** What every step component receives from `UpgradeWizard`'s props; wizard state comes from context. */
export interface WizardStepViewProps {
  policies: PolicyLinks;
  /** Replaces the default card form with the host's own. */
  renderPaymentForm?: ((props: PaymentFormSlotProps) => ReactNode) | undefined;
  /** The done step's primary action, e.g. back to the account; without it there is none. */
  onDone?: ((order: OrderResult) => void) | undefined;
}
