import type * as z from 'zod';
import { cardDigits, createCardInputSchema, detectCardBrand, parseCardExpiry } from '../schemas/card.js';
import {
  accountContactsSchema,
  contactsUpdateSchema,
  MAX_BILLING_CONTACTS,
  orderDraftSchema,
  roleDefinitionSchema,
  type AccountContacts,
  type Assignee,
  type Catalog,
  type ContactsUpdate,
  type OrderDraft,
  type OrderResult,
  type PaymentMethod,
  type Quote,
  type QuoteLineItem,
  type RoleDefinition,
  type Tier,
  type User,
  type UserSearchParams,
  type ViewerPermissions,
} from '../schemas/index.js';
import { foldText } from '../lib/search-text.js';
import { AdapterError, type AdapterErrorCode, type FieldIssue } from './errors.js';
import {
  builtInRoles,
  CATALOG_CURRENCIES,
  EU_COUNTRIES,
  generateUsers,
  SEED_ACCOUNT_NAME,
  seedProducts,
  seedSubscription,
  seedUsers,
  TAX_RATES,
} from './memory-seed.js';
import type { AccountAdapter, AdapterOperation, ReadOptions } from './types.js';

export { generateUsers, seedUsers } from './memory-seed.js';

/** How to configure `createMemoryAdapter`. Every option has a realistic default. */
export interface MemoryAdapterOptions {
  /** The account's users, or a number to generate a deterministic account of that size. Default: 40 seed users. */
  users?: User[] | number;
  /** Who is signed in (a user id) and what they may do. Default: the first user, with every permission. */
  viewer?: { userId?: string; permissions?: Partial<ViewerPermissions> };
  /** User ids of the account's administrators. Default: the first two users. */
  administratorIds?: string[];
  /** Starting contacts, by user id. Default: a primary contact, two billing contacts, two roles. */
  contacts?: ContactsUpdate;
  /** Host-defined roles added after the four built-in ones. */
  extraRoles?: RoleDefinition[];
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
  /** Another admin saves a change, bumping the version, as a concurrent edit would. */
  simulateConcurrentChange(update: ContactsUpdate, byDisplayName?: string): AccountContacts;
  /** Changes the viewer's permissions. */
  setPermissions(permissions: Partial<ViewerPermissions>): void;
  /** Changes a user's status, e.g. deactivates a current contact. */
  setUserStatus(userId: string, status: User['status']): void;
  /** Every order placed, in order. */
  orders(): OrderResult[];
  /** Number of calls made to each operation. */
  calls(): Partial<Record<AdapterOperation, number>>;
}

export type MemoryAdapter = AccountAdapter & { control: MemoryAdapterControl };

const DEFAULT_PAGE_SIZE = 50;

/** mulberry32: tiny, seeded, good enough for jitter and fault draws. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function issuesFrom(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    code: issue.message,
  }));
}

function validationError(fieldIssues: FieldIssue[]): AdapterError {
  return new AdapterError('validation', { fieldIssues, message: fieldIssues.map((i) => i.code).join(', ') });
}

function addMonths(date: Date, months: number): Date {
  const next = new Date(date.getTime());
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

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
  const now = options.now ?? (() => new Date());
  const random = seededRandom(options.seed ?? 1);
  const users: User[] =
    typeof options.users === 'number'
      ? generateUsers(options.users)
      : (options.users ?? seedUsers()).map((u) => ({ ...u }));
  const usersById = new Map(users.map((user) => [user.id, user]));
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  const sortedUsers = [...users].sort((a, b) => collator.compare(a.displayName, b.displayName));
  const searchText = new Map(
    sortedUsers.map((user) => [user.id, foldText(`${user.displayName} ${user.email}`)]),
  );
  const roles: RoleDefinition[] = [
    ...builtInRoles(),
    ...(options.extraRoles ?? []).map((role) => roleDefinitionSchema.parse(role)),
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
  let subscription = seedSubscription();
  const paymentMethods: PaymentMethod[] = [
    {
      id: 'pm_visa_4242',
      brand: 'visa',
      last4: '4242',
      expMonth: 8,
      expYear: now().getFullYear() + 2,
      ownerName: users[0]?.displayName ?? 'Account owner',
      ownerUserId: viewerUserId,
      sharedWithAdmins: false,
    },
    {
      id: 'pm_mc_4444',
      brand: 'mastercard',
      last4: '4444',
      expMonth: 3,
      expYear: now().getFullYear() + 1,
      ownerName: users[1]?.displayName ?? 'Billing admin',
      ownerUserId: users[1]?.id ?? 'u002',
      sharedWithAdmins: true,
    },
  ];
  const tokens = new Map<string, Omit<PaymentMethod, 'id' | 'sharedWithAdmins' | 'ownerUserId'>>();
  const orders: OrderResult[] = [];
  const ordersByKey = new Map<string, { fingerprint: string; result: OrderResult }>();
  const scheduledFaults: { remaining: number; code: AdapterErrorCode; operations?: AdapterOperation[] }[] =
    [];
  const calls: Partial<Record<AdapterOperation, number>> = {};
  let lastSearch: { key: string; query: string; flags: string; matches: User[] } | null = null;
  let sequence = 0;

  let contacts: {
    version: number;
    primaryContactId: string | null;
    billingContactIds: string[];
    roleContacts: Record<string, { kind: 'user'; userId: string } | { kind: 'email'; email: string }>;
    updatedAt: string;
    updatedBy: string | null;
  } = {
    version: 1,
    primaryContactId: users[0]?.id ?? null,
    billingContactIds: users.slice(1, 3).map((user) => user.id),
    roleContacts: {
      ...(users[3] ? { decisionMaker: { kind: 'user' as const, userId: users[3].id } } : {}),
      security: { kind: 'email' as const, email: 'security@nordlicht.example' },
    },
    updatedAt: now().toISOString(),
    updatedBy: null,
  };
  if (options.contacts) {
    contacts = { ...applyContactsUpdate(contacts, options.contacts), version: 1 };
  }

  function nextId(prefix: string): string {
    sequence += 1;
    return `${prefix}_${String(sequence).padStart(6, '0')}`;
  }

  async function begin(operation: AdapterOperation, signal?: AbortSignal): Promise<void> {
    calls[operation] = (calls[operation] ?? 0) + 1;
    const latency = options.latency ?? 0;
    const ms = typeof latency === 'number' ? latency : latency.min + random() * (latency.max - latency.min);
    await wait(ms, signal);
    const scheduled = scheduledFaults.find(
      (fault) => !fault.operations || fault.operations.includes(operation),
    );
    if (scheduled) {
      scheduled.remaining -= 1;
      if (scheduled.remaining <= 0) scheduledFaults.splice(scheduledFaults.indexOf(scheduled), 1);
      throw injectedError(scheduled.code);
    }
    if (options.failureRate && random() < options.failureRate) {
      throw injectedError(options.failureCode ?? 'network');
    }
  }

  function injectedError(code: AdapterErrorCode): AdapterError {
    return new AdapterError(code, {
      message: `injected ${code}`,
      retryAfterSeconds: code === 'rate_limited' ? 2 : undefined,
      current: code === 'conflict' ? readContacts() : undefined,
      declineCode: code === 'payment_declined' ? 'card_declined' : undefined,
    });
  }

  function copy<T>(value: T): T {
    return structuredClone(value);
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
    return accountContactsSchema.parse({
      version: contacts.version,
      primaryContact: primary ? copy(primary) : null,
      billingContacts: contacts.billingContactIds.flatMap((id) => {
        const user = usersById.get(id);
        return user ? [copy(user)] : [];
      }),
      roleContacts: resolved,
      updatedAt: contacts.updatedAt,
      updatedBy: contacts.updatedBy,
    });
  }

  function userProblem(userId: string): string | null {
    const user = usersById.get(userId);
    if (!user) return 'userNotFound';
    if (user.status === 'deactivated') return 'userDeactivated';
    return null;
  }

  function applyContactsUpdate(current: typeof contacts, rawUpdate: unknown): typeof contacts {
    const parsed = contactsUpdateSchema.safeParse(rawUpdate);
    if (!parsed.success) throw validationError(issuesFrom(parsed.error));
    const update = parsed.data;
    const issues: FieldIssue[] = [];
    const next = { ...current, roleContacts: { ...current.roleContacts } };

    if (update.primaryContactId !== undefined) {
      if (update.primaryContactId !== null && update.primaryContactId !== current.primaryContactId) {
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
        const unchanged =
          current.roleContacts[roleId]?.kind === 'user' &&
          (current.roleContacts[roleId] as { userId: string }).userId === assignee.userId;
        const problem = unchanged ? null : userProblem(assignee.userId);
        if (problem) issues.push({ path: ['roleContacts', roleId], code: problem });
        next.roleContacts[roleId] = { kind: 'user', userId: assignee.userId };
      }
    }
    if (issues.length > 0) throw validationError(issues);
    return next;
  }

  function findTier(tierId: string): { tier: Tier; productId: string } {
    for (const product of products) {
      const tier = product.tiers.find((candidate) => candidate.id === tierId);
      if (tier) return { tier, productId: product.id };
    }
    throw validationError([{ path: ['tierId'], code: 'tierUnknown' }]);
  }

  function priceDraft(rawDraft: unknown): Quote {
    const parsed = orderDraftSchema.safeParse(rawDraft);
    if (!parsed.success) throw validationError(issuesFrom(parsed.error));
    const draft = parsed.data;
    const { tier, productId } = findTier(draft.tierId);
    const issues: FieldIssue[] = [];
    if (tier.purchase === 'contact_sales') issues.push({ path: ['tierId'], code: 'tierContactSales' });
    if (!tier.intervals.includes(draft.interval))
      issues.push({ path: ['interval'], code: 'intervalNotOffered' });
    const unitPrice = tier.prices[draft.currency]?.[draft.interval];
    if (unitPrice === undefined) issues.push({ path: ['currency'], code: 'currencyNotOffered' });
    if (tier.pricing === 'per_seat') {
      if (draft.seatUserIds.length === 0) issues.push({ path: ['seatUserIds'], code: 'seatsRequired' });
      draft.seatUserIds.forEach((id, index) => {
        const problem = userProblem(id);
        if (problem) issues.push({ path: ['seatUserIds', index], code: problem });
      });
    }
    if (issues.length > 0 || unitPrice === undefined) throw validationError(issues);

    const lineItems: QuoteLineItem[] = [];
    const seats = tier.pricing === 'per_seat' ? draft.seatUserIds.length : 0;
    if (tier.pricing === 'flat') {
      lineItems.push({
        kind: 'plan',
        tierId: tier.id,
        quantity: 1,
        unitAmount: unitPrice,
        amount: unitPrice,
      });
    } else {
      const included = Math.min(seats, tier.includedSeats);
      if (included > 0) {
        lineItems.push({
          kind: 'included_seats',
          tierId: tier.id,
          quantity: included,
          unitAmount: 0,
          amount: 0,
        });
      }
      const paid = seats - included;
      if (paid > 0) {
        lineItems.push({
          kind: 'seats',
          tierId: tier.id,
          quantity: paid,
          unitAmount: unitPrice,
          amount: unitPrice * paid,
        });
      }
    }
    const subtotal = lineItems.reduce((sum, item) => sum + item.amount, 0);
    // Unused time on the tier being replaced in the same product is credited: half a period.
    const replaced = products
      .find((product) => product.id === productId)
      ?.tiers.find((candidate) => subscription.tierIds.includes(candidate.id) && candidate.id !== tier.id);
    const replacedPrice =
      replaced && subscription.currency === draft.currency
        ? (replaced.prices[draft.currency]?.[subscription.interval] ?? 0) *
          (replaced.pricing === 'per_seat' ? Math.max(0, subscription.seats - replaced.includedSeats) : 1)
        : 0;
    const credit = Math.min(subtotal, Math.round(replacedPrice / 2));
    const country = draft.company?.country;
    const reverseCharge = Boolean(country && EU_COUNTRIES.has(country) && draft.company?.taxId);
    const taxRatePercent = country && !reverseCharge ? (TAX_RATES[country] ?? 0) : 0;
    const tax = Math.round(((subtotal - credit) * taxRatePercent) / 100);
    return {
      id: nextId('quote'),
      currency: draft.currency,
      interval: draft.interval,
      lineItems,
      seats,
      subtotal,
      credit,
      taxRatePercent,
      tax,
      total: subtotal - credit + tax,
      nextChargeDate: addMonths(now(), draft.interval === 'annual' ? 12 : 1)
        .toISOString()
        .slice(0, 10),
    };
  }

  function requirePermission(permission: keyof ViewerPermissions): void {
    if (!permissions[permission])
      throw new AdapterError('forbidden', { message: `viewer lacks ${permission}` });
  }

  function visiblePaymentMethods(): PaymentMethod[] {
    return paymentMethods.filter((method) => method.ownerUserId === viewerUserId || method.sharedWithAdmins);
  }

  const adapter: AccountAdapter = {
    async getAccount({ signal }: ReadOptions = {}) {
      await begin('getAccount', signal);
      const viewer = usersById.get(viewerUserId);
      if (!viewer) throw new AdapterError('not_found', { message: 'viewer not found' });
      return {
        id: 'acct_nordlicht',
        name: SEED_ACCOUNT_NAME,
        viewer: { user: copy(viewer), permissions: { ...permissions } },
        administrators: administratorIds.flatMap((id) => {
          const user = usersById.get(id);
          return user ? [copy(user)] : [];
        }),
      };
    },

    async searchUsers(params: UserSearchParams, { signal }: ReadOptions = {}) {
      await begin('searchUsers', signal);
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
            : sortedUsers;
        const matches = candidates.filter((user) => {
          if (!includeDeactivated && user.status === 'deactivated') return false;
          if (excluded.has(user.id)) return false;
          const text = searchText.get(user.id) ?? '';
          return terms.every((term) => text.includes(term));
        });
        lastSearch = { key, query, flags, matches };
      }
      const offset = params.cursor ? Number.parseInt(params.cursor, 10) || 0 : 0;
      const limit = params.limit ?? DEFAULT_PAGE_SIZE;
      const page = lastSearch.matches.slice(offset, offset + limit);
      const end = offset + page.length;
      return {
        users: page.map(copy),
        nextCursor: end < lastSearch.matches.length ? String(end) : null,
        total: lastSearch.matches.length,
      };
    },

    async getUsersByIds(ids: string[], { signal }: ReadOptions = {}) {
      await begin('getUsersByIds', signal);
      return ids.flatMap((id) => {
        const user = usersById.get(id);
        return user ? [copy(user)] : [];
      });
    },

    async getContacts({ signal }: ReadOptions = {}) {
      await begin('getContacts', signal);
      return readContacts();
    },

    async updateContacts(update: ContactsUpdate, { expectedVersion }: { expectedVersion: number }) {
      await begin('updateContacts');
      requirePermission('manageContacts');
      if (expectedVersion !== contacts.version) {
        throw new AdapterError('conflict', {
          message: `expected version ${expectedVersion}, stored ${contacts.version}`,
          current: readContacts(),
        });
      }
      const next = applyContactsUpdate(contacts, update);
      const viewer = usersById.get(viewerUserId);
      contacts = {
        ...next,
        version: contacts.version + 1,
        updatedAt: now().toISOString(),
        updatedBy: viewer?.displayName ?? null,
      };
      return readContacts();
    },

    async getRoleDefinitions({ signal }: ReadOptions = {}) {
      await begin('getRoleDefinitions', signal);
      return copy(roles);
    },

    async getCatalog(currency: string | undefined, { signal }: ReadOptions = {}): Promise<Catalog> {
      await begin('getCatalog', signal);
      const chosen = currency ?? subscription.currency;
      if (!CATALOG_CURRENCIES.includes(chosen)) {
        throw validationError([{ path: ['currency'], code: 'currencyNotOffered' }]);
      }
      return {
        currency: chosen,
        currencies: [...CATALOG_CURRENCIES],
        products: copy(products),
        subscription: copy(subscription),
      };
    },

    async getPaymentMethods({ signal }: ReadOptions = {}) {
      await begin('getPaymentMethods', signal);
      requirePermission('manageBilling');
      return copy(visiblePaymentMethods());
    },

    async tokenizeCard(card) {
      await begin('tokenizeCard');
      const parsed = createCardInputSchema(now).safeParse(card);
      if (!parsed.success) throw validationError(issuesFrom(parsed.error));
      const digits = cardDigits(parsed.data.number);
      const expiry = parseCardExpiry(parsed.data.expiry);
      const token = nextId('tok');
      // Only what a payment provider would echo back is kept: never the number or the code.
      tokens.set(token, {
        brand: detectCardBrand(digits),
        last4: digits.slice(-4),
        expMonth: expiry?.month ?? 1,
        expYear: expiry?.year ?? 2000,
        ownerName: parsed.data.cardholderName,
      });
      return { token };
    },

    async createPaymentMethod({ token, sharedWithAdmins }) {
      await begin('createPaymentMethod');
      requirePermission('manageBilling');
      const card = tokens.get(token);
      if (!card) throw validationError([{ path: ['token'], code: 'cardTokenInvalid' }]);
      tokens.delete(token);
      const method: PaymentMethod = {
        ...card,
        id: nextId('pm'),
        ownerUserId: viewerUserId,
        sharedWithAdmins,
      };
      paymentMethods.push(method);
      return copy(method);
    },

    async previewOrder(draft: OrderDraft, { signal }: ReadOptions = {}) {
      await begin('previewOrder', signal);
      return priceDraft(draft);
    },

    async placeOrder(draft: OrderDraft, { idempotencyKey }: { idempotencyKey: string }) {
      await begin('placeOrder');
      requirePermission('purchase');
      if (!idempotencyKey)
        throw validationError([{ path: ['idempotencyKey'], code: 'idempotencyKeyRequired' }]);
      const fingerprint = JSON.stringify(draft);
      const previous = ordersByKey.get(idempotencyKey);
      if (previous) {
        if (previous.fingerprint !== fingerprint) {
          throw validationError([{ path: ['idempotencyKey'], code: 'idempotencyKeyReused' }]);
        }
        return copy(previous.result);
      }
      const quote = priceDraft(draft);
      const method = visiblePaymentMethods().find((candidate) => candidate.id === draft.paymentMethodId);
      if (!method) throw validationError([{ path: ['paymentMethodId'], code: 'paymentMethodRequired' }]);
      if (!draft.company) throw validationError([{ path: ['company'], code: 'companyNameRequired' }]);
      // Test cards ending 0002 are declined, as with common payment providers' test numbers.
      if (method.last4 === '0002')
        throw new AdapterError('payment_declined', { declineCode: 'card_declined' });
      const { productId } = findTier(draft.tierId);
      const result: OrderResult = {
        orderId: nextId('order'),
        status: 'completed',
        tierId: draft.tierId,
        interval: draft.interval,
        seats: quote.seats,
        total: quote.total,
        currency: quote.currency,
        placedAt: now().toISOString(),
      };
      const product = products.find((candidate) => candidate.id === productId);
      subscription = {
        ...subscription,
        tierIds: [
          ...subscription.tierIds.filter((id) => !product?.tiers.some((candidate) => candidate.id === id)),
          draft.tierId,
        ],
        interval: draft.interval,
        currency: draft.currency,
        seats: quote.seats || subscription.seats,
      };
      orders.push(result);
      ordersByKey.set(idempotencyKey, { fingerprint, result });
      return copy(result);
    },
  };

  const control: MemoryAdapterControl = {
    failNext(count, code, operations) {
      scheduledFaults.push({ remaining: count, code, ...(operations ? { operations } : {}) });
    },
    simulateConcurrentChange(update, byDisplayName = 'Matteo Rossi') {
      const next = applyContactsUpdate(contacts, update);
      contacts = {
        ...next,
        version: contacts.version + 1,
        updatedAt: now().toISOString(),
        updatedBy: byDisplayName,
      };
      return readContacts();
    },
    setPermissions(next) {
      permissions = { ...permissions, ...next };
    },
    setUserStatus(userId, status) {
      const user = usersById.get(userId);
      if (user) user.status = status;
      lastSearch = null;
    },
    orders: () => copy(orders),
    calls: () => ({ ...calls }),
  };

  return Object.assign(adapter, { control });
}
