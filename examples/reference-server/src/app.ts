import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  cardTokenSchema,
  buildOpenApiDocument,
  paymentMethodInputSchema,
  sandboxRequestSchema,
  signInSchema,
  userLookupSchema,
} from '../../../src/contract/openapi.js';
import {
  cardDigits,
  contactsUpdateSchema,
  createCardInputSchema,
  detectCardBrand,
  fieldIssuesOf,
  orderDraftSchema,
  parseCardExpiry,
  paymentMethodSharingSchema,
  seatAssignmentsUpdateSchema,
  userSearchParamsSchema,
  type ViewerPermissions,
} from '../../../src/schemas/index.js';
import type { Database } from './db.js';
import { CATALOG_CURRENCIES, PRODUCTS } from './pricing.js';
import { Problem } from './problem.js';
import { ALL_PERMISSIONS, seedAccount, verifyPassword } from './seed.js';
import { createStore, sha256, type Viewer } from './store.js';
import { canonicalJson } from '../../../src/lib/canonical-json.js';

/** How the reference server behaves beyond the contract: test hooks and fault injection. */
export interface AppOptions {
  /** Serve `POST /v1/sandbox/accounts` (tests, conformance runs). Never on a shared server. */
  sandbox?: boolean;
  /** The clock, injectable for tests. */
  now?: () => Date;
  /**
   * Wait this long after an order is stored and before answering: the window in which a lost
   * connection leaves an order placed and its answer lost.
   */
  orderAnswerDelayMs?: number;
  /** Called for an unexpected error (logging). */
  onError?: (error: unknown) => void;
}

function parse<T>(schema: z.core.$ZodType<T>, value: unknown, status = 422): T {
  const parsed = z.safeParse(schema, value);
  if (!parsed.success)
    throw Problem.validation(fieldIssuesOf(parsed.error), 'The request does not match the schema.', status);
  return parsed.data;
}

async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw Problem.validation([], 'The body is not JSON.', 400);
  }
}

function problemResponse(problem: Problem): Response {
  return new Response(JSON.stringify(problem.body), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', ...problem.headers },
  });
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `"7"`, `W/"7"` or `7` → 7. */
function parseIfMatch(value: string | undefined): number {
  if (value === undefined) {
    throw new Problem(428, 'validation', {
      detail: 'Send the version the edit started from in If-Match.',
      fieldIssues: [{ path: ['version'], code: 'invalid' }],
    });
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match?.[1])
    throw Problem.validation([{ path: ['version'], code: 'invalid' }], 'If-Match is not a version.', 400);
  return Number(match[1]);
}

type Env = { Variables: { viewer: Viewer } };

/**
 * The REST contract of `openapi/account-billing-kit.openapi.json` as a Hono app, mounted at
 * `/v1`. Every route but sign-in, the document itself and the sandbox needs a bearer token, and
 * checks the permission the screens check before they offer the action.
 */
export function createApp(database: Database, options: AppOptions = {}) {
  const store = createStore(database, options.now ? { now: options.now } : {});
  const api = new Hono<Env>();

  api.onError((error) => {
    if (error instanceof Problem) return problemResponse(error);
    options.onError?.(error);
    return problemResponse(
      new Problem(500, 'unknown', { detail: 'The server failed; the request may be repeated.' }),
    );
  });
  api.notFound(() => problemResponse(Problem.notFound('No such route.')));

  api.get('/openapi.json', (c) => c.json(buildOpenApiDocument()));

  api.post('/sessions', async (c) => {
    const input = parse(signInSchema, await jsonBody(c), 400);
    const rows = await database.query<{ account_id: string; id: string; password_hash: string }>(
      `SELECT account_id, id, password_hash FROM users
       WHERE lower(email) = lower($1) AND password_hash IS NOT NULL AND status <> 'deactivated'
       ORDER BY account_id LIMIT 1`,
      [input.email.trim()],
    );
    const user = rows[0];
    if (!user || !verifyPassword(input.password, user.password_hash)) {
      throw Problem.unauthenticated('Unknown email or wrong password.');
    }
    const token = randomBytes(32).toString('base64url');
    await database.query('INSERT INTO sessions (token_hash, account_id, user_id) VALUES ($1, $2, $3)', [
      sha256(token),
      user.account_id,
      user.id,
    ]);
    return c.json({ token, userId: user.id, accountId: user.account_id }, 201);
  });

  api.post('/sandbox/accounts', async (c) => {
    if (!options.sandbox) throw Problem.notFound('This server has no sandbox.');
    const input = parse(sandboxRequestSchema, (await jsonBody(c)) ?? {}, 400);
    const permissions: ViewerPermissions = { ...ALL_PERMISSIONS, ...input.permissions };
    const token = randomBytes(32).toString('base64url');
    const accountId = await database.transaction(async (sql) => {
      const [row] = await sql.query<{ id: string }>("SELECT 'acct_sandbox_' || nextval('ids')::text AS id");
      const id = row?.id ?? `acct_sandbox_${Date.now()}`;
      await seedAccount(sql, { accountId: id, permissions: { u001: permissions, u002: ALL_PERMISSIONS } });
      await sql.query('INSERT INTO sessions (token_hash, account_id, user_id) VALUES ($1, $2, $3)', [
        sha256(token),
        id,
        'u001',
      ]);
      return id;
    });
    return c.json({ token, userId: 'u001', accountId }, 201);
  });

  // Everything below needs a signed-in user.
  api.use(async (c, next) => {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const viewer = match?.[1] ? await store.viewerForToken(match[1]) : null;
    if (!viewer) throw Problem.unauthenticated();
    c.set('viewer', viewer);
    await next();
  });

  function requirePermission(viewer: Viewer, ...permissions: (keyof ViewerPermissions)[]) {
    for (const permission of permissions)
      if (!viewer.permissions[permission]) throw Problem.forbidden(permission);
  }

  api.get('/account', async (c) => c.json(await store.getAccount(c.var.viewer)));

  api.get('/users', async (c) => {
    const limit = c.req.query('limit');
    const includeDeactivated = c.req.query('includeDeactivated');
    const excludeIds = c.req.queries('excludeIds');
    const params = parse(
      userSearchParamsSchema,
      {
        query: c.req.query('query') ?? '',
        cursor: c.req.query('cursor') ?? null,
        ...(limit === undefined ? {} : { limit: /^\d+$/.test(limit) ? Number(limit) : limit }),
        ...(includeDeactivated === undefined
          ? {}
          : {
              includeDeactivated:
                includeDeactivated === 'true'
                  ? true
                  : includeDeactivated === 'false'
                    ? false
                    : includeDeactivated,
            }),
        ...(excludeIds ? { excludeIds } : {}),
      },
      400,
    );
    return c.json(await store.searchUsers(c.var.viewer, params));
  });

  api.post('/users/lookup', async (c) => {
    const { ids } = parse(userLookupSchema, await jsonBody(c), 400);
    return c.json(await store.getUsersByIds(c.var.viewer, ids));
  });

  api.get('/contacts', async (c) => {
    const contacts = await store.getContacts(c.var.viewer);
    c.header('ETag', `"${contacts.version}"`);
    return c.json(contacts);
  });

  api.patch('/contacts', async (c) => {
    requirePermission(c.var.viewer, 'manageContacts');
    const expectedVersion = parseIfMatch(c.req.header('If-Match'));
    const update = parse(contactsUpdateSchema, await jsonBody(c));
    const contacts = await store.updateContacts(c.var.viewer, update, expectedVersion);
    c.header('ETag', `"${contacts.version}"`);
    return c.json(contacts);
  });

  api.get('/roles', async (c) => c.json(await store.getRoleDefinitions(c.var.viewer)));

  api.get('/catalog', async (c) => {
    const subscription = await store.getSubscription(c.var.viewer);
    const currency = c.req.query('currency') ?? subscription.currency;
    if (!CATALOG_CURRENCIES.includes(currency))
      throw Problem.validation([{ path: ['currency'], code: 'currencyNotOffered' }]);
    return c.json({ currency, currencies: [...CATALOG_CURRENCIES], products: PRODUCTS, subscription });
  });

  api.get('/payment-methods', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    return c.json(await store.getPaymentMethods(c.var.viewer));
  });

  api.post('/card-tokens', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    const card = parse(createCardInputSchema(options.now), await jsonBody(c));
    const digits = cardDigits(card.number);
    const expiry = parseCardExpiry(card.expiry);
    // Only what a payment provider would echo back is kept: never the number or the code.
    const token = await store.saveCardToken(c.var.viewer, {
      brand: detectCardBrand(digits),
      last4: digits.slice(-4),
      expMonth: expiry?.month ?? 1,
      expYear: expiry?.year ?? 2000,
      ownerName: card.cardholderName,
    });
    return c.json(cardTokenSchema.parse({ token }), 201);
  });

  api.post('/payment-methods', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    const input = parse(paymentMethodInputSchema, await jsonBody(c));
    return c.json(await store.createPaymentMethod(c.var.viewer, input), 201);
  });

  api.get('/subscriptions', async (c) => c.json(await store.getSubscriptions(c.var.viewer)));

  api.post('/payment-methods/:id/default', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    const expectedVersion = parseIfMatch(c.req.header('If-Match'));
    return c.json(await store.setDefaultPaymentMethod(c.var.viewer, c.req.param('id'), expectedVersion));
  });

  api.patch('/payment-methods/:id', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    const expectedVersion = parseIfMatch(c.req.header('If-Match'));
    const { sharedWithAdmins } = parse(paymentMethodSharingSchema, await jsonBody(c));
    const method = await store.updatePaymentMethodSharing(
      c.var.viewer,
      c.req.param('id'),
      sharedWithAdmins,
      expectedVersion,
    );
    c.header('ETag', `"${method.version}"`);
    return c.json(method);
  });

  api.delete('/payment-methods/:id', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    const expectedVersion = parseIfMatch(c.req.header('If-Match'));
    await store.removePaymentMethod(c.var.viewer, c.req.param('id'), expectedVersion);
    return c.body(null, 204);
  });

  api.get('/seat-assignments/:productId', async (c) => {
    const seats = await store.getSeatAssignments(c.var.viewer, c.req.param('productId'));
    c.header('ETag', `"${seats.version}"`);
    return c.json(seats);
  });

  api.patch('/seat-assignments/:productId', async (c) => {
    requirePermission(c.var.viewer, 'manageBilling');
    const expectedVersion = parseIfMatch(c.req.header('If-Match'));
    const update = parse(seatAssignmentsUpdateSchema, await jsonBody(c));
    const seats = await store.updateSeatAssignments(
      c.var.viewer,
      c.req.param('productId'),
      update,
      expectedVersion,
    );
    c.header('ETag', `"${seats.version}"`);
    return c.json(seats);
  });

  api.post('/quotes', async (c) => {
    const draft = parse(orderDraftSchema, await jsonBody(c));
    return c.json(await store.previewOrder(c.var.viewer, draft));
  });

  api.post('/orders', async (c) => {
    const viewer = c.var.viewer;
    requirePermission(viewer, 'purchase', 'manageBilling');
    const key = c.req.header('Idempotency-Key')?.trim() ?? '';
    if (key === '' || key.length > 255) {
      throw Problem.validation([{ path: ['idempotencyKey'], code: 'idempotencyKeyRequired' }]);
    }
    const body = await jsonBody(c);
    // The key is bound to the request as sent (keys in any order) and to whatever it gets.
    const outcome = await store.withIdempotencyKey(viewer, key, sha256(canonicalJson(body)), async (sql) => {
      try {
        const draft = parse(orderDraftSchema, body);
        return { status: 201, body: await store.placeOrder(sql, viewer, draft, key) };
      } catch (error) {
        if (error instanceof Problem) return { status: error.status, body: error.body };
        throw error;
      }
    });
    if (!outcome.replayed && outcome.status === 201 && options.orderAnswerDelayMs)
      await wait(options.orderAnswerDelayMs);
    if (outcome.replayed) c.header('Idempotent-Replayed', 'true');
    const contentType = outcome.status >= 400 ? 'application/problem+json' : 'application/json';
    return c.body(JSON.stringify(outcome.body), outcome.status as 201, { 'Content-Type': contentType });
  });

  const app = new Hono();
  app.route('/v1', api);
  return { app, store };
}
