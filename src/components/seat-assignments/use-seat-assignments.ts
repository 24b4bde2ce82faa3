import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { useChangeQueue } from '../../lib/use-change-queue.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  catalogQueryOptions,
  seatAssignmentsQueryOptions,
  subscriptionsQueryOptions,
  updateSeatAssignmentsMutationOptions,
} from '../../queries/index.js';
import {
  productSeatsSchema,
  type BillingInterval,
  type ProductSeats,
  type User,
} from '../../schemas/index.js';

/** Where one product's seats are: on their way, failed to load, or shown. */
export type SeatAssignmentsStatus = 'loading' | 'error' | 'ready';

/** A change to who holds a seat, as the screen's buttons make it. */
export type SeatChange = { kind: 'assign'; user: User } | { kind: 'unassign'; user: User };

/**
 * More seats to buy, for the host to open the upgrade wizard with: the product's current tier,
 * interval and currency, and everyone who should hold a seat (the active holders and the user
 * who did not fit). Pass it as the wizard's `defaultSelection` with `defaultStep: 'seats'`.
 */
export interface SeatPurchase {
  /** The per-seat product whose seats are bought. */
  productId: string;
  /** Its current tier: more seats of the same plan. */
  tierId: string;
  /** The subscription's billing interval. */
  interval: BillingInterval;
  /** The subscription's currency. */
  currency: string;
  /** Who should hold a seat once bought. */
  seatUserIds: string[];
  /** How many seats that is. */
  seats: number;
}

/** A change the billing system refused or that failed, shown next to the seats. */
export interface SeatProblem {
  /** The change that was refused or failed; `retry` sends it again. */
  change: SeatChange;
  /** A rule the change broke, as a key of the `validation` catalog (e.g. `userDeactivated`). */
  refusal: string | null;
  /** Any other failure, with "Try again" when that may help. */
  error: AdapterError | null;
}

/** What `useSeatAssignments` returns for one product. */
export interface SeatAssignmentsState {
  /** `ready` once the account, the seats, the subscriptions and the catalog are known. */
  status: SeatAssignmentsStatus;
  /** Why the seats could not be loaded (`status: 'error'`). */
  loadError: AdapterError | null;
  /** Asks again for whatever failed to load. */
  retryLoad: () => void;
  /** The product's and tier's names in the viewer's language (their ids until the catalog is known). */
  productName: string;
  /** The tier's name in the viewer's language. */
  tierName: string;
  /** Who holds a seat, with changes on their way already applied, ordered by name. */
  holders: User[];
  /** Ids of `holders`, to mark search results that already hold a seat. */
  holderIds: ReadonlySet<string>;
  /** Holders who were deactivated: they still use a paid seat until removed. */
  deactivatedHolders: User[];
  /** Seats paid for, the tier's included ones among them. */
  seatsBought: number;
  /** Seats left to assign. */
  available: number;
  /** Whether a change is on its way. */
  saving: boolean;
  /** Only viewers known to manage billing change seats; unknown permissions mean read-only. */
  mayManage: boolean;
  /** Who to ask when the viewer may not change seats. Never the viewer. */
  administrators: User[];
  /**
   * The seats bought are all assigned and someone else should get one: `user` did not fit. With
   * the purchase that would make room.
   */
  overLimit: { user: User; purchase: SeatPurchase | null } | null;
  /** The last change was refused or failed. Cleared by the next change. */
  problem: SeatProblem | null;
  /** Someone else changed the seats first: theirs are shown, mine was not made. */
  conflict: { change: SeatChange; by: string | null } | null;
  /** The last change that went through, for an announcement. */
  outcome: SeatChange | null;
  /**
   * Gives a user a seat or takes it away, optimistically: the list shows it at once and goes
   * back if it fails. Changes are sent one after another over the latest version. Assigning a
   * seat when all are taken is not sent: `overLimit` offers to buy more.
   */
  change: (change: SeatChange) => void;
  /** Sends the failed change again. */
  retry: () => void;
  /** Conflict: keep the seats as they are now. */
  keepTheirs: () => void;
  /** Conflict: make my change again over the latest version. */
  applyMine: () => void;
  /** Closes the "all seats are assigned" notice. */
  dismissOverLimit: () => void;
}

/**
 * The headless seat assignments of one per-seat product: who holds a seat, against how many were
 * bought, and giving or taking seats — optimistic with rollback, versioned, with conflicts
 * reported as the contacts screen reports them. Assigning beyond the seats bought offers the
 * purchase that would make room (`overLimit.purchase`).
 *
 * @example
 * const seats = useSeatAssignments('sales');
 * seats.change({ kind: 'assign', user });
 * if (seats.overLimit?.purchase) openWizard(seats.overLimit.purchase);
 */
export function useSeatAssignments(productId: string): SeatAssignmentsState {
  const settings = useAccountSettings();
  const { scope } = settings;
  const queryClient = useQueryClient();
  const account = useQuery(accountQueryOptions(settings));
  const seatsQuery = useQuery(seatAssignmentsQueryOptions(settings, productId));
  const subscriptions = useQuery(subscriptionsQueryOptions(settings));
  const catalog = useQuery(catalogQueryOptions(settings, undefined, settings.locale));
  const update = useMutation(updateSeatAssignmentsMutationOptions(settings));
  const [problem, setProblem] = useState<SeatProblem | null>(null);
  const [conflict, setConflict] = useState<SeatAssignmentsState['conflict']>(null);
  const [outcome, setOutcome] = useState<SeatChange | null>(null);
  const [overLimitUser, setOverLimitUser] = useState<User | null>(null);
  const key = accountKeys.seatAssignments(scope, productId);

  const { pending, enqueue } = useChangeQueue<SeatChange, ProductSeats>({
    queryKey: key,
    write: (change, before) =>
      update.mutateAsync({
        productId,
        update:
          change.kind === 'assign'
            ? { assign: [change.user.id], unassign: [] }
            : { assign: [], unassign: [change.user.id] },
        expectedVersion: before?.version ?? 0,
      }),
    parseCurrent: (value) => {
      const parsed = productSeatsSchema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
    readCurrent: () =>
      queryClient.query({ ...seatAssignmentsQueryOptions(settings, productId), staleTime: 0 }),
    isApplied,
    operation: () => 'updateSeatAssignments',
    invalidates: [accountKeys.subscriptions(scope)],
    onApplied: (change) => setOutcome(change),
    onFailed: (change, error, current) => {
      if (error.code === 'conflict') {
        setConflict({ change, by: current?.updatedBy ?? null });
        return;
      }
      const codes = error.code === 'validation' ? error.fieldIssues.map((issue) => issue.code) : [];
      if (change.kind === 'assign' && codes.includes('seatsExceedBought')) {
        // Someone else took the last seat meanwhile: the list is read again, the offer stands.
        void queryClient.invalidateQueries({ queryKey: key });
        setOverLimitUser(change.user);
        return;
      }
      const refusal = codes[0] ?? null;
      setProblem({ change, refusal, error: refusal ? null : error });
    },
  });

  const server = seatsQuery.data;
  const holders = useMemo(() => {
    const collator = new Intl.Collator(settings.locale);
    return pending
      .reduce((list, change) => applyChange(list, change), server?.holders ?? [])
      .sort((a, b) => collator.compare(a.displayName, b.displayName));
  }, [pending, server, settings.locale]);
  const holderIds = useMemo(() => new Set(holders.map((user) => user.id)), [holders]);
  const seatsBought = server?.seatsBought ?? 0;
  const subscription = subscriptions.data?.find((candidate) => candidate.productId === productId);
  const product = catalog.data?.products.find((candidate) => candidate.id === productId);
  const tierId = server?.tierId ?? subscription?.tierId ?? '';
  const tier = product?.tiers.find((candidate) => candidate.id === tierId);

  const change = useCallback(
    (next: SeatChange) => {
      setProblem(null);
      setConflict(null);
      setOutcome(null);
      setOverLimitUser(null);
      const holds = holderIds.has(next.user.id);
      if ((next.kind === 'assign') === holds) return;
      if (next.kind === 'assign' && next.user.status === 'deactivated') {
        setProblem({ change: next, refusal: 'userDeactivated', error: null });
        return;
      }
      // Every seat bought is taken: offer to buy more instead of asking to be refused.
      if (next.kind === 'assign' && holders.length >= seatsBought) {
        setOverLimitUser(next.user);
        return;
      }
      enqueue(next);
    },
    [enqueue, holderIds, holders.length, seatsBought],
  );

  const lastProblem = problem;
  const retry = useCallback(() => {
    if (!lastProblem) return;
    setProblem(null);
    enqueue(lastProblem.change);
  }, [enqueue, lastProblem]);
  const keepTheirs = useCallback(() => setConflict(null), []);
  const applyMine = useCallback(() => {
    if (!conflict) return;
    const mine = conflict.change;
    setConflict(null);
    change(mine);
  }, [change, conflict]);
  const dismissOverLimit = useCallback(() => setOverLimitUser(null), []);

  const purchase: SeatPurchase | null =
    overLimitUser && subscription && tierId
      ? (() => {
          // Deactivated users cannot be given a paid seat in a new order: they are left out.
          const seatUserIds = [
            ...holders.filter((user) => user.status !== 'deactivated').map((user) => user.id),
            overLimitUser.id,
          ];
          return {
            productId,
            tierId,
            interval: subscription.interval,
            currency: subscription.currency,
            seatUserIds,
            seats: seatUserIds.length,
          };
        })()
      : null;

  const viewerId = account.data?.viewer.user.id;
  const failedQueries = [account, seatsQuery, subscriptions, catalog].filter(
    (query) => query.isError && query.data === undefined,
  );
  const loadFailure = failedQueries[0]?.error;
  const retryLoad = () => {
    for (const query of failedQueries) void query.refetch();
  };
  const ready = account.data && server && subscriptions.data && catalog.data;

  return {
    status: loadFailure ? 'error' : ready ? 'ready' : 'loading',
    loadError: loadFailure ? toAdapterError(loadFailure) : null,
    retryLoad,
    productName: product?.name ?? productId,
    tierName: tier?.name ?? tierId,
    holders,
    holderIds,
    deactivatedHolders: holders.filter((user) => user.status === 'deactivated'),
    seatsBought,
    available: Math.max(0, seatsBought - holders.length),
    saving: pending.length > 0,
    mayManage: account.data?.viewer.permissions.manageBilling === true,
    administrators: (account.data?.administrators ?? []).filter((user) => user.id !== viewerId),
    overLimit: overLimitUser ? { user: overLimitUser, purchase } : null,
    problem,
    conflict,
    outcome,
    change,
    retry,
    keepTheirs,
    applyMine,
    dismissOverLimit,
  };
}

function applyChange(holders: User[], change: SeatChange): User[] {
  if (change.kind === 'assign') {
    return holders.some((user) => user.id === change.user.id) ? holders : [...holders, change.user];
  }
  return holders.filter((user) => user.id !== change.user.id);
}

function isApplied(change: SeatChange, assignments: ProductSeats): boolean {
  const holds = assignments.holders.some((user) => user.id === change.user.id);
  return change.kind === 'assign' ? holds : !holds;
}
