'use client';
// The directive marks the entry's components and hooks as client code for React Server
// Components bundlers; the build keeps it at the top of dist/index.js and fails without it.

// Public entry: every name is listed, so adding one to a module never widens the public API by
// accident. reports/index.api.md records the result; `npm run api:check` fails when the two
// disagree. Adapters' implementations live in their own entries (`account-billing-kit/memory`),
// locales in `account-billing-kit/locales/*`, the schemas also in `account-billing-kit/schemas`.

// Schemas: users and the viewer --------------------------------------------------------------
export {
  accountSchema,
  canPurchase,
  PURCHASE_PERMISSIONS,
  userIdSchema,
  userPageSchema,
  userSchema,
  userSearchParamsSchema,
  userStatusSchema,
  viewerPermissionsSchema,
  viewerSchema,
} from './schemas/index.js';
export type {
  Account,
  User,
  UserPage,
  UserSearchParams,
  UserStatus,
  Viewer,
  ViewerPermissions,
} from './schemas/index.js';

// Schemas: points of contact -----------------------------------------------------------------
export {
  accountContactsSchema,
  assigneeInputSchema,
  assigneeSchema,
  billingContactIdsSchema,
  BUILT_IN_ROLE_IDS,
  contactsUpdateSchema,
  MAX_BILLING_CONTACTS,
  roleDefinitionSchema,
  roleIdSchema,
} from './schemas/index.js';
export type {
  AccountContacts,
  Assignee,
  AssigneeInput,
  BuiltInRoleId,
  ContactsUpdate,
  RoleDefinition,
} from './schemas/index.js';

// Schemas: catalog ---------------------------------------------------------------------------
export {
  billingIntervalSchema,
  catalogSchema,
  currencySchema,
  minorUnitsSchema,
  productSchema,
  subscriptionSchema,
  tierPriceSchema,
  tierSchema,
} from './schemas/index.js';
export type {
  BillingInterval,
  Catalog,
  Currency,
  Product,
  Subscription,
  Tier,
  TierPrice,
} from './schemas/index.js';

// Schemas: billing details, orders and quotes ------------------------------------------------
export {
  cardBrandSchema,
  companyDetailsSchema,
  countryCodeSchema,
  normalizeTaxId,
  orderDraftSchema,
  orderResultSchema,
  paymentMethodSchema,
  quoteLineItemSchema,
  quoteSchema,
  taxIdSchema,
  upgradeRequestResultSchema,
  upgradeRequestSchema,
} from './schemas/index.js';
export type {
  CardBrand,
  CompanyDetails,
  CompanyDetailsInput,
  OrderDraft,
  OrderResult,
  PaymentMethod,
  Quote,
  QuoteLineItem,
  UpgradeRequest,
  UpgradeRequestResult,
} from './schemas/index.js';

// Schemas: subscriptions, payment method changes and seat assignments ------------------------
export {
  cardExpiryStatus,
  chargedCardSchema,
  MAX_SEAT_CHANGES,
  nextChargeSchema,
  paymentMethodInputSchema,
  paymentMethodSharingSchema,
  productSeatsSchema,
  productSubscriptionSchema,
  seatAssignmentsUpdateSchema,
  subscriptionStatusSchema,
} from './schemas/index.js';
export type {
  CardExpiryStatus,
  ChargedCard,
  NextCharge,
  PaymentMethodInput,
  PaymentMethodSharing,
  ProductSeats,
  ProductSubscription,
  SeatAssignmentsUpdate,
  SubscriptionStatus,
} from './schemas/index.js';

// Schemas: card input and email --------------------------------------------------------------
export {
  cardDigits,
  createCardInputSchema,
  detectCardBrand,
  parseCardExpiry,
  passesLuhn,
} from './schemas/index.js';
export type { CardInput } from './schemas/index.js';
export { EMAIL_MAX_LENGTH, emailSchema } from './schemas/index.js';

// Adapter contract and errors ----------------------------------------------------------------
export { AdapterError, isAdapterError, toAdapterError } from './adapter/errors.js';
export type { AdapterErrorCode, AdapterErrorOptions, FieldIssue } from './adapter/errors.js';
export type {
  AccountAdapter,
  AdapterOperation,
  CatalogReadOptions,
  ReadOptions,
  VersionedWriteOptions,
} from './adapter/types.js';

// Provider, settings context and appearance --------------------------------------------------
export { AccountSettingsProvider } from './provider/AccountSettingsProvider.js';
export type { AccountSettingsProviderProps } from './provider/AccountSettingsProvider.js';
export { useAccountSettings } from './provider/context.js';
export type { AccountSettingsContextValue, AccountSettingsEvent, ErrorContext } from './provider/context.js';
export type { Appearance } from './theme/appearance.js';

// Messages, translation and formatting -------------------------------------------------------
export type {
  LocaleCatalogs,
  MessageKey,
  MessageOverrides,
  Messages,
  PluralMessage,
} from './i18n/messages.js';
export { createTranslate, resolveMessages, translateValidation } from './i18n/translate.js';
export type { MessageValues, Translate } from './i18n/translate.js';
export { createFormatters } from './i18n/format.js';
export type { Formatters } from './i18n/format.js';

// Query keys and query/mutation option factories ---------------------------------------------
export {
  accountKeys,
  accountQueryOptions,
  adapterScope,
  catalogQueryOptions,
  contactsQueryOptions,
  paymentMethodsQueryOptions,
  placeOrderMutationOptions,
  requestUpgradeMutationOptions,
  quoteQueryOptions,
  removePaymentMethodMutationOptions,
  roleDefinitionsQueryOptions,
  seatAssignmentsQueryOptions,
  setDefaultPaymentMethodMutationOptions,
  subscriptionsQueryOptions,
  tokenizeAndSaveCard,
  updateContactsMutationOptions,
  updatePaymentMethodSharingMutationOptions,
  updateSeatAssignmentsMutationOptions,
  userSearchQueryOptions,
  usersByIdsQueryOptions,
} from './queries/index.js';
export type { QueryContext } from './queries/index.js';

// Contact picker -----------------------------------------------------------------------------
// Bound to a host's react-hook-form form: `ContactPickerField` from 'account-billing-kit/react-hook-form'.
export { ContactPicker, useContactPicker } from './components/contact-picker/index.js';
export type {
  ContactPickerInputProps,
  ContactPickerItem,
  ContactPickerLabelProps,
  ContactPickerListProps,
  ContactPickerOptionProps,
  ContactPickerProps,
  ContactPickerRow,
  ContactPickerStatus,
  ContactPickerToggleButtonProps,
  ContactPickerValue,
  UnavailableUser,
  UseContactPickerOptions,
  UseContactPickerResult,
} from './components/contact-picker/index.js';

// Company information: the screen, its sections and their headless hooks ---------------------
export {
  BillingContactsList,
  CompanyInformation,
  PrimaryContactSection,
  RoleContactsTable,
  useBillingContacts,
  usePrimaryContact,
  useRoleContacts,
  useUnsavedChangesWarning,
} from './components/company-information/index.js';
export type {
  BillingContactsState,
  CompanyInformationProps,
  ContactPickerBinding,
  ContactsSection,
  ContactsSectionOptions,
  ContactsSectionProps,
  ContactsSectionState,
  PrimaryContactState,
  RoleContactsState,
  RootElementProps,
  SectionStatus,
} from './components/company-information/index.js';

// Upgrade wizard: the screen, its headless hook and the pure step machine --------------------
export {
  draftFromState,
  initialWizardState,
  isAmbiguousFailure,
  isStepComplete,
  isUnresolvedPurchase,
  stepsFor,
  UpgradeWizard,
  useUpgradeWizard,
  wizardReducer,
} from './components/upgrade-wizard/index.js';
export type {
  AccountStatus,
  CatalogFacts,
  PaymentFormSlotProps,
  PolicyLinks,
  PurchaseAttempt,
  PurchaseStatus,
  CatalogStatus,
  QuoteStatus,
  SeatHoldersStatus,
  UpgradeWizardActions,
  UpgradeWizardProps,
  UseUpgradeWizardOptions,
  UseUpgradeWizardResult,
  WizardPrefill,
  WizardEvent,
  WizardState,
  WizardStep,
} from './components/upgrade-wizard/index.js';

// Billing overview: the subscriptions per product and the card they are charged to -----------
export { BillingOverview, useBillingOverview } from './components/billing-overview/index.js';
export type {
  BillingCardAlert,
  BillingOverviewProps,
  BillingOverviewState,
  BillingOverviewStatus,
  BillingOverviewSubscription,
  UseBillingOverviewOptions,
} from './components/billing-overview/index.js';

// Payment methods: saved cards, the default, sharing, adding and removing ---------------------
export { PaymentMethods, usePaymentMethods } from './components/payment-methods/index.js';
export type {
  PaymentMethodChange,
  PaymentMethodOutcome,
  PaymentMethodProblem,
  PaymentMethodRefusal,
  PaymentMethodsProps,
  PaymentMethodsState,
  PaymentMethodsStatus,
  PaymentMethodView,
  UsePaymentMethodsOptions,
} from './components/payment-methods/index.js';

// Seat assignments: who holds a paid seat of each per-seat product ----------------------------
export { SeatAssignments, useSeatAssignments } from './components/seat-assignments/index.js';
export type {
  SeatAssignmentsProps,
  SeatAssignmentsState,
  SeatAssignmentsStatus,
  SeatChange,
  SeatProblem,
  SeatPurchase,
} from './components/seat-assignments/index.js';
