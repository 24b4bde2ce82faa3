import { createContext, useContext } from 'react';
import type { AdapterError } from '../adapter/errors.js';
import type { AdapterOperation } from '../adapter/types.js';
import type { Formatters } from '../i18n/format.js';
import type { Messages } from '../i18n/messages.js';
import type { Translate } from '../i18n/translate.js';
import type { QueryContext } from '../queries/index.js';
import type { ContactsSection } from '../schemas/contacts.js';

/** What happened, for the host's analytics. Never contains card data or free text. */
export type AccountSettingsEvent =
  | { type: 'contacts_saved'; section: ContactsSection; version: number }
  | { type: 'contacts_conflict'; section: ContactsSection; resolution?: 'reload' | 'apply_mine' }
  | { type: 'upgrade_step_viewed'; step: string }
  | { type: 'upgrade_plan_selected'; tierId: string; interval: string; currency: string }
  | { type: 'upgrade_contact_sales'; tierId: string }
  | { type: 'order_placed'; orderId: string; tierId: string; total: number; currency: string };

/**
 * Where an error came from, passed to `onError`: the adapter call that failed, or `render` when
 * a screen could not be drawn (then `screen` names it, e.g. `UpgradeWizard`).
 */
export interface ErrorContext {
  operation: AdapterOperation | 'render';
  screen?: string;
}

export interface AccountSettingsContextValue extends QueryContext {
  locale: string;
  dir: 'ltr' | 'rtl';
  messages: Messages;
  t: Translate;
  format: Formatters;
  colorScheme: 'light' | 'dark' | 'system';
  /** The element popovers render into (inside a themed root). */
  portalContainer: HTMLElement | null;
  /** Extra classes/styles a portal needs to carry the theme when it renders outside the root. */
  themeRootProps: {
    'data-color-scheme': string;
    style: React.CSSProperties;
    dir: 'ltr' | 'rtl';
    lang: string;
  };
  reportError(error: AdapterError, context: ErrorContext): void;
  emit(event: AccountSettingsEvent): void;
}

export const AccountSettingsContext = createContext<AccountSettingsContextValue | null>(null);

/**
 * Everything the provider supplies: adapter, locale, translations, formatters, callbacks.
 * Throws when used outside `<AccountSettingsProvider>`.
 */
export function useAccountSettings(): AccountSettingsContextValue {
  const value = useContext(AccountSettingsContext);
  if (!value) {
    throw new Error(
      'account-billing-kit: this component or hook must be rendered inside <AccountSettingsProvider adapter={…}>.',
    );
  }
  return value;
}
