import { AdapterError } from '../adapter/errors.js';
import type { AccountAdapter } from '../adapter/types.js';
import {
  accountContactsSchema,
  accountSchema,
  catalogSchema,
  MAX_BILLING_CONTACTS,
  paymentMethodSchema,
  quoteSchema,
  roleDefinitionSchema,
  userPageSchema,
  type OrderDraft,
} from '../schemas/index.js';

/** The test functions of your runner (Vitest, Jest, node:test…), so the suite needs none. */
export interface ConformanceRunner {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => Promise<void>) => void;
}

export interface ConformanceOptions {
  /** A fresh adapter for each test, signed in as an admin with every permission. */
  createAdapter: () => AccountAdapter | Promise<AccountAdapter>;
  /** Also place real orders (only against a test backend). Default false. */
  includeOrders?: boolean;
  /** A company to put on test orders. */
  company?: OrderDraft['company'];
}

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

/**
 * Checks that an `AccountAdapter` keeps the contract the screens rely on: valid responses,
 * the billing-contact limit, distinct users, external emails only where a role allows them,
 * version conflicts, typed errors, and (optionally) idempotent orders. Run it in your own test
 * runner against your adapter and a test backend.
 *
 * @example
 * import { describe, it } from 'vitest';
 * import { runAdapterConformance } from 'account-billing-kit/testing';
 * runAdapterConformance({ describe, it }, { createAdapter: () => createMyAdapter(testServerUrl) });
 */
export function runAdapterConformance(runner: ConformanceRunner, options: ConformanceOptions): void {
  const { describe, it } = runner;

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
      await adapter.updateContacts({ primaryContactId: userId ?? null }, { expectedVersion: version });
      const error = await expectAdapterError(
        adapter.updateContacts({ primaryContactId: null }, { expectedVersion: version }),
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
          company: options.company ?? null,
        }),
      );
      check(
        quote.total === quote.subtotal - quote.credit + quote.tax,
        'total must equal subtotal − credit + tax',
      );
    });

    if (options.includeOrders) {
      it('places one order per idempotency key', async () => {
        const adapter = await options.createAdapter();
        const catalog = await adapter.getCatalog(undefined);
        const [method] = await adapter.getPaymentMethods();
        const tier = catalog.products
          .flatMap((product) => product.tiers)
          .find(
            (candidate) =>
              candidate.purchase === 'self_serve' &&
              candidate.pricing === 'flat' &&
              !catalog.subscription.tierIds.includes(candidate.id),
          );
        check(method && tier, 'a payment method and a purchasable flat tier are needed');
        const draft: OrderDraft = {
          tierId: tier.id,
          currency: catalog.currency,
          interval: tier.intervals[0] ?? 'monthly',
          seatUserIds: [],
          paymentMethodId: method.id,
          company: options.company ?? null,
        };
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
    }
  });
}
