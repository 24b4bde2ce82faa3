import * as z from 'zod/mini';
import { emailSchema } from './email.js';
import { userIdSchema, userSchema } from './user.js';

/** At most this many billing contacts per account. Enforced by UI, schema and adapters. */
export const MAX_BILLING_CONTACTS = 3;

/** The four roles every account has. Hosts may add their own. */
export const BUILT_IN_ROLE_IDS = ['decisionMaker', 'onboarding', 'security', 'technicalAdmin'] as const;
export type BuiltInRoleId = (typeof BUILT_IN_ROLE_IDS)[number];

/**
 * Whether `roleId` is one of the four built-in roles, whose label and description come from
 * the message catalog (`roleContacts.roles.<id>`); other roles bring their own.
 *
 * @example
 * isBuiltInRoleId('security') // true
 * isBuiltInRoleId('dataProtectionOfficer') // false
 */
export function isBuiltInRoleId(roleId: string): roleId is BuiltInRoleId {
  return BUILT_IN_ROLE_IDS.some((id) => id === roleId);
}

export const roleIdSchema = /* @__PURE__ */ z
  .string()
  .check(
    /* @__PURE__ */ z.minLength(1),
    /* @__PURE__ */ z.maxLength(64),
    /* @__PURE__ */ z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/),
  );

/**
 * A role whose holder the account names. Built-in roles take their label and description from
 * the message catalog; host roles bring their own (already in the viewer's language).
 */
export const roleDefinitionSchema = /* @__PURE__ */ z.object({
  id: roleIdSchema,
  label: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z
      .string()
      .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(120)),
  ),
  description: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.maxLength(400)),
  ),
  /** Whether a person who is not a user may hold the role, named by email. */
  acceptsExternalEmail: /* @__PURE__ */ z.boolean(),
});
export type RoleDefinition = z.infer<typeof roleDefinitionSchema>;

/** Who holds a role, as written: a user by id, or an external email where the role allows it. */
export const assigneeInputSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('user'), userId: userIdSchema }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('email'), email: emailSchema }),
]);
export type AssigneeInput = z.infer<typeof assigneeInputSchema>;

/** Who holds a role, as read: the whole user, or the external email. */
export const assigneeSchema = /* @__PURE__ */ z.discriminatedUnion('kind', [
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('user'), user: userSchema }),
  /* @__PURE__ */ z.object({ kind: /* @__PURE__ */ z.literal('email'), email: emailSchema }),
]);
export type Assignee = z.infer<typeof assigneeSchema>;

/** Billing contacts: up to three, each user once. Message keys are in the `validation` catalog. */
export const billingContactIdsSchema = /* @__PURE__ */ z.array(userIdSchema).check(
  /* @__PURE__ */ z.maxLength(MAX_BILLING_CONTACTS, { error: 'billingContactsTooMany' }),
  /* @__PURE__ */ z.refine((ids) => new Set(ids).size === ids.length, { error: 'billingContactsDuplicate' }),
);

/** The parts of the contacts that are edited and saved on their own: primary, billing, roles. */
export const contactsSectionSchema = /* @__PURE__ */ z.enum(['primary', 'billing', 'roles']);

/** When a part of the contacts last changed, and who changed it (a display name, if known). */
export const contactsChangeSchema = /* @__PURE__ */ z.object({
  updatedAt: z.iso.datetime(),
  updatedBy: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
});
export type ContactsChange = z.infer<typeof contactsChangeSchema>;

/** The account's points of contact, as read. `version` guards against overwriting others' edits. */
export const accountContactsSchema = /* @__PURE__ */ z.object({
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  primaryContact: /* @__PURE__ */ z.nullable(userSchema),
  billingContacts: /* @__PURE__ */ z
    .array(userSchema)
    .check(/* @__PURE__ */ z.maxLength(MAX_BILLING_CONTACTS)),
  roleContacts: /* @__PURE__ */ z.record(roleIdSchema, assigneeSchema),
  updatedAt: z.iso.datetime(),
  /** Display name of whoever saved last, for conflict messages. */
  updatedBy: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  /**
   * The last change of each section, for "Last changed by … on …". Optional: without it each
   * section shows the last change of the contacts as a whole.
   */
  sectionChanges: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.partialRecord(contactsSectionSchema, contactsChangeSchema),
  ),
});
export type AccountContacts = z.infer<typeof accountContactsSchema>;

/**
 * A change to some of the contacts. Omitted sections are left as they are; a role set to
 * `null` is cleared. The primary contact can be changed, never removed: the account has
 * exactly one, so `primaryContactId: null` is refused with `primaryContactRequired`.
 */
export const contactsUpdateSchema = /* @__PURE__ */ z.object({
  primaryContactId: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z
      .string({ error: (issue) => (issue.input === null ? 'primaryContactRequired' : undefined) })
      .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128)),
  ),
  billingContactIds: /* @__PURE__ */ z.optional(billingContactIdsSchema),
  roleContacts: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.record(roleIdSchema, /* @__PURE__ */ z.nullable(assigneeInputSchema)),
  ),
});
export type ContactsUpdate = z.infer<typeof contactsUpdateSchema>;

/** The parts of the contacts that are edited and saved on their own: primary, billing, roles. */
export type ContactsSection = z.infer<typeof contactsSectionSchema>;
