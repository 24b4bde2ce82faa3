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
  UpgradeRequest,
  UpgradeRequestResult,
  Quote,
  RoleDefinition,
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
  /** The viewer's own payment methods and those other admins shared. */
  getPaymentMethods(options?: ReadOptions): Promise<PaymentMethod[]>;
  /**
   * Hands raw card data to the payment provider and returns a single-use token. The only
   * place a card number ever goes.
   */
  tokenizeCard(card: CardInput): Promise<{ token: string }>;
  createPaymentMethod(input: { token: string; sharedWithAdmins: boolean }): Promise<PaymentMethod>;
  /**
   * Optional. Shares one of the viewer's own saved cards with the other admins, or stops. With
   * it, "Share this credit card with other admins" applies to an existing card too.
   */
  updatePaymentMethod?(
    paymentMethodId: string,
    changes: { sharedWithAdmins: boolean },
  ): Promise<PaymentMethod>;
  /** Prices a draft. Pure: calling it never charges or reserves anything. */
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
