import * as z from 'zod/mini';
import {
  accountContactsSchema,
  accountSchema,
  catalogSchema,
  orderResultSchema,
  paymentMethodSchema,
  problemDetailsSchema,
  productSubscriptionSchema,
  quoteSchema,
  roleDefinitionSchema,
  productSeatsSchema,
  userPageSchema,
  userSchema,
  type ProblemDetails,
} from '../schemas/index.js';
import { AdapterError, isTransientError, type AdapterErrorCode } from './errors.js';
import type { AccountAdapter, ReadOptions, VersionedWriteOptions } from './types.js';

/** Headers sent with every request: fixed, or computed per request (e.g. a fresh bearer token). */
export type HttpAdapterHeaders =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** How reads (and `placeOrder`, with its key) are retried after a transient failure. */
export interface HttpRetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** Delay before the first retry; doubles each time, with jitter. Default 300 ms. */
  baseDelayMs?: number;
  /** Longest delay between two attempts; a longer `Retry-After` is not waited for. Default 5 s. */
  maxDelayMs?: number;
}

/** How to configure `createHttpAdapter`. */
export interface HttpAdapterOptions {
  /** Where the REST contract is served, e.g. `https://api.example.com/account-billing/v1`. */
  baseUrl: string | URL;
  /** The `fetch` to use. Default: the global one. */
  fetch?: typeof fetch;
  /** Added to every request, e.g. `() => ({ Authorization: \`Bearer ${getToken()}\` })`. */
  headers?: HttpAdapterHeaders;
  /** An attempt that takes longer fails as `network`. Default 15 000 ms. */
  timeoutMs?: number;
  /** Retries of reads and of `placeOrder`; `false` turns them off. */
  retry?: HttpRetryOptions | false;
}

/** Which calls may be repeated on their own: reads, and `placeOrder` because its key makes it safe. */
type RetryPolicy = 'read' | 'never' | 'same-key';

interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  query?: URLSearchParams;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | undefined;
  /** What the answer must be; `null` for an answer without a body (`204 No Content`). */
  schema: z.ZodMiniType<T> | null;
  /** What a `conflict` problem's `current` is: the contacts unless the call says otherwise. */
  conflictSchema?: z.ZodMiniType;
  retry: RetryPolicy;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_RETRY: Required<HttpRetryOptions> = { retries: 2, baseDelayMs: 300, maxDelayMs: 5_000 };

const tokenSchema = z.object({ token: z.string().check(z.minLength(1)) });
const paymentMethodsSchema = z.array(paymentMethodSchema);

/** An `If-Match` precondition on the version a change was made on. */
function ifMatch({ expectedVersion }: VersionedWriteOptions): Record<string, string> {
  return { 'If-Match': `"${expectedVersion}"` };
}

/** A path segment from an id: ids are opaque and may hold characters a path may not. */
function segment(id: string): string {
  return encodeURIComponent(id);
}

/**
 * An `AccountAdapter` that speaks the REST contract (`openapi/account-billing-kit.openapi.json`)
 * over `fetch`. Every answer is checked against the shared schemas: a malformed one fails as
 * `unknown` with the details in `message`, never as a wrong screen. Reads honour `AbortSignal`
 * and retry transient failures with backoff and jitter; writes are never repeated, except
 * `placeOrder`, whose `Idempotency-Key` makes a repeat return the same order.
 *
 * @example
 * const adapter = createHttpAdapter({
 *   baseUrl: '/api/v1',
 *   headers: async () => ({ Authorization: `Bearer ${await session.token()}` }),
 * });
 * <AccountSettingsProvider adapter={adapter}>…</AccountSettingsProvider>
 */
export function createHttpAdapter(options: HttpAdapterOptions): AccountAdapter {
  const base = String(options.baseUrl).replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retry =
    options.retry === false ? { ...DEFAULT_RETRY, retries: 0 } : { ...DEFAULT_RETRY, ...options.retry };

  async function attempt<T>(spec: RequestSpec<T>): Promise<T>;
  async function attempt(spec: RequestSpec<unknown>): Promise<unknown> {
    const url = `${base}${spec.path}${spec.query && [...spec.query.keys()].length > 0 ? `?${spec.query.toString()}` : ''}`;
    const extraHeaders = typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, extraHeaders, spec.headers);

    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = spec.signal ? AbortSignal.any([spec.signal, timeout.signal]) : timeout.signal;
    const what = `${spec.method} ${spec.path}`;
    let response: Response;
    let text: string;
    try {
      // Resolved at call time, so a host (or a test) may replace the global fetch later.
      const fetchImpl = options.fetch ?? globalThis.fetch;
      response = await fetchImpl(url, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? null : JSON.stringify(spec.body),
        signal,
      });
      text = await response.text();
    } catch (error) {
      if (spec.signal?.aborted) throw abortReason(spec.signal);
      if (timeout.signal.aborted) {
        throw new AdapterError('network', {
          message: `${what} timed out after ${timeoutMs} ms`,
          cause: error,
        });
      }
      throw new AdapterError('network', {
        message: `${what} failed: ${error instanceof Error ? error.message : String(error)}`,
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }

    if (!response.ok) throw errorFromResponse(response, text, what, spec.conflictSchema);
    if (spec.schema === null) {
      if (text.trim() === '') return undefined;
      throw new AdapterError('unknown', {
        message: `${what} answered ${response.status} with a body where none belongs`,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new AdapterError('unknown', {
        message: `${what} answered ${response.status} with a body that is not JSON`,
        cause: error,
      });
    }
    const parsed = spec.schema.safeParse(json);
    if (!parsed.success) {
      throw new AdapterError('unknown', {
        message: `${what} answered with data that does not match the contract:\n${z.prettifyError(parsed.error)}`,
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  async function request<T>(spec: RequestSpec<T>): Promise<T>;
  async function request(spec: RequestSpec<unknown>): Promise<unknown> {
    const retries = spec.retry === 'never' ? 0 : retry.retries;
    for (let attemptIndex = 0; ; attemptIndex += 1) {
      if (spec.signal?.aborted) throw abortReason(spec.signal);
      try {
        return await attempt(spec);
      } catch (error) {
        if (!(error instanceof AdapterError) || !isTransientError(error) || attemptIndex >= retries)
          throw error;
        const backoff = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attemptIndex);
        // Full jitter in the upper half: clients that failed together do not retry together.
        let delay = backoff / 2 + Math.random() * (backoff / 2);
        if (error.retryAfterSeconds !== undefined) {
          const asked = error.retryAfterSeconds * 1000;
          // The server asks for a longer pause than a screen should hang for: let the user decide.
          if (asked > retry.maxDelayMs) throw error;
          delay = Math.max(delay, asked);
        }
        await sleep(delay, spec.signal);
      }
    }
  }

  return {
    getAccount: ({ signal }: ReadOptions = {}) =>
      request({ method: 'GET', path: '/account', signal, schema: accountSchema, retry: 'read' }),

    searchUsers: (params, { signal }: ReadOptions = {}) => {
      const query = new URLSearchParams({ query: params.query });
      if (params.cursor) query.set('cursor', params.cursor);
      if (params.limit !== undefined) query.set('limit', String(params.limit));
      if (params.includeDeactivated !== undefined)
        query.set('includeDeactivated', String(params.includeDeactivated));
      for (const id of params.excludeIds ?? []) query.append('excludeIds', id);
      return request({
        method: 'GET',
        path: '/users',
        query,
        signal,
        schema: userPageSchema,
        retry: 'read',
      });
    },

    getUsersByIds: async (ids, { signal }: ReadOptions = {}) => {
      if (ids.length === 0) return [];
      // A POST that only reads: a long id list does not fit every URL length limit.
      return request({
        method: 'POST',
        path: '/users/lookup',
        body: { ids },
        signal,
        schema: z.array(userSchema),
        retry: 'read',
      });
    },

    getContacts: ({ signal }: ReadOptions = {}) =>
      request({
        method: 'GET',
        path: '/contacts',
        signal,
        schema: accountContactsSchema,
        retry: 'read',
      }),

    updateContacts: (update, { expectedVersion }) =>
      request({
        method: 'PATCH',
        path: '/contacts',
        body: update,
        headers: ifMatch({ expectedVersion }),
        schema: accountContactsSchema,
        retry: 'never',
      }),

    getRoleDefinitions: ({ signal }: ReadOptions = {}) =>
      request({
        method: 'GET',
        path: '/roles',
        signal,
        schema: z.array(roleDefinitionSchema),
        retry: 'read',
      }),

    getCatalog: (currency, { signal }: ReadOptions = {}) =>
      request({
        method: 'GET',
        path: '/catalog',
        query: new URLSearchParams(currency === undefined ? {} : { currency }),
        signal,
        schema: catalogSchema,
        retry: 'read',
      }),

    getPaymentMethods: ({ signal }: ReadOptions = {}) =>
      request({
        method: 'GET',
        path: '/payment-methods',
        signal,
        schema: z.array(paymentMethodSchema),
        retry: 'read',
      }),

    tokenizeCard: (card) =>
      request({
        method: 'POST',
        path: '/card-tokens',
        body: card,
        schema: tokenSchema,
        retry: 'never',
      }),

    createPaymentMethod: (input) =>
      request({
        method: 'POST',
        path: '/payment-methods',
        body: input,
        schema: paymentMethodSchema,
        retry: 'never',
      }),

    getSubscriptions: ({ signal }: ReadOptions = {}) =>
      request({
        method: 'GET',
        path: '/subscriptions',
        signal,
        schema: z.array(productSubscriptionSchema),
        retry: 'read',
      }),

    setDefaultPaymentMethod: (paymentMethodId, options) =>
      request({
        method: 'POST',
        path: `/payment-methods/${segment(paymentMethodId)}/default`,
        headers: ifMatch(options),
        schema: paymentMethodsSchema,
        conflictSchema: paymentMethodsSchema,
        retry: 'never',
      }),

    updatePaymentMethodSharing: (paymentMethodId, sharedWithAdmins, options) =>
      request({
        method: 'PATCH',
        path: `/payment-methods/${segment(paymentMethodId)}`,
        body: { sharedWithAdmins },
        headers: ifMatch(options),
        schema: paymentMethodSchema,
        conflictSchema: paymentMethodsSchema,
        retry: 'never',
      }),

    removePaymentMethod: async (paymentMethodId, options) => {
      await request({
        method: 'DELETE',
        path: `/payment-methods/${segment(paymentMethodId)}`,
        headers: ifMatch(options),
        schema: null,
        conflictSchema: paymentMethodsSchema,
        retry: 'never',
      });
    },

    getSeatAssignments: (productId, { signal }: ReadOptions = {}) =>
      request({
        method: 'GET',
        path: `/seat-assignments/${segment(productId)}`,
        signal,
        schema: productSeatsSchema,
        retry: 'read',
      }),

    updateSeatAssignments: (productId, update, options) =>
      request({
        method: 'PATCH',
        path: `/seat-assignments/${segment(productId)}`,
        body: update,
        headers: ifMatch(options),
        schema: productSeatsSchema,
        conflictSchema: productSeatsSchema,
        retry: 'never',
      }),

    // Pricing is pure on the server: it reads like a GET, so it is aborted and retried like one.
    previewOrder: (draft, { signal }: ReadOptions = {}) =>
      request({
        method: 'POST',
        path: '/quotes',
        body: draft,
        signal,
        schema: quoteSchema,
        retry: 'read',
      }),

    placeOrder: (draft, { idempotencyKey }) =>
      request({
        method: 'POST',
        path: '/orders',
        body: draft,
        headers: { 'Idempotency-Key': idempotencyKey },
        schema: orderResultSchema,
        retry: 'same-key',
      }),
  };
}

/** The error code a status stands for when the body does not say otherwise. */
function codeForStatus(status: number): AdapterErrorCode {
  if (status === 400 || status === 422) return 'validation';
  if (status === 401 || status === 403) return 'forbidden';
  if (status === 402) return 'payment_declined';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  // A gateway or an overloaded server: the request may not have been handled at all.
  if (status === 408 || status === 502 || status === 503 || status === 504) return 'network';
  return 'unknown';
}

function errorFromResponse(
  response: Response,
  text: string,
  what: string,
  conflictSchema: z.ZodMiniType = accountContactsSchema,
): AdapterError {
  const code = codeForStatus(response.status);
  let problem: ProblemDetails | undefined;
  try {
    const parsed = problemDetailsSchema.safeParse(JSON.parse(text));
    if (parsed.success) problem = parsed.data;
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the status alone decides.
  }
  const retryAfterSeconds =
    parseRetryAfter(response.headers.get('Retry-After')) ?? problem?.retryAfterSeconds ?? undefined;
  let current: unknown;
  if (code === 'conflict' && problem?.current !== undefined) {
    const parsed = conflictSchema.safeParse(problem.current);
    current = parsed.success ? parsed.data : undefined;
  }
  const detail = problem
    ? `${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`
    : text.slice(0, 200);
  return new AdapterError(code, {
    message: `${what} answered ${response.status}${detail ? ` (${detail})` : ''}`,
    fieldIssues: code === 'validation' ? (problem?.fieldIssues ?? []) : [],
    ...(retryAfterSeconds !== undefined ? { retryAfterSeconds } : {}),
    ...(current !== undefined ? { current } : {}),
    ...(code === 'payment_declined' ? { declineCode: problem?.declineCode ?? 'card_declined' } : {}),
  });
}

/** `Retry-After` is either seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The operation was aborted.', 'AbortError');
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortReason(signal as AbortSignal));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
