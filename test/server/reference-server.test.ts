import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdapterError } from '../../src/adapter/errors';
import { createHttpAdapter } from '../../src/adapter/http';
import { createMemoryAdapter } from '../../src/adapter/memory';
import type { AccountAdapter } from '../../src/adapter/types';
import type { OrderDraft, ViewerPermissions } from '../../src/schemas';
import { runAdapterConformance } from '../../src/testing';
import { DEMO_PASSWORD, DEMO_USERS } from '../../examples/reference-server/src/seed';
import { startReferenceServer, type ReferenceServer } from '../../examples/reference-server/src/server';

const company: NonNullable<OrderDraft['company']> = {
  name: 'Nordlicht Logistik GmbH',
  addressLine1: 'Hafenstraße 12',
  addressLine2: '',
  city: 'Hamburg',
  postalCode: '20457',
  country: 'DE',
  taxId: '',
};

// CI also runs this file against a PostgreSQL server: the same schema and queries as PGlite.
const databaseUrl = process.env.TEST_DATABASE_URL;

let server: ReferenceServer;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'abk-server-'));
  server = await startReferenceServer({ port: 0, dataDir, databaseUrl, sandbox: true });
}, 120_000);

afterAll(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A fresh sandbox account on the server, signed in as its first user. */
async function sandbox(permissions?: Partial<ViewerPermissions>) {
  const { status, body } = await post('/sandbox/accounts', permissions ? { permissions } : {});
  expect(status).toBe(201);
  const token = String(body.token);
  return {
    token,
    accountId: String(body.accountId),
    adapter: createHttpAdapter({
      baseUrl: server.apiUrl,
      headers: { Authorization: `Bearer ${token}` },
      retry: false,
    }),
  };
}

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof AdapterError)) throw error;
  return error;
}

async function orderDraft(adapter: AccountAdapter): Promise<OrderDraft> {
  return {
    tierId: 'marketing-professional',
    currency: 'EUR',
    interval: 'annual',
    seatUserIds: [],
    paymentMethodId: (await adapter.getPaymentMethods())[0]?.id ?? null,
    company,
  };
}

describe(`the reference server on ${databaseUrl ? 'PostgreSQL' : 'the embedded database'}, through createHttpAdapter`, () => {
  runAdapterConformance(
    { describe, it },
    { createAdapter: async (viewer) => (await sandbox(viewer?.permissions)).adapter, company },
  );

  it('signs in a seeded user with a password and refuses a wrong one', async () => {
    const signedIn = await post('/sessions', { email: DEMO_USERS.admin.email, password: DEMO_PASSWORD });
    expect(signedIn.status).toBe(201);
    expect(signedIn.body.userId).toBe(DEMO_USERS.admin.userId);
    const wrong = await post('/sessions', { email: DEMO_USERS.admin.email, password: 'guess' });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ status: 401, code: 'forbidden' });
  });

  it('refuses every route without a valid token', async () => {
    const anonymous = createHttpAdapter({ baseUrl: server.apiUrl, retry: false });
    expect((await failure(anonymous.getAccount())).code).toBe('forbidden');
    const forged = createHttpAdapter({
      baseUrl: server.apiUrl,
      headers: { Authorization: 'Bearer forged' },
      retry: false,
    });
    expect((await failure(forged.getContacts())).code).toBe('forbidden');
  });

  it('serves the OpenAPI document', async () => {
    const response = await fetch(`${server.apiUrl}/openapi.json`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { openapi: string }).openapi).toBe('3.1.1');
  });

  it('checks each permission on its routes, as the screens do', async () => {
    const { adapter } = await sandbox({ manageContacts: false, manageBilling: false, purchase: false });
    const { version } = await adapter.getContacts();
    expect((await adapter.getAccount()).viewer.permissions).toEqual({
      manageContacts: false,
      manageBilling: false,
      purchase: false,
    });
    expect(
      (await failure(adapter.updateContacts({ primaryContactId: 'u002' }, { expectedVersion: version })))
        .code,
    ).toBe('forbidden');
    expect((await failure(adapter.getPaymentMethods())).code).toBe('forbidden');
    expect((await failure(adapter.createPaymentMethod({ token: 'x', sharedWithAdmins: false }))).code).toBe(
      'forbidden',
    );
    const draft = { ...(await orderDraft((await sandbox()).adapter)), paymentMethodId: 'pm_visa_4242' };
    expect((await failure(adapter.placeOrder(draft, { idempotencyKey: 'viewer-1' }))).code).toBe('forbidden');
    expect((await adapter.getContacts()).version).toBe(version);
  });

  it('needs the version as If-Match, and answers a stale one with 412 and the current contacts', async () => {
    const { token } = await sandbox();
    const missing = await fetch(`${server.apiUrl}/contacts`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(missing.status).toBe(428);
    const stale = await fetch(`${server.apiUrl}/contacts`, {
      method: 'PATCH',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'If-Match': '"99"' },
      body: '{}',
    });
    expect(stale.status).toBe(412);
    expect(stale.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await stale.json()) as { current: { version: number } }).current.version).toBe(1);
  });

  it('names the field of each broken rule in a 422, with catalog keys only', async () => {
    const { adapter } = await sandbox();
    const { version } = await adapter.getContacts();
    const error = await failure(
      adapter.updateContacts(
        {
          primaryContactId: 'nobody',
          billingContactIds: ['u015'],
          roleContacts: { onboarding: { kind: 'email', email: 'outside@example.com' } },
        },
        { expectedVersion: version },
      ),
    );
    expect(error.code).toBe('validation');
    expect(error.fieldIssues).toEqual([
      { path: ['primaryContactId'], code: 'userNotFound' },
      { path: ['billingContactIds', 0], code: 'userDeactivated' },
      { path: ['roleContacts', 'onboarding'], code: 'externalEmailNotAllowed' },
    ]);
    const typed = await failure(
      adapter.updateContacts(
        { billingContactIds: 'u001' as unknown as string[] },
        { expectedVersion: version },
      ),
    );
    expect(typed.fieldIssues).toContainEqual({ path: ['billingContactIds'], code: 'invalid' });
    expect(typed.fieldIssues.every((issue) => /^[a-z][A-Za-z]+$/.test(issue.code))).toBe(true);
  });

  it('binds an idempotency key to its request: the same answer again, a different request refused', async () => {
    const { adapter, accountId } = await sandbox();
    const draft = await orderDraft(adapter);
    const first = await adapter.placeOrder(draft, { idempotencyKey: 'order-1' });
    const { company: draftCompany, ...rest } = draft;
    const reordered = JSON.parse(JSON.stringify({ company: draftCompany, ...rest })) as OrderDraft;
    expect(await adapter.placeOrder(reordered, { idempotencyKey: 'order-1' })).toEqual(first);
    const changed = await failure(
      adapter.placeOrder(
        { ...draft, interval: 'monthly', tierId: 'marketing-starter' },
        { idempotencyKey: 'order-1' },
      ),
    );
    expect(changed.code).toBe('validation');
    expect(changed.fieldIssues).toEqual([{ path: ['idempotencyKey'], code: 'idempotencyKeyReused' }]);
    expect(await server.store.orders(accountId)).toHaveLength(1);
  });

  it('binds a key to a decline too: the same key is declined again, even after the card changed', async () => {
    const { adapter, accountId } = await sandbox();
    const { token } = await adapter.tokenizeCard({
      cardholderName: 'Anna Schmidt',
      number: '4000 0000 0000 0002',
      expiry: '12/40',
      securityCode: '123',
    });
    const declining = await adapter.createPaymentMethod({ token, sharedWithAdmins: false });
    const draft = { ...(await orderDraft(adapter)), paymentMethodId: declining.id };
    const declined = await failure(adapter.placeOrder(draft, { idempotencyKey: 'declined-1' }));
    expect(declined.code).toBe('payment_declined');
    expect(declined.declineCode).toBe('card_declined');
    expect((await failure(adapter.placeOrder(draft, { idempotencyKey: 'declined-1' }))).code).toBe(
      'payment_declined',
    );
    const other = await failure(
      adapter.placeOrder({ ...draft, paymentMethodId: 'pm_visa_4242' }, { idempotencyKey: 'declined-1' }),
    );
    expect(other.fieldIssues).toEqual([{ path: ['idempotencyKey'], code: 'idempotencyKeyReused' }]);
    expect(await server.store.orders(accountId)).toHaveLength(0);
    expect(
      await adapter.placeOrder(
        { ...draft, paymentMethodId: 'pm_visa_4242' },
        { idempotencyKey: 'declined-2' },
      ),
    ).toMatchObject({ status: 'completed' });
  });

  it('finds users without accents or case, and pages through them without gaps', async () => {
    const { adapter } = await sandbox();
    expect((await adapter.searchUsers({ query: 'WOJCIK' })).users.map((user) => user.displayName)).toEqual([
      'Zofia Wójcik',
    ]);
    expect(
      (await adapter.searchUsers({ query: 'gross jurgen' })).users.map((user) => user.displayName),
    ).toEqual(['Jürgen Groß']);
    const all = await adapter.searchUsers({ query: '', limit: 200 });
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await adapter.searchUsers({ query: '', limit: 7, cursor });
      expect(page.total).toBe(all.total);
      paged.push(...page.users.map((user) => user.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.users.map((user) => user.id));
    expect(
      (await adapter.searchUsers({ query: '', includeDeactivated: false, excludeIds: ['u001'] })).users,
    ).not.toContainEqual(expect.objectContaining({ status: 'deactivated' }));
    expect((await failure(adapter.searchUsers({ query: '', cursor: 'not-a-cursor' }))).code).toBe(
      'validation',
    );
  });

  it('refuses the bad input the shared schemas refuse, as the memory adapter does', async () => {
    const { adapter } = await sandbox();
    const { version } = await adapter.getContacts();
    const lookalike = await failure(
      adapter.updateContacts(
        { roleContacts: { security: { kind: 'email', email: 'anna.schmidt\u200b@nordlicht.example' } } },
        { expectedVersion: version },
      ),
    );
    expect(lookalike.fieldIssues).toEqual([
      { path: ['roleContacts', 'security', 'email'], code: 'emailControlCharacters' },
    ]);
    for (const params of [
      { query: '', limit: 10_000 },
      { query: 'a'.repeat(10_000) },
      { query: '', limit: 0 },
    ]) {
      expect((await failure(adapter.searchUsers(params))).code).toBe('validation');
    }
    const zeros = await failure(
      adapter.tokenizeCard({
        cardholderName: 'Anna Schmidt',
        number: '0000 0000 0000 0000',
        expiry: '12/40',
        securityCode: '123',
      }),
    );
    expect(zeros.fieldIssues).toEqual([{ path: ['number'], code: 'cardNumberInvalid' }]);
    const draft = await orderDraft(adapter);
    expect(
      (await adapter.previewOrder({ ...draft, company: { ...company, taxId: '12-3456789' } })).taxRatePercent,
    ).toBe(19);
    expect(
      (await adapter.previewOrder({ ...draft, company: { ...company, taxId: 'DE123456789' } }))
        .taxRatePercent,
    ).toBe(0);
  });

  it('says who changed each section last, for the sections a save touched', async () => {
    const { adapter } = await sandbox();
    const before = await adapter.getContacts();
    expect(Object.keys(before.sectionChanges ?? {}).sort()).toEqual(['billing', 'primary', 'roles']);
    const saved = await adapter.updateContacts(
      { billingContactIds: ['u004'] },
      { expectedVersion: before.version },
    );
    expect(saved.sectionChanges?.billing).toEqual({ updatedAt: saved.updatedAt, updatedBy: 'Anna Schmidt' });
    expect(saved.sectionChanges?.primary).toEqual(before.sectionChanges?.primary);
    expect(saved.sectionChanges?.roles).toEqual(before.sectionChanges?.roles);
  });

  it('answers subscriptions, cards and seats as the memory adapter does for the same seed', async () => {
    const { adapter } = await sandbox();
    const memory = createMemoryAdapter();
    expect(await adapter.getSubscriptions()).toEqual(await memory.getSubscriptions());
    expect(await adapter.getPaymentMethods()).toEqual(await memory.getPaymentMethods());
    expect(await adapter.getSeatAssignments('sales')).toEqual({
      ...(await memory.getSeatAssignments('sales')),
      updatedAt: expect.any(String) as unknown,
    });
  });

  it('guards card and seat writes with If-Match: 428 without it, 412 with the current state when stale', async () => {
    const { token, adapter } = await sandbox();
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
    for (const [method, path, body] of [
      ['DELETE', '/payment-methods/pm_visa_4242', undefined],
      ['PATCH', '/payment-methods/pm_visa_4242', '{"sharedWithAdmins":true}'],
      ['POST', '/payment-methods/pm_mc_4444/default', undefined],
      ['PATCH', '/seat-assignments/sales', '{"assign":[],"unassign":[]}'],
    ] as const) {
      const response = await fetch(`${server.apiUrl}${path}`, { method, headers, body: body ?? null });
      expect(response.status, `${method} ${path}`).toBe(428);
    }
    const seats = await fetch(`${server.apiUrl}/seat-assignments/sales`, { headers });
    expect(seats.headers.get('ETag')).toBe('"1"');
    await adapter.updateSeatAssignments('sales', { assign: ['u003'], unassign: [] }, { expectedVersion: 1 });
    const stale = await fetch(`${server.apiUrl}/seat-assignments/sales`, {
      method: 'PATCH',
      headers: { ...headers, 'If-Match': '"1"' },
      body: '{"assign":[],"unassign":["u003"]}',
    });
    expect(stale.status).toBe(412);
    expect(((await stale.json()) as { current: { version: number } }).current.version).toBe(2);
    const removed = await fetch(`${server.apiUrl}/payment-methods/pm_visa_4242`, {
      method: 'DELETE',
      headers: { ...headers, 'If-Match': '"1"' },
    });
    // The default card of a running subscription stays.
    expect(removed.status).toBe(422);
    expect(await removed.json()).toMatchObject({
      code: 'validation',
      fieldIssues: [{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }],
    });
  });

  it('keeps a valid card on file when the default has expired', async () => {
    const { adapter, accountId } = await sandbox();
    const lastYear = new Date().getFullYear() - 1;
    // Time passes: both seeded cards expire.
    await server.database.query('UPDATE payment_methods SET exp_year = $2 WHERE account_id = $1', [
      accountId,
      lastYear,
    ]);
    const { token } = await adapter.tokenizeCard({
      cardholderName: 'Anna Schmidt',
      number: '4242 4242 4242 4242',
      expiry: '12/40',
      securityCode: '123',
    });
    const fresh = await adapter.createPaymentMethod({ token, sharedWithAdmins: false });
    expect(fresh).toMatchObject({ isDefault: false, version: 1 });
    expect(
      (await failure(adapter.removePaymentMethod(fresh.id, { expectedVersion: 1 }))).fieldIssues,
    ).toEqual([{ path: ['paymentMethodId'], code: 'lastValidPaymentMethod' }]);
    expect(
      (await failure(adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 1 }))).fieldIssues,
    ).toEqual([{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }]);
    expect(
      (await failure(adapter.setDefaultPaymentMethod('pm_mc_4444', { expectedVersion: 1 }))).fieldIssues,
    ).toEqual([{ path: ['paymentMethodId'], code: 'paymentMethodExpired' }]);
    const after = await adapter.setDefaultPaymentMethod(fresh.id, { expectedVersion: 1 });
    expect(after.map((method) => [method.id, method.isDefault, method.version])).toEqual([
      ['pm_visa_4242', false, 2],
      ['pm_mc_4444', false, 1],
      [fresh.id, true, 2],
    ]);
    await adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 2 });
    expect((await adapter.getSubscriptions())[0]?.paymentMethod?.id).toBe(fresh.id);
  });

  it('records an order as its product’s subscription, with the order’s seat users as holders', async () => {
    const { adapter } = await sandbox();
    await adapter.placeOrder(
      {
        tierId: 'service-starter',
        currency: 'EUR',
        interval: 'annual',
        seatUserIds: ['u003', 'u004', 'u005'],
        paymentMethodId: 'pm_visa_4242',
        company,
      },
      { idempotencyKey: 'order-service' },
    );
    const service = (await adapter.getSubscriptions()).find(
      (subscription) => subscription.productId === 'service',
    );
    expect(service).toMatchObject({
      tierId: 'service-starter',
      interval: 'annual',
      seatsBought: 3,
      seatsAssigned: 3,
    });
    const seats = await adapter.getSeatAssignments('service');
    expect(seats.holders.map((user) => user.id).sort()).toEqual(['u003', 'u004', 'u005']);
    expect(seats.updatedBy).toBe('Anna Schmidt');
  });

  it('keeps its data across a restart', async () => {
    const { adapter, token } = await sandbox();
    const { version } = await adapter.getContacts();
    await adapter.updateContacts({ billingContactIds: ['u004', 'u006'] }, { expectedVersion: version });
    await server.close();
    server = await startReferenceServer({ port: 0, dataDir, databaseUrl, sandbox: true });
    const again = createHttpAdapter({
      baseUrl: server.apiUrl,
      headers: { Authorization: `Bearer ${token}` },
    });
    const contacts = await again.getContacts();
    expect(contacts.version).toBe(version + 1);
    expect(contacts.billingContacts.map((user) => user.id)).toEqual(['u004', 'u006']);
  }, 60_000);
});
