import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { FieldIssue } from '../../adapter/errors.js';
import { useAccountSettings } from '../../provider/context.js';
import { roleDefinitionsQueryOptions } from '../../queries/index.js';
import { MAX_BILLING_CONTACTS, type AccountContacts } from '../../schemas/contacts.js';
import {
  billingContactsFormSchema,
  billingContactsUpdate,
  billingContactsValues,
  createRoleContactsFormSchema,
  primaryContactFormSchema,
  primaryContactUpdate,
  primaryContactValues,
  roleContactsUpdate,
  roleContactsValues,
  type BillingContactsFormValues,
  type PrimaryContactFormValues,
  type RoleContactsFormValues,
} from './form-schemas.js';
import { useContactsSection } from './use-contacts-section.js';

export interface ContactsSectionOptions {
  /** Called when the section gains or loses unsaved edits, e.g. to guard the host's router. */
  onDirtyChange?: (dirty: boolean) => void;
}

function primaryIssueField(issue: FieldIssue) {
  return issue.path[0] === 'primaryContactId' ? ('primaryContact' as const) : null;
}

/**
 * Headless state of the primary account contact section: the form, save/cancel, conflict and
 * read-only handling.
 *
 * @example
 * const primary = usePrimaryContact();
 * <form onSubmit={(e) => { e.preventDefault(); primary.submit(); }}>…</form>
 */
export function usePrimaryContact(options: ContactsSectionOptions = {}) {
  return useContactsSection<PrimaryContactFormValues>({
    section: 'primary',
    schema: primaryContactFormSchema,
    toValues: primaryContactValues,
    toUpdate: primaryContactUpdate,
    issueField: primaryIssueField,
    ...options,
  });
}

function billingIssueField(issue: FieldIssue) {
  if (issue.path[0] !== 'billingContactIds') return null;
  const index = issue.path[1];
  return typeof index === 'number'
    ? (`billingContacts.${index}.contact` as const)
    : ('billingContacts' as const);
}

/**
 * Headless state of the billing contacts list: up to three distinct users, rows added and
 * removed, plus everything `usePrimaryContact` offers.
 */
export function useBillingContacts(options: ContactsSectionOptions = {}) {
  const section = useContactsSection<BillingContactsFormValues>({
    section: 'billing',
    schema: billingContactsFormSchema,
    toValues: billingContactsValues,
    toUpdate: billingContactsUpdate,
    issueField: billingIssueField,
    ...options,
  });
  const rows = useFieldArray({ control: section.form.control, name: 'billingContacts' });
  const values = useWatch({ control: section.form.control, name: 'billingContacts' }) as
    BillingContactsFormValues['billingContacts'] | undefined;
  const chosenIds = useMemo(
    () => (values ?? []).flatMap((row) => (row.contact?.kind === 'user' ? [row.contact.user.id] : [])),
    [values],
  );
  const canAdd = rows.fields.length < MAX_BILLING_CONTACTS && !section.readOnly;
  const { append, remove } = rows;
  return {
    ...section,
    rows: rows.fields,
    chosenIds,
    canAdd,
    limitReached: rows.fields.length >= MAX_BILLING_CONTACTS,
    max: MAX_BILLING_CONTACTS,
    addRow: useCallback(() => {
      append({ contact: null }, { shouldFocus: true });
    }, [append]),
    removeRow: useCallback((index: number) => remove(index), [remove]),
  };
}

/** Headless state of the role-specific points of contact: one assignee per role. */
export function useRoleContacts(options: ContactsSectionOptions = {}) {
  const settings = useAccountSettings();
  const rolesQuery = useQuery(roleDefinitionsQueryOptions(settings));
  const roles = useMemo(() => rolesQuery.data ?? [], [rolesQuery.data]);
  // React Query shares structure between fetches, so `roles` only changes when the roles do.
  const schema = useMemo(
    () =>
      createRoleContactsFormSchema(roles.filter((role) => role.acceptsExternalEmail).map((role) => role.id)),
    [roles],
  );
  const toValues = useCallback(
    (contacts: AccountContacts) =>
      roleContactsValues(
        contacts,
        roles.map((role) => role.id),
      ),
    [roles],
  );
  const issueField = useCallback((issue: FieldIssue) => {
    const roleId = issue.path[1];
    return issue.path[0] === 'roleContacts' && typeof roleId === 'string'
      ? (`roles.${roleId}` as const)
      : null;
  }, []);
  const section = useContactsSection<RoleContactsFormValues>({
    section: 'roles',
    schema,
    toValues,
    toUpdate: roleContactsUpdate,
    issueField,
    extraLoading: rolesQuery.isPending,
    ...options,
  });
  return { ...section, roles };
}
