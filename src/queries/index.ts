import { infiniteQueryOptions, mutationOptions, queryOptions, skipToken } from '@tanstack/react-query';
import { AdapterError, toAdapterError } from '../adapter/errors.js';
import type { AccountAdapter } from '../adapter/types.js';
import type { ContactsUpdate, OrderDraft, UpgradeRequest, UserPage } from '../schemas/index.js';

/** What every factory needs: the adapter, and a scope that keeps two adapters' caches apart. */
export interface QueryContext {
  adapter: AccountAdapter;
  scope: string;
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
  quote: (scope: string, draft: OrderDraft | null) => [...accountKeys.all(scope), 'quote', draft] as const,
};

/** Runs an adapter call and normalises whatever it throws to an `AdapterError`. */
async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toAdapterError(error);
  }
}

export function accountQueryOptions({ adapter, scope }: QueryContext) {
  return queryOptions({
    queryKey: accountKeys.account(scope),
    queryFn: ({ signal }) => call(() => adapter.getAccount({ signal })),
    staleTime: 60_000,
  });
}

export function userSearchQueryOptions(
  { adapter, scope }: QueryContext,
  query: string,
  { pageSize = 50, excludeIds = [] }: { pageSize?: number; excludeIds?: string[] } = {},
) {
  return infiniteQueryOptions({
    queryKey: accountKeys.userSearch(scope, query, pageSize, excludeIds),
    queryFn: ({ pageParam, signal }): Promise<UserPage> =>
      call(() =>
        adapter.searchUsers(
          { query, cursor: pageParam, limit: pageSize, ...(excludeIds.length > 0 ? { excludeIds } : {}) },
          { signal },
        ),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    staleTime: 30_000,
  });
}

export function usersByIdsQueryOptions({ adapter, scope }: QueryContext, ids: string[]) {
  return queryOptions({
    queryKey: accountKeys.usersByIds(scope, ids),
    queryFn: ({ signal }) => call(() => adapter.getUsersByIds(ids, { signal })),
    enabled: ids.length > 0,
    staleTime: 60_000,
  });
}

export function contactsQueryOptions({ adapter, scope }: QueryContext) {
  return queryOptions({
    queryKey: accountKeys.contacts(scope),
    queryFn: ({ signal }) => call(() => adapter.getContacts({ signal })),
  });
}

export function roleDefinitionsQueryOptions({ adapter, scope }: QueryContext) {
  return queryOptions({
    queryKey: accountKeys.roleDefinitions(scope),
    queryFn: ({ signal }) => call(() => adapter.getRoleDefinitions({ signal })),
    staleTime: Infinity,
  });
}

/** The catalog; `locale` asks for tier names and features in the viewer's language. */
export function catalogQueryOptions(
  { adapter, scope }: QueryContext,
  currency: string | undefined,
  locale?: string,
) {
  return queryOptions({
    queryKey: accountKeys.catalog(scope, currency, locale),
    queryFn: ({ signal }) =>
      call(() => adapter.getCatalog(currency, locale ? { signal, locale } : { signal })),
    staleTime: 5 * 60_000,
  });
}

export function paymentMethodsQueryOptions({ adapter, scope }: QueryContext) {
  return queryOptions({
    queryKey: accountKeys.paymentMethods(scope),
    queryFn: ({ signal }) => call(() => adapter.getPaymentMethods({ signal })),
  });
}

/** The price of a draft; `null` (an incomplete draft) skips the query. */
export function quoteQueryOptions({ adapter, scope }: QueryContext, draft: OrderDraft | null) {
  return queryOptions({
    queryKey: accountKeys.quote(scope, draft),
    queryFn: draft ? ({ signal }) => call(() => adapter.previewOrder(draft, { signal })) : skipToken,
    staleTime: 60_000,
  });
}

export function updateContactsMutationOptions({ adapter }: QueryContext) {
  return mutationOptions({
    mutationKey: ['account-billing-kit', 'update-contacts'],
    mutationFn: ({ update, expectedVersion }: { update: ContactsUpdate; expectedVersion: number }) =>
      call(() => adapter.updateContacts(update, { expectedVersion })),
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
 * card data must never be cached, persisted or logged anywhere.
 */
export async function tokenizeAndSaveCard(
  { adapter }: QueryContext,
  tokenize: () => Promise<{ token: string }>,
  sharedWithAdmins: boolean,
) {
  const { token } = await call(tokenize);
  return call(() => adapter.createPaymentMethod({ token, sharedWithAdmins }));
}
