import * as z from 'zod/mini';
import { companyDetailsSchema } from './company.js';
import { emailSchema } from './email.js';

/** Where a user stands in the account. Deactivated users can be seen but never picked. */
export const userStatusSchema = z.enum(['active', 'invited', 'deactivated']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userIdSchema = z.string().check(z.minLength(1), z.maxLength(128));

/** A user of the account, as shown in pickers and contact lists. */
export const userSchema = z.object({
  id: userIdSchema,
  displayName: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  email: emailSchema,
  status: userStatusSchema,
  avatarUrl: z.optional(z.url({ protocol: /^https?$/ })),
});
export type User = z.infer<typeof userSchema>;

/** What the signed-in user may do. Screens read these to decide between edit and read-only. */
export const viewerPermissionsSchema = z.object({
  manageContacts: z.boolean(),
  manageBilling: z.boolean(),
  purchase: z.boolean(),
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
export const viewerSchema = z.object({
  user: userSchema,
  permissions: viewerPermissionsSchema,
});
export type Viewer = z.infer<typeof viewerSchema>;

/** The account being managed, who is looking at it, and who to ask when they may not act. */
export const accountSchema = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  viewer: viewerSchema,
  /** People who can change contacts or purchase, named to viewers who cannot. */
  administrators: z.array(userSchema),
  /** The company details invoices go to, when the account has them: they prefill the payment step. */
  billingDetails: z.optional(companyDetailsSchema),
});
export type Account = z.infer<typeof accountSchema>;

/** One page of a user search. `nextCursor` is null on the last page. */
export const userPageSchema = z.object({
  users: z.array(userSchema),
  nextCursor: z.nullable(z.string()),
  total: z.int().check(z.nonnegative()),
});
export type UserPage = z.infer<typeof userPageSchema>;

export const userSearchParamsSchema = z.object({
  query: z.string().check(z.maxLength(200)),
  cursor: z.optional(z.nullable(z.string())),
  limit: z.optional(z.int().check(z.gte(1), z.lte(200))),
  /** Also return deactivated users (shown, not selectable). Defaults to true. */
  includeDeactivated: z.optional(z.boolean()),
  /** Leave these users out, e.g. those already chosen elsewhere. */
  excludeIds: z.optional(z.array(userIdSchema).check(z.maxLength(100))),
});
export type UserSearchParams = z.infer<typeof userSearchParamsSchema>;
