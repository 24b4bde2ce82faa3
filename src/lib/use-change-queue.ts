import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { isAmbiguousError, toAdapterError, type AdapterError } from '../adapter/errors.js';
import type { AdapterOperation } from '../adapter/types.js';
import { useAccountSettings } from '../provider/context.js';

/** How `useChangeQueue` sends changes to one piece of server state and reads the answers. */
export interface ChangeQueueOptions<Change, Data> {
  /** Where the server's state is cached. Only answers of the billing system are written there. */
  queryKey: QueryKey;
  /**
   * Sends one change over the state as cached now (`before`, e.g. for its version). Resolves with
   * what to cache: the server's answer, or an updater of the cached state.
   */
  write: (change: Change, before: Data | undefined) => Promise<Data | ((current: Data | undefined) => Data)>;
  /** The server's state a `conflict` carries (`error.current`), or undefined when it has none. */
  parseCurrent: (value: unknown) => Data | undefined;
  /** Reads the server's state anew, after a failure that may hide a change that went through. */
  readCurrent: () => Promise<Data>;
  /** Whether the server's state `current` already shows `change` (made by us or by someone else). */
  isApplied: (change: Change, current: Data, before: Data | undefined) => boolean;
  /** The operation a change calls, for `onError` reports. */
  operation: (change: Change) => AdapterOperation;
  /** Failures after which the server's state is read anew. Default: ambiguous ones (`isAmbiguousError`). */
  readAfter?: (error: AdapterError) => boolean;
  /** Other cached state a change moves (e.g. the subscriptions): read again after each change made. */
  invalidates?: readonly QueryKey[];
  /** A change was made (or found made). Called only while the screen is mounted. */
  onApplied: (change: Change, before: Data | undefined) => void;
  /**
   * A change was refused or failed; it was reported through `onError` already. `current` is the
   * server's state when the failure told it (a conflict) or it was read anew. Called only while
   * the screen is mounted.
   */
  onFailed: (change: Change, error: AdapterError, current: Data | undefined) => void;
}

/** What `useChangeQueue` returns. */
export interface ChangeQueue<Change> {
  /** Changes on their way, oldest first: apply them over the server's state to show it. */
  pending: readonly Change[];
  /** Sends a change after those on their way. */
  enqueue: (change: Change) => void;
}

/**
 * Optimistic changes to server state, as the billing screens make them (decision 0022): the
 * changes on their way are a list the screen applies over the server's state, sent one after
 * another so each goes over the version the one before left. The cache only ever holds what the
 * server said: a failed change leaves the list, and nothing has to be rolled back over a later
 * change that succeeded. A conflict's state, or a fresh read after a lost answer, is cached;
 * a change found already made counts as made.
 *
 * @example
 * const queue = useChangeQueue({ queryKey, write, parseCurrent, readCurrent, isApplied, operation,
 *   onApplied: (change) => setOutcome(change), onFailed: (change, error) => setProblem({ change, error }) });
 * const shown = queue.pending.reduce(applyChange, server);
 */
export function useChangeQueue<Change, Data>(options: ChangeQueueOptions<Change, Data>): ChangeQueue<Change> {
  const { reportError } = useAccountSettings();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<{ id: number; change: Change }[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const nextId = useRef(0);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // The queue outlives renders: each send reads the options of the latest one.
  const latest = useRef(options);
  useEffect(() => {
    latest.current = options;
  });

  const send = useCallback(
    async (change: Change, id: number) => {
      const settle = () => setPending((current) => current.filter((entry) => entry.id !== id));
      const { queryKey, write, invalidates = [] } = latest.current;
      const applied = () => {
        for (const key of invalidates) void queryClient.invalidateQueries({ queryKey: key });
      };
      const before = queryClient.getQueryData<Data>(queryKey);
      try {
        const after = await write(change, before);
        queryClient.setQueryData<Data>(queryKey, after);
        settle();
        applied();
        if (mounted.current) latest.current.onApplied(change, before);
      } catch (caught) {
        const error = toAdapterError(caught);
        const { parseCurrent, readCurrent, readAfter = isAmbiguousError } = latest.current;
        // What the server holds now: a conflict says; a lost answer needs asking.
        let current: Data | undefined;
        if (error.code === 'conflict') {
          current = parseCurrent(error.current);
        } else if (readAfter(error)) {
          try {
            current = await readCurrent();
          } catch {
            // Still unknown: the failure stands, and a retry sorts it out.
          }
        }
        if (current !== undefined) queryClient.setQueryData<Data>(queryKey, current);
        settle();
        if (!mounted.current) return;
        const handlers = latest.current;
        if (current !== undefined && handlers.isApplied(change, current, before)) {
          applied();
          handlers.onApplied(change, before);
          return;
        }
        reportError(error, { operation: handlers.operation(change) });
        if (error.code === 'conflict' && current === undefined) {
          void queryClient.invalidateQueries({ queryKey });
        }
        handlers.onFailed(change, error, current);
      }
    },
    [queryClient, reportError],
  );

  const enqueue = useCallback(
    (change: Change) => {
      nextId.current += 1;
      const id = nextId.current;
      setPending((current) => [...current, { id, change }]);
      queue.current = queue.current.then(() => send(change, id));
    },
    [send],
  );

  const changes = useMemo(() => pending.map((entry) => entry.change), [pending]);
  return { pending: changes, enqueue };
}
