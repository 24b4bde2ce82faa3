import * as z from 'zod/mini';
import { AdapterError } from '../adapter/errors.js';
import type { AccountAdapter } from '../adapter/types.js';
import { foldText } from '../lib/search-text.js';
import {
  accountContactsSchema,
  accountSchema,
  cardExpiryStatus,
  catalogSchema,
  MAX_BILLING_CONTACTS,
  paymentMethodSchema,
  productSubscriptionSchema,
  quoteSchema,
  roleDefinitionSchema,
  productSeatsSchema,
  userPageSchema,
  type ContactsUpdate,
  type OrderDraft,
  type PaymentMethod,
  type ProductSubscription,
  type ProductSeats,
  type User,
  type ViewerPermissions,
} from '../schemas/index.js';

/** The test functions of your runner (Vitest, Jest, node:test…), so the suite needs none. */
export interface ConformanceRunner {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>) => void;
}

/** Who the adapter of one check is signed in as. */
export interface ConformanceViewer {
  /** What the signed-in user may do; permissions left out are granted. */
  permissions?: Partial<ViewerPermissions>;
}

export interface ConformanceOptions {
  /**
   * A fresh sandbox for each check: an adapter on an account of its own, signed in as a user
   * with `viewer.permissions` (every permission when not given). The account needs at least
   * four active users and one deactivated user, a subscription that is not canceled with a
   * per-seat product that has a free seat, and must accept the test card 4242 4242 4242 4242.
   * Orders are placed and cards saved in it: never point this at production.
   */
  createAdapter: (viewer?: ConformanceViewer) => AccountAdapter | Promise<AccountAdapter>;
  /** Check idempotent orders (places orders in the sandbox). Default true. */
  includeOrders?: boolean;
  /** A company to put on test orders. Default: a German company without a VAT id. */
  company?: OrderDraft['company'];
}

const DEFAULT_COMPANY: NonNullable<OrderDraft['company']> = {
  name: 'Conformance Check GmbH',
  addressLine1: 'Teststraße 1',
  addressLine2: '',
  city: 'Berlin',
  postalCode: '10115',
  country: 'DE',
  taxId: '',
};

const NO_PERMISSIONS: ViewerPermissions = { manageContacts: false, manageBilling: false, purchase: false };
/** Field issue codes are message keys (`userDeactivated`), never sentences. */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*$/;

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Adapter conformance: ${message}`);
}

async function expectAdapterError(
  promise: Promise<unknown>,
  code: AdapterError['code'],
  what: string,
): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    check(error instanceof AdapterError, `${what} must throw an AdapterError, got ${String(error)}`);
    check(error.code === code, `${what} must fail with "${code}", got "${error.code}"`);
    return error;
  }
  throw new Error(`Adapter conformance: ${what} must fail with "${code}", but it succeeded`);
}

async function activeUserIds(adapter: AccountAdapter, count: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page = await adapter.searchUsers({ query: '', cursor, limit: 50 });
    ids.push(...page.users.filter((user) => user.status === 'active').map((user) => user.id));
    cursor = page.nextCursor;
  } while (ids.length < count && cursor);
  check(ids.length >= count, `the account needs at least ${count} active users for this check`);
  return ids.slice(0, count);
}

async function allUsers(adapter: AccountAdapter, query: string, limit: number): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await adapter.searchUsers({ query, cursor, limit });
    check(page.users.length <= limit, `searchUsers returned ${page.users.length} users for limit ${limit}`);
    check(page.nextCursor === null || page.users.length > 0, 'a page with a next cursor must not be empty');
    users.push(...page.users);
    cursor = page.nextCursor;
    pages += 1;
    check(pages <= 1_000, 'searchUsers never reaches a last page (nextCursor: null)');
  } while (cursor);
  return users;
}

async function deactivatedUser(adapter: AccountAdapter): Promise<User> {
  const user = (await allUsers(adapter, '', 50)).find((candidate) => candidate.status === 'deactivated');
  check(user, 'the sandbox account needs a deactivated user for this check');
  return user;
}

/** A payment method the viewer may pay with: an existing one, or the test card saved now. */
async function paymentMethodId(adapter: AccountAdapter): Promise<string> {
  const [method] = await adapter.getPaymentMethods();
  if (method) return method.id;
  const { token } = await adapter.tokenizeCard({
    cardholderName: 'Conformance Check',
    number: '4242 4242 4242 4242',
    expiry: `12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`,
    securityCode: '123',
  });
  return (await adapter.createPaymentMethod({ token, sharedWithAdmins: false })).id;
}

async function purchasableDraft(
  adapter: AccountAdapter,
  company: OrderDraft['company'],
): Promise<OrderDraft> {
  const catalog = await adapter.getCatalog(undefined);
  const tier = catalog.products
    .flatMap((product) => product.tiers)
    .find(
      (candidate) =>
        candidate.purchase === 'self_serve' &&
        candidate.pricing === 'flat' &&
        !catalog.subscription.tierIds.includes(candidate.id),
    );
  check(tier, 'a purchasable flat tier the account does not have yet is needed');
  return {
    tierId: tier.id,
    currency: catalog.currency,
    interval: tier.intervals[0] ?? 'monthly',
    seatUserIds: [],
    paymentMethodId: await paymentMethodId(adapter),
    company,
  };
}

/** The test card, saved now as the viewer's; `makeDefault` makes it the card subscriptions are charged to. */
async function saveTestCard(adapter: AccountAdapter, makeDefault: boolean): Promise<PaymentMethod> {
  const { token } = await adapter.tokenizeCard({
    cardholderName: 'Conformance Check',
    number: '4242 4242 4242 4242',
    expiry: `12/${String((new Date().getFullYear() + 3) % 100).padStart(2, '0')}`,
    securityCode: '123',
  });
  return adapter.createPaymentMethod({ token, sharedWithAdmins: false, makeDefault });
}

/** The account's subscriptions, checked against the schema; at least one must still be charged. */
async function chargedSubscriptions(adapter: AccountAdapter): Promise<ProductSubscription[]> {
  const subscriptions = (await adapter.getSubscriptions()).map((subscription) =>
    productSubscriptionSchema.parse(subscription),
  );
  check(
    subscriptions.some((subscription) => subscription.status !== 'canceled'),
    'the sandbox account needs a subscription that is not canceled for this check',
  );
  return subscriptions;
}

/** The seats of the sandbox's per-seat subscription, and users who hold none yet. */
/**
 * The billing settings' writes, each named, for the permission checks: make `cardId` the default,
 * share it, remove it, and take the seats of `unassign` away.
 */
function billingSettingsWrites(
  adapter: AccountAdapter,
  cardId: string,
  seats: ProductSeats,
  unassign: string[],
): [string, () => Promise<unknown>][] {
  return [
    ['setDefaultPaymentMethod', () => adapter.setDefaultPaymentMethod(cardId, { expectedVersion: 1 })],
    [
      'updatePaymentMethodSharing',
      () => adapter.updatePaymentMethodSharing(cardId, true, { expectedVersion: 1 }),
    ],
    ['removePaymentMethod', () => adapter.removePaymentMethod(cardId, { expectedVersion: 1 })],
    [
      'updateSeatAssignments',
      () =>
        adapter.updateSeatAssignments(
          seats.productId,
          { assign: [], unassign },
          { expectedVersion: seats.version },
        ),
    ],
  ];
}

async function perSeatProduct(
  adapter: AccountAdapter,
): Promise<{ seats: ProductSeats; subscription: ProductSubscription }> {
  const subscription = (await adapter.getSubscriptions()).find(
    (candidate) => candidate.pricing === 'per_seat' && candidate.status !== 'canceled',
  );
  check(subscription, 'the sandbox account needs a per-seat subscription for this check');
  const seats = productSeatsSchema.parse(await adapter.getSeatAssignments(subscription.productId));
  return { seats, subscription };
}

/** Active users without a seat of `seats`' product. */
async function usersWithoutSeat(adapter: AccountAdapter, seats: ProductSeats, count: number) {
  const holders = new Set(seats.holders.map((user) => user.id));
  const candidates = (await activeUserIds(adapter, count + holders.size)).filter((id) => !holders.has(id));
  check(candidates.length >= count, `the account needs ${count} active users without a seat for this check`);
  return candidates.slice(0, count);
}

function paymentMethodsOf(value: unknown): PaymentMethod[] | null {
  const parsed = z.array(paymentMethodSchema).safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Runs `operation` and says whether it was refused as `forbidden` (any other failure is a finding). */
async function isForbidden(operation: () => Promise<unknown>, what: string): Promise<boolean> {
  try {
    await operation();
    return false;
  } catch (error) {
    check(error instanceof AdapterError, `${what} must throw an AdapterError, got ${String(error)}`);
    if (error.code === 'forbidden') return true;
    // Refused for another reason (e.g. validation) means the permission itself was not checked first.
    return false;
  }
}

/**
 * Checks that an `AccountAdapter` keeps the contract the screens rely on: valid responses,
 * the billing-contact limit, distinct users, no deactivated users as new contacts, external
 * emails only where a role allows them, version conflicts, permissions per operation (a
 * read-only viewer changes nothing), search pages without duplicates or gaps, accent-insensitive
 * search, error shapes (field issues with message keys, conflicts with the current state), and
 * idempotent orders: one order per key, a new order per new key, a reused key refused for a
 * different request. Run it in your own test runner against a sandbox of your backend.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { runAdapterConformance } from 'account-billing-kit/testing';
 * runAdapterConformance({ describe, it }, {
 *   // A fresh sandbox account per check, signed in with the permissions asked for.
 *   createAdapter: async (viewer) => {
 *     const { token } = await createSandboxAccount(testServerUrl, viewer?.permissions);
 *     return createHttpAdapter({ baseUrl: testServerUrl, headers: { Authorization: `Bearer ${token}` } });
 *   },
 * });
 */
export function runAdapterConformance(runner: ConformanceRunner, options: ConformanceOptions): void {
  const { describe, it } = runner;
  const company = options.company ?? DEFAULT_COMPANY;

  describe('AccountAdapter conformance', () => {
    it('returns an account, users, contacts, roles and a catalog that match the schemas', async () => {
      const adapter = await options.createAdapter();
      accountSchema.parse(await adapter.getAccount());
      const page = userPageSchema.parse(await adapter.searchUsers({ query: '', limit: 5 }));
      check(page.users.length <= 5, 'searchUsers must respect the limit');
      accountContactsSchema.parse(await adapter.getContacts());
      const roles = (await adapter.getRoleDefinitions()).map((role) => roleDefinitionSchema.parse(role));
      for (const id of ['decisionMaker', 'onboarding', 'security', 'technicalAdmin']) {
        check(
          roles.some((role) => role.id === id),
          `the built-in role "${id}" must be defined`,
        );
      }
      catalogSchema.parse(await adapter.getCatalog(undefined));
      (await adapter.getPaymentMethods()).forEach((method) => paymentMethodSchema.parse(method));
    });

    it('pages through users with a cursor, without repeating anyone', async () => {
      const adapter = await options.createAdapter();
      const first = await adapter.searchUsers({ query: '', limit: 2 });
      if (!first.nextCursor) return;
      const second = await adapter.searchUsers({ query: '', limit: 2, cursor: first.nextCursor });
      const ids = [...first.users, ...second.users].map((user) => user.id);
      check(new Set(ids).size === ids.length, 'pages must not overlap');
    });

    it(`refuses more than ${MAX_BILLING_CONTACTS} billing contacts, and duplicates`, async () => {
      const adapter = await options.createAdapter();
      const { version } = await adapter.getContacts();
      const ids = await activeUserIds(adapter, MAX_BILLING_CONTACTS + 1);
      await expectAdapterError(
        adapter.updateContacts({ billingContactIds: ids }, { expectedVersion: version }),
        'validation',
        'a fourth billing contact',
      );
      const first = ids[0] ?? '';
      await expectAdapterError(
        adapter.updateContacts({ billingContactIds: [first, first] }, { expectedVersion: version }),
        'validation',
        'the same billing contact twice',
      );
    });

    it('changes the primary contact but never removes it', async () => {
      const adapter = await options.createAdapter();
      const before = await adapter.getContacts();
      // Sent as a host's untyped code would: the type already forbids it.
      const removal = JSON.parse('{"primaryContactId":null}') as ContactsUpdate;
      const error = await expectAdapterError(
        adapter.updateContacts(removal, { expectedVersion: before.version }),
        'validation',
        'removing the primary contact',
      );
      check(
        error.fieldIssues.some(
          (issue) => issue.path[0] === 'primaryContactId' && issue.code === 'primaryContactRequired',
        ),
        'removing the primary contact must name primaryContactId with "primaryContactRequired"',
      );
      const after = await adapter.getContacts();
      check(
        after.primaryContact?.id === before.primaryContact?.id,
        'a refused removal must leave the primary contact',
      );
    });

    it('accepts an external email only on roles that allow it', async () => {
      const adapter = await options.createAdapter();
      const roles = await adapter.getRoleDefinitions();
      const { version } = await adapter.getContacts();
      const strict = roles.find((role) => !role.acceptsExternalEmail);
      if (strict) {
        await expectAdapterError(
          adapter.updateContacts(
            { roleContacts: { [strict.id]: { kind: 'email', email: 'someone@example.com' } } },
            { expectedVersion: version },
          ),
          'validation',
          `an external email on "${strict.id}"`,
        );
      }
      const open = roles.find((role) => role.acceptsExternalEmail);
      if (open) {
        const saved = await adapter.updateContacts(
          { roleContacts: { [open.id]: { kind: 'email', email: 'security-team@example.com' } } },
          { expectedVersion: version },
        );
        check(saved.version !== version, 'a successful update must change the version');
      }
    });

    it('reports a stale version as a conflict, with the current contacts', async () => {
      const adapter = await options.createAdapter();
      const { version } = await adapter.getContacts();
      const [userId] = await activeUserIds(adapter, 1);
      await adapter.updateContacts({ primaryContactId: userId }, { expectedVersion: version });
      const error = await expectAdapterError(
        adapter.updateContacts({ primaryContactId: userId }, { expectedVersion: version }),
        'conflict',
        'an update with a stale version',
      );
      accountContactsSchema.parse(error.current);
    });

    it('prices a draft without placing it', async () => {
      const adapter = await options.createAdapter();
      const catalog = await adapter.getCatalog(undefined);
      const tier = catalog.products
        .flatMap((product) => product.tiers)
        .find((candidate) => candidate.purchase === 'self_serve' && candidate.pricing === 'flat');
      if (!tier) return;
      const quote = quoteSchema.parse(
        await adapter.previewOrder({
          tierId: tier.id,
          currency: catalog.currency,
          interval: tier.intervals[0] ?? 'monthly',
          seatUserIds: [],
          paymentMethodId: null,
          company,
        }),
      );
      check(
        quote.total === quote.subtotal - quote.credit + quote.tax,
        'total must equal subtotal − credit + tax',
      );
    });

    it('searches names accent- and case-insensitively', async () => {
      const adapter = await options.createAdapter();
      const users = await allUsers(adapter, '', 50);
      const accented = users.find((user) => foldText(user.displayName) !== user.displayName.toLowerCase());
      check(
        accented,
        'the sandbox account needs a user whose name has an accent or another non-ASCII letter',
      );
      const query = foldText(accented.displayName).toUpperCase();
      const found = await allUsers(adapter, query, 50);
      check(
        found.some((user) => user.id === accented.id),
        `searching "${query}" must find "${accented.displayName}"`,
      );
    });

    it('pages through a search without duplicates or gaps', async () => {
      const adapter = await options.createAdapter();
      const first = await adapter.searchUsers({ query: '', limit: 200 });
      const paged = await allUsers(adapter, '', 3);
      const ids = paged.map((user) => user.id);
      check(new Set(ids).size === ids.length, 'pages must not repeat a user');
      check(
        ids.length === first.total,
        `paging found ${ids.length} users but the search reports a total of ${first.total}`,
      );
      if (first.nextCursor === null) {
        const all = new Set(first.users.map((user) => user.id));
        check(
          ids.length === all.size && ids.every((id) => all.has(id)),
          'paging must find exactly the users one large page finds',
        );
      }
      const [someone] = first.users;
      if (someone) {
        const term = foldText(someone.displayName).split(/\s+/)[0] ?? '';
        const matches = await allUsers(adapter, term, 2);
        const matchIds = matches.map((user) => user.id);
        check(new Set(matchIds).size === matchIds.length, `pages of "${term}" must not repeat a user`);
        check(matchIds.includes(someone.id), `paging through "${term}" must reach "${someone.displayName}"`);
      }
    });

    it('refuses deactivated users as new contacts', async () => {
      const adapter = await options.createAdapter();
      const inactive = await deactivatedUser(adapter);
      const roles = await adapter.getRoleDefinitions();
      const { version } = await adapter.getContacts();
      const attempts: [string, Parameters<AccountAdapter['updateContacts']>[0]][] = [
        ['as primary contact', { primaryContactId: inactive.id }],
        ['as billing contact', { billingContactIds: [inactive.id] }],
        ...roles
          .slice(0, 1)
          .map(
            (role) =>
              [`as "${role.id}"`, { roleContacts: { [role.id]: { kind: 'user', userId: inactive.id } } }] as [
                string,
                Parameters<AccountAdapter['updateContacts']>[0],
              ],
          ),
      ];
      for (const [where, update] of attempts) {
        const error = await expectAdapterError(
          adapter.updateContacts(update, { expectedVersion: version }),
          'validation',
          `the deactivated user "${inactive.displayName}" ${where}`,
        );
        check(error.fieldIssues.length > 0, `refusing a deactivated user ${where} must name the field`);
      }
      check(
        (await adapter.getContacts()).version === version,
        'a refused update must not change the version',
      );
    });

    it('lets a read-only viewer read everything and change nothing', async () => {
      const adapter = await options.createAdapter({ permissions: NO_PERMISSIONS });
      const account = accountSchema.parse(await adapter.getAccount());
      check(
        !account.viewer.permissions.manageContacts &&
          !account.viewer.permissions.manageBilling &&
          !account.viewer.permissions.purchase,
        "getAccount must report the viewer's permissions as they are",
      );
      const before = await adapter.getContacts();
      await adapter.searchUsers({ query: '', limit: 5 });
      await adapter.getRoleDefinitions();
      await adapter.getCatalog(undefined);
      const { seats, subscription } = await perSeatProduct(adapter);
      const [userId] = await activeUserIds(adapter, 1);
      const cardId = subscription.paymentMethod?.id ?? 'pm_conformance';
      const writes: [string, () => Promise<unknown>][] = [
        [
          'updateContacts',
          () => adapter.updateContacts({ primaryContactId: userId }, { expectedVersion: before.version }),
        ],
        ['getPaymentMethods', () => adapter.getPaymentMethods()],
        [
          'createPaymentMethod',
          () => adapter.createPaymentMethod({ token: 'tok_conformance', sharedWithAdmins: false }),
        ],
        ...billingSettingsWrites(
          adapter,
          cardId,
          seats,
          seats.holders.slice(0, 1).map((user) => user.id),
        ),
        [
          'placeOrder',
          () =>
            adapter.placeOrder(
              {
                tierId: 'conformance',
                currency: 'EUR',
                interval: 'monthly',
                seatUserIds: [],
                paymentMethodId: 'pm_conformance',
                company,
              },
              { idempotencyKey: `conformance-viewer-${Date.now().toString(36)}` },
            ),
        ],
      ];
      for (const [name, write] of writes) {
        check(
          await isForbidden(write, `${name} by a read-only viewer`),
          `${name} by a read-only viewer must fail with "forbidden"`,
        );
      }
      check(
        (await adapter.getContacts()).version === before.version,
        'a read-only viewer must not change the contacts',
      );
      check(
        (await adapter.getSeatAssignments(seats.productId)).version === seats.version,
        'a read-only viewer must not change the seats',
      );
    });

    it('checks each permission on its own operations', async () => {
      for (const missing of ['manageContacts', 'manageBilling', 'purchase'] as const) {
        const adapter = await options.createAdapter({ permissions: { [missing]: false } });
        const { permissions } = (await adapter.getAccount()).viewer;
        check(
          !permissions[missing] &&
            (['manageContacts', 'manageBilling', 'purchase'] as const).every(
              (name) => name === missing || permissions[name],
            ),
          `getAccount must report exactly the permissions of a viewer without ${missing}`,
        );
        const { version } = await adapter.getContacts();
        const [userId] = await activeUserIds(adapter, 1);
        const updateContacts = () =>
          adapter.updateContacts({ primaryContactId: userId }, { expectedVersion: version });
        const getPaymentMethods = () => adapter.getPaymentMethods();
        if (missing === 'manageContacts') {
          check(
            await isForbidden(updateContacts, 'updateContacts'),
            'updateContacts without manageContacts must fail with "forbidden"',
          );
          check(
            !(await isForbidden(getPaymentMethods, 'getPaymentMethods')),
            'getPaymentMethods must not need manageContacts',
          );
          const { seats } = await perSeatProduct(adapter);
          check(
            !(await isForbidden(
              () =>
                adapter.updateSeatAssignments(
                  seats.productId,
                  { assign: [], unassign: [] },
                  { expectedVersion: seats.version },
                ),
              'updateSeatAssignments',
            )),
            'updateSeatAssignments must not need manageContacts',
          );
        }
        if (missing === 'manageBilling') {
          check(
            await isForbidden(getPaymentMethods, 'getPaymentMethods'),
            'getPaymentMethods without manageBilling must fail with "forbidden"',
          );
          check(
            await isForbidden(
              () => adapter.createPaymentMethod({ token: 'tok_conformance', sharedWithAdmins: false }),
              'createPaymentMethod',
            ),
            'createPaymentMethod without manageBilling must fail with "forbidden"',
          );
          check(
            !(await isForbidden(updateContacts, 'updateContacts')),
            'updateContacts must not need manageBilling',
          );
          const { seats, subscription } = await perSeatProduct(adapter);
          const cardId = subscription.paymentMethod?.id ?? 'pm_conformance';
          const billingWrites = billingSettingsWrites(adapter, cardId, seats, []);
          for (const [name, write] of billingWrites) {
            check(await isForbidden(write, name), `${name} without manageBilling must fail with "forbidden"`);
          }
        }
        if (missing === 'purchase') {
          const draft = await purchasableDraft(adapter, company);
          check(
            await isForbidden(
              () =>
                adapter.placeOrder(draft, {
                  idempotencyKey: `conformance-purchase-${Date.now().toString(36)}`,
                }),
              'placeOrder',
            ),
            'placeOrder without purchase must fail with "forbidden"',
          );
          check(
            !(await isForbidden(getPaymentMethods, 'getPaymentMethods')),
            'getPaymentMethods must not need purchase',
          );
        }
      }
    });

    it('fails in the documented shapes: field issues with message keys, conflicts with the current state', async () => {
      const adapter = await options.createAdapter();
      const { version } = await adapter.getContacts();
      const ids = await activeUserIds(adapter, MAX_BILLING_CONTACTS + 1);
      const tooMany = await expectAdapterError(
        adapter.updateContacts({ billingContactIds: ids }, { expectedVersion: version }),
        'validation',
        'a fourth billing contact',
      );
      check(tooMany.fieldIssues.length > 0, 'a validation error must carry field issues');
      for (const issue of tooMany.fieldIssues) {
        check(Array.isArray(issue.path), 'a field issue must have a path');
        check(
          MESSAGE_KEY.test(issue.code),
          `a field issue code must be a message key such as "billingContactsTooMany", got "${issue.code}"`,
        );
      }
      check(
        tooMany.fieldIssues.some((issue) => issue.path[0] === 'billingContactIds'),
        'the issue of a fourth billing contact must name billingContactIds',
      );
      const unknownTier = await expectAdapterError(
        adapter.previewOrder({
          tierId: 'no-such-tier',
          currency: (await adapter.getCatalog(undefined)).currency,
          interval: 'monthly',
          seatUserIds: [],
          paymentMethodId: null,
          company,
        }),
        'validation',
        'a quote for an unknown tier',
      );
      check(
        unknownTier.fieldIssues.some((issue) => issue.path[0] === 'tierId' && MESSAGE_KEY.test(issue.code)),
        'a quote for an unknown tier must name tierId',
      );
      const [userId] = ids;
      await adapter.updateContacts({ primaryContactId: userId }, { expectedVersion: version });
      const conflict = await expectAdapterError(
        adapter.updateContacts({ primaryContactId: userId }, { expectedVersion: version }),
        'conflict',
        'an update with a stale version',
      );
      const current = accountContactsSchema.safeParse(conflict.current);
      check(current.success, 'a conflict must carry the current contacts');
      check(current.data.version !== version, 'the current contacts of a conflict must be the newer version');
    });

    it('returns subscriptions, payment methods and seats that agree with each other', async () => {
      const adapter = await options.createAdapter();
      const subscriptions = await chargedSubscriptions(adapter);
      const methods = (await adapter.getPaymentMethods()).map((method) => paymentMethodSchema.parse(method));
      check(methods.filter((method) => method.isDefault).length <= 1, 'at most one card may be the default');
      const byDefault = methods.find((method) => method.isDefault);
      for (const subscription of subscriptions) {
        if (byDefault && subscription.status !== 'canceled') {
          check(
            subscription.paymentMethod?.id === byDefault.id,
            `the subscription of "${subscription.productId}" must be charged to the default card`,
          );
        }
      }
      const { seats, subscription } = await perSeatProduct(adapter);
      check(
        seats.seatsBought === subscription.seatsBought,
        `getSeatAssignments and getSubscriptions must agree on the seats bought of "${subscription.productId}"`,
      );
      check(
        seats.holders.length === subscription.seatsAssigned,
        `getSubscriptions must count the ${seats.holders.length} seat holders of "${subscription.productId}" as assigned, not ${subscription.seatsAssigned}`,
      );
      await expectAdapterError(
        adapter.getSeatAssignments('no-such-product'),
        'not_found',
        'the seats of a product the account does not have',
      );
    });

    it('keeps a valid default card: refuses to remove it until another valid card is the default', async () => {
      const adapter = await options.createAdapter();
      await chargedSubscriptions(adapter);
      const before = (await adapter.getPaymentMethods()).find((method) => method.isDefault);
      const card = await saveTestCard(adapter, true);
      check(card.isDefault, 'createPaymentMethod with makeDefault must make the new card the default');
      const methods = await adapter.getPaymentMethods();
      check(
        methods
          .filter((method) => method.isDefault)
          .map((method) => method.id)
          .join() === card.id,
        'after makeDefault the new card must be the only default',
      );
      const refusal = await expectAdapterError(
        adapter.removePaymentMethod(card.id, { expectedVersion: card.version }),
        'validation',
        'removing the default card of a subscription',
      );
      check(
        refusal.fieldIssues.some((issue) => issue.code === 'paymentMethodIsDefault'),
        'removing the default card must be refused with the field issue "paymentMethodIsDefault"',
      );
      check(
        (await adapter.getPaymentMethods()).some((method) => method.id === card.id),
        'a refused removal must keep the card',
      );
      const other =
        (before && cardExpiryStatus(before) !== 'expired' ? before : undefined) ??
        (await saveTestCard(adapter, false));
      const current = (await adapter.getPaymentMethods()).find((method) => method.id === other.id);
      check(current, 'the other card must still be listed');
      const after = (
        await adapter.setDefaultPaymentMethod(other.id, { expectedVersion: current.version })
      ).map((method) => paymentMethodSchema.parse(method));
      check(
        after
          .filter((method) => method.isDefault)
          .map((method) => method.id)
          .join() === other.id,
        'setDefaultPaymentMethod must leave exactly the chosen card as the default',
      );
      const demoted = after.find((method) => method.id === card.id);
      check(demoted, 'setDefaultPaymentMethod must answer with every payment method the viewer sees');
      check(demoted.version !== card.version, 'a card that stops being the default must get a new version');
      await adapter.removePaymentMethod(card.id, { expectedVersion: demoted.version });
      check(
        !(await adapter.getPaymentMethods()).some((method) => method.id === card.id),
        'a card that is no longer the default must be removable',
      );
    });

    it('refuses an expired card as the default', async () => {
      const adapter = await options.createAdapter();
      const expired = (await adapter.getPaymentMethods()).find(
        (method) => cardExpiryStatus(method) === 'expired',
      );
      // Cards cannot be saved expired: the check runs where the sandbox has one already.
      if (!expired) return;
      const refusal = await expectAdapterError(
        adapter.setDefaultPaymentMethod(expired.id, { expectedVersion: expired.version }),
        'validation',
        'an expired card as the default',
      );
      check(
        refusal.fieldIssues.some((issue) => issue.code === 'paymentMethodExpired'),
        'an expired card as the default must be refused with the field issue "paymentMethodExpired"',
      );
    });

    it('guards card changes with versions and lets only the holder share or remove a card', async () => {
      const adapter = await options.createAdapter();
      const card = await saveTestCard(adapter, false);
      const shared = await adapter.updatePaymentMethodSharing(card.id, true, {
        expectedVersion: card.version,
      });
      check(shared.sharedWithAdmins, 'updatePaymentMethodSharing must share the card');
      check(shared.version !== card.version, 'a successful sharing change must change the version');
      const conflict = await expectAdapterError(
        adapter.updatePaymentMethodSharing(card.id, false, { expectedVersion: card.version }),
        'conflict',
        'a sharing change with a stale version',
      );
      const current = paymentMethodsOf(conflict.current);
      check(current, 'a payment method conflict must carry the current payment methods');
      check(
        current.some((method) => method.id === card.id && method.version === shared.version),
        'the current payment methods of a conflict must hold the newer version',
      );
      await expectAdapterError(
        adapter.removePaymentMethod(card.id, { expectedVersion: card.version }),
        'conflict',
        'removing a card with a stale version',
      );
      const { user } = (await adapter.getAccount()).viewer;
      const othersCard = (await adapter.getPaymentMethods()).find((method) => method.ownerUserId !== user.id);
      if (othersCard) {
        await expectAdapterError(
          adapter.updatePaymentMethodSharing(othersCard.id, !othersCard.sharedWithAdmins, {
            expectedVersion: othersCard.version,
          }),
          'forbidden',
          "changing the sharing of another admin's card",
        );
        await expectAdapterError(
          adapter.removePaymentMethod(othersCard.id, { expectedVersion: othersCard.version }),
          'forbidden',
          "removing another admin's card",
        );
      }
      await expectAdapterError(
        adapter.removePaymentMethod('pm_no_such_card', { expectedVersion: 1 }),
        'not_found',
        'removing a card that does not exist',
      );
    });

    it('refuses more seat holders than seats bought', async () => {
      const adapter = await options.createAdapter();
      const { seats } = await perSeatProduct(adapter);
      const free = seats.seatsBought - seats.holders.length;
      check(free > 0, 'the sandbox per-seat subscription needs a free seat for this check');
      const candidates = await usersWithoutSeat(adapter, seats, free + 1);
      const refusal = await expectAdapterError(
        adapter.updateSeatAssignments(
          seats.productId,
          { assign: candidates, unassign: [] },
          { expectedVersion: seats.version },
        ),
        'validation',
        `assigning ${free + 1} seats when ${free} are free`,
      );
      check(
        refusal.fieldIssues.some((issue) => issue.code === 'seatsExceedBought' && issue.path[0] === 'assign'),
        'more seat holders than seats bought must be refused with "seatsExceedBought" on assign',
      );
      const unchanged = await adapter.getSeatAssignments(seats.productId);
      check(unchanged.version === seats.version, 'a refused seat change must not change the version');
      const saved = productSeatsSchema.parse(
        await adapter.updateSeatAssignments(
          seats.productId,
          { assign: candidates.slice(0, free), unassign: [] },
          { expectedVersion: seats.version },
        ),
      );
      check(saved.holders.length === seats.seatsBought, 'assigning every free seat must succeed');
      check(saved.version !== seats.version, 'a successful seat change must change the version');
      const subscription = (await adapter.getSubscriptions()).find(
        (candidate) => candidate.productId === seats.productId,
      );
      check(
        subscription?.seatsAssigned === saved.holders.length,
        'getSubscriptions must count the seats assigned after a change',
      );
    });

    it('refuses a deactivated user as a new seat holder and keeps one who holds a seat', async () => {
      const adapter = await options.createAdapter();
      const inactive = await deactivatedUser(adapter);
      const { seats } = await perSeatProduct(adapter);
      const holdsSeat = seats.holders.some((user) => user.id === inactive.id);
      if (!holdsSeat) {
        const refusal = await expectAdapterError(
          adapter.updateSeatAssignments(
            seats.productId,
            { assign: [inactive.id], unassign: [] },
            { expectedVersion: seats.version },
          ),
          'validation',
          `the deactivated user "${inactive.displayName}" as a new seat holder`,
        );
        check(
          refusal.fieldIssues.some((issue) => issue.code === 'userDeactivated' && issue.path[0] === 'assign'),
          'a deactivated seat holder must be refused with "userDeactivated" on assign',
        );
        return;
      }
      check(
        seats.holders.find((user) => user.id === inactive.id)?.status === 'deactivated',
        'a deactivated seat holder must be listed with the status "deactivated"',
      );
      const [someone] = await usersWithoutSeat(adapter, seats, 1);
      const saved = await adapter.updateSeatAssignments(
        seats.productId,
        { assign: [], unassign: [someone ?? ''] },
        { expectedVersion: seats.version },
      );
      check(
        saved.holders.some((user) => user.id === inactive.id),
        'a deactivated seat holder must keep the seat when another change is saved',
      );
      const freed = await adapter.updateSeatAssignments(
        seats.productId,
        { assign: [], unassign: [inactive.id] },
        { expectedVersion: saved.version },
      );
      check(
        !freed.holders.some((user) => user.id === inactive.id),
        'unassigning a deactivated seat holder must succeed',
      );
      await expectAdapterError(
        adapter.updateSeatAssignments(
          seats.productId,
          { assign: [inactive.id], unassign: [] },
          { expectedVersion: freed.version },
        ),
        'validation',
        `the deactivated user "${inactive.displayName}" as a new seat holder`,
      );
    });

    it('prices an order that keeps today’s seat holders, a deactivated one included', async () => {
      const adapter = await options.createAdapter();
      const { seats, subscription } = await perSeatProduct(adapter);
      // The wizard preselects everyone who holds a seat; a holder deactivated since keeps it
      // until an admin takes it away, so an order with them must price.
      if (!seats.holders.some((user) => user.status === 'deactivated')) return;
      const quote = quoteSchema.parse(
        await adapter.previewOrder({
          tierId: seats.tierId,
          currency: subscription.currency,
          interval: subscription.interval,
          seatUserIds: seats.holders.map((user) => user.id),
          paymentMethodId: null,
          company,
        }),
      );
      check(
        quote.seats === seats.holders.length,
        'an order with today’s seat holders must price a seat for each of them',
      );
    });

    it('reports a stale seat version as a conflict, with the current seats', async () => {
      const adapter = await options.createAdapter();
      const { seats } = await perSeatProduct(adapter);
      const [holder] = seats.holders;
      check(holder, 'the sandbox per-seat subscription needs a seat holder for this check');
      const saved = await adapter.updateSeatAssignments(
        seats.productId,
        { assign: [], unassign: [holder.id] },
        { expectedVersion: seats.version },
      );
      const conflict = await expectAdapterError(
        adapter.updateSeatAssignments(
          seats.productId,
          { assign: [holder.id], unassign: [] },
          { expectedVersion: seats.version },
        ),
        'conflict',
        'a seat change with a stale version',
      );
      const current = productSeatsSchema.safeParse(conflict.current);
      check(current.success, 'a seat conflict must carry the current seat assignments');
      check(
        current.data.version === saved.version,
        'the current seats of a conflict must be the newer version',
      );
    });

    if (options.includeOrders ?? true) {
      it('places one order per idempotency key, however often it is sent', async () => {
        const adapter = await options.createAdapter();
        const draft = await purchasableDraft(adapter, company);
        const key = `conformance-${Date.now().toString(36)}`;
        const [a, b] = await Promise.all([
          adapter.placeOrder(draft, { idempotencyKey: key }),
          adapter.placeOrder(draft, { idempotencyKey: key }),
        ]);
        const c = await adapter.placeOrder(draft, { idempotencyKey: key });
        check(
          a.orderId === b.orderId && b.orderId === c.orderId,
          'the same idempotency key must return the same order',
        );
      });

      it('places a new order for a new idempotency key', async () => {
        const adapter = await options.createAdapter();
        const draft = await purchasableDraft(adapter, company);
        const first = await adapter.placeOrder(draft, {
          idempotencyKey: `conformance-a-${Date.now().toString(36)}`,
        });
        const second = await adapter.placeOrder(draft, {
          idempotencyKey: `conformance-b-${Date.now().toString(36)}`,
        });
        check(first.orderId !== second.orderId, 'two idempotency keys must place two orders');
      });

      it('refuses an idempotency key reused for a different request', async () => {
        const adapter = await options.createAdapter();
        const draft = await purchasableDraft(adapter, company);
        const key = `conformance-reuse-${Date.now().toString(36)}`;
        await adapter.placeOrder(draft, { idempotencyKey: key });
        const other: OrderDraft = {
          ...draft,
          company: { ...(draft.company ?? DEFAULT_COMPANY), name: 'Another Company' },
        };
        const error = await expectAdapterError(
          adapter.placeOrder(other, { idempotencyKey: key }),
          'validation',
          'the same idempotency key with a different order',
        );
        check(
          error.fieldIssues.every((issue) => MESSAGE_KEY.test(issue.code)),
          'the refusal of a reused key must carry message keys',
        );
      });
    }
  });
}
