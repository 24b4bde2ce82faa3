import * as z from 'zod';
import { companyDetailsSchema } from './company.js';
import { emailSchema } from './email.js';

/** Where a user stands in the account. Deactivated users can be seen but never picked. */
export const userStatusSchema = z.enum(['active', 'invited', 'deactivated']);
export type UserStatus = z.infer<typeof userStatusSchema>;

export const userIdSchema = z.string().min(1).max(128);

/** A user of the account, as shown in pickers and contact lists. */
export const userSchema = z.object({
  id: userIdSchema,
  displayName: z.string().trim().min(1).max(200),
  email: emailSchema,
  status: userStatusSchema,
  avatarUrl: z.url({ protocol: /^https?$/ }).optional(),
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
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  viewer: viewerSchema,
  /** People who can change contacts or purchase, named to viewers who cannot. */
  administrators: z.array(userSchema),
  /** The company details invoices go to, when the account has them: they prefill the payment step. */
  billingDetails: companyDetailsSchema.optional(),
});
export type Account = z.infer<typeof accountSchema>;

/** One page of a user search. `nextCursor` is null on the last page. */
export const userPageSchema = z.object({
  users: z.array(userSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nonnegative(),
});
export type UserPage = z.infer<typeof userPageSchema>;

export const userSearchParamsSchema = z.object({
  query: z.string().max(200),
  cursor: z.string().nullable().optional(),
  limit: z.number().int().min(1).max(200).optional(),
  /** Also return deactivated users (shown, not selectable). Defaults to true. */
  includeDeactivated: z.boolean().optional(),
  /** Leave these users out, e.g. those already chosen elsewhere. */
  excludeIds: z.array(userIdSchema).max(100).optional(),
});
export type UserSearchParams = z.infer<typeof userSearchParamsSchema>;
