import { describe, expect, it } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, generateUsers } from '../src/adapter/memory';
import type { OrderDraft } from '../src/schemas';
import { nordlichtCompany } from '../stories/fixtures';

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

const company = nordlichtCompany;

function draft(change: Partial<OrderDraft> = {}): OrderDraft {
  return {
    tierId: 'marketing-professional',
    currency: 'EUR',
    interval: 'annual',
    seatUserIds: [],
    paymentMethodId: 'pm_visa_4242',
    company,
    ...change,
  };
}

describe('memory adapter: seed data', () => {
  it('has about forty users in five languages, some invited and some deactivated', async () => {
    const adapter = createMemoryAdapter();
    const page = await adapter.searchUsers({ query: '', limit: 200 });
    expect(page.total).toBe(40);
    expect(page.users.some((user) => user.status === 'invited')).toBe(true);
    expect(page.users.some((user) => user.status === 'deactivated')).toBe(true);
    expect(page.users.map((user) => user.displayName)).toEqual(
      expect.arrayContaining(['Zofia Wójcik', 'Aino Mäkelä', 'Jürgen Groß', 'Matteo Rossi', 'Emily Carter']),
    );
  });

  it('finds users regardless of diacritics, by name or email, across pages', async () => {
    const adapter = createMemoryAdapter();
    expect((await adapter.searchUsers({ query: 'wojcik' })).users.map((u) => u.displayName)).toEqual([
      'Zofia Wójcik',
    ]);
    expect((await adapter.searchUsers({ query: 'LUKASZ' })).users.map((u) => u.displayName)).toEqual([
      'Łukasz Kowalczyk',
    ]);
    const first = await adapter.searchUsers({ query: 'a', limit: 10 });
    const second = await adapter.searchUsers({ query: 'a', limit: 10, cursor: first.nextCursor });
    expect(first.users).toHaveLength(10);
    expect(second.users[0]?.id).not.toBe(first.users[0]?.id);
    expect(new Set([...first.users, ...second.users].map((u) => u.id)).size).toBe(20);
  });

  it('answers a query typed letter by letter exactly as a fresh search would', async () => {
    const typed = createMemoryAdapter({ users: 2000 });
    const queries = ['a', 'an', 'ann', 'anna', 'anna ', 'anna s', 'anna', 'so', 'sofia 1', 'sofia 12', ''];
    for (const query of queries) {
      const fresh = createMemoryAdapter({ users: 2000 });
      const [incremental, reference] = await Promise.all([
        typed.searchUsers({ query, limit: 200 }),
        fresh.searchUsers({ query, limit: 200 }),
      ]);
      expect(incremental.total).toBe(reference.total);
      expect(incremental.users.map((user) => user.id)).toEqual(reference.users.map((user) => user.id));
    }
  });

  it('generates the same large account every time', () => {
    const a = generateUsers(100_000);
    const b = generateUsers(100_000);
    expect(a).toHaveLength(100_000);
    expect(a[99_999]).toEqual(b[99_999]);
  });
});

describe('memory adapter: contact rules', () => {
  it('refuses a fourth billing contact', async () => {
    const adapter = createMemoryAdapter();
    const error = await rejection(
      adapter.updateContacts({ billingContactIds: ['u002', 'u003', 'u004', 'u005'] }, { expectedVersion: 1 }),
    );
    expect(error.code).toBe('validation');
    expect(error.fieldIssues).toContainEqual({ path: ['billingContactIds'], code: 'billingContactsTooMany' });
  });

  it('refuses the same billing contact twice', async () => {
    const adapter = createMemoryAdapter();
    const error = await rejection(
      adapter.updateContacts({ billingContactIds: ['u002', 'u002'] }, { expectedVersion: 1 }),
    );
    expect(error.fieldIssues.map((issue) => issue.code)).toContain('billingContactsDuplicate');
  });

  it('refuses an external email on a role that does not allow one, and accepts it on security', async () => {
    const adapter = createMemoryAdapter();
    const error = await rejection(
      adapter.updateContacts(
        { roleContacts: { decisionMaker: { kind: 'email', email: 'boss@example.com' } } },
        { expectedVersion: 1 },
      ),
    );
    expect(error.fieldIssues).toEqual([
      { path: ['roleContacts', 'decisionMaker'], code: 'externalEmailNotAllowed' },
    ]);
    const saved = await adapter.updateContacts(
      { roleContacts: { security: { kind: 'email', email: 'soc@partner.example' } } },
      { expectedVersion: 1 },
    );
    expect(saved.roleContacts.security).toEqual({ kind: 'email', email: 'soc@partner.example' });
    expect(saved.version).toBe(2);
  });

  it('refuses deactivated and unknown users', async () => {
    const adapter = createMemoryAdapter();
    // u015 (Lukas Weiß) is deactivated in the seed.
    const error = await rejection(
      adapter.updateContacts({ primaryContactId: 'u015' }, { expectedVersion: 1 }),
    );
    expect(error.fieldIssues).toEqual([{ path: ['primaryContactId'], code: 'userDeactivated' }]);
    const unknown = await rejection(
      adapter.updateContacts({ primaryContactId: 'nobody' }, { expectedVersion: 1 }),
    );
    expect(unknown.fieldIssues).toEqual([{ path: ['primaryContactId'], code: 'userNotFound' }]);
  });

  it('reports a stale version as a conflict with the current contacts and who changed them', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.simulateConcurrentChange({ primaryContactId: 'u005' }, 'Matteo Rossi');
    const error = await rejection(
      adapter.updateContacts({ primaryContactId: 'u003' }, { expectedVersion: 1 }),
    );
    expect(error.code).toBe('conflict');
    expect(error.current).toMatchObject({
      version: 2,
      updatedBy: 'Matteo Rossi',
      primaryContact: { id: 'u005' },
    });
    expect((await adapter.getContacts()).primaryContact?.id).toBe('u005');
  });

  it('forbids changes by a viewer without permission', async () => {
    const adapter = createMemoryAdapter({ viewer: { permissions: { manageContacts: false } } });
    expect(
      (await rejection(adapter.updateContacts({ primaryContactId: 'u003' }, { expectedVersion: 1 }))).code,
    ).toBe('forbidden');
  });

  it('clears a role', async () => {
    const adapter = createMemoryAdapter();
    const saved = await adapter.updateContacts({ roleContacts: { security: null } }, { expectedVersion: 1 });
    expect(saved.roleContacts.security).toBeUndefined();
  });

  it('hands out copies, so a caller cannot change stored data', async () => {
    const adapter = createMemoryAdapter();
    const contacts = await adapter.getContacts();
    const [first] = contacts.billingContacts;
    if (first) contacts.billingContacts.push(first, first);
    expect((await adapter.getContacts()).billingContacts).toHaveLength(2);
  });
});

describe('memory adapter: orders', () => {
  it('prices a per-seat tier with included seats, tax and the next charge date', async () => {
    const adapter = createMemoryAdapter({ now: () => new Date('2026-11-22T10:00:00Z') });
    const quote = await adapter.previewOrder(
      draft({ tierId: 'service-starter', interval: 'monthly', seatUserIds: ['u001', 'u002', 'u003'] }),
    );
    expect(quote.lineItems.map((item) => [item.kind, item.quantity])).toEqual([
      ['included_seats', 2],
      ['seats', 1],
    ]);
    expect(quote.taxRatePercent).toBe(19);
    expect(quote.total).toBe(quote.subtotal - quote.credit + quote.tax);
    expect(quote.nextChargeDate).toBe('2026-12-22');
  });

  it('refuses a contact-sales tier and an interval the tier does not offer', async () => {
    const adapter = createMemoryAdapter();
    expect(
      (await rejection(adapter.previewOrder(draft({ tierId: 'marketing-enterprise' })))).fieldIssues[0]?.code,
    ).toBe('tierContactSales');
    expect((await rejection(adapter.previewOrder(draft({ interval: 'monthly' })))).fieldIssues[0]?.code).toBe(
      'intervalNotOffered',
    );
  });

  it('places one order per idempotency key, however often it is called', async () => {
    const adapter = createMemoryAdapter();
    const [a, b] = await Promise.all([
      adapter.placeOrder(draft(), { idempotencyKey: 'key-1' }),
      adapter.placeOrder(draft(), { idempotencyKey: 'key-1' }),
    ]);
    const c = await adapter.placeOrder(draft(), { idempotencyKey: 'key-1' });
    expect(a.orderId).toBe(b.orderId);
    expect(c.orderId).toBe(a.orderId);
    expect(adapter.control.orders()).toHaveLength(1);
  });

  it('refuses a reused idempotency key for a different order', async () => {
    const adapter = createMemoryAdapter();
    await adapter.placeOrder(draft(), { idempotencyKey: 'key-1' });
    const error = await rejection(
      adapter.placeOrder(draft({ currency: 'USD' }), { idempotencyKey: 'key-1' }),
    );
    expect(error.fieldIssues[0]?.code).toBe('idempotencyKeyReused');
  });

  it('tokenises a card without keeping its number, and declines the decline test card', async () => {
    const adapter = createMemoryAdapter();
    const { token } = await adapter.tokenizeCard({
      cardholderName: 'Anna Schmidt',
      number: '4000 0000 0000 0002',
      expiry: '12/30',
      securityCode: '123',
    });
    const method = await adapter.createPaymentMethod({ token, sharedWithAdmins: true });
    expect(method).toMatchObject({ brand: 'visa', last4: '0002', sharedWithAdmins: true });
    expect(JSON.stringify(await adapter.getPaymentMethods())).not.toContain('4000000000000002');
    const error = await rejection(
      adapter.placeOrder(draft({ paymentMethodId: method.id }), { idempotencyKey: 'k' }),
    );
    expect(error.code).toBe('payment_declined');
    expect(adapter.control.orders()).toHaveLength(0);
  });

  it('gives the seats bought to the users they were bought for, and keeps other products’ seats', async () => {
    const adapter = createMemoryAdapter({
      subscription: { seatHolders: { sales: ['u001', 'u002'], service: ['u003'] } },
    });
    await adapter.placeOrder(
      draft({ tierId: 'sales-professional', interval: 'monthly', seatUserIds: ['u002', 'u004'] }),
      { idempotencyKey: 'k' },
    );
    const { subscription } = await adapter.getCatalog('EUR');
    expect(subscription.seatHolders).toEqual({ sales: ['u002', 'u004'], service: ['u003'] });
    expect(subscription.tierIds).toContain('sales-professional');
  });

  it('forbids purchases by a viewer without permission', async () => {
    const adapter = createMemoryAdapter({ viewer: { permissions: { purchase: false } } });
    expect((await rejection(adapter.placeOrder(draft(), { idempotencyKey: 'k' }))).code).toBe('forbidden');
  });
});

describe('memory adapter: faults and latency', () => {
  it('fails the next N calls of the chosen operations with the chosen code', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(2, 'network', ['getContacts']);
    expect((await rejection(adapter.getContacts())).code).toBe('network');
    await expect(adapter.getRoleDefinitions()).resolves.toHaveLength(4);
    expect((await rejection(adapter.getContacts())).code).toBe('network');
    await expect(adapter.getContacts()).resolves.toMatchObject({ version: 1 });
  });

  it('injects rate limiting with a retry-after', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'rate_limited');
    const error = await rejection(adapter.getAccount());
    expect(error.code).toBe('rate_limited');
    expect(error.retryAfterSeconds).toBe(2);
  });

  it('fails a seeded share of calls, the same ones on every run', async () => {
    async function outcomes() {
      const adapter = createMemoryAdapter({ failureRate: 0.5, seed: 42 });
      const results: boolean[] = [];
      for (let i = 0; i < 20; i += 1)
        results.push(
          await adapter.getRoleDefinitions().then(
            () => true,
            () => false,
          ),
        );
      return results;
    }
    const first = await outcomes();
    expect(first).toEqual(await outcomes());
    expect(first.filter(Boolean).length).toBeGreaterThan(3);
    expect(first.filter((ok) => !ok).length).toBeGreaterThan(3);
  });

  it('aborts a slow read when its signal fires', async () => {
    const adapter = createMemoryAdapter({ latency: 1000 });
    const controller = new AbortController();
    const pending = adapter.searchUsers({ query: 'anna' }, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
