import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdapterError, isAmbiguousError } from '../src/adapter/errors';
import { createHttpAdapter, type HttpAdapterOptions } from '../src/adapter/http';
import { createMemoryAdapter } from '../src/adapter/memory';
import type { OrderDraft } from '../src/schemas';

/** One request as the fake server saw it. */
interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  signal: AbortSignal | null;
}

type Answer = Response | Error | ((request: SeenRequest) => Response | Error | Promise<Response | Error>);

/** A fetch that answers from a list (the last answer repeats) and records every request. */
function fakeFetch(...answers: Answer[]) {
  const requests: SeenRequest[] = [];
  const fetch = vi.fn(async (input: string | URL | Request, init: RequestInit = {}) => {
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      url: new URL(input instanceof Request ? input.url : input),
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? null,
    };
    requests.push(request);
    const next = answers.length > 1 ? answers.shift() : answers[0];
    const answer = typeof next === 'function' ? await next(request) : next;
    if (!answer) throw new Error('no answer queued');
    if (answer instanceof Error) throw answer;
    // The last answer repeats, so hand out a copy each time: a body can be read once.
    return answer.clone();
  });
  return { fetch: fetch as unknown as typeof globalThis.fetch, requests };
}

function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

function problem(
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return new Response(JSON.stringify({ type: `about:blank`, title: code, status, code, ...extra }), {
    status,
    headers: { 'Content-Type': 'application/problem+json', ...headers },
  });
}

function adapterWith(answers: Answer[], options: Partial<HttpAdapterOptions> = {}) {
  const fake = fakeFetch(...answers);
  const adapter = createHttpAdapter({
    baseUrl: 'https://api.example.com/v1/',
    fetch: fake.fetch,
    retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 20 },
    ...options,
  });
  return { adapter, ...fake };
}

async function failure(promise: Promise<unknown>): Promise<AdapterError> {
  const error: unknown = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof AdapterError)) throw error;
  return error;
}

const memory = createMemoryAdapter();
const company: NonNullable<OrderDraft['company']> = {
  name: 'Nordlicht Logistik GmbH',
  addressLine1: 'Hafenstraße 12',
  addressLine2: '',
  city: 'Hamburg',
  postalCode: '20457',
  country: 'DE',
  taxId: '',
};
const draft: OrderDraft = {
  tierId: 'marketing-professional',
  currency: 'EUR',
  interval: 'annual',
  seatUserIds: [],
  paymentMethodId: 'pm_visa_4242',
  company,
};

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('createHttpAdapter: requests', () => {
  it('reads every resource from its path and returns the parsed body', async () => {
    const account = await memory.getAccount();
    const contacts = await memory.getContacts();
    const roles = await memory.getRoleDefinitions();
    const catalog = await memory.getCatalog('EUR');
    const methods = await memory.getPaymentMethods();
    const users = await memory.getUsersByIds(['u001', 'u002']);
    const { adapter, requests } = adapterWith([
      json(account),
      json(contacts),
      json(roles),
      json(catalog),
      json(methods),
      json(users),
    ]);
    expect(await adapter.getAccount()).toEqual(account);
    expect(await adapter.getContacts()).toEqual(contacts);
    expect(await adapter.getRoleDefinitions()).toEqual(roles);
    expect(await adapter.getCatalog('EUR')).toEqual(catalog);
    expect(await adapter.getPaymentMethods()).toEqual(methods);
    expect(await adapter.getUsersByIds(['u001', 'u002'])).toEqual(users);
    expect(
      requests.map((request) => `${request.method} ${request.url.pathname}${request.url.search}`),
    ).toEqual([
      'GET /v1/account',
      'GET /v1/contacts',
      'GET /v1/roles',
      'GET /v1/catalog?currency=EUR',
      'GET /v1/payment-methods',
      'POST /v1/users/lookup',
    ]);
    expect(requests[5]?.body).toEqual({ ids: ['u001', 'u002'] });
    expect(requests[0]?.headers.get('Accept')).toContain('application/json');
  });

  it('asks for no users without a request', async () => {
    const { adapter, fetch } = adapterWith([json([])]);
    expect(await adapter.getUsersByIds([])).toEqual([]);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('sends the search as query parameters, one per excluded id', async () => {
    const page = await memory.searchUsers({ query: 'an', limit: 2 });
    const { adapter, requests } = adapterWith([json(page)]);
    expect(
      await adapter.searchUsers({
        query: 'Zofia W',
        cursor: 'abc',
        limit: 2,
        includeDeactivated: false,
        excludeIds: ['u001', 'u,2'],
      }),
    ).toEqual(page);
    const url = requests[0]?.url;
    expect(url?.pathname).toBe('/v1/users');
    expect(url?.searchParams.get('query')).toBe('Zofia W');
    expect(url?.searchParams.get('cursor')).toBe('abc');
    expect(url?.searchParams.get('limit')).toBe('2');
    expect(url?.searchParams.get('includeDeactivated')).toBe('false');
    expect(url?.searchParams.getAll('excludeIds')).toEqual(['u001', 'u,2']);
  });

  it('sends the contacts version as an If-Match precondition', async () => {
    const contacts = await memory.getContacts();
    const { adapter, requests } = adapterWith([json(contacts)]);
    await adapter.updateContacts({ primaryContactId: 'u002' }, { expectedVersion: 7 });
    expect(requests[0]?.method).toBe('PATCH');
    expect(requests[0]?.url.pathname).toBe('/v1/contacts');
    expect(requests[0]?.headers.get('If-Match')).toBe('"7"');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({ primaryContactId: 'u002' });
  });

  it('sends the idempotency key with an order and returns the order', async () => {
    const order = {
      orderId: 'order_1',
      status: 'completed',
      tierId: draft.tierId,
      interval: 'annual',
      seats: 0,
      total: 100,
      currency: 'EUR',
      placedAt: new Date().toISOString(),
    };
    const { adapter, requests } = adapterWith([json(order, 201)]);
    expect(await adapter.placeOrder(draft, { idempotencyKey: 'key-1' })).toEqual(order);
    expect(requests[0]?.url.pathname).toBe('/v1/orders');
    expect(requests[0]?.headers.get('Idempotency-Key')).toBe('key-1');
    expect(requests[0]?.body).toEqual(draft);
  });

  it('prices, tokenises and saves payment methods with POST', async () => {
    const quote = await memory.previewOrder(draft);
    const [method] = await memory.getPaymentMethods();
    const { adapter, requests } = adapterWith([
      json(quote),
      json({ token: 'tok_1' }, 201),
      json(method, 201),
    ]);
    expect(await adapter.previewOrder(draft)).toEqual(quote);
    const card = {
      cardholderName: 'Anna Schmidt',
      number: '4242 4242 4242 4242',
      expiry: '12/40',
      securityCode: '123',
    };
    expect(await adapter.tokenizeCard(card)).toEqual({ token: 'tok_1' });
    expect(await adapter.createPaymentMethod({ token: 'tok_1', sharedWithAdmins: true })).toEqual(method);
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'POST /v1/quotes',
      'POST /v1/card-tokens',
      'POST /v1/payment-methods',
    ]);
    expect(requests[2]?.body).toEqual({ token: 'tok_1', sharedWithAdmins: true });
  });

  it('adds the host headers: a fixed object, a function, or an async function called per request', async () => {
    const account = await memory.getAccount();
    const fixed = adapterWith([json(account)], { headers: { Authorization: 'Bearer one' } });
    await fixed.adapter.getAccount();
    expect(fixed.requests[0]?.headers.get('Authorization')).toBe('Bearer one');

    let token = 0;
    const sync = adapterWith([json(account)], { headers: () => ({ Authorization: `Bearer ${++token}` }) });
    await sync.adapter.getAccount();
    await sync.adapter.getAccount();
    expect(sync.requests.map((request) => request.headers.get('Authorization'))).toEqual([
      'Bearer 1',
      'Bearer 2',
    ]);

    const async = adapterWith([json(account)], {
      headers: async () => {
        await Promise.resolve();
        return { Authorization: 'Bearer later', 'X-Tenant': 'nordlicht' };
      },
    });
    await async.adapter.getAccount();
    expect(async.requests[0]?.headers.get('Authorization')).toBe('Bearer later');
    expect(async.requests[0]?.headers.get('X-Tenant')).toBe('nordlicht');
  });
});

describe('createHttpAdapter: subscriptions, cards and seats', () => {
  it('reads subscriptions and a product’s seats from their paths', async () => {
    const subscriptions = await memory.getSubscriptions();
    const seats = await memory.getSeatAssignments('sales');
    const { adapter, requests } = adapterWith([json(subscriptions), json(seats)]);
    expect(await adapter.getSubscriptions()).toEqual(subscriptions);
    expect(await adapter.getSeatAssignments('sales')).toEqual(seats);
    expect(requests.map((request) => `${request.method} ${request.url.pathname}`)).toEqual([
      'GET /v1/subscriptions',
      'GET /v1/seat-assignments/sales',
    ]);
  });

  it('sends every card and seat change with its version as If-Match, to the card’s or product’s path', async () => {
    const methods = await memory.getPaymentMethods();
    const [method] = methods;
    const seats = await memory.getSeatAssignments('sales');
    const { adapter, requests } = adapterWith([
      json(methods),
      json(method),
      new Response(null, { status: 204 }),
      json(seats),
    ]);
    expect(await adapter.setDefaultPaymentMethod('pm/odd id', { expectedVersion: 3 })).toEqual(methods);
    expect(await adapter.updatePaymentMethodSharing('pm_visa_4242', true, { expectedVersion: 4 })).toEqual(
      method,
    );
    await expect(
      adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 5 }),
    ).resolves.toBeUndefined();
    const update = { assign: ['u003'], unassign: ['u015'] };
    expect(await adapter.updateSeatAssignments('sales', update, { expectedVersion: 6 })).toEqual(seats);
    expect(
      requests.map((request) => [
        `${request.method} ${request.url.pathname}`,
        request.headers.get('If-Match'),
        request.body,
      ]),
    ).toEqual([
      // Ids are opaque: one that holds a slash or a space stays one path segment.
      ['POST /v1/payment-methods/pm%2Fodd%20id/default', '"3"', undefined],
      ['PATCH /v1/payment-methods/pm_visa_4242', '"4"', { sharedWithAdmins: true }],
      ['DELETE /v1/payment-methods/pm_visa_4242', '"5"', undefined],
      ['PATCH /v1/seat-assignments/sales', '"6"', update],
    ]);
  });

  it('never repeats a card or seat change after a lost answer', async () => {
    const { adapter, requests } = adapterWith([new TypeError('connection reset')]);
    expect((await failure(adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 1 }))).code).toBe(
      'network',
    );
    expect(
      (
        await failure(
          adapter.updateSeatAssignments('sales', { assign: [], unassign: [] }, { expectedVersion: 1 }),
        )
      ).code,
    ).toBe('network');
    expect(requests).toHaveLength(2);
  });

  it('hands a conflict the current cards or seats, whichever the write was about', async () => {
    const methods = await memory.getPaymentMethods();
    const seats = await memory.getSeatAssignments('sales');
    const contacts = await memory.getContacts();
    const { adapter } = adapterWith([
      problem(412, 'conflict', { current: methods }),
      problem(412, 'conflict', { current: seats }),
      problem(412, 'conflict', { current: contacts }),
    ]);
    expect(
      (await failure(adapter.setDefaultPaymentMethod('pm_mc_4444', { expectedVersion: 1 }))).current,
    ).toEqual(methods);
    expect(
      (
        await failure(
          adapter.updateSeatAssignments('sales', { assign: [], unassign: [] }, { expectedVersion: 1 }),
        )
      ).current,
    ).toEqual(seats);
    // The contacts are not the cards: a conflict whose state is of the wrong kind carries none.
    const mismatched = await failure(adapter.removePaymentMethod('pm_mc_4444', { expectedVersion: 1 }));
    expect(mismatched.code).toBe('conflict');
    expect(mismatched.current).toBeUndefined();
  });

  it('passes on a refusal’s field issues, and refuses a body where a removal has none', async () => {
    const { adapter } = adapterWith([
      problem(422, 'validation', {
        fieldIssues: [{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }],
      }),
      json({ removed: true }),
    ]);
    const refusal = await failure(adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 1 }));
    expect(refusal.fieldIssues).toEqual([{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }]);
    const odd = await failure(adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 1 }));
    expect(odd.code).toBe('unknown');
    expect(odd.message).toContain('DELETE /payment-methods/pm_visa_4242');
  });
});

describe('createHttpAdapter: malformed answers', () => {
  it('refuses an answer that does not match the schema, as unknown with details for developers', async () => {
    const contacts = await memory.getContacts();
    const { adapter } = adapterWith([json({ ...contacts, version: 'seven' })]);
    const error = await failure(adapter.getContacts());
    expect(error.code).toBe('unknown');
    expect(error.message).toContain('GET /contacts');
    expect(error.message).toContain('version');
  });

  it('refuses a body that is not JSON', async () => {
    const { adapter } = adapterWith([new Response('<html>gateway</html>', { status: 200 })]);
    const error = await failure(adapter.getAccount());
    expect(error.code).toBe('unknown');
    expect(error.message).toMatch(/not JSON/);
  });

  it('refuses a list where an object belongs, and a user with a bad email', async () => {
    const page = await memory.searchUsers({ query: '', limit: 1 });
    const badUser = { ...page, users: [{ ...page.users[0], email: 'not an email' }] };
    const { adapter } = adapterWith([json([]), json(badUser)]);
    expect((await failure(adapter.getAccount())).code).toBe('unknown');
    expect((await failure(adapter.searchUsers({ query: '' }))).code).toBe('unknown');
  });

  it('leaves unknown keys such as __proto__ harmless', async () => {
    const contacts = await memory.getContacts();
    const body = JSON.stringify(contacts).replace(/^\{/, '{"__proto__":{"polluted":true},"extra":1,');
    const { adapter } = adapterWith([new Response(body, { status: 200 })]);
    const read = await adapter.getContacts();
    expect(read).toEqual(contacts);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect('extra' in read).toBe(false);
  });
});

describe('createHttpAdapter: status mapping', () => {
  it.each([
    [400, 'validation'],
    [422, 'validation'],
    [401, 'forbidden'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [412, 'conflict'],
    [429, 'rate_limited'],
    [500, 'unknown'],
    [502, 'network'],
    [503, 'network'],
    [504, 'network'],
  ] as const)('maps %i to %s', async (status, code) => {
    const { adapter } = adapterWith([problem(status, code)], { retry: false });
    expect((await failure(adapter.getContacts())).code).toBe(code);
  });

  it('maps a status without a problem body by the status alone', async () => {
    const { adapter } = adapterWith([new Response('Forbidden', { status: 403 })]);
    const error = await failure(adapter.getAccount());
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain('403');
  });

  it('carries field issues from a 422 problem, and ignores malformed ones', async () => {
    const fieldIssues = [
      { path: ['billingContactIds', 1], code: 'userDeactivated' },
      { path: ['primaryContactId'], code: 'userNotFound' },
    ];
    const { adapter } = adapterWith([
      problem(422, 'validation', { fieldIssues }),
      problem(422, 'validation', { fieldIssues: [{ path: 'nope', code: 3 }] }),
    ]);
    const error = await failure(
      adapter.updateContacts({ billingContactIds: ['u001'] }, { expectedVersion: 1 }),
    );
    expect(error.code).toBe('validation');
    expect(error.fieldIssues).toEqual(fieldIssues);
    const malformed = await failure(adapter.updateContacts({}, { expectedVersion: 1 }));
    expect(malformed.code).toBe('validation');
    expect(malformed.fieldIssues).toEqual([]);
  });

  it('carries the current contacts with a conflict', async () => {
    const current = await memory.getContacts();
    const { adapter } = adapterWith([problem(412, 'conflict', { current })]);
    const error = await failure(adapter.updateContacts({ primaryContactId: 'u002' }, { expectedVersion: 0 }));
    expect(error.code).toBe('conflict');
    expect(error.current).toEqual(current);
  });

  it('reads Retry-After as seconds or as a date', async () => {
    const seconds = adapterWith([problem(429, 'rate_limited', {}, { 'Retry-After': '30' })], {
      retry: false,
    });
    expect((await failure(seconds.adapter.getAccount())).retryAfterSeconds).toBe(30);
    const at = new Date(Date.now() + 120_000).toUTCString();
    const date = adapterWith([problem(429, 'rate_limited', {}, { 'Retry-After': at })], { retry: false });
    const seconds2 = (await failure(date.adapter.getAccount())).retryAfterSeconds ?? 0;
    expect(seconds2).toBeGreaterThan(100);
    expect(seconds2).toBeLessThanOrEqual(120);
  });

  it('maps a 402 to a declined payment with the decline code', async () => {
    const { adapter } = adapterWith([
      problem(402, 'payment_declined', { declineCode: 'insufficient_funds' }),
    ]);
    const error = await failure(adapter.placeOrder(draft, { idempotencyKey: 'k' }));
    expect(error.code).toBe('payment_declined');
    expect(error.declineCode).toBe('insufficient_funds');
    expect(isAmbiguousError(error)).toBe(false);
  });

  it('maps a failed connection to network', async () => {
    const { adapter } = adapterWith([new TypeError('fetch failed')], { retry: false });
    const error = await failure(adapter.getAccount());
    expect(error.code).toBe('network');
    expect(error.message).toContain('fetch failed');
  });

  it('gives up after timeoutMs as network', async () => {
    const hang: Answer = (request) =>
      new Promise((_, reject) => {
        request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const { adapter } = adapterWith([hang], { timeoutMs: 20, retry: false });
    const error = await failure(adapter.getAccount());
    expect(error.code).toBe('network');
    expect(error.message).toMatch(/timed out after 20 ms/);
  });
});

describe('createHttpAdapter: abort and retry', () => {
  it('aborts a read when its signal aborts, without retrying', async () => {
    const hang: Answer = (request) =>
      new Promise((_, reject) => {
        request.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    const { adapter, fetch } = adapterWith([hang]);
    const controller = new AbortController();
    const reading = adapter.getContacts({ signal: controller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not start a read whose signal already aborted', async () => {
    const { adapter, fetch } = adapterWith([json({})]);
    await expect(adapter.getAccount({ signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it('retries a read after transient failures, then succeeds', async () => {
    const account = await memory.getAccount();
    const { adapter, fetch } = adapterWith([new TypeError('reset'), problem(503, 'network'), json(account)]);
    expect(await adapter.getAccount()).toEqual(account);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('stops retrying after the configured retries', async () => {
    const { adapter, fetch } = adapterWith([problem(503, 'network')]);
    expect((await failure(adapter.getContacts())).code).toBe('network');
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('never retries what a repeat cannot fix', async () => {
    for (const status of [400, 403, 404, 409, 500]) {
      const { adapter, fetch } = adapterWith([problem(status, 'x')]);
      await failure(adapter.getContacts());
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });

  it('never retries a malformed answer', async () => {
    const { adapter, fetch } = adapterWith([json({ nope: true })]);
    await failure(adapter.getAccount());
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('waits for a short Retry-After, and leaves a long one to the user', async () => {
    const account = await memory.getAccount();
    const short = adapterWith([problem(429, 'rate_limited', {}, { 'Retry-After': '0' }), json(account)]);
    expect(await short.adapter.getAccount()).toEqual(account);
    expect(short.fetch).toHaveBeenCalledTimes(2);
    const long = adapterWith([problem(429, 'rate_limited', {}, { 'Retry-After': '60' }), json(account)]);
    expect((await failure(long.adapter.getAccount())).retryAfterSeconds).toBe(60);
    expect(long.fetch).toHaveBeenCalledTimes(1);
  });

  it('backs off exponentially with jitter between attempts', async () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const account = await memory.getAccount();
    const { adapter, fetch } = createAdapterWithTimers([
      problem(503, 'network'),
      problem(503, 'network'),
      json(account),
    ]);
    const reading = adapter.getAccount();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetch).toHaveBeenCalledTimes(1);
    // First retry: base 100 ms, jitter in its upper half → 75 ms with random() = 0.5.
    await vi.advanceTimersByTimeAsync(74);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(2);
    // Second retry: 200 ms doubled base → 150 ms.
    await vi.advanceTimersByTimeAsync(149);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(await reading).toEqual(account);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('aborts while waiting to retry', async () => {
    const { adapter, fetch } = adapterWith([problem(503, 'network')], {
      retry: { retries: 3, baseDelayMs: 10_000, maxDelayMs: 10_000 },
    });
    const controller = new AbortController();
    const reading = adapter.getContacts({ signal: controller.signal });
    await vi.waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    controller.abort();
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not retry at all with retry: false', async () => {
    const { adapter, fetch } = adapterWith([problem(503, 'network')], { retry: false });
    await failure(adapter.getContacts());
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('never repeats a contacts update, a card or a payment method on its own', async () => {
    const card = { cardholderName: 'A', number: '4242424242424242', expiry: '12/40', securityCode: '123' };
    const writes = [
      (adapter: ReturnType<typeof createHttpAdapter>) => adapter.updateContacts({}, { expectedVersion: 1 }),
      (adapter: ReturnType<typeof createHttpAdapter>) => adapter.tokenizeCard(card),
      (adapter: ReturnType<typeof createHttpAdapter>) =>
        adapter.createPaymentMethod({ token: 't', sharedWithAdmins: false }),
    ];
    for (const write of writes) {
      const { adapter, fetch } = adapterWith([new TypeError('reset')]);
      const error = await failure(write(adapter));
      expect(error.code).toBe('network');
      expect(isAmbiguousError(error)).toBe(true);
      expect(fetch).toHaveBeenCalledTimes(1);
    }
  });

  it('repeats an order only with the same idempotency key', async () => {
    const order = {
      orderId: 'order_1',
      status: 'completed',
      tierId: draft.tierId,
      interval: 'annual',
      seats: 0,
      total: 100,
      currency: 'EUR',
      placedAt: new Date().toISOString(),
    };
    const { adapter, requests } = adapterWith([
      new TypeError('reset'),
      problem(502, 'network'),
      json(order, 201),
    ]);
    expect(await adapter.placeOrder(draft, { idempotencyKey: 'same-key' })).toEqual(order);
    expect(requests.map((request) => request.headers.get('Idempotency-Key'))).toEqual([
      'same-key',
      'same-key',
      'same-key',
    ]);
    expect(requests.map((request) => request.body)).toEqual([draft, draft, draft]);
  });

  it('does not repeat an order after an unexplained server error', async () => {
    const { adapter, fetch } = adapterWith([problem(500, 'unknown')]);
    const error = await failure(adapter.placeOrder(draft, { idempotencyKey: 'k' }));
    expect(error.code).toBe('unknown');
    expect(isAmbiguousError(error)).toBe(true);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

function createAdapterWithTimers(answers: Answer[]) {
  const fake = fakeFetch(...answers);
  const adapter = createHttpAdapter({
    baseUrl: 'https://api.example.com/v1',
    fetch: fake.fetch,
    retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 1_000 },
  });
  return { adapter, ...fake };
}
