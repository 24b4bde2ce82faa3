import * as z from 'zod/mini';
import { cardBrandSchema } from './billing.js';
import { billingIntervalSchema, currencySchema, minorUnitsSchema } from './catalog.js';
import { userIdSchema, userSchema } from './user.js';

// What the billing overview, the payment methods screen and the seat assignments read and
// write. A subscription is per product (Marketing Hub, Sales Hub, …): each has its own tier,
// interval and seats, and all are charged to the account's default card.

/** Whether a product's subscription is running, waiting for a failed charge, or ends at the period's end. */
export const subscriptionStatusSchema = /* @__PURE__ */ z.enum(['active', 'past_due', 'canceled']);
export type SubscriptionStatus = z.infer<typeof subscriptionStatusSchema>;

/**
 * The card a subscription is charged to, as much of it as every viewer may see: enough to name it
 * and to warn when it expires, even to viewers who may not open the payment methods.
 */
export const chargedCardSchema = /* @__PURE__ */ z.object({
  id: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  brand: cardBrandSchema,
  last4: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.regex(/^\d{4}$/)),
  expMonth: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(1), /* @__PURE__ */ z.lte(12)),
  expYear: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(2000), /* @__PURE__ */ z.lte(2100)),
});
export type ChargedCard = z.infer<typeof chargedCardSchema>;

/** The next charge of a subscription: its date and amount (before tax), in the subscription's currency. */
export const nextChargeSchema = /* @__PURE__ */ z.object({
  date: z.iso.date(),
  amount: minorUnitsSchema,
});
export type NextCharge = z.infer<typeof nextChargeSchema>;

/**
 * The account's subscription of one product, as the billing overview shows it. Tier and product
 * names come from the catalog (`getCatalog`), in the viewer's language.
 *
 * @example
 * { productId: 'sales', tierId: 'sales-starter', status: 'active', interval: 'monthly',
 *   currency: 'EUR', pricing: 'per_seat', seatsBought: 5, seatsAssigned: 4, price: 5400,
 *   nextCharge: { date: '2025-07-01', amount: 5400 },
 *   paymentMethod: { id: 'pm_visa_4242', brand: 'visa', last4: '4242', expMonth: 8, expYear: 2027 } }
 */
export const productSubscriptionSchema = /* @__PURE__ */ z.object({
  productId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  tierId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  status: subscriptionStatusSchema,
  interval: billingIntervalSchema,
  currency: currencySchema,
  /** `per_seat` subscriptions have seats to assign (`getSeatAssignments`); flat ones have none. */
  pricing: /* @__PURE__ */ z.enum(['flat', 'per_seat']),
  /** Seats paid for, the tier's included seats among them; 0 for flat tiers. */
  seatsBought: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  /** Seats held by users, deactivated holders included; 0 for flat tiers. */
  seatsAssigned: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  /** What one billing period costs, before tax. */
  price: minorUnitsSchema,
  /** Null when the subscription is canceled and will not be charged again. */
  nextCharge: /* @__PURE__ */ z.nullable(nextChargeSchema),
  /** The card the next charge goes to: the account's default card, or null when it has none. */
  paymentMethod: /* @__PURE__ */ z.nullable(chargedCardSchema),
});
export type ProductSubscription = z.infer<typeof productSubscriptionSchema>;

/**
 * A card to save from a token of `tokenizeCard`. The token is single use; the card's number never
 * travels with it.
 */
export const paymentMethodInputSchema = /* @__PURE__ */ z.object({
  token: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(200)),
  sharedWithAdmins: /* @__PURE__ */ z.boolean(),
  /** Make the new card the default the subscriptions are charged to. The account's first card always is. */
  makeDefault: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.boolean()),
});
export type PaymentMethodInput = z.infer<typeof paymentMethodInputSchema>;

/** Body of a sharing change: share the card with the account's other admins, or stop sharing it. */
export const paymentMethodSharingSchema = /* @__PURE__ */ z.object({
  sharedWithAdmins: /* @__PURE__ */ z.boolean(),
});
export type PaymentMethodSharing = z.infer<typeof paymentMethodSharingSchema>;

/** At most this many users are assigned or unassigned in one change. */
export const MAX_SEAT_CHANGES = 1000;

/**
 * Who holds a seat of one per-seat product, and how many were bought. Deactivated holders stay
 * until removed (their `status` says so); a seat of a deactivated user is still a paid seat.
 * `version` guards against overwriting others' changes, as the contacts' does.
 */
export const productSeatsSchema = /* @__PURE__ */ z.object({
  productId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  tierId: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  version: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  seatsBought: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  /** Every holder, ordered by display name. */
  holders: /* @__PURE__ */ z.array(userSchema),
  updatedAt: z.iso.datetime(),
  /** Display name of whoever changed the seats last, for conflict messages. */
  updatedBy: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.string()),
});
export type ProductSeats = z.infer<typeof productSeatsSchema>;

const distinctUserIds = /* @__PURE__ */ z.array(userIdSchema).check(
  /* @__PURE__ */ z.maxLength(MAX_SEAT_CHANGES, { error: 'invalid' }),
  /* @__PURE__ */ z.refine((ids) => new Set(ids).size === ids.length, { error: 'seatsDuplicate' }),
);

/**
 * A change to a product's seats: users who get one, users who lose theirs. Assigning a holder or
 * unassigning someone without a seat changes nothing; a user cannot be in both lists.
 *
 * @example
 * adapter.updateSeatAssignments('sales', { assign: ['u012'], unassign: ['u015'] }, { expectedVersion: 3 });
 */
export const seatAssignmentsUpdateSchema = /* @__PURE__ */ z
  .object({
    assign: distinctUserIds,
    unassign: distinctUserIds,
  })
  .check(
    /* @__PURE__ */ z.superRefine((update, ctx) => {
      const unassigned = new Set(update.unassign);
      update.assign.forEach((id, index) => {
        if (unassigned.has(id)) ctx.addIssue({ code: 'custom', path: ['assign', index], message: 'invalid' });
      });
    }),
  );
export type SeatAssignmentsUpdate = z.infer<typeof seatAssignmentsUpdateSchema>;

/** Whether a card can be charged: `expiring` means it expires this month or next. */
export type CardExpiryStatus = 'valid' | 'expiring' | 'expired';

/**
 * Where a card stands on `today`: a card is good through the last day of its expiry month, and
 * `expiring` from the month before. The overview and the payment methods screen warn on both.
 *
 * @example
 * cardExpiryStatus({ expMonth: 6, expYear: 2025 }, new Date('2025-05-10')) // 'expiring'
 * cardExpiryStatus({ expMonth: 4, expYear: 2025 }, new Date('2025-05-10')) // 'expired'
 */
export function cardExpiryStatus(
  card: { expMonth: number; expYear: number },
  today: Date = new Date(),
): CardExpiryStatus {
  const current = today.getFullYear() * 12 + today.getMonth();
  const expires = card.expYear * 12 + (card.expMonth - 1);
  if (expires < current) return 'expired';
  return expires <= current + 1 ? 'expiring' : 'valid';
}
