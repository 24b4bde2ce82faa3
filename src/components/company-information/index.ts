export { CompanyInformation, useUnsavedChangesWarning } from './CompanyInformation.js';
export type { CompanyInformationProps } from './CompanyInformation.js';
export { BillingContactsList, PrimaryContactSection, RoleContactsTable } from './sections.js';
export type { ContactsSectionProps } from './sections.js';
export { useBillingContacts, usePrimaryContact, useRoleContacts } from './hooks.js';
export type {
  BillingContactsState,
  ContactsSectionOptions,
  PrimaryContactState,
  RoleContactsState,
} from './hooks.js';
export type {
  ContactPickerBinding,
  ContactsSection,
  ContactsSectionState,
  SectionStatus,
} from './use-contacts-section.js';
export type { RootElementProps } from '../../ui/index.js';
