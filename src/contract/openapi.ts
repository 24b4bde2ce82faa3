import * as z from 'zod';
import { partial } from 'zod/mini';
import {
  accountContactsSchema,
  accountSchema,
  catalogSchema,
  contactsUpdateSchema,
  createCardInputSchema,
  currencySchema,
  orderDraftSchema,
  orderResultSchema,
  paymentMethodInputSchema,
  paymentMethodSchema,
  paymentMethodSharingSchema,
  problemDetailsSchema,
  productSubscriptionSchema,
  quoteSchema,
  roleDefinitionSchema,
  productSeatsSchema,
  seatAssignmentsUpdateSchema,
  userIdSchema,
  userPageSchema,
  userSchema,
  viewerPermissionsSchema,
} from '../schemas/index.js';

// The REST contract, generated from the schemas every form and adapter already validates with,
// so the document cannot drift from the code: `npm run openapi` rewrites the committed file and
// a unit test fails when it is stale.

/** Where the generated document is committed, relative to the package root. */
export const OPENAPI_FILE = 'openapi/account-billing-kit.openapi.json';

/** The version of the contract; the path prefix servers mount it under is `/v1`. */
export const CONTRACT_VERSION = '1.0.0';

/** Body of `POST /users/lookup`. */
export const userLookupSchema = z.object({ ids: z.array(userIdSchema).max(500) });
/** Body of `POST /payment-methods`: the schemas' own, named here for the server's routes. */
export { paymentMethodInputSchema };
/** Answer of `POST /card-tokens`. */
export const cardTokenSchema = z.object({ token: z.string().min(1) });
/** Body of `POST /sessions`: sign-in of a user with a password. */
export const signInSchema = z.object({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(200),
});
/** Answer of `POST /sessions` and `POST /sandbox/accounts`: a bearer token for one user of one account. */
export const sessionSchema = z.object({
  token: z.string().min(1),
  userId: userIdSchema,
  accountId: z.string().min(1),
});
/** Body of `POST /sandbox/accounts`: what the signed-in user of the new account may do (default: everything). */
export const sandboxRequestSchema = z.object({ permissions: z.optional(partial(viewerPermissionsSchema)) });

type JsonObject = Record<string, unknown>;

function componentSchemas(
  entries: [string, z.core.$ZodType][],
  io: 'input' | 'output',
): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of entries) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: (id) => `#/components/schemas/${id}`,
    unrepresentable: 'any',
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      // OpenAPI 3.1 documents are already JSON Schema 2020-12; per-component ids only add noise.
      const rest: JsonObject = { ...(schema as JsonObject) };
      delete rest.$schema;
      delete rest.$id;
      return [id, rest];
    }),
  );
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });
const jsonBody = (id: string) => ({ content: { 'application/json': { schema: ref(id) } } });
const jsonArray = (id: string) => ({
  content: { 'application/json': { schema: { type: 'array', items: ref(id) } } },
});

function problem(description: string) {
  return { description, content: { 'application/problem+json': { schema: ref('ProblemDetails') } } };
}

const commonErrors = {
  '401': problem('No valid bearer token (`forbidden`).'),
  '403': problem('The signed-in user lacks the permission this route needs (`forbidden`).'),
  '429': {
    ...problem('Too many requests (`rate_limited`).'),
    headers: { 'Retry-After': { description: 'Seconds to wait.', schema: { type: 'integer', minimum: 0 } } },
  },
  '500': problem('The server failed (`unknown`).'),
  '503': problem('The server cannot answer now (`network`).'),
};
const validationError = { '422': problem('A rule is broken; `fieldIssues` name the fields (`validation`).') };
const badRequest = { '400': problem('The body or the query does not match the schema (`validation`).') };
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: true,
  description: 'The quoted version the change was made on, e.g. `"7"`.',
  schema: { type: 'string' },
};
const versionErrors = (current: string) => ({
  '412': problem(`Someone changed it since; \`current\` holds ${current} (\`conflict\`).`),
  '428': problem('`If-Match` is missing (`validation`).'),
});
const paymentMethodId = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The payment method's `id`.",
  schema: { type: 'string' },
};
const productId = {
  name: 'productId',
  in: 'path',
  required: true,
  description: 'The product, e.g. `sales`.',
  schema: { type: 'string' },
};

/** Which permissions of `viewer.permissions` a route needs, as `x-permissions`. */
function operation(spec: JsonObject & { permissions?: string[] }) {
  const { permissions, ...rest } = spec;
  return { ...rest, ...(permissions ? { 'x-permissions': permissions } : {}), security: [{ bearer: [] }] };
}

/**
 * The OpenAPI 3.1 document of the REST contract that `createHttpAdapter` speaks and the
 * reference server implements. `operationId`s are the `AccountAdapter` method names.
 */
export function buildOpenApiDocument(): JsonObject {
  const schemas = {
    ...componentSchemas(
      [
        ['User', userSchema],
        ['Account', accountSchema],
        ['UserPage', userPageSchema],
        ['AccountContacts', accountContactsSchema],
        ['RoleDefinition', roleDefinitionSchema],
        ['Catalog', catalogSchema],
        ['PaymentMethod', paymentMethodSchema],
        ['ProductSubscription', productSubscriptionSchema],
        ['ProductSeats', productSeatsSchema],
        ['Quote', quoteSchema],
        ['OrderResult', orderResultSchema],
        ['CardToken', cardTokenSchema],
        ['Session', sessionSchema],
        ['ProblemDetails', problemDetailsSchema],
      ],
      'output',
    ),
    ...componentSchemas(
      [
        ['ContactsUpdate', contactsUpdateSchema],
        ['OrderDraft', orderDraftSchema],
        ['CardInput', createCardInputSchema()],
        ['UserLookup', userLookupSchema],
        ['PaymentMethodInput', paymentMethodInputSchema],
        ['PaymentMethodSharing', paymentMethodSharingSchema],
        ['SeatAssignmentsUpdate', seatAssignmentsUpdateSchema],
        ['SignIn', signInSchema],
        ['SandboxRequest', sandboxRequestSchema],
      ],
      'input',
    ),
  };
  const currencyParameter = componentSchemas([['Currency', currencySchema]], 'input').Currency;

  return {
    openapi: '3.1.1',
    info: {
      title: 'account-billing-kit',
      version: CONTRACT_VERSION,
      summary:
        'Points of contact, users, catalog, subscriptions, payment methods, seats and orders of one account.',
      description:
        'The contract between the account-billing-kit screens (through `createHttpAdapter`) and a ' +
        'backend. Every error body is an RFC 9457 problem (`application/problem+json`) with the ' +
        "adapter's error `code`. Money is integer minor units. Every route needs a bearer token; " +
        'the permissions a route checks are named in `x-permissions`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/v1', description: 'Relative to where the backend mounts the contract.' }],
    security: [{ bearer: [] }],
    paths: {
      '/sessions': {
        post: {
          operationId: 'signIn',
          summary: 'Signs a user in and returns a bearer token.',
          security: [],
          requestBody: { required: true, ...jsonBody('SignIn') },
          responses: {
            '201': { description: 'Signed in.', ...jsonBody('Session') },
            ...badRequest,
            ...commonErrors,
          },
        },
      },
      '/account': {
        get: operation({
          operationId: 'getAccount',
          summary: 'The account, the signed-in viewer with their permissions, and its administrators.',
          responses: { '200': { description: 'The account.', ...jsonBody('Account') }, ...commonErrors },
        }),
      },
      '/users': {
        get: operation({
          operationId: 'searchUsers',
          summary: 'Searches users by name or email, accent- and case-insensitively, one page at a time.',
          parameters: [
            { name: 'query', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
            {
              name: 'cursor',
              in: 'query',
              description: 'The `nextCursor` of the previous page; opaque.',
              schema: { type: 'string' },
            },
            {
              name: 'limit',
              in: 'query',
              schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
            },
            { name: 'includeDeactivated', in: 'query', schema: { type: 'boolean', default: true } },
            {
              name: 'excludeIds',
              in: 'query',
              description: 'Users to leave out; repeat the parameter for each.',
              schema: { type: 'array', items: { type: 'string' }, maxItems: 100 },
              style: 'form',
              explode: true,
            },
          ],
          responses: {
            '200': { description: 'One page.', ...jsonBody('UserPage') },
            ...badRequest,
            ...commonErrors,
          },
        }),
      },
      '/users/lookup': {
        post: operation({
          operationId: 'getUsersByIds',
          summary: 'Users by id, in any order; unknown ids are left out. Reads only.',
          requestBody: { required: true, ...jsonBody('UserLookup') },
          responses: {
            '200': { description: 'The users found.', ...jsonArray('User') },
            ...badRequest,
            ...commonErrors,
          },
        }),
      },
      '/contacts': {
        get: operation({
          operationId: 'getContacts',
          summary: "The account's points of contact.",
          responses: {
            '200': {
              description: 'The contacts; `ETag` is the quoted version.',
              headers: { ETag: { schema: { type: 'string' } } },
              ...jsonBody('AccountContacts'),
            },
            ...commonErrors,
          },
        }),
        patch: operation({
          operationId: 'updateContacts',
          summary: 'Changes some contacts, if nobody saved since the version in `If-Match`.',
          permissions: ['manageContacts'],
          parameters: [
            {
              name: 'If-Match',
              in: 'header',
              required: true,
              description: 'The quoted version the edit started from, e.g. `"7"`.',
              schema: { type: 'string' },
            },
          ],
          requestBody: { required: true, ...jsonBody('ContactsUpdate') },
          responses: {
            '200': { description: 'The saved contacts, with a new version.', ...jsonBody('AccountContacts') },
            ...badRequest,
            '412': problem('Someone saved since; `current` holds their contacts (`conflict`).'),
            '428': problem('`If-Match` is missing (`validation`).'),
            ...validationError,
            ...commonErrors,
          },
        }),
      },
      '/roles': {
        get: operation({
          operationId: 'getRoleDefinitions',
          summary: 'The roles whose holders the account names.',
          responses: {
            '200': { description: 'The roles.', ...jsonArray('RoleDefinition') },
            ...commonErrors,
          },
        }),
      },
      '/catalog': {
        get: operation({
          operationId: 'getCatalog',
          summary: "Products, tiers and prices in a currency, and the account's subscription.",
          parameters: [
            {
              name: 'currency',
              in: 'query',
              description: "Default: the subscription's currency.",
              schema: currencyParameter,
            },
          ],
          responses: {
            '200': { description: 'The catalog.', ...jsonBody('Catalog') },
            ...validationError,
            ...commonErrors,
          },
        }),
      },
      '/payment-methods': {
        get: operation({
          operationId: 'getPaymentMethods',
          summary: "The viewer's own payment methods and those other admins shared.",
          permissions: ['manageBilling'],
          responses: {
            '200': { description: 'Payment methods.', ...jsonArray('PaymentMethod') },
            ...commonErrors,
          },
        }),
        post: operation({
          operationId: 'createPaymentMethod',
          summary: 'Saves a tokenised card as a payment method.',
          permissions: ['manageBilling'],
          requestBody: { required: true, ...jsonBody('PaymentMethodInput') },
          responses: {
            '201': { description: 'The payment method.', ...jsonBody('PaymentMethod') },
            ...badRequest,
            ...validationError,
            ...commonErrors,
          },
        }),
      },
      '/payment-methods/{id}': {
        patch: operation({
          operationId: 'updatePaymentMethodSharing',
          summary: "Shares the viewer's own card with the other admins, or stops sharing it.",
          permissions: ['manageBilling'],
          parameters: [paymentMethodId, ifMatch],
          requestBody: { required: true, ...jsonBody('PaymentMethodSharing') },
          responses: {
            '200': { description: 'The card, with a new version.', ...jsonBody('PaymentMethod') },
            ...badRequest,
            '404': problem('The viewer sees no such card (`not_found`).'),
            ...versionErrors('the payment methods the viewer sees'),
            ...validationError,
            ...commonErrors,
            '403': problem('No manageBilling, or the card is another admin’s (`forbidden`).'),
          },
        }),
        delete: operation({
          operationId: 'removePaymentMethod',
          summary:
            "Removes the viewer's own card. While a subscription is not canceled, the default card (`paymentMethodIsDefault`) and the account's last valid card (`lastValidPaymentMethod`) stay.",
          permissions: ['manageBilling'],
          parameters: [paymentMethodId, ifMatch],
          responses: {
            '204': { description: 'Removed.' },
            '404': problem('The viewer sees no such card (`not_found`).'),
            ...versionErrors('the payment methods the viewer sees'),
            '422': problem(
              'A valid card must stay on file; `fieldIssues` say why (`paymentMethodIsDefault`, `lastValidPaymentMethod`).',
            ),
            ...commonErrors,
            '403': problem('No manageBilling, or the card is another admin’s (`forbidden`).'),
          },
        }),
      },
      '/payment-methods/{id}/default': {
        post: operation({
          operationId: 'setDefaultPaymentMethod',
          summary: 'Makes a valid card the default every subscription is charged to.',
          permissions: ['manageBilling'],
          parameters: [paymentMethodId, ifMatch],
          responses: {
            '200': {
              description: 'Every payment method the viewer sees, as they now are.',
              ...jsonArray('PaymentMethod'),
            },
            '404': problem('The viewer sees no such card (`not_found`).'),
            ...versionErrors('the payment methods the viewer sees'),
            '422': problem('The card has expired (`fieldIssues`: `paymentMethodExpired`).'),
            ...commonErrors,
          },
        }),
      },
      '/subscriptions': {
        get: operation({
          operationId: 'getSubscriptions',
          summary: "The account's subscription of each product, with the card each is charged to.",
          responses: {
            '200': { description: 'One subscription per product.', ...jsonArray('ProductSubscription') },
            ...commonErrors,
          },
        }),
      },
      '/seat-assignments/{productId}': {
        get: operation({
          operationId: 'getSeatAssignments',
          summary: 'Who holds a seat of a per-seat product, and how many seats were bought.',
          parameters: [productId],
          responses: {
            '200': {
              description: 'The seats; `ETag` is the quoted version.',
              headers: { ETag: { schema: { type: 'string' } } },
              ...jsonBody('ProductSeats'),
            },
            '404': problem('The account has no per-seat subscription of this product (`not_found`).'),
            ...commonErrors,
          },
        }),
        patch: operation({
          operationId: 'updateSeatAssignments',
          summary: 'Assigns and unassigns seats, if nobody changed them since the version in `If-Match`.',
          permissions: ['manageBilling'],
          parameters: [productId, ifMatch],
          requestBody: { required: true, ...jsonBody('SeatAssignmentsUpdate') },
          responses: {
            '200': { description: 'The seats, with a new version.', ...jsonBody('ProductSeats') },
            ...badRequest,
            '404': problem('The account has no per-seat subscription of this product (`not_found`).'),
            ...versionErrors('the current seats'),
            '422': problem(
              'More holders than seats bought (`seatsExceedBought`), or a new holder who is deactivated or unknown (`userDeactivated`, `userNotFound`).',
            ),
            ...commonErrors,
          },
        }),
      },
      '/card-tokens': {
        post: operation({
          operationId: 'tokenizeCard',
          summary:
            "Stands in for the payment provider's tokenisation: the only route that sees a card number, which it never stores.",
          permissions: ['manageBilling'],
          requestBody: { required: true, ...jsonBody('CardInput') },
          responses: {
            '201': { description: 'A single-use token.', ...jsonBody('CardToken') },
            ...badRequest,
            ...validationError,
            ...commonErrors,
          },
        }),
      },
      '/quotes': {
        post: operation({
          operationId: 'previewOrder',
          summary: 'Prices a draft. Pure: never charges or reserves anything.',
          requestBody: { required: true, ...jsonBody('OrderDraft') },
          responses: {
            '200': { description: 'The quote.', ...jsonBody('Quote') },
            ...badRequest,
            ...validationError,
            ...commonErrors,
          },
        }),
      },
      '/orders': {
        post: operation({
          operationId: 'placeOrder',
          summary:
            'Places an order exactly once per `Idempotency-Key`: a repeat of the same request gets the stored answer, whatever it was.',
          permissions: ['purchase', 'manageBilling'],
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: true,
              description: 'Bound to the first request that used it, whatever its outcome (a decline too).',
              schema: { type: 'string', minLength: 1, maxLength: 255 },
            },
          ],
          requestBody: { required: true, ...jsonBody('OrderDraft') },
          responses: {
            '201': { description: 'The order.', ...jsonBody('OrderResult') },
            ...badRequest,
            '402': problem('The card was declined; `declineCode` says why (`payment_declined`).'),
            '422': problem(
              'A rule is broken, or the key was used for a different request (`fieldIssues`: `idempotencyKeyReused`).',
            ),
            ...commonErrors,
          },
        }),
      },
      '/sandbox/accounts': {
        post: {
          operationId: 'createSandboxAccount',
          summary:
            'Test servers only: a freshly seeded account, signed in as its first user with the permissions asked for.',
          security: [],
          tags: ['sandbox'],
          requestBody: { required: false, ...jsonBody('SandboxRequest') },
          responses: {
            '201': { description: 'The account and a token for its user.', ...jsonBody('Session') },
            '404': problem('This server has no sandbox (`not_found`).'),
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
  };
}
