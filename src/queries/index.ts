import { infiniteQueryOptions, mutationOptions, queryOptions, skipToken } from '@tanstack/react-query';
import { AdapterError, isAdapterError, isTransientError, toAdapterError } from '../adapter/errors.js';
import type { AccountAdapter } from '../adapter/types.js';
import type {
  ContactsUpdate,
  OrderDraft,
  SeatAssignmentsUpdate,
  UpgradeRequest,
  UserPage,
} from '../schemas/index.js';

/** What every factory needs: the adapter, and a scope that keeps two adapters' caches apart. */
export interface QueryContext {
  adapter: AccountAdapter;
  scope: string;
  /**
   * How often a failed read may be retried, as TanStack Query's `retry` says it: a count,
   * `true`/`false`, or a function of the failure count and the error. Only transient errors
   * (network, rate limit) are ever retried, whatever this allows. Default: twice. The provider
   * passes its QueryClient's `defaultOptions.queries.retry`, so a client with `retry: false`
   * retries nothing and one with `retry: 5` retries a network error up to five times.
   */
  retry?: boolean | number | ((failureCount: number, error: Error) => boolean);
}

/** Retries of a transient read failure when the client sets no limit of its own. */
const DEFAULT_READ_RETRIES = 2;

/**
 * The factories' `retry`: our error policy inside whatever limit the context allows. It is part
 * of every query's own options, so it holds in a host's QueryClient as well as in ours: a 403 or
 * a 409 is never retried, even where the client's default would retry everything.
 */
function retryTransient({ retry = DEFAULT_READ_RETRIES }: QueryContext) {
  return (failureCount: number, error: Error): boolean => {
    if (!isAdapterError(error) || !isTransientError(error)) return false;
    if (typeof retry === 'function') return retry(failureCount, error);
    if (typeof retry === 'boolean') return retry;
    return failureCount < retry;
  };
}

const scopes = new WeakMap<AccountAdapter, string>();
let nextScope = 0;
/** A stable cache scope per adapter instance, so two providers never read each other's data. */
export function adapterScope(adapter: AccountAdapter): string {
  let scope = scopes.get(adapter);
  if (!scope) {
    nextScope += 1;
    scope = `adapter-${nextScope}`;
    scopes.set(adapter, scope);
  }
  return scope;
}

/**
 * Every query key the library uses, from one factory, so hosts can invalidate precisely.
 *
 * @example
 * queryClient.invalidateQueries({ queryKey: accountKeys.contacts(scope) });
 */
export const accountKeys = {
  all: (scope: string) => ['account-billing-kit', scope] as const,
  account: (scope: string) => [...accountKeys.all(scope), 'account'] as const,
  userSearch: (scope: string, query: string, pageSize: number, excludeIds: string[] = []) =>
    [
      ...accountKeys.all(scope),
      'users',
      'search',
      { query, pageSize, excludeIds: [...excludeIds].sort() },
    ] as const,
  usersByIds: (scope: string, ids: string[]) =>
    [...accountKeys.all(scope), 'users', 'by-id', [...ids].sort()] as const,
  contacts: (scope: string) => [...accountKeys.all(scope), 'contacts'] as const,
  roleDefinitions: (scope: string) => [...accountKeys.all(scope), 'role-definitions'] as const,
  catalog: (scope: string, currency: string | undefined, locale?: string) =>
    [...accountKeys.all(scope), 'catalog', currency ?? null, ...(locale ? [locale] : [])] as const,
  paymentMethods: (scope: string) => [...accountKeys.all(scope), 'payment-methods'] as const,
  subscriptions: (scope: string) => [...accountKeys.all(scope), 'subscriptions'] as const,
  /** Every product's seat assignments; `seatAssignments(scope, productId)` is one product's. */
  allSeatAssignments: (scope: string) => [...accountKeys.all(scope), 'seat-assignments'] as const,
  seatAssignments: (scope: string, productId: string) =>
    [...accountKeys.allSeatAssignments(scope), productId] as const,
  quote: (scope: string, draft: OrderDraft | null) => [...accountKeys.all(scope), 'quote', draft] as const,
};

/**
 * The query's abort signal, taken one task after the fetch starts. TanStack Query cancels a
 * fetch whose signal was read as soon as its last observer goes; under `<StrictMode>` every
 * observer goes and comes back at once, so reading the signal at the start would abort the first
 * request and send it again. Read a task later, the remounted observer is already back and the
 * first request carries on; a component that really goes away after that still aborts it.
 */
function lateSignal(context: { readonly signal: AbortSignal }): AbortSignal {
  const controller = new AbortController();
  setTimeout(() => {
    const signal = context.signal;
    if (signal.aborted) controller.abort(signal.reason);
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
  }, 0);
  return controller.signal;
}

/** Runs an adapter call and normalises whatever it throws to an `AdapterError`. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAdapterError(error);
  }
}

export function accountQueryOptions(context: QueryContext) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.account(scope),
    queryFn: (fetch) => call(() => adapter.getAccount({ signal: lateSignal(fetch) })),
    staleTime: 60_000,
    retry: retryTransient(context),
  });
}

export function userSearchQueryOptions(
  context: QueryContext,
  query: string,
  { pageSize = 50, excludeIds = [] }: { pageSize?: number; excludeIds?: string[] } = {},
) {
  const { adapter, scope } = context;
  return infiniteQueryOptions({
    queryKey: accountKeys.userSearch(scope, query, pageSize, excludeIds),
    queryFn: (fetch): Promise<UserPage> =>
      call(() =>
        adapter.searchUsers(
          {
            query,
            cursor: fetch.pageParam,
            limit: pageSize,
            ...(excludeIds.length > 0 ? { excludeIds } : {}),
          },
          { signal: lateSignal(fetch) },
        ),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 30_000,
    retry: retryTransient(context),
  });
}

export function usersByIdsQueryOptions(context: QueryContext, ids: string[]) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.usersByIds(scope, ids),
    queryFn: (fetch) => call(() => adapter.getUsersByIds(ids, { signal: lateSignal(fetch) })),
    enabled: ids.length > 0,
    staleTime: 60_000,
    retry: retryTransient(context),
  });
}

export function contactsQueryOptions(context: QueryContext) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.contacts(scope),
    queryFn: (fetch) => call(() => adapter.getContacts({ signal: lateSignal(fetch) })),
    retry: retryTransient(context),
  });
}

export function roleDefinitionsQueryOptions(context: QueryContext) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.roleDefinitions(scope),
    queryFn: (fetch) => call(() => adapter.getRoleDefinitions({ signal: lateSignal(fetch) })),
    staleTime: Infinity,
    retry: retryTransient(context),
  });
}

export function catalogQueryOptions(context: QueryContext, currency: string | undefined, locale?: string) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.catalog(scope, currency, locale),
    queryFn: (fetch) => {
      const signal = lateSignal(fetch);
      return call(() => adapter.getCatalog(currency, locale ? { signal, locale } : { signal }));
    },
    staleTime: 5 * 60_000,
    retry: retryTransient(context),
  });
}

export function paymentMethodsQueryOptions(context: QueryContext) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.paymentMethods(scope),
    queryFn: (fetch) => call(() => adapter.getPaymentMethods({ signal: lateSignal(fetch) })),
    retry: retryTransient(context),
  });
}

/**
 * The account's subscription of each product, with the card each is charged to.
 *
 * @example
 * const { data: subscriptions } = useQuery(subscriptionsQueryOptions(context));
 */
export function subscriptionsQueryOptions(context: QueryContext) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.subscriptions(scope),
    queryFn: (fetch) => call(() => adapter.getSubscriptions({ signal: lateSignal(fetch) })),
    retry: retryTransient(context),
  });
}

/**
 * Who holds a seat of one per-seat product.
 *
 * @example
 * const { data: seats } = useQuery(seatAssignmentsQueryOptions(context, 'sales'));
 */
export function seatAssignmentsQueryOptions(context: QueryContext, productId: string) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.seatAssignments(scope, productId),
    queryFn: (fetch) => call(() => adapter.getSeatAssignments(productId, { signal: lateSignal(fetch) })),
    retry: retryTransient(context),
  });
}

/** The price of a draft; `null` (an incomplete draft) skips the query. */
export function quoteQueryOptions(context: QueryContext, draft: OrderDraft | null) {
  const { adapter, scope } = context;
  return queryOptions({
    queryKey: accountKeys.quote(scope, draft),
    queryFn: draft
      ? (fetch) => call(() => adapter.previewOrder(draft, { signal: lateSignal(fetch) }))
      : skipToken,
    staleTime: 60_000,
    retry: retryTransient(context),
  });
}

export function updateContactsMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'update-contacts'],
    mutationFn: ({ update, expectedVersion }: { update: ContactsUpdate; expectedVersion: number }) =>
      call(() => adapter.updateContacts(update, { expectedVersion })),
  });
}

/**
 * Makes a card the default the subscriptions are charged to; resolves to the payment methods as
 * they now are. Writes are never retried automatically: a conflict or refusal needs the user.
 *
 * @example
 * const setDefault = useMutation(setDefaultPaymentMethodMutationOptions(context));
 * setDefault.mutate({ paymentMethodId: card.id, expectedVersion: card.version });
 */
export function setDefaultPaymentMethodMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'set-default-payment-method'],
    mutationFn: ({
      paymentMethodId,
      expectedVersion,
    }: {
      paymentMethodId: string;
      expectedVersion: number;
    }) => call(() => adapter.setDefaultPaymentMethod(paymentMethodId, { expectedVersion })),
    retry: false,
  });
}

/**
 * Shares the viewer's card with the other admins, or stops sharing it.
 *
 * @example
 * const share = useMutation(updatePaymentMethodSharingMutationOptions(context));
 * share.mutate({ paymentMethodId: card.id, sharedWithAdmins: true, expectedVersion: card.version });
 */
export function updatePaymentMethodSharingMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'update-payment-method-sharing'],
    mutationFn: ({
      paymentMethodId,
      sharedWithAdmins,
      expectedVersion,
    }: {
      paymentMethodId: string;
      sharedWithAdmins: boolean;
      expectedVersion: number;
    }) =>
      call(() => adapter.updatePaymentMethodSharing(paymentMethodId, sharedWithAdmins, { expectedVersion })),
    retry: false,
  });
}

/**
 * Removes the viewer's card; refused while it is the default or the last valid card.
 *
 * @example
 * const remove = useMutation(removePaymentMethodMutationOptions(context));
 * remove.mutate({ paymentMethodId: card.id, expectedVersion: card.version });
 */
export function removePaymentMethodMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'remove-payment-method'],
    mutationFn: ({
      paymentMethodId,
      expectedVersion,
    }: {
      paymentMethodId: string;
      expectedVersion: number;
    }) => call(() => adapter.removePaymentMethod(paymentMethodId, { expectedVersion })),
    retry: false,
  });
}

/**
 * Assigns and unassigns seats of one product over the version they were read at.
 *
 * @example
 * const save = useMutation(updateSeatAssignmentsMutationOptions(context));
 * save.mutate({ productId: 'sales', update: { assign: ['u012'], unassign: [] }, expectedVersion: seats.version });
 */
export function updateSeatAssignmentsMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'update-seat-assignments'],
    mutationFn: ({
      productId,
      update,
      expectedVersion,
    }: {
      productId: string;
      update: SeatAssignmentsUpdate;
      expectedVersion: number;
    }) => call(() => adapter.updateSeatAssignments(productId, update, { expectedVersion })),
    retry: false,
  });
}

export function placeOrderMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'place-order'],
    mutationFn: ({ draft, idempotencyKey }: { draft: OrderDraft; idempotencyKey: string }) =>
      call(() => adapter.placeOrder(draft, { idempotencyKey })),
    // Never retried automatically: a retry is the user's decision, with the same key.
    retry: false,
  });
}

/** Sends "Request this upgrade" to the administrators; only for adapters that offer it. */
export function requestUpgradeMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'request-upgrade'],
    mutationFn: (request: UpgradeRequest) =>
      call(() => {
        if (!adapter.requestUpgrade) throw new AdapterError('not_found', { message: 'requestUpgrade' });
        return adapter.requestUpgrade(request);
      }),
  });
}

/**
 * Hands a new card to the adapter's tokenising call and saves the resulting payment method.
 * Deliberately not a React Query mutation: mutation variables live in the mutation cache, and
 * card data must never be cached, persisted or logged anywhere. `makeDefault` makes the new card
 * the one the subscriptions are charged to.
 *
 * @example
 * const method = await tokenizeAndSaveCard(context, () => adapter.tokenizeCard(card), false, { makeDefault: true });
 */
export async function tokenizeAndSaveCard(
  { adapter }: QueryContext,
  tokenize: () => Promise<{ token: string }>,
  sharedWithAdmins: boolean,
  { makeDefault }: { makeDefault?: boolean } = {},
) {
  const { token } = await call(tokenize);
  return call(() =>
    adapter.createPaymentMethod({
      token,
      sharedWithAdmins,
      ...(makeDefault === undefined ? {} : { makeDefault }),
    }),
  );
}
