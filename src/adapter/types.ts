import type { CardInput } from '../schemas/card.js';
import type {
  Account,
  AccountContacts,
  Catalog,
  ContactsUpdate,
  Currency,
  OrderDraft,
  OrderResult,
  PaymentMethod,
  PaymentMethodInput,
  ProductSubscription,
  UpgradeRequest,
  UpgradeRequestResult,
  Quote,
  RoleDefinition,
  ProductSeats,
  SeatAssignmentsUpdate,
  User,
  UserPage,
  UserSearchParams,
} from '../schemas/index.js';

/** Options every read accepts: a signal to abort it when its result is no longer wanted. */
export interface ReadOptions {
  signal?: AbortSignal;
}

/** Options of `getCatalog`: besides the signal, the language tier names and features are wanted in. */
export interface CatalogReadOptions extends ReadOptions {
  /** The viewer's BCP 47 locale, e.g. `de-AT`. An adapter without translations ignores it. */
  locale?: string;
}

/** Options of a write to something versioned: the version it was read at. */
export interface VersionedWriteOptions {
  /** The `version` the change was made on; another stored version fails with `conflict`. */
  expectedVersion: number;
}

/**
 * Every read and write the screens make. Implement it against your backend, or use
 * `createMemoryAdapter` (demo, tests, Storybook). Implementations throw `AdapterError` and
 * must enforce the same rules the schemas state; the screens never trust themselves alone.
 *
 * @example
 * const adapter: AccountAdapter = {
 *   getAccount: ({ signal } = {}) => api.get('/account', { signal }),
 *   // …
 * };
 */
export interface AccountAdapter {
  /** The account, the signed-in viewer with their permissions, and its administrators. */
  getAccount(options?: ReadOptions): Promise<Account>;
  /** Server-side user search: matches name or email, paginated by an opaque cursor. */
  searchUsers(params: UserSearchParams, options?: ReadOptions): Promise<UserPage>;
  /** Users by id, in any order; unknown ids are left out. */
  getUsersByIds(ids: string[], options?: ReadOptions): Promise<User[]>;
  getContacts(options?: ReadOptions): Promise<AccountContacts>;
  /**
   * Changes some contacts. Throws `conflict` (with `current`) when `expectedVersion` is not the
   * stored version, and `validation` with field issues when a rule is broken.
   */
  updateContacts(update: ContactsUpdate, options: { expectedVersion: number }): Promise<AccountContacts>;
  getRoleDefinitions(options?: ReadOptions): Promise<RoleDefinition[]>;
  /**
   * Products, tiers and prices, and the account's current subscription. `currency` (default: the
   * account's) is the one the catalog names as its own; tier names and features are in
   * `options.locale` where the adapter has them.
   */
  getCatalog(currency: Currency | undefined, options?: CatalogReadOptions): Promise<Catalog>;
  /**
   * The account's subscription of each product it has, with the card each is charged to. Every
   * viewer may read it; changing anything needs `manageBilling`.
   */
  getSubscriptions(options?: ReadOptions): Promise<ProductSubscription[]>;
  /** The viewer's own payment methods and those other admins shared. Needs `manageBilling`. */
  getPaymentMethods(options?: ReadOptions): Promise<PaymentMethod[]>;
  /**
   * Hands raw card data to the payment provider and returns a single-use token. The only
   * place a card number ever goes. Needs `manageBilling` (a card on file is not a purchase).
   */
  tokenizeCard(card: CardInput): Promise<{ token: string }>;
  /**
   * Saves a card from a `tokenizeCard` token as the viewer's. Throws `validation`
   * (`cardTokenInvalid`) for an unknown or used token. Needs `manageBilling`.
   */
  createPaymentMethod(input: PaymentMethodInput): Promise<PaymentMethod>;
  /**
   * Makes a card the default every subscription is charged to, and returns the payment methods
   * as they now are. Throws `validation` (`paymentMethodExpired`) for an expired card, `conflict`
   * (with the current payment methods) when the card's `version` moved on, `not_found` for a card
   * the viewer cannot see. Needs `manageBilling`.
   */
  setDefaultPaymentMethod(paymentMethodId: string, options: VersionedWriteOptions): Promise<PaymentMethod[]>;
  /**
   * Shares the viewer's own card with the account's other admins, or stops sharing it. Throws
   * `forbidden` for another admin's card, `conflict` (with the current payment methods) when its
   * `version` moved on. Needs `manageBilling`.
   */
  updatePaymentMethodSharing(
    paymentMethodId: string,
    sharedWithAdmins: boolean,
    options: VersionedWriteOptions,
  ): Promise<PaymentMethod>;
  /**
   * Removes the viewer's own card. While a subscription is not canceled a valid card must be on
   * file: the default card cannot be removed (`validation`, `paymentMethodIsDefault`) until another
   * valid card is the default, nor the account's last valid card (`lastValidPaymentMethod`).
   * Throws `forbidden` for another admin's card and `conflict` as the other card writes do.
   */
  removePaymentMethod(paymentMethodId: string, options: VersionedWriteOptions): Promise<void>;
  /**
   * Who holds a seat of a per-seat product the account subscribes to. `not_found` for a product
   * without a per-seat subscription. Every viewer may read it.
   */
  getSeatAssignments(productId: string, options?: ReadOptions): Promise<ProductSeats>;
  /**
   * Assigns and unassigns seats. Throws `validation` when more users would hold a seat than were
   * bought (`seatsExceedBought`, on `assign`), for a deactivated or unknown user newly assigned
   * (`userDeactivated`, `userNotFound`, on `['assign', index]`), and `conflict` (with the current
   * assignments) when `expectedVersion` is not the stored version. Needs `manageBilling`.
   */
  updateSeatAssignments(
    productId: string,
    update: SeatAssignmentsUpdate,
    options: VersionedWriteOptions,
  ): Promise<ProductSeats>;
  /**
   * Prices a draft. Pure: calling it never charges or reserves anything. Every seat user must be
   * active, except those who hold a seat of the product today: a holder deactivated since keeps
   * the seat (`userDeactivated` on `['seatUserIds', index]` otherwise), as `placeOrder` does.
   */
  previewOrder(draft: OrderDraft, options?: ReadOptions): Promise<Quote>;
  /**
   * Places the order. The same `idempotencyKey` must return the same result and never place
   * a second order.
   */
  placeOrder(draft: OrderDraft, options: { idempotencyKey: string }): Promise<OrderResult>;
  /**
   * Optional. Sends a viewer's request for a plan to the account's administrators (not to the
   * viewer). With it, a viewer who may not purchase can still browse plans and ask for one;
   * without it, the wizard only names whom to ask.
   */
  requestUpgrade?(request: UpgradeRequest): Promise<UpgradeRequestResult>;
}

/** The names of the adapter's operations, e.g. for fault injection or analytics. */
export type AdapterOperation = keyof AccountAdapter;
