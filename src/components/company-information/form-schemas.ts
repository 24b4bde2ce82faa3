import * as z from 'zod/mini';
import type { FieldIssue } from '../../adapter/errors.js';
import type { FieldPath } from '../../lib/form/use-form.js';
import {
  assigneeSchema,
  MAX_BILLING_CONTACTS,
  type AccountContacts,
  type Assignee,
  type AssigneeInput,
  type ContactsSection,
  type ContactsUpdate,
  type RoleDefinition,
} from '../../schemas/contacts.js';

/** A section's form schema: `z.input` is what the form holds, `z.output` what a valid save has. */
export type ContactsFormSchema = z.ZodMiniType<Record<string, unknown>, Record<string, unknown>>;

/** A whole form's values. */
export type ContactsFormValues<S extends ContactsFormSchema> = z.input<S>;

/**
 * Everything that differs between the contacts sections, as plain functions of the contacts:
 * the shared engine (`useContactsSection`) does the loading, saving, rollback and conflicts.
 */
export interface ContactsSectionConfig<S extends ContactsFormSchema> {
  /** Names the section in analytics events. */
  section: ContactsSection;
  schema: S;
  /** The form's values for the stored contacts. */
  toValues: (contacts: AccountContacts) => ContactsFormValues<S>;
  /**
   * The change a valid form saves: only what differs from `base`, the contacts the form was
   * loaded from, so a save on top of someone else's version never reverts what this admin did
   * not touch. The other sections' contacts are left out.
   */
  toUpdate: (values: z.output<S>, base: AccountContacts) => ContactsUpdate;
  /** The contacts as they will read once `update` succeeds: shown at once, rolled back on failure. */
  applyOptimistically: (
    contacts: AccountContacts,
    values: z.output<S>,
    update: ContactsUpdate,
  ) => AccountContacts;
  /** The form field a server issue (`['billingContactIds', 1]`) belongs to, or `null` when none does. */
  issueField: (issue: FieldIssue) => FieldPath<z.input<S>> | null;
}

/** A user-only assignee (primary and billing contacts are always users). */
type UserAssignee = Extract<Assignee, { kind: 'user' }>;
const userAssigneeSchema = z.pipe(
  assigneeSchema.check(z.refine((value) => value.kind === 'user', { error: 'externalEmailNotAllowed' })),
  // Only users pass the refinement above; the cast tells the output type so.
  z.transform((value) => value as UserAssignee),
);

export const primaryContactFormSchema = z.object({
  // The account always has one: it can be replaced, never removed (cleared, or Escape twice).
  primaryContact: z.pipe(
    z
      .nullable(userAssigneeSchema)
      .check(z.refine((value) => value !== null, { error: 'primaryContactRequired' })),
    // Only a user passes the refinement above; the cast tells the output type so.
    z.transform((value) => value as UserAssignee),
  ),
});

/** The primary account contact: exactly one user. */
export const primaryContactConfig: ContactsSectionConfig<typeof primaryContactFormSchema> = {
  section: 'primary',
  schema: primaryContactFormSchema,
  toValues: (contacts) => ({
    primaryContact: contacts.primaryContact ? { kind: 'user', user: contacts.primaryContact } : null,
  }),
  toUpdate: ({ primaryContact }) => ({ primaryContactId: primaryContact.user.id }),
  applyOptimistically: (contacts, { primaryContact }) => ({
    ...contacts,
    primaryContact: primaryContact.user,
  }),
  issueField: (issue) => (issue.path[0] === 'primaryContactId' ? 'primaryContact' : null),
};

export const billingContactsFormSchema = z.object({
  billingContacts: z
    .array(
      z.object({
        contact: z.pipe(
          z
            .nullable(userAssigneeSchema)
            .check(z.refine((value) => value !== null, { error: 'userRequired' })),
          // Empty rows fail the refinement above.
          z.transform((value) => value as UserAssignee),
        ),
      }),
    )
    .check(
      z.maxLength(MAX_BILLING_CONTACTS, { error: 'billingContactsTooMany' }),
      // Rows that failed their own checks (still empty, an email) arrive here too: the list is
      // checked as entered, not as its rows' types promise after a successful parse.
      z.superRefine((rows: { contact: Assignee | null }[], ctx) => {
        const seen = new Set<string>();
        rows.forEach((row, index) => {
          if (row.contact?.kind !== 'user') return;
          if (seen.has(row.contact.user.id)) {
            ctx.addIssue({ code: 'custom', path: [index, 'contact'], message: 'billingContactsDuplicate' });
          }
          seen.add(row.contact.user.id);
        });
      }),
    ),
});

type BillingRows = z.output<typeof billingContactsFormSchema>['billingContacts'];

/** A valid list's users: every row holds one (see the rows' refinements). */
function billingUsers(rows: BillingRows) {
  return rows.map((row) => row.contact.user);
}

/** Billing contacts: up to three distinct users, one form row each. */
export const billingContactsConfig: ContactsSectionConfig<typeof billingContactsFormSchema> = {
  section: 'billing',
  schema: billingContactsFormSchema,
  toValues: (contacts) => ({
    billingContacts: contacts.billingContacts.map((user) => ({ contact: { kind: 'user', user } })),
  }),
  toUpdate: ({ billingContacts }) => ({
    billingContactIds: billingUsers(billingContacts).map((user) => user.id),
  }),
  applyOptimistically: (contacts, { billingContacts }) => ({
    ...contacts,
    billingContacts: billingUsers(billingContacts),
  }),
  issueField: (issue) => {
    if (issue.path[0] !== 'billingContactIds') return null;
    const index = issue.path[1];
    return typeof index === 'number' ? `billingContacts.${index}.contact` : 'billingContacts';
  },
};

/** Role contacts, validated against which roles accept an external email. */
export function createRoleContactsFormSchema(externalEmailRoleIds: string[]) {
  return z.object({
    roles: z.record(z.string(), z.nullable(assigneeSchema)).check(
      z.superRefine((roles, ctx) => {
        for (const [roleId, assignee] of Object.entries(roles)) {
          if (assignee?.kind === 'email' && !externalEmailRoleIds.includes(roleId)) {
            ctx.addIssue({ code: 'custom', path: [roleId], message: 'externalEmailNotAllowed' });
          }
        }
      }),
    ),
  });
}

type RoleContactsFormSchema = ReturnType<typeof createRoleContactsFormSchema>;

/** Role-specific contacts: one assignee or nobody per role the account defines. */
export function createRoleContactsConfig(
  roles: RoleDefinition[],
): ContactsSectionConfig<RoleContactsFormSchema> {
  return {
    section: 'roles',
    schema: createRoleContactsFormSchema(
      roles.filter((role) => role.acceptsExternalEmail).map((role) => role.id),
    ),
    toValues: (contacts) => ({
      roles: Object.fromEntries(roles.map((role) => [role.id, contacts.roleContacts[role.id] ?? null])),
    }),
    toUpdate: ({ roles: assignees }, base) => ({
      roleContacts: Object.fromEntries(
        Object.entries(assignees)
          .filter(([roleId, assignee]) => !sameAssignee(assignee, base.roleContacts[roleId] ?? null))
          .map(([roleId, assignee]) => [roleId, assignee && assigneeInput(assignee)]),
      ),
    }),
    applyOptimistically: (contacts, { roles: assignees }, update) => {
      const changed = Object.keys(update.roleContacts ?? {});
      const merged: Record<string, Assignee | null> = { ...contacts.roleContacts };
      for (const roleId of changed) merged[roleId] = assignees[roleId] ?? null;
      return {
        ...contacts,
        roleContacts: Object.fromEntries(
          Object.entries(merged).filter((entry): entry is [string, Assignee] => entry[1] !== null),
        ),
      };
    },
    issueField: (issue) => {
      const roleId = issue.path[1];
      return issue.path[0] === 'roleContacts' && typeof roleId === 'string' ? `roles.${roleId}` : null;
    },
  };
}

/** Whether two assignees name the same person (a user by id, an address ignoring case). */
function sameAssignee(a: Assignee | null, b: Assignee | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'user') return b.kind === 'user' && a.user.id === b.user.id;
  return b.kind === 'email' && a.email.toLowerCase() === b.email.toLowerCase();
}

function sameInput(input: AssigneeInput | null, held: Assignee | null): boolean {
  if (input === null || held === null) return input === held;
  if (input.kind === 'user') return held.kind === 'user' && held.user.id === input.userId;
  return held.kind === 'email' && held.email.toLowerCase() === input.email.toLowerCase();
}

/**
 * Whether `contacts` already hold everything `update` asks for: a save whose answer was lost
 * (or that conflicts with a version holding the same change) has nothing left to do.
 *
 * @example
 * isUpdateApplied({ primaryContactId: 'u008' }, contacts) // true when u008 is the primary contact
 */
export function isUpdateApplied(update: ContactsUpdate, contacts: AccountContacts): boolean {
  if (
    update.primaryContactId !== undefined &&
    update.primaryContactId !== (contacts.primaryContact?.id ?? null)
  )
    return false;
  if (update.billingContactIds !== undefined) {
    const held = contacts.billingContacts.map((user) => user.id);
    if (held.length !== update.billingContactIds.length) return false;
    if (update.billingContactIds.some((id, index) => held[index] !== id)) return false;
  }
  return Object.entries(update.roleContacts ?? {}).every(([roleId, input]) =>
    sameInput(input, contacts.roleContacts[roleId] ?? null),
  );
}

function assigneeInput(assignee: Assignee): AssigneeInput {
  return assignee.kind === 'user'
    ? { kind: 'user', userId: assignee.user.id }
    : { kind: 'email', email: assignee.email };
}
