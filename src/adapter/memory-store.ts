import * as z from 'zod/mini';
import { canonicalJson } from '../lib/canonical-json.js';
import { foldText } from '../lib/search-text.js';
import { cardDigits, createCardInputSchema, detectCardBrand, parseCardExpiry } from '../schemas/card.js';
import {
  accountContactsSchema,
  cardExpiryStatus,
  paymentMethodInputSchema,
  paymentMethodSchema,
  seatAssignmentsUpdateSchema,
  canPurchase,
  companyDetailsSchema,
  PURCHASE_PERMISSIONS,
  contactsUpdateSchema,
  fieldIssuesOf,
  MAX_BILLING_CONTACTS,
  orderDraftSchema,
  roleDefinitionSchema,
  upgradeRequestSchema,
  userSchema,
  userSearchParamsSchema,
  type Account,
  type AccountContacts,
  type Assignee,
  type AssigneeInput,
  type Catalog,
  type CardInput,
  type CompanyDetailsInput,
  type ContactsChange,
  type ContactsSection,
  type ContactsUpdate,
  type OrderDraft,
  type OrderResult,
  type PaymentMethod,
  type ProductSubscription,
  type Quote,
  type RoleDefinition,
  type UpgradeRequest,
  type UpgradeRequestResult,
  type ProductSeats,
  type User,
  type UserPage,
  type UserSearchParams,
  type ViewerPermissions,
} from '../schemas/index.js';
import { AdapterError, type FieldIssue } from './errors.js';
import {
  builtInRoles,
  CATALOG_CURRENCIES,
  generateUsers,
  localizedProducts,
  nextRenewalDate,
  SEED_ACCOUNT_NAME,
  seedPaymentMethods,
  seedProductSubscriptions,
  seedProducts,
  seedSubscription,
  seedUsers,
  type SeedPaymentMethod,
  type SeedProductSubscription,
} from './memory-seed.js';
import { findTier, priceListIssues, priceQuote, unitPrice } from './memory-pricing.js';

/**
 * The contacts a store starts with: an update, except that a new account may start without a
 * primary contact (`primaryContactId: null`), which no update can bring back.
 */
export type InitialContacts = Omit<ContactsUpdate, 'primaryContactId'> & { primaryContactId?: string | null };

/** What the store starts with. Every field has a realistic default. */
export interface MemoryStoreOptions {
  users?: User[] | number | undefined;
  account?: { id?: string; name?: string; billingDetails?: CompanyDetailsInput } | undefined;
  subscription?: Partial<Catalog['subscription']> | undefined;
  viewer?: { userId?: string; permissions?: Partial<ViewerPermissions> } | undefined;
  administratorIds?: string[] | undefined;
  contacts?: InitialContacts | undefined;
  extraRoles?: RoleDefinition[] | undefined;
  paymentMethods?: SeedPaymentMethod[] | undefined;
  subscriptions?: SeedProductSubscription[] | undefined;
  now?: (() => Date) | undefined;
}

/** A product's subscription as stored: seat holders by id, so a deactivation shows as it happens. */
interface StoredSubscription {
  productId: string;
  tierId: string;
  status: ProductSubscription['status'];
  interval: ProductSubscription['interval'];
  currency: string;
  seatsBought: number;
  holderIds: string[];
  nextChargeDate: string;
  seatsVersion: number;
  seatsUpdatedAt: string;
  seatsUpdatedBy: string | null;
}

/** The contacts as stored: users by id, so a renamed or deactivated user shows as they are now. */
interface StoredContacts {
  version: number;
  primaryContactId: string | null;
  billingContactIds: string[];
  roleContacts: Record<string, AssigneeInput>;
  updatedAt: string;
  updatedBy: string | null;
  /** Each section's last change: a save that leaves a section out does not touch its entry. */
  sectionChanges: Record<ContactsSection, ContactsChange>;
}

const DEFAULT_PAGE_SIZE = 50;

/**
 * The memory adapter's account: users, contacts, catalog, payment methods and orders, with
 * every rule a real backend enforces. Each method is one adapter call without the latency and
 * faults, and returns copies, so callers can never change the store by accident.
 */
/** A user and the folded text a search matches against. */
interface SearchEntry {
  user: User;
  text: string;
}

export function createMemoryStore(options: MemoryStoreOptions = {}) {
  const now = options.now ?? (() => new Date());
  const users: User[] =
    typeof options.users === 'number'
      ? generateUsers(options.users)
      : (options.users ?? seedUsers()).map((user, index) =>
          checkedOption(userSchema, user, `users[${index}]`),
        );
  const usersById = new Map(users.map((user) => [user.id, user]));
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const sortedUsers = [...users].sort((a, b) => collator.compare(a.displayName, b.displayName));
  // Each user with its folded text, side by side: a search reads both in one pass, without a
  // lookup per user (a Map lookup for each of 100,000 users costs more than the matching).
  const searchEntries: SearchEntry[] = sortedUsers.map((user) => ({
    user,
    text: foldText(`${user.displayName} ${user.email}`),
  }));
  const roles: RoleDefinition[] = [
    ...builtInRoles(),
    ...(options.extraRoles ?? []).map((role, index) =>
      checkedOption(roleDefinitionSchema, role, `extraRoles[${index}]`),
    ),
  ];
  const viewerUserId = options.viewer?.userId ?? users[0]?.id ?? '';
  let permissions: ViewerPermissions = {
    manageContacts: true,
    manageBilling: true,
    purchase: true,
    ...options.viewer?.permissions,
  };
  const administratorIds = options.administratorIds ?? users.slice(0, 2).map((user) => user.id);
  const products = seedProducts();
  let subscription = { ...seedSubscription(), ...options.subscription };
  const upgradeRequests: (UpgradeRequest & {
    requestId: string;
    requestedBy: string;
    requestedAt: string;
  })[] = [];
  const paymentMethods: PaymentMethod[] = (
    options.paymentMethods ?? seedPaymentMethods(users, viewerUserId, now())
  ).map((method, index) =>
    checkedOption(
      paymentMethodSchema,
      { isDefault: false, ...method, version: 1 },
      `paymentMethods[${index}]`,
    ),
  );
  if (paymentMethods.filter((method) => method.isDefault).length > 1) {
    throw new TypeError('createMemoryAdapter: at most one of paymentMethods may be the default');
  }
  const productSubscriptions: StoredSubscription[] = (
    options.subscriptions ?? seedProductSubscriptions()
  ).map((seeded) => {
    const found = findTier(products, seeded.tierId);
    if (!found || found.product.id !== seeded.productId) {
      throw new TypeError(`createMemoryAdapter: no tier ${seeded.tierId} in product ${seeded.productId}`);
    }
    return {
      ...seeded,
      seatsBought: found.tier.pricing === 'per_seat' ? seeded.seatsBought : 0,
      holderIds: found.tier.pricing === 'per_seat' ? seeded.holderIds.filter((id) => usersById.has(id)) : [],
      nextChargeDate: nextRenewalDate(now(), seeded.interval),
      seatsVersion: 1,
      seatsUpdatedAt: now().toISOString(),
      seatsUpdatedBy: null,
    };
  });
  const tokens = new Map<
    string,
    Omit<PaymentMethod, 'id' | 'sharedWithAdmins' | 'ownerUserId' | 'isDefault' | 'version'>
  >();
  const orders: OrderResult[] = [];
  // An idempotency key is bound to its first request and to whatever that request got: an
  // order, a decline or a refusal.
  const ordersByKey = new Map<
    string,
    { fingerprint: string; outcome: { result: OrderResult } | { error: AdapterError } }
  >();
  let lastSearch: { key: string; query: string; flags: string; matches: SearchEntry[] } | null = null;
  let sequence = 0;

  let contacts: StoredContacts = {
    version: 1,
    primaryContactId: users[0]?.id ?? null,
    billingContactIds: users.slice(1, 3).map((user) => user.id),
    roleContacts: {
      ...(users[3] ? { decisionMaker: { kind: 'user' as const, userId: users[3].id } } : {}),
      security: { kind: 'email' as const, email: 'security@nordlicht.example' },
    },
    updatedAt: now().toISOString(),
    updatedBy: null,
    sectionChanges: {
      primary: { updatedAt: now().toISOString(), updatedBy: null },
      billing: { updatedAt: now().toISOString(), updatedBy: null },
      roles: { updatedAt: now().toISOString(), updatedBy: null },
    },
  };
  if (options.contacts) {
    const { primaryContactId, ...rest } = options.contacts;
    const update = primaryContactId === null ? rest : options.contacts;
    contacts = { ...applyContactsUpdate(contacts, update), version: 1 };
    if (primaryContactId === null) contacts.primaryContactId = null;
  }

  function nextId(prefix: string): string {
    sequence += 1;
    return `${prefix}_${String(sequence).padStart(6, '0')}`;
  }

  function readContacts(): AccountContacts {
    const resolved: Record<string, Assignee> = {};
    for (const [roleId, assignee] of Object.entries(contacts.roleContacts)) {
      if (assignee.kind === 'email') resolved[roleId] = { kind: 'email', email: assignee.email };
      else {
        const user = usersById.get(assignee.userId);
        if (user) resolved[roleId] = { kind: 'user', user: copy(user) };
      }
    }
    const primary = contacts.primaryContactId ? usersById.get(contacts.primaryContactId) : undefined;
    const parsed = accountContactsSchema.safeParse({
      version: contacts.version,
      primaryContact: primary ? copy(primary) : null,
      billingContacts: contacts.billingContactIds.flatMap((id) => {
        const user = usersById.get(id);
        return user ? [copy(user)] : [];
      }),
      roleContacts: resolved,
      updatedAt: contacts.updatedAt,
      updatedBy: contacts.updatedBy,
      sectionChanges: contacts.sectionChanges,
    });
    if (!parsed.success) {
      throw new AdapterError('unknown', {
        message: `the stored contacts break the contract:\n${z.prettifyError(parsed.error)}`,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  /** Why a user may not be newly chosen for anything, as a `validation` message key. */
  function userProblem(userId: string): string | null {
    const user = usersById.get(userId);
    if (!user) return 'userNotFound';
    if (user.status === 'deactivated') return 'userDeactivated';
    return null;
  }

  // Contacts already held stay valid when their user is deactivated later; only new choices
  // are checked, so an admin can save one section without first fixing every other.
  function applyContactsUpdate(current: StoredContacts, rawUpdate: unknown): StoredContacts {
    const parsed = contactsUpdateSchema.safeParse(rawUpdate);
    if (!parsed.success) throw validationError(issuesFrom(parsed.error));
    const update = parsed.data;
    const issues: FieldIssue[] = [];
    const next = { ...current, roleContacts: { ...current.roleContacts } };

    if (update.primaryContactId !== undefined) {
      if (update.primaryContactId !== current.primaryContactId) {
        const problem = userProblem(update.primaryContactId);
        if (problem) issues.push({ path: ['primaryContactId'], code: problem });
      }
      next.primaryContactId = update.primaryContactId;
    }
    if (update.billingContactIds !== undefined) {
      if (update.billingContactIds.length > MAX_BILLING_CONTACTS) {
        issues.push({ path: ['billingContactIds'], code: 'billingContactsTooMany' });
      }
      update.billingContactIds.forEach((id, index) => {
        if (current.billingContactIds.includes(id) && usersById.has(id)) return;
        const problem = userProblem(id);
        if (problem) issues.push({ path: ['billingContactIds', index], code: problem });
      });
      next.billingContactIds = [...update.billingContactIds];
    }
    for (const [roleId, assignee] of Object.entries(update.roleContacts ?? {})) {
      const role = roles.find((candidate) => candidate.id === roleId);
      if (!role) {
        issues.push({ path: ['roleContacts', roleId], code: 'roleUnknown' });
        continue;
      }
      if (assignee === null) {
        next.roleContacts = Object.fromEntries(
          Object.entries(next.roleContacts).filter(([id]) => id !== roleId),
        );
        continue;
      }
      if (assignee.kind === 'email') {
        if (!role.acceptsExternalEmail) {
          issues.push({ path: ['roleContacts', roleId], code: 'externalEmailNotAllowed' });
          continue;
        }
        next.roleContacts[roleId] = { kind: 'email', email: assignee.email };
      } else {
        const held = current.roleContacts[roleId];
        const unchanged = held?.kind === 'user' && held.userId === assignee.userId;
        const problem = unchanged ? null : userProblem(assignee.userId);
        if (problem) issues.push({ path: ['roleContacts', roleId], code: problem });
        next.roleContacts[roleId] = { kind: 'user', userId: assignee.userId };
      }
    }
    if (issues.length > 0) throw validationError(issues);
    return next;
  }

  /** Prices a draft after checking it as `placeOrder` would. */
  function priceDraft(rawDraft: unknown): Quote {
    const parsed = orderDraftSchema.safeParse(rawDraft);
    if (!parsed.success) throw validationError(issuesFrom(parsed.error));
    const draft = parsed.data;
    const found = findTier(products, draft.tierId);
    if (!found) throw validationError([{ path: ['tierId'], code: 'tierUnknown' }]);
    const currentTier = found.product.tiers.find((tier) => subscription.tierIds.includes(tier.id));
    const issues = priceListIssues(found.tier, draft, currentTier);
    if (found.tier.pricing === 'per_seat') {
      // Today's holders keep their seats, deactivated or not, as on the seat assignments: only
      // a user newly given a seat must be active.
      const holderIds = new Set(
        productSubscriptions.find((stored) => stored.productId === found.product.id)?.holderIds,
      );
      draft.seatUserIds.forEach((id, index) => {
        const problem = holderIds.has(id) ? null : userProblem(id);
        if (problem) issues.push({ path: ['seatUserIds', index], code: problem });
      });
    }
    const price = unitPrice(found.tier, draft);
    if (issues.length > 0 || price === undefined) throw validationError(issues);
    return priceQuote({ id: nextId('quote'), draft, ...found, price, subscription, today: now() });
  }

  function visiblePaymentMethods(): PaymentMethod[] {
    return paymentMethods.filter((method) => method.ownerUserId === viewerUserId || method.sharedWithAdmins);
  }

  /** A card the viewer can see, at the version they saw it, or the refusal. */
  function visibleMethodAt(paymentMethodId: string, expectedVersion: number | null): PaymentMethod {
    const method = visiblePaymentMethods().find((candidate) => candidate.id === paymentMethodId);
    if (!method) throw new AdapterError('not_found', { message: `no payment method ${paymentMethodId}` });
    if (expectedVersion !== null && expectedVersion !== method.version) {
      throw new AdapterError('conflict', {
        message: `expected version ${expectedVersion}, stored ${method.version}`,
        current: copy(visiblePaymentMethods()),
      });
    }
    return method;
  }

  /** Whether a subscription still charges a card: every one that is not canceled. */
  function hasChargingSubscription(): boolean {
    return productSubscriptions.some((stored) => stored.status !== 'canceled');
  }

  function isUsable(method: PaymentMethod): boolean {
    return cardExpiryStatus(method, now()) !== 'expired';
  }

  /** Makes `method` the default; every card whose default flag changes gets a new version. */
  function makeDefault(method: PaymentMethod): void {
    for (const candidate of paymentMethods) {
      const isDefault = candidate === method;
      if (candidate.isDefault !== isDefault) {
        candidate.isDefault = isDefault;
        candidate.version += 1;
      }
    }
  }

  function perSeatSubscription(productId: string): StoredSubscription {
    const stored = productSubscriptions.find((candidate) => candidate.productId === productId);
    const tier = stored ? findTier(products, stored.tierId)?.tier : undefined;
    if (!stored || tier?.pricing !== 'per_seat') {
      throw new AdapterError('not_found', { message: `no per-seat subscription of ${productId}` });
    }
    return stored;
  }

  function readSeatAssignments(stored: StoredSubscription): ProductSeats {
    const holders = stored.holderIds.flatMap((id) => {
      const user = usersById.get(id);
      return user ? [copy(user)] : [];
    });
    holders.sort((a, b) => collator.compare(a.displayName, b.displayName));
    return {
      productId: stored.productId,
      tierId: stored.tierId,
      version: stored.seatsVersion,
      seatsBought: stored.seatsBought,
      holders,
      updatedAt: stored.seatsUpdatedAt,
      updatedBy: stored.seatsUpdatedBy,
    };
  }

  function readSubscription(stored: StoredSubscription): ProductSubscription {
    const tier = findTier(products, stored.tierId)?.tier;
    const unit = tier?.prices[stored.currency]?.[stored.interval] ?? 0;
    const perSeat = tier?.pricing === 'per_seat';
    // Per-seat tiers charge the seats above those included.
    const price = tier && perSeat ? unit * Math.max(0, stored.seatsBought - tier.includedSeats) : unit;
    const card = paymentMethods.find((method) => method.isDefault);
    return {
      productId: stored.productId,
      tierId: stored.tierId,
      status: stored.status,
      interval: stored.interval,
      currency: stored.currency,
      pricing: perSeat ? 'per_seat' : 'flat',
      seatsBought: perSeat ? stored.seatsBought : 0,
      seatsAssigned: perSeat ? stored.holderIds.filter((id) => usersById.has(id)).length : 0,
      price,
      nextCharge: stored.status === 'canceled' ? null : { date: stored.nextChargeDate, amount: price },
      paymentMethod: card
        ? {
            id: card.id,
            brand: card.brand,
            last4: card.last4,
            expMonth: card.expMonth,
            expYear: card.expYear,
          }
        : null,
    };
  }

  /**
   * Assigns and unassigns seats of `productId` over `expectedVersion` (`null` skips the check).
   * Holders already deactivated keep their seat until removed; only new holders are checked.
   */
  function updateSeatAssignments(
    productId: string,
    rawUpdate: unknown,
    expectedVersion: number | null,
    updatedBy: string | null,
  ): ProductSeats {
    const stored = perSeatSubscription(productId);
    if (expectedVersion !== null && expectedVersion !== stored.seatsVersion) {
      throw new AdapterError('conflict', {
        message: `expected version ${expectedVersion}, stored ${stored.seatsVersion}`,
        current: readSeatAssignments(stored),
      });
    }
    const parsed = seatAssignmentsUpdateSchema.safeParse(rawUpdate);
    if (!parsed.success) throw validationError(issuesFrom(parsed.error));
    const { assign, unassign } = parsed.data;
    const issues: FieldIssue[] = [];
    const removed = new Set(unassign);
    const holders = stored.holderIds.filter((id) => !removed.has(id));
    assign.forEach((id, index) => {
      if (holders.includes(id)) return;
      const problem = userProblem(id);
      if (problem) issues.push({ path: ['assign', index], code: problem });
      else holders.push(id);
    });
    if (issues.length === 0 && holders.length > stored.seatsBought) {
      issues.push({ path: ['assign'], code: 'seatsExceedBought' });
    }
    if (issues.length > 0) throw validationError(issues);
    const changed =
      holders.length !== stored.holderIds.length || holders.some((id) => !stored.holderIds.includes(id));
    if (changed) {
      stored.holderIds = holders;
      stored.seatsVersion += 1;
      stored.seatsUpdatedAt = now().toISOString();
      stored.seatsUpdatedBy = updatedBy;
    }
    return readSeatAssignments(stored);
  }

  /** Changes a card's sharing or makes it the default, bumping the versions of what changed. */
  function changePaymentMethod(
    paymentMethodId: string,
    change: { sharedWithAdmins?: boolean; makeDefault?: boolean },
  ): void {
    const method = paymentMethods.find((candidate) => candidate.id === paymentMethodId);
    if (!method) throw new AdapterError('not_found', { message: `no payment method ${paymentMethodId}` });
    if (change.sharedWithAdmins !== undefined && change.sharedWithAdmins !== method.sharedWithAdmins) {
      method.sharedWithAdmins = change.sharedWithAdmins;
      method.version += 1;
    }
    if (change.makeDefault) makeDefault(method);
  }

  return {
    now,

    account(): Account {
      const viewer = usersById.get(viewerUserId);
      if (!viewer) throw new AdapterError('not_found', { message: 'viewer not found' });
      return {
        id: options.account?.id ?? 'acct_nordlicht',
        name: options.account?.name ?? SEED_ACCOUNT_NAME,
        ...(options.account?.billingDetails
          ? { billingDetails: companyDetailsSchema.parse(options.account.billingDetails) }
          : {}),
        viewer: { user: copy(viewer), permissions: { ...permissions } },
        administrators: administratorIds.flatMap((id) => {
          const user = usersById.get(id);
          return user ? [copy(user)] : [];
        }),
      };
    },

    requirePermission(permission: keyof ViewerPermissions): void {
      if (!permissions[permission])
        throw new AdapterError('forbidden', { message: `viewer lacks ${permission}` });
    },

    /** The rule the upgrade wizard shows (`canPurchase`), enforced on every purchase call. */
    requirePurchasePermission(): void {
      if (!canPurchase(permissions))
        throw new AdapterError('forbidden', {
          message: `viewer lacks ${PURCHASE_PERMISSIONS.join(' and ')}`,
        });
    },

    setPermissions(next: Partial<ViewerPermissions>): void {
      permissions = { ...permissions, ...next };
    },

    searchUsers(rawParams: UserSearchParams): UserPage {
      const checked = userSearchParamsSchema.safeParse(rawParams);
      if (!checked.success) throw validationError(issuesFrom(checked.error));
      const params = checked.data;
      // Cursors are the offsets this store hands out: digits, nothing else.
      if (params.cursor && !/^\d{1,9}$/.test(params.cursor)) {
        throw validationError([{ path: ['cursor'], code: 'invalid' }]);
      }
      const query = foldText(params.query.trim());
      const includeDeactivated = params.includeDeactivated ?? true;
      const excluded = new Set(params.excludeIds ?? []);
      const flags = JSON.stringify([includeDeactivated, [...excluded].sort()]);
      const key = JSON.stringify([query, flags]);
      if (lastSearch?.key !== key) {
        const terms = query.split(/\s+/).filter(Boolean);
        // Typing extends the query, and a longer query only narrows: search within the last
        // matches instead of the whole account, as a real search index would.
        const candidates =
          lastSearch && lastSearch.flags === flags && query.startsWith(lastSearch.query)
            ? lastSearch.matches
            : searchEntries;
        // Nothing to narrow by (the list as it opens): every candidate, without a pass over them.
        const narrows = terms.length > 0 || !includeDeactivated || excluded.size > 0;
        const matches = !narrows
          ? candidates
          : candidates.filter(({ user, text }) => {
              if (!includeDeactivated && user.status === 'deactivated') return false;
              if (excluded.has(user.id)) return false;
              return terms.every((term) => text.includes(term));
            });
        lastSearch = { key, query, flags, matches };
      }
      const offset = params.cursor ? Number(params.cursor) : 0;
      const limit = params.limit ?? DEFAULT_PAGE_SIZE;
      const page = lastSearch.matches.slice(offset, offset + limit).map((entry) => entry.user);
      const end = offset + page.length;
      return {
        // A user's fields are all strings: a shallow copy is a whole one, and far cheaper.
        users: page.map((user) => ({ ...user })),
        nextCursor: end < lastSearch.matches.length ? String(end) : null,
        total: lastSearch.matches.length,
      };
    },

    usersByIds(ids: string[]): User[] {
      return ids.flatMap((id) => {
        const user = usersById.get(id);
        return user ? [copy(user)] : [];
      });
    },

    setUserStatus(userId: string, status: User['status']): void {
      const user = usersById.get(userId);
      if (user) user.status = status;
      // A status change can add or drop matches, so the narrowing cache no longer holds.
      lastSearch = null;
    },

    contacts: readContacts,

    /** Saves `update` over `expectedVersion` as `updatedBy`; `null` skips the version check. */
    updateContacts(
      update: unknown,
      expectedVersion: number | null,
      updatedBy: string | null,
    ): AccountContacts {
      if (expectedVersion !== null && expectedVersion !== contacts.version) {
        throw new AdapterError('conflict', {
          message: `expected version ${expectedVersion}, stored ${contacts.version}`,
          current: readContacts(),
        });
      }
      const next = applyContactsUpdate(contacts, update);
      const change: ContactsChange = { updatedAt: now().toISOString(), updatedBy };
      const touched = contactsUpdateSchema.parse(update);
      contacts = {
        ...next,
        version: contacts.version + 1,
        ...change,
        sectionChanges: {
          primary: touched.primaryContactId !== undefined ? change : next.sectionChanges.primary,
          billing: touched.billingContactIds !== undefined ? change : next.sectionChanges.billing,
          roles: touched.roleContacts !== undefined ? change : next.sectionChanges.roles,
        },
      };
      return readContacts();
    },

    /** The viewer's display name, as the store records who saved. */
    viewerName(): string | null {
      return usersById.get(viewerUserId)?.displayName ?? null;
    },

    roles: (): RoleDefinition[] => copy(roles),

    /** The catalog; tier features in `locale`'s language where the seed has them. */
    catalog(currency: string | undefined, locale?: string): Catalog {
      const chosen = currency ?? subscription.currency;
      if (!CATALOG_CURRENCIES.includes(chosen)) {
        throw validationError([{ path: ['currency'], code: 'currencyNotOffered' }]);
      }
      return {
        currency: chosen,
        currencies: [...CATALOG_CURRENCIES],
        products: copy(localizedProducts(products, locale)),
        subscription: copy(subscription),
      };
    },

    paymentMethods: (): PaymentMethod[] => copy(visiblePaymentMethods()),

    /** Keeps only what a payment provider would echo back: never the number or the code. */
    tokenizeCard(card: CardInput): { token: string } {
      const parsed = createCardInputSchema(now).safeParse(card);
      if (!parsed.success) throw validationError(issuesFrom(parsed.error));
      const digits = cardDigits(parsed.data.number);
      const expiry = parseCardExpiry(parsed.data.expiry);
      const token = nextId('tok');
      tokens.set(token, {
        brand: detectCardBrand(digits),
        last4: digits.slice(-4),
        expMonth: expiry?.month ?? 1,
        expYear: expiry?.year ?? 2000,
        ownerName: parsed.data.cardholderName,
      });
      return { token };
    },

    createPaymentMethod(rawInput: unknown): PaymentMethod {
      const parsed = paymentMethodInputSchema.safeParse(rawInput);
      if (!parsed.success) throw validationError(issuesFrom(parsed.error));
      const { token, sharedWithAdmins, makeDefault: wantsDefault = false } = parsed.data;
      const card = tokens.get(token);
      if (!card) throw validationError([{ path: ['token'], code: 'cardTokenInvalid' }]);
      tokens.delete(token);
      // An account without a default card gets one as soon as it has a card to charge.
      const isDefault = wantsDefault || !paymentMethods.some((candidate) => candidate.isDefault);
      const method: PaymentMethod = {
        ...card,
        id: nextId('pm'),
        ownerUserId: viewerUserId,
        sharedWithAdmins,
        isDefault: false,
        version: 1,
      };
      if (isDefault) makeDefault(method);
      // A new card starts at version 1 whatever it is; only the cards it displaced moved on.
      Object.assign(method, { isDefault, version: 1 });
      paymentMethods.push(method);
      return copy(method);
    },

    subscriptions: (): ProductSubscription[] => productSubscriptions.map(readSubscription),

    setDefaultPaymentMethod(paymentMethodId: string, expectedVersion: number): PaymentMethod[] {
      const method = visibleMethodAt(paymentMethodId, expectedVersion);
      if (!isUsable(method)) {
        throw validationError([{ path: ['paymentMethodId'], code: 'paymentMethodExpired' }]);
      }
      makeDefault(method);
      return copy(visiblePaymentMethods());
    },

    updatePaymentMethodSharing(
      paymentMethodId: string,
      sharedWithAdmins: unknown,
      expectedVersion: number,
    ): PaymentMethod {
      if (typeof sharedWithAdmins !== 'boolean') {
        throw validationError([{ path: ['sharedWithAdmins'], code: 'invalid' }]);
      }
      const method = visibleMethodAt(paymentMethodId, expectedVersion);
      if (method.ownerUserId !== viewerUserId) {
        throw new AdapterError('forbidden', { message: 'only the card holder shares a card' });
      }
      changePaymentMethod(paymentMethodId, { sharedWithAdmins });
      return copy(method);
    },

    /** Removes the viewer's card unless the subscriptions would be left without a valid one. */
    removePaymentMethod(paymentMethodId: string, expectedVersion: number): void {
      const method = visibleMethodAt(paymentMethodId, expectedVersion);
      if (method.ownerUserId !== viewerUserId) {
        throw new AdapterError('forbidden', { message: 'only the card holder removes a card' });
      }
      if (hasChargingSubscription()) {
        if (method.isDefault) {
          throw validationError([{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }]);
        }
        const othersValid = paymentMethods.some((candidate) => candidate !== method && isUsable(candidate));
        if (isUsable(method) && !othersValid) {
          throw validationError([{ path: ['paymentMethodId'], code: 'lastValidPaymentMethod' }]);
        }
      }
      paymentMethods.splice(paymentMethods.indexOf(method), 1);
    },

    seatAssignments: (productId: string): ProductSeats => readSeatAssignments(perSeatSubscription(productId)),

    updateSeatAssignments,

    /** Another admin changes a card: its sharing or which card is the default. */
    simulatePaymentMethodChange: changePaymentMethod,

    priceDraft,

    /**
     * Places an order once per idempotency key: the same key and draft return the first result,
     * the same key with another draft is refused.
     */
    placeOrder(draft: OrderDraft, idempotencyKey: string): OrderResult {
      if (!idempotencyKey)
        throw validationError([{ path: ['idempotencyKey'], code: 'idempotencyKeyRequired' }]);
      // The same request in another key order is still the same request.
      const fingerprint = canonicalJson(draft);
      const previous = ordersByKey.get(idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw validationError([{ path: ['idempotencyKey'], code: 'idempotencyKeyReused' }]);
        }
        if ('error' in previous.outcome) throw previous.outcome.error;
        return copy(previous.outcome.result);
      }
      try {
        const result = placeNewOrder(draft);
        ordersByKey.set(idempotencyKey, { fingerprint, outcome: { result: copy(result) } });
        return result;
      } catch (error) {
        if (error instanceof AdapterError)
          ordersByKey.set(idempotencyKey, { fingerprint, outcome: { error } });
        throw error;
      }
    },

    orders: (): OrderResult[] => copy(orders),

    /** Records a viewer's request for a plan; the administrators other than the viewer are asked. */
    requestUpgrade(rawRequest: unknown): UpgradeRequestResult {
      const parsed = upgradeRequestSchema.safeParse(rawRequest);
      if (!parsed.success) throw validationError(issuesFrom(parsed.error));
      if (!findTier(products, parsed.data.tierId))
        throw validationError([{ path: ['tierId'], code: 'tierUnknown' }]);
      const requestId = nextId('request');
      upgradeRequests.push({
        ...parsed.data,
        requestId,
        requestedBy: viewerUserId,
        requestedAt: now().toISOString(),
      });
      const recipients = administratorIds.flatMap((id) => {
        const user = usersById.get(id);
        return user && id !== viewerUserId ? [copy(user)] : [];
      });
      return { requestId, recipients };
    },

    upgradeRequests: () => copy(upgradeRequests),
  };

  /** Prices, charges and records a new order; throws a refusal or a decline. */
  function placeNewOrder(draft: OrderDraft): OrderResult {
    const quote = priceDraft(draft);
    const method = visiblePaymentMethods().find((candidate) => candidate.id === draft.paymentMethodId);
    if (!method) throw validationError([{ path: ['paymentMethodId'], code: 'paymentMethodRequired' }]);
    if (!draft.company) throw validationError([{ path: ['company'], code: 'companyNameRequired' }]);
    // Test cards ending 0002 are declined, as with common payment providers' test numbers.
    if (method.last4 === '0002') throw new AdapterError('payment_declined', { declineCode: 'card_declined' });
    const product = findTier(products, draft.tierId)?.product;
    const result: OrderResult = {
      orderId: nextId('order'),
      status: 'completed',
      tierId: draft.tierId,
      interval: draft.interval,
      seats: quote.seats,
      total: quote.total,
      currency: quote.currency,
      placedAt: now().toISOString(),
      nextChargeDate: quote.nextChargeDate,
      ...(quote.nextChargeAmount === undefined ? {} : { nextChargeAmount: quote.nextChargeAmount }),
    };
    if (product) recordSubscription(product.id, draft, quote, method);
    subscription = {
      ...subscription,
      tierIds: [
        ...subscription.tierIds.filter((id) => !product?.tiers.some((candidate) => candidate.id === id)),
        draft.tierId,
      ],
      interval: draft.interval,
      currency: draft.currency,
      seats: quote.seats || subscription.seats,
      // The seats bought are who holds one of this product's seats from now on.
      ...(product && quote.seats > 0
        ? { seatHolders: { ...subscription.seatHolders, [product.id]: [...draft.seatUserIds] } }
        : {}),
    };
    orders.push(result);
    return copy(result);
  }

  /** An order replaces its product's subscription; its seat users become the holders. */
  function recordSubscription(
    productId: string,
    draft: OrderDraft,
    quote: Quote,
    method: PaymentMethod,
  ): void {
    const existing = productSubscriptions.find((candidate) => candidate.productId === productId);
    const holderIds = quote.seats > 0 ? [...draft.seatUserIds] : [];
    const next: StoredSubscription = {
      productId,
      tierId: draft.tierId,
      status: 'active',
      interval: draft.interval,
      currency: draft.currency,
      seatsBought: quote.seats,
      holderIds,
      nextChargeDate: quote.nextChargeDate,
      seatsVersion: (existing?.seatsVersion ?? 0) + 1,
      seatsUpdatedAt: now().toISOString(),
      seatsUpdatedBy: usersById.get(viewerUserId)?.displayName ?? null,
    };
    if (existing) productSubscriptions.splice(productSubscriptions.indexOf(existing), 1, next);
    else productSubscriptions.push(next);
    if (!paymentMethods.some((candidate) => candidate.isDefault)) makeDefault(method);
  }
}

export type MemoryStore = ReturnType<typeof createMemoryStore>;

function copy<T>(value: T): T {
  return structuredClone(value);
}

function issuesFrom(error: z.core.$ZodError): FieldIssue[] {
  return fieldIssuesOf(error);
}

/** A host's option that breaks the schemas is a programming error: say which and why. */
function checkedOption<T>(schema: z.ZodMiniType<T>, value: unknown, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new TypeError(`createMemoryAdapter: ${where} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return { ...parsed.data };
}

function validationError(fieldIssues: FieldIssue[]): AdapterError {
  return new AdapterError('validation', { fieldIssues, message: fieldIssues.map((i) => i.code).join(', ') });
}
