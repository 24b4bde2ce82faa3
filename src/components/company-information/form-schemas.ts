import * as z from 'zod';
import {
  assigneeSchema,
  MAX_BILLING_CONTACTS,
  type AccountContacts,
  type Assignee,
  type ContactsUpdate,
} from '../../schemas/contacts.js';

/** A user-only assignee (primary and billing contacts are always users). */
const userAssigneeSchema = assigneeSchema.refine((value) => value.kind === 'user', {
  error: 'externalEmailNotAllowed',
});

export const primaryContactFormSchema = z.object({
  primaryContact: userAssigneeSchema.nullable(),
});
export type PrimaryContactFormValues = z.input<typeof primaryContactFormSchema>;

export const billingContactsFormSchema = z.object({
  billingContacts: z
    .array(
      z.object({
        contact: userAssigneeSchema.nullable().refine((value) => value !== null, { error: 'userRequired' }),
      }),
    )
    .max(MAX_BILLING_CONTACTS, { error: 'billingContactsTooMany' })
    .superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((row, index) => {
        // Rows that failed their own check (still empty) arrive here too.
        const contact = row.contact as Assignee | null;
        if (contact?.kind !== 'user') return;
        if (seen.has(contact.user.id)) {
          ctx.addIssue({ code: 'custom', path: [index, 'contact'], message: 'billingContactsDuplicate' });
        }
        seen.add(contact.user.id);
      });
    }),
});
export type BillingContactsFormValues = z.input<typeof billingContactsFormSchema>;

/** Role contacts, validated against which roles accept an external email. */
export function createRoleContactsFormSchema(externalEmailRoleIds: string[]) {
  return z.object({
    roles: z.record(z.string(), assigneeSchema.nullable()).superRefine((roles, ctx) => {
      for (const [roleId, assignee] of Object.entries(roles)) {
        if (assignee?.kind === 'email' && !externalEmailRoleIds.includes(roleId)) {
          ctx.addIssue({ code: 'custom', path: [roleId], message: 'externalEmailNotAllowed' });
        }
      }
    }),
  });
}
export type RoleContactsFormValues = { roles: Record<string, Assignee | null> };

export function primaryContactValues(contacts: AccountContacts): PrimaryContactFormValues {
  return { primaryContact: contacts.primaryContact ? { kind: 'user', user: contacts.primaryContact } : null };
}

export function billingContactsValues(contacts: AccountContacts): BillingContactsFormValues {
  return { billingContacts: contacts.billingContacts.map((user) => ({ contact: { kind: 'user', user } })) };
}

export function roleContactsValues(contacts: AccountContacts, roleIds: string[]): RoleContactsFormValues {
  return {
    roles: Object.fromEntries(roleIds.map((roleId) => [roleId, contacts.roleContacts[roleId] ?? null])),
  };
}

export function primaryContactUpdate(values: PrimaryContactFormValues): ContactsUpdate {
  return { primaryContactId: values.primaryContact?.kind === 'user' ? values.primaryContact.user.id : null };
}

export function billingContactsUpdate(values: BillingContactsFormValues): ContactsUpdate {
  return {
    billingContactIds: values.billingContacts.flatMap((row) =>
      row.contact?.kind === 'user' ? [row.contact.user.id] : [],
    ),
  };
}

export function roleContactsUpdate(values: RoleContactsFormValues): ContactsUpdate {
  return {
    roleContacts: Object.fromEntries(
      Object.entries(values.roles).map(([roleId, assignee]) => [
        roleId,
        assignee === null
          ? null
          : assignee.kind === 'user'
            ? { kind: 'user' as const, userId: assignee.user.id }
            : { kind: 'email' as const, email: assignee.email },
      ]),
    ),
  };
}

/** The contacts as they will read after `update` succeeds, for optimistic display. */
export function applyOptimistically(
  contacts: AccountContacts,
  section: 'primary' | 'billing' | 'roles',
  values: PrimaryContactFormValues | BillingContactsFormValues | RoleContactsFormValues,
): AccountContacts {
  if (section === 'primary') {
    const { primaryContact } = values as PrimaryContactFormValues;
    return { ...contacts, primaryContact: primaryContact?.kind === 'user' ? primaryContact.user : null };
  }
  if (section === 'billing') {
    const { billingContacts } = values as BillingContactsFormValues;
    return {
      ...contacts,
      billingContacts: billingContacts.flatMap((row) =>
        row.contact?.kind === 'user' ? [row.contact.user] : [],
      ),
    };
  }
  const { roles } = values as RoleContactsFormValues;
  const merged: Record<string, Assignee | null> = { ...contacts.roleContacts, ...roles };
  return {
    ...contacts,
    roleContacts: Object.fromEntries(
      Object.entries(merged).filter((entry): entry is [string, Assignee] => entry[1] !== null),
    ),
  };
}
