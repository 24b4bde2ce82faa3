// Public entry: named exports only. Adapters' implementations live in their own entries
// (`account-billing-kit/memory`), locales in `account-billing-kit/locales/*`.
export * from './schemas/index.js';
export { AdapterError, isAdapterError, toAdapterError } from './adapter/errors.js';
export type { AdapterErrorCode, AdapterErrorOptions, FieldIssue } from './adapter/errors.js';
export type { AccountAdapter, AdapterOperation, ReadOptions } from './adapter/types.js';
export { AccountSettingsProvider } from './provider/AccountSettingsProvider.js';
export type { AccountSettingsProviderProps } from './provider/AccountSettingsProvider.js';
export { useAccountSettings } from './provider/context.js';
export type { AccountSettingsContextValue, AccountSettingsEvent, ErrorContext } from './provider/context.js';
export type { Appearance } from './theme/appearance.js';
export type {
  LocaleCatalogs,
  MessageKey,
  MessageOverrides,
  Messages,
  PluralMessage,
} from './i18n/messages.js';
export { createTranslate, resolveMessages } from './i18n/translate.js';
export type { MessageValues, Translate } from './i18n/translate.js';
export { createFormatters } from './i18n/format.js';
export type { Formatters } from './i18n/format.js';
export * from './queries/index.js';
export { translateValidation } from './i18n/translate.js';
export * from './components/contact-picker/index.js';
export * from './components/company-information/index.js';
export * from './components/upgrade-wizard/index.js';
