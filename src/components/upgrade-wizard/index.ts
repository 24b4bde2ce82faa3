export { UpgradeWizard } from './UpgradeWizard.js';
export type { UpgradeWizardProps } from './UpgradeWizard.js';
export type { PaymentFormSlotProps, PolicyLinks } from './types.js';
export { useUpgradeWizard } from './use-upgrade-wizard.js';
export type {
  AccountStatus,
  CatalogStatus,
  QuoteStatus,
  SeatHoldersStatus,
  UpgradeWizardActions,
  UseUpgradeWizardOptions,
  UseUpgradeWizardResult,
  WizardPrefill,
} from './use-upgrade-wizard.js';
export {
  UpgradeWizardProvider,
  useWizardAccount,
  useWizardActions,
  useWizardCatalog,
  useWizardNavigation,
  useWizardPurchase,
  useWizardQuote,
  useWizardSeatHolders,
  useWizardSelection,
  useWizardState,
} from './wizard-context.js';
export type {
  WizardAccount,
  WizardCatalog,
  WizardNavigation,
  WizardPurchase,
  WizardQuote,
  WizardSeatHolders,
  WizardSelection,
} from './wizard-context.js';
export {
  canEnter,
  draftFromState,
  initialWizardState,
  isAmbiguousFailure,
  isStepComplete,
  isUnresolvedPurchase,
  reachableStep,
  stepsFor,
  wizardReducer,
} from './wizard-machine.js';
export type {
  CatalogFacts,
  PurchaseAttempt,
  PurchaseStatus,
  WizardEvent,
  WizardState,
  WizardStep,
} from './wizard-machine.js';
export { wizardSteps } from './wizard-steps.js';
export type { WizardStepDefinition, WizardStepPhase } from './wizard-steps.js';
