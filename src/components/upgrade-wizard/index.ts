export { UpgradeWizard } from './UpgradeWizard.js';
export type { UpgradeWizardProps } from './UpgradeWizard.js';
export type { PaymentFormSlotProps } from './PaymentStep.js';
export type { PolicyLinks } from './ReviewStep.js';
export { useUpgradeWizard } from './use-upgrade-wizard.js';
export type { UpgradeWizardState, UseUpgradeWizardOptions } from './use-upgrade-wizard.js';
export {
  draftFromState,
  initialWizardState,
  isAmbiguousFailure,
  isStepComplete,
  stepsFor,
  wizardReducer,
} from './wizard-machine.js';
export type {
  PurchaseAttempt,
  PurchaseStatus,
  WizardEvent,
  WizardState,
  WizardStep,
} from './wizard-machine.js';
