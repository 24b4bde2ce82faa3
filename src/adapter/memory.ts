import type {
  AccountContacts,
  Catalog,
  ContactsUpdate,
  OrderDraft,
  OrderResult,
  CompanyDetailsInput,
  PaymentMethodInput,
  RoleDefinition,
  ProductSeats,
  SeatAssignmentsUpdate,
  Subscription,
  UpgradeRequest,
  User,
  UserSearchParams,
  ViewerPermissions,
} from '../schemas/index.js';
import type { AdapterErrorCode } from './errors.js';
import { createFaultInjector } from './memory-faults.js';
import { createMemoryStore, type InitialContacts } from './memory-store.js';
import type { SeedPaymentMethod, SeedProductSubscription } from './memory-seed.js';
import type {
  AccountAdapter,
  AdapterOperation,
  CatalogReadOptions,
  ReadOptions,
  VersionedWriteOptions,
} from './types.js';

export { generateUsers, seedUsers } from './memory-seed.js';
export type { SeedPaymentMethod, SeedProductSubscription } from './memory-seed.js';

/** How to configure `createMemoryAdapter`. Every option has a realistic default. */
export interface MemoryAdapterOptions {
  /** The account's users, or a number to generate a deterministic account of that size. Default: 40 seed users. */
  users?: User[] | number;
  /**
   * The account's id, company name and billing details. Default: `acct_nordlicht`, "Nordlicht
   * Logistik GmbH", no billing details (the payment step then starts from the name alone).
   */
  account?: { id?: string; name?: string; billingDetails?: CompanyDetailsInput };
  /** The current subscription. Default: Marketing Hub Starter and Sales Hub Starter, monthly, in EUR. */
  subscription?: Partial<Subscription>;
  /** Who is signed in (a user id) and what they may do. Default: the first user, with every permission. */
  viewer?: { userId?: string; permissions?: Partial<ViewerPermissions> };
  /** User ids of the account's administrators. Default: the first two users. */
  administratorIds?: string[];
  /**
   * Starting contacts, by user id. Default: a primary contact, two billing contacts, two roles.
   * `primaryContactId: null` starts a new account that has no primary contact yet.
   */
  contacts?: InitialContacts;
  /** Host-defined roles added after the four built-in ones. */
  extraRoles?: RoleDefinition[];
  /**
   * The account's cards. Default: the viewer's Visa (the default card) and another admin's
   * shared Mastercard, which expires at the end of next month.
   */
  paymentMethods?: SeedPaymentMethod[];
  /**
   * The account's subscriptions, one per product. Default: Marketing Hub Starter, and Sales Hub
   * Starter with five seats held by four users, one of them deactivated.
   */
  subscriptions?: SeedProductSubscription[];
  /** Delay of every call in milliseconds, fixed or a range. Default: 0. */
  latency?: number | { min: number; max: number };
  /** Probability (0-1) that any call fails with `failureCode`, drawn from a seeded generator. */
  failureRate?: number;
  failureCode?: AdapterErrorCode;
  /** Seed for latency jitter and random failures, so runs are reproducible. */
  seed?: number;
  /** The clock, injectable for tests. */
  now?: () => Date;
}

/** Test and story controls over a memory adapter, beyond what a real backend would expose. */
export interface MemoryAdapterControl {
  /** The next `count` calls (to `operations`, if given) fail with `code`. */
  failNext(count: number, code: AdapterErrorCode, operations?: AdapterOperation[]): void;
  /**
   * The next `count` writes (to `operations`, if given) are applied, then fail with `code`: the
   * order is placed (or the contacts saved) and the answer lost, as when a connection drops.
   *
   * @example
   * adapter.control.failNextAfterApplying(1, 'network', ['placeOrder']);
   */
  failNextAfterApplying(count: number, code: AdapterErrorCode, operations?: AdapterOperation[]): void;
  /**
   * From now on, calls (to `operations`, if given) take `latency` milliseconds, e.g. to hold a
   * price recalculation or a purchase on screen.
   */
  setLatency(latency: number | { min: number; max: number }, operations?: AdapterOperation[]): void;
  /** Another admin saves a change, bumping the version, as a concurrent edit would. */
  simulateConcurrentChange(update: ContactsUpdate, byDisplayName?: string): AccountContacts;
  /** Another admin changes a product's seats, bumping their version, as a concurrent edit would. */
  simulateSeatChange(productId: string, update: SeatAssignmentsUpdate, byDisplayName?: string): ProductSeats;
  /**
   * Another admin changes a card (its sharing, or makes it the default), bumping the versions of
   * the cards that changed.
   */
  simulatePaymentMethodChange(
    paymentMethodId: string,
    change: { sharedWithAdmins?: boolean; makeDefault?: boolean },
  ): void;
  /** Changes the viewer's permissions. */
  setPermissions(permissions: Partial<ViewerPermissions>): void;
  /** Changes a user's status, e.g. deactivates a current contact. */
  setUserStatus(userId: string, status: User['status']): void;
  /** Every order placed, in order. */
  orders(): OrderResult[];
  /** Every "Request this upgrade" sent, in order, with who asked. */
  upgradeRequests(): (UpgradeRequest & { requestId: string; requestedBy: string; requestedAt: string })[];
  /** Number of calls made to each operation. */
  calls(): Partial<Record<AdapterOperation, number>>;
}

export type MemoryAdapter = AccountAdapter & { control: MemoryAdapterControl };

/**
 * An adapter that keeps everything in memory, with realistic seeded data. It enforces every
 * rule a real backend must (three billing contacts at most, distinct users, external emails
 * only where a role allows them, no deactivated users, versions, idempotent orders) and never
 * trusts its caller. Use it in Storybook, tests, demos, and as the reference for your own.
 *
 * @example
 * const adapter = createMemoryAdapter({ latency: { min: 150, max: 400 } });
 * adapter.control.failNext(1, 'network', ['updateContacts']);
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  // The store holds the account and its rules (pricing maths in memory-pricing.ts); the fault
  // injector stands in for the network. Each call waits for the network, then asks the store.
  const store = createMemoryStore(options);
  const faults = createFaultInjector(options, () => store.contacts());
  const { begin } = faults;

  const adapter: AccountAdapter = {
    async getAccount({ signal }: ReadOptions = {}) {
      await begin('getAccount', signal);
      return store.account();
    },

    async searchUsers(params: UserSearchParams, { signal }: ReadOptions = {}) {
      await begin('searchUsers', signal);
      return store.searchUsers(params);
    },

    async getUsersByIds(ids: string[], { signal }: ReadOptions = {}) {
      await begin('getUsersByIds', signal);
      return store.usersByIds(ids);
    },

    async getContacts({ signal }: ReadOptions = {}) {
      await begin('getContacts', signal);
      return store.contacts();
    },

    async updateContacts(update: ContactsUpdate, { expectedVersion }: { expectedVersion: number }) {
      await begin('updateContacts');
      store.requirePermission('manageContacts');
      const saved = store.updateContacts(update, expectedVersion, store.viewerName());
      faults.end('updateContacts');
      return saved;
    },

    async getRoleDefinitions({ signal }: ReadOptions = {}) {
      await begin('getRoleDefinitions', signal);
      return store.roles();
    },

    async getCatalog(
      currency: string | undefined,
      { signal, locale }: CatalogReadOptions = {},
    ): Promise<Catalog> {
      await begin('getCatalog', signal);
      return store.catalog(currency, locale);
    },

    async getPaymentMethods({ signal }: ReadOptions = {}) {
      await begin('getPaymentMethods', signal);
      store.requirePermission('manageBilling');
      return store.paymentMethods();
    },

    async tokenizeCard(card) {
      await begin('tokenizeCard');
      // A card on file is a billing matter, not a purchase: adding one from the payment methods
      // screen needs manageBilling only, as createPaymentMethod does (and as the server does).
      store.requirePermission('manageBilling');
      return store.tokenizeCard(card);
    },

    async createPaymentMethod(input: PaymentMethodInput) {
      await begin('createPaymentMethod');
      store.requirePermission('manageBilling');
      const method = store.createPaymentMethod(input);
      faults.end('createPaymentMethod');
      return method;
    },

    async getSubscriptions({ signal }: ReadOptions = {}) {
      await begin('getSubscriptions', signal);
      return store.subscriptions();
    },

    async setDefaultPaymentMethod(paymentMethodId: string, { expectedVersion }: VersionedWriteOptions) {
      await begin('setDefaultPaymentMethod', undefined, store.paymentMethods);
      store.requirePermission('manageBilling');
      const methods = store.setDefaultPaymentMethod(paymentMethodId, expectedVersion);
      faults.end('setDefaultPaymentMethod', store.paymentMethods);
      return methods;
    },

    async updatePaymentMethodSharing(
      paymentMethodId: string,
      sharedWithAdmins: boolean,
      { expectedVersion }: VersionedWriteOptions,
    ) {
      await begin('updatePaymentMethodSharing', undefined, store.paymentMethods);
      store.requirePermission('manageBilling');
      const method = store.updatePaymentMethodSharing(paymentMethodId, sharedWithAdmins, expectedVersion);
      faults.end('updatePaymentMethodSharing', store.paymentMethods);
      return method;
    },

    async removePaymentMethod(paymentMethodId: string, { expectedVersion }: VersionedWriteOptions) {
      await begin('removePaymentMethod', undefined, store.paymentMethods);
      store.requirePermission('manageBilling');
      store.removePaymentMethod(paymentMethodId, expectedVersion);
      faults.end('removePaymentMethod', store.paymentMethods);
    },

    async getSeatAssignments(productId: string, { signal }: ReadOptions = {}) {
      await begin('getSeatAssignments', signal);
      return store.seatAssignments(productId);
    },

    async updateSeatAssignments(
      productId: string,
      update: SeatAssignmentsUpdate,
      { expectedVersion }: VersionedWriteOptions,
    ) {
      const currentSeats = () => store.seatAssignments(productId);
      await begin('updateSeatAssignments', undefined, currentSeats);
      store.requirePermission('manageBilling');
      const saved = store.updateSeatAssignments(productId, update, expectedVersion, store.viewerName());
      faults.end('updateSeatAssignments', currentSeats);
      return saved;
    },

    async previewOrder(draft: OrderDraft, { signal }: ReadOptions = {}) {
      await begin('previewOrder', signal);
      store.requirePurchasePermission();
      return store.priceDraft(draft);
    },

    async placeOrder(draft: OrderDraft, { idempotencyKey }: { idempotencyKey: string }) {
      await begin('placeOrder');
      store.requirePurchasePermission();
      const order = store.placeOrder(draft, idempotencyKey);
      faults.end('placeOrder');
      return order;
    },

    async requestUpgrade(request: UpgradeRequest) {
      await begin('requestUpgrade');
      return store.requestUpgrade(request);
    },
  };

  const control: MemoryAdapterControl = {
    failNext: faults.failNext,
    failNextAfterApplying: faults.failNextAfterApplying,
    setLatency: faults.setLatency,
    simulateConcurrentChange: (update, byDisplayName = 'Matteo Rossi') =>
      store.updateContacts(update, null, byDisplayName),
    simulateSeatChange: (productId, update, byDisplayName = 'Matteo Rossi') =>
      store.updateSeatAssignments(productId, update, null, byDisplayName),
    simulatePaymentMethodChange: store.simulatePaymentMethodChange,
    setPermissions: store.setPermissions,
    setUserStatus: store.setUserStatus,
    orders: store.orders,
    upgradeRequests: store.upgradeRequests,
    calls: faults.calls,
  };

  return Object.assign(adapter, { control });
}
