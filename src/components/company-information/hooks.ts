import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type * as z from 'zod/mini';
import { useAccountSettings } from '../../provider/context.js';
import { roleDefinitionsQueryOptions } from '../../queries/index.js';
import { MAX_BILLING_CONTACTS, type RoleDefinition } from '../../schemas/contacts.js';
import type { User } from '../../schemas/user.js';
import {
  billingContactsConfig,
  createRoleContactsConfig,
  primaryContactConfig,
  type billingContactsFormSchema,
  type ContactsFormSchema,
  type createRoleContactsFormSchema,
  type primaryContactFormSchema,
} from './form-schemas.js';
import { useContactsSection, type ContactsSectionState } from './use-contacts-section.js';

export interface ContactsSectionOptions {
  /** Called when the section gains or loses unsaved edits, e.g. to guard the host's router. */
  onDirtyChange?: (dirty: boolean) => void;
}

type SectionStateOf<S extends ContactsFormSchema> = ContactsSectionState<z.input<S>>;

/** The primary contact section's state; its form holds `primaryContact`. */
export type PrimaryContactState = SectionStateOf<typeof primaryContactFormSchema>;

/**
 * Headless state of the primary account contact section: the form, save/cancel, conflict and
 * read-only handling.
 *
 * @example
 * const primary = usePrimaryContact();
 * <form onSubmit={(e) => { e.preventDefault(); primary.submit(); }}>…</form>
 */
export function usePrimaryContact(options: ContactsSectionOptions = {}): PrimaryContactState {
  return useContactsSection(primaryContactConfig, options).state;
}

/** A billing contacts row as the form holds it: empty until someone is picked. */
type BillingRowValue = z.input<typeof billingContactsFormSchema>['billingContacts'][number];

/** One row of the billing contacts list. */
export interface BillingContactRow {
  /** Stable across adds and removals: use it as the React key. */
  id: string;
}

/** The billing contacts list's state: rows to add and remove, on top of the section's. */
export interface BillingContactsState extends SectionStateOf<typeof billingContactsFormSchema> {
  /** One per form row, keyed by `id` for rendering. */
  rows: BillingContactRow[];
  /** Users already chosen in some row, to leave out of the other rows' pickers. */
  chosenIds: string[];
  /** The same users, e.g. to say who is already a billing contact when a search finds only them. */
  chosenUsers: User[];
  /** Another row may be added: under the limit and not read-only. */
  canAdd: boolean;
  limitReached: boolean;
  max: number;
  addRow: () => void;
  removeRow: (index: number) => void;
}

/**
 * Headless state of the billing contacts list: up to three distinct users, rows added and
 * removed, plus everything `usePrimaryContact` offers.
 *
 * @example
 * const billing = useBillingContacts();
 * <button disabled={!billing.canAdd} onClick={billing.addRow}>Add another</button>
 */
export function useBillingContacts(options: ContactsSectionOptions = {}): BillingContactsState {
  const { state: section, form } = useContactsSection(billingContactsConfig, options);
  const { ids, append, remove } = form.rows('billingContacts');
  // Until the contacts load the form has no rows at all.
  const values = form.values.billingContacts as BillingRowValue[] | undefined;
  const chosenUsers = useMemo(
    () => (values ?? []).flatMap((row) => (row.contact?.kind === 'user' ? [row.contact.user] : [])),
    [values],
  );
  const chosenIds = useMemo(() => chosenUsers.map((user) => user.id), [chosenUsers]);
  const rows = useMemo(() => ids.map((id) => ({ id })), [ids]);
  const canAdd = rows.length < MAX_BILLING_CONTACTS && !section.readOnly;
  return {
    ...section,
    rows,
    chosenIds,
    chosenUsers,
    canAdd,
    limitReached: rows.length >= MAX_BILLING_CONTACTS,
    max: MAX_BILLING_CONTACTS,
    addRow: useCallback(() => {
      append({ contact: null }, { focus: true });
    }, [append]),
    removeRow: remove,
  };
}

/** The role contacts' state: the account's roles, one form field per role under `roles`. */
export interface RoleContactsState extends SectionStateOf<ReturnType<typeof createRoleContactsFormSchema>> {
  /** The account's roles, built-in ones first, in display order. */
  roles: RoleDefinition[];
}

/**
 * Headless state of the role-specific points of contact: one assignee per role.
 *
 * @example
 * const contacts = useRoleContacts();
 * contacts.roles.map((role) => (
 *   <ContactPicker key={role.id} {...contacts.field(`roles.${role.id}`)} label={role.label ?? role.id} />
 * ));
 */
export function useRoleContacts(options: ContactsSectionOptions = {}): RoleContactsState {
  const settings = useAccountSettings();
  const rolesQuery = useQuery(roleDefinitionsQueryOptions(settings));
  const roles = useMemo(() => rolesQuery.data ?? [], [rolesQuery.data]);
  // React Query shares structure between fetches, so `roles` only changes when the roles do.
  const config = useMemo(() => createRoleContactsConfig(roles), [roles]);
  const { refetch } = rolesQuery;
  const retryRoles = useCallback(() => void refetch(), [refetch]);
  const { state: section } = useContactsSection(config, {
    ...options,
    extraLoading: rolesQuery.isPending,
    extraLoadError: rolesQuery.isError && !rolesQuery.data ? rolesQuery.error : undefined,
    retryExtra: retryRoles,
  });
  return { ...section, roles };
}
