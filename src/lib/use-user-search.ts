import {
  InfiniteQueryObserver,
  keepPreviousData,
  useInfiniteQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { toAdapterError, type AdapterError } from '../adapter/errors.js';
import { useAccountSettings } from '../provider/context.js';
import { userSearchQueryOptions } from '../queries/index.js';
import type { User } from '../schemas/user.js';
import { matchesAllTerms, searchTerms } from './search-text.js';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

/**
 * Where a search stands, as a screen shows it:
 * - `idle`: not searching (`enabled` is false);
 * - `loading`: nothing to show yet for this text, but an answer is on its way;
 * - `error`: the search failed and nothing is loaded (`error` says why, `retry` tries again);
 * - `empty`: the server answered: nobody matches;
 * - `ready`: there are users to show.
 */
export type UserSearchStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

export interface UseUserSearchOptions {
  /** The text as typed. Surrounding spaces are ignored. */
  query: string;
  /** Whether to search at all, e.g. only while a list is open. Default true. */
  enabled?: boolean;
  /** Users never to return, e.g. those already chosen elsewhere. */
  excludeIds?: string[];
  /** Users per request. Default 50. */
  pageSize?: number;
  /** Milliseconds the text must rest before the server is asked. Default 120. */
  debounceMs?: number;
}

export interface UserSearch {
  /**
   * The users to show: every loaded page, and while the server has not yet answered for the
   * current text, those of them that match it (so each keystroke narrows the list at once).
   */
  users: User[];
  /** How many users match in all, loaded or not; `users.length` while narrowing locally. */
  total: number;
  /** The folded search terms of the text, e.g. for highlighting matches. */
  terms: string[];
  status: UserSearchStatus;
  /** The last failure, also while earlier results are still shown; null when the last request worked. */
  error: AdapterError | null;
  /** Asks the server again after a failure. */
  retry: () => void;
  /** Whether the server has more pages of this search. */
  hasMore: boolean;
  /** Loads the next page, unless one is loading, there is none, or the rows shown are a local narrowing. */
  fetchMore: () => void;
  /**
   * Loads every page of the current text (not just the rendered rows) and resolves with all of
   * its users. Rejects with the `AdapterError` when a page fails; `error` shows it too.
   */
  loadAll: () => Promise<User[]>;
  /** A request for this search is in flight. */
  isFetching: boolean;
  isFetchingMore: boolean;
  /** The users shown are a local narrowing of an earlier answer while the server is asked. */
  isStale: boolean;
  /** `isStale`, and the answer is being fetched. */
  isRefreshing: boolean;
}

const DEFAULT_DEBOUNCE_MS = 120;
const DEFAULT_PAGE_SIZE = 50;
const EMPTY: string[] = [];

/**
 * The account's users matching a text, from the adapter's server-side search: paged, cached,
 * debounced, and narrowed locally between keystrokes and answers. Both the contact picker and
 * the seat list search with it, so both behave (and fail) the same way.
 *
 * @example
 * const search = useUserSearch({ query, pageSize: 100 });
 * if (search.status === 'error' && search.error) return <ErrorNotice error={search.error} onRetry={search.retry} />;
 * return <ul>{search.users.map((user) => <li key={user.id}>{user.displayName}</li>)}</ul>;
 */
export function useUserSearch({
  query,
  enabled = true,
  excludeIds = EMPTY,
  pageSize = DEFAULT_PAGE_SIZE,
  debounceMs = DEFAULT_DEBOUNCE_MS,
}: UseUserSearchOptions): UserSearch {
  const settings = useAccountSettings();
  const { reportError } = settings;
  const queryClient = useQueryClient();
  // A stable array for the query key whatever the caller passes on each render.
  const excludeKey = excludeIds.join('\u0000');
  const stableExclude = useMemo(() => (excludeKey ? excludeKey.split('\u0000') : EMPTY), [excludeKey]);
  const trimmedQuery = query.trim();
  const terms = useMemo(() => searchTerms(query), [query]);
  const [restingQuery, setRestingQuery] = useState(trimmedQuery);
  const debouncedQuery = debounceMs > 0 ? restingQuery : trimmedQuery;
  // `loadAll` asks for the text as typed; the list follows it at once so that both show the same.
  const [flushedQuery, setFlushedQuery] = useState<string | null>(null);

  // The debounce saves requests while narrowing what is loaded still shows matches. When it
  // would show nobody (the loaded page is a small, name-sorted slice of a large account), ask
  // the server at once rather than flash "no users match" for the length of the debounce.
  const debouncedPages = queryClient.getQueryData(
    userSearchQueryOptions(settings, debouncedQuery, { pageSize, excludeIds: stableExclude }).queryKey,
  )?.pages;
  const narrowingFindsNobody =
    debouncedQuery !== trimmedQuery &&
    terms.length > 0 &&
    debouncedPages !== undefined &&
    !debouncedPages.some((page) => page.users.some((user) => matchesUser(user, terms)));
  const serverQuery = narrowingFindsNobody || flushedQuery === trimmedQuery ? trimmedQuery : debouncedQuery;

  const serverOptions = userSearchQueryOptions(settings, serverQuery, {
    pageSize,
    excludeIds: stableExclude,
  });
  const search = useInfiniteQuery({ ...serverOptions, enabled, placeholderData: keepPreviousData });

  // The query's own observer asks the adapter from a passive effect, and tells the component
  // about the answer a task later: a keystroke would paint its local narrowing first and the
  // answer frames later. Asked from the commit that needs it, an answer that is ready in the
  // same task (an in-page adapter, a cached page) is rendered before that commit is painted.
  const [, setAnswer] = useState({});
  const showsAnswer = search.isSuccess && !search.isPlaceholderData;
  useIsomorphicLayoutEffect(() => {
    if (!enabled || showsAnswer) return;
    // A failure is rendered as promptly as an answer. (An answer to text typed over since, or
    // to a search that has gone, costs one render that changes nothing.)
    const render = () => flushSync(() => setAnswer({}));
    queryClient.infiniteQuery(serverOptions).then(render, render);
    // The options are rebuilt on every render; what they ask for is named by these.
  }, [enabled, showsAnswer, queryClient, settings, serverQuery, pageSize, stableExclude]);

  // The debounce: the server is asked once the text has rested. The rest is counted from the
  // commit that shows the text (a passive effect may run a frame later), and the timer renders
  // at once (a scheduled render may come a frame later): the request starts in that commit,
  // and an answer ready in the same task is rendered before the next paint.
  useIsomorphicLayoutEffect(() => {
    if (debounceMs <= 0 || trimmedQuery === restingQuery) return;
    const timer = setTimeout(() => flushSync(() => setRestingQuery(trimmedQuery)), debounceMs);
    return () => clearTimeout(timer);
  }, [debounceMs, trimmedQuery, restingQuery]);

  const loadedUsers = useMemo(() => search.data?.pages.flatMap((page) => page.users) ?? [], [search.data]);
  const isStale = search.isPlaceholderData || serverQuery !== trimmedQuery;

  // While the server catches up, narrow what is already on screen by the new text, so every
  // keystroke paints at once; the server's answer replaces it when it arrives.
  const users = useMemo(() => {
    if (!isStale || terms.length === 0) return loadedUsers;
    return loadedUsers.filter((user) => matchesUser(user, terms));
  }, [loadedUsers, isStale, terms]);
  const total = isStale ? users.length : (search.data?.pages[0]?.total ?? 0);

  const error = search.isError ? toAdapterError(search.error) : null;
  useEffect(() => {
    if (error) reportError(error, { operation: 'searchUsers' });
  }, [error, reportError]);

  const status: UserSearchStatus = !enabled
    ? 'idle'
    : error && users.length === 0
      ? 'error'
      : // Nothing on screen yet for this text: it is on its way, not absent.
        search.isPending || (isStale && users.length === 0)
        ? 'loading'
        : users.length === 0
          ? 'empty'
          : 'ready';

  const { refetch, hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  const retry = useCallback(() => {
    void refetch();
  }, [refetch]);
  const fetchMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isStale) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isStale, fetchNextPage]);

  const loadAll = useCallback(async () => {
    setFlushedQuery(trimmedQuery);
    const options = userSearchQueryOptions(settings, trimmedQuery, { pageSize, excludeIds: stableExclude });
    await queryClient.infiniteQuery({ ...options, staleTime: 'static' });
    // An observer of the same cache entry: the pages it loads are the ones the list shows.
    const observer = new InfiniteQueryObserver(queryClient, options);
    let result = observer.getCurrentResult();
    while (result.hasNextPage && !result.isError) result = await observer.fetchNextPage();
    if (result.isError) throw toAdapterError(result.error);
    return result.data?.pages.flatMap((page) => page.users) ?? [];
  }, [settings, queryClient, trimmedQuery, pageSize, stableExclude]);

  return {
    users,
    total,
    terms,
    status,
    error,
    retry,
    hasMore: hasNextPage,
    fetchMore,
    loadAll,
    isFetching: search.isFetching,
    isFetchingMore: isFetchingNextPage,
    isStale,
    isRefreshing: isStale && search.isFetching,
  };
}

function matchesUser(user: User, terms: string[]): boolean {
  return matchesAllTerms(`${user.displayName} ${user.email}`, terms);
}
