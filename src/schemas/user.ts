import * as z from 'zod/mini';
import { companyDetailsSchema } from './company.js';
import { emailSchema } from './email.js';

/** Where a user stands in the account. Deactivated users can be seen but never picked. */
export const userStatusSchema = /* @__PURE__ */ z.enum(['active', 'invited', 'deactivated']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userIdSchema = /* @__PURE__ */ z
  .string()
  .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(128));

/** A user of the account, as shown in pickers and contact lists. */
export const userSchema = /* @__PURE__ */ z.object({
  id: userIdSchema,
  displayName: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
  email: emailSchema,
  status: userStatusSchema,
  avatarUrl: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.url({ protocol: /^https?$/ })),
});
export type User = z.infer<typeof userSchema>;

/** What the signed-in user may do. Screens read these to decide between edit and read-only. */
export const viewerPermissionsSchema = /* @__PURE__ */ z.object({
  manageContacts: /* @__PURE__ */ z.boolean(),
  manageBilling: /* @__PURE__ */ z.boolean(),
  purchase: /* @__PURE__ */ z.boolean(),
});
export type ViewerPermissions = z.infer<typeof viewerPermissionsSchema>;

/** What a purchase needs: pricing it, adding a card and placing it. Screens and adapters share it. */
export const PURCHASE_PERMISSIONS = [
  'purchase',
  'manageBilling',
] as const satisfies readonly (keyof ViewerPermissions)[];

/**
 * Whether a viewer may price, pay for and place an order. Permissions not known yet (still
 * loading, failed to load) never may: the rule fails closed.
 *
 * @example
 * if (!canPurchase(account?.viewer.permissions)) return <NotAllowed />;
 */
export function canPurchase(permissions: ViewerPermissions | null | undefined): boolean {
  return permissions != null && PURCHASE_PERMISSIONS.every((permission) => permissions[permission]);
}

/** The signed-in user and their permissions. */
export const viewerSchema = /* @__PURE__ */ z.object({
  user: userSchema,
  permissions: viewerPermissionsSchema,
});
export type Viewer = z.infer<typeof viewerSchema>;

/** The account being managed, who is looking at it, and who to ask when they may not act. */
export const accountSchema = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  name: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.trim(), /* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
  viewer: viewerSchema,
  /** People who can change contacts or purchase, named to viewers who cannot. */
  administrators: /* @__PURE__ */ z.array(userSchema),
  /** The company details invoices go to, when the account has them: they prefill the payment step. */
  billingDetails: /* @__PURE__ */ z.optional(companyDetailsSchema),
});
export type Account = z.infer<typeof accountSchema>;

/** One page of a user search. `nextCursor` is null on the last page. */
export const userPageSchema = /* @__PURE__ */ z.object({
  users: /* @__PURE__ */ z.array(userSchema),
  nextCursor: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
  total: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
});
export type UserPage = z.infer<typeof userPageSchema>;

export const userSearchParamsSchema = /* @__PURE__ */ z.object({
  query: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)),
  cursor: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string())),
  limit: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(200)),
  ),
  /** Also return deactivated users (shown, not selectable). Defaults to true. */
  includeDeactivated: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
  /** Leave these users out, e.g. those already chosen elsewhere. */
  excludeIds: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.array(userIdSchema).check(/* @__PURE__ */ z.maxLength(100)),
  ),
});
export type UserSearchParams = z.infer<typeof userSearchParamsSchema>;
