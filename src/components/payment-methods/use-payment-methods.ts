import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import * as z from 'zod/mini';
import { AdapterError, isAmbiguousError, toAdapterError } from '../../adapter/errors.js';
import { useChangeQueue } from '../../lib/use-change-queue.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  paymentMethodsQueryOptions,
  removePaymentMethodMutationOptions,
  setDefaultPaymentMethodMutationOptions,
  subscriptionsQueryOptions,
  tokenizeAndSaveCard,
  updatePaymentMethodSharingMutationOptions,
} from '../../queries/index.js';
import {
  cardExpiryStatus,
  paymentMethodSchema,
  type CardExpiryStatus,
  type PaymentMethod,
  type User,
} from '../../schemas/index.js';

/**
 * Where the screen is:
 * - `not-allowed`: the viewer may not manage billing, so the cards are not even read;
 * - `loading` / `error`: the cards (or the viewer's permissions) are on their way, or failed;
 * - `ready`: the cards are shown.
 */
export type PaymentMethodsStatus = 'not-allowed' | 'loading' | 'error' | 'ready';

/** A change to one saved card, as the screen's buttons make it. */
export type PaymentMethodChange =
  | { kind: 'makeDefault'; paymentMethodId: string }
  | { kind: 'share'; paymentMethodId: string; sharedWithAdmins: boolean }
  | { kind: 'remove'; paymentMethodId: string };

/**
 * Why a change to a card is refused, as a key of the `validation` catalog:
 * - `paymentMethodIsDefault`: the subscriptions are charged to it; make another valid card the
 *   default first;
 * - `lastValidPaymentMethod`: a valid card must be on file at all times; add another first;
 * - `paymentMethodExpired`: an expired card cannot be the default.
 */
export type PaymentMethodRefusal =
  'paymentMethodIsDefault' | 'lastValidPaymentMethod' | 'paymentMethodExpired';

/** One saved card as the screen shows it: with any change on its way already applied. */
export interface PaymentMethodView {
  /** The card, with any change on its way applied. */
  method: PaymentMethod;
  /** The viewer's own card: only they can share or remove it. */
  own: boolean;
  /** Whether the card is valid, expires this month or next, or has expired. */
  expiry: CardExpiryStatus;
  /** A change to this card is on its way. */
  pending: boolean;
  /** Why "Make default" is refused, or null when it may be used (also when it already is the default). */
  makeDefaultRefusal: PaymentMethodRefusal | null;
  /** Why "Remove" is refused, or null. Other admins' cards cannot be removed at all (`own`). */
  removeRefusal: PaymentMethodRefusal | null;
}

/** A refusal or failure of a change, shown next to the card it was about. */
export interface PaymentMethodProblem {
  /** The change that was refused or failed; `retry` sends it again. */
  change: PaymentMethodChange;
  /** A rule the change broke: its message is `validation.<refusal>`. */
  refusal: PaymentMethodRefusal | null;
  /** Any other failure, with "Try again" when that may help. */
  error: AdapterError | null;
}

/** What changed last, for the screen's announcement. */
export interface PaymentMethodOutcome {
  /** The change that went through, or the card that was added. */
  change: PaymentMethodChange | { kind: 'add'; paymentMethodId: string };
  /** The card as it was when the change was made (a removed card is gone afterwards). */
  method: PaymentMethod;
}

/** What `usePaymentMethods` returns. */
export interface PaymentMethodsState {
  /** Where the screen is: see `PaymentMethodsStatus`. */
  status: PaymentMethodsStatus;
  /** Why the cards or the viewer's permissions could not be loaded (`status: 'error'`). */
  loadError: AdapterError | null;
  /** Asks again for whatever failed to load. */
  retryLoad: () => void;
  /** The cards, the default first, then the viewer's own, then those other admins shared. */
  methods: PaymentMethodView[];
  /** The default card, when the viewer can see it. */
  defaultMethod: PaymentMethod | null;
  /**
   * Why the card the subscriptions are charged to needs attention: it has expired, it expires
   * this month or next, or no card is the default while a subscription still charges.
   */
  defaultAlert: 'expired' | 'expiring' | 'missing' | null;
  /** Whether a subscription still charges a card (unknown counts as yes: the rules fail closed). */
  charging: boolean;
  /** Who to ask when the viewer may not manage billing. Never the viewer. */
  administrators: User[];
  /** The last change was refused or failed. Cleared by the next change. */
  problem: PaymentMethodProblem | null;
  /** The last change met a newer version of the cards: they are shown now, the change was not made. */
  conflict: PaymentMethodChange | null;
  /** The last change that went through, for an announcement. */
  outcome: PaymentMethodOutcome | null;
  /**
   * Makes a change, optimistically: the cards show it at once, and go back if it fails. Changes
   * are sent one after another, each over the card's latest version. A refused change (see
   * `makeDefaultRefusal`, `removeRefusal`) is not sent: `problem` says why.
   */
  change: (change: PaymentMethodChange) => void;
  /** Sends the failed change again. */
  retry: () => void;
  /** Conflict: keep the cards as they are now. */
  keepTheirs: () => void;
  /** Conflict: make my change again over the latest version. */
  applyMine: () => void;
  /** Forgets the last problem, e.g. when its notice is closed. */
  dismissProblem: () => void;
  /**
   * Saves a new card from a single-use token: our card form's (`adapter.tokenizeCard`) or the
   * host's hosted fields'. Resolves with the saved card; rejects with the `AdapterError`.
   */
  addCard: (
    tokenize: () => Promise<{ token: string }>,
    options: { sharedWithAdmins: boolean; makeDefault: boolean },
  ) => Promise<PaymentMethod>;
}

/** Options of `usePaymentMethods`. */
export interface UsePaymentMethodsOptions {
  /** The day expiry is judged on. Default: today. */
  today?: Date | undefined;
}

const paymentMethodListSchema = z.array(paymentMethodSchema);
const REFUSALS = new Set<string>([
  'paymentMethodIsDefault',
  'lastValidPaymentMethod',
  'paymentMethodExpired',
]);

/**
 * The headless payment methods: the viewer's cards and those other admins shared, which one is
 * the default, and every change to them — make default, share or stop sharing, remove, add —
 * optimistic with rollback, versioned, with conflicts and refusals reported as the contacts
 * screen reports them. "A valid card must be on file at all times": while a subscription
 * charges, the default card cannot be removed until another valid card is the default, nor the
 * last valid card.
 *
 * @example
 * const cards = usePaymentMethods();
 * cards.methods.map(({ method, removeRefusal }) => (
 *   <button key={method.id} onClick={() => cards.change({ kind: 'remove', paymentMethodId: method.id })}>
 *     Remove {method.last4}
 *   </button>
 * ));
 */
export function usePaymentMethods({ today }: UsePaymentMethodsOptions = {}): PaymentMethodsState {
  const settings = useAccountSettings();
  const { scope, reportError } = settings;
  const queryClient = useQueryClient();
  const account = useQuery(accountQueryOptions(settings));
  const permissions = account.data?.viewer.permissions;
  const allowed = permissions?.manageBilling === true;
  // Only a viewer known to manage billing reads the cards: for anyone else the adapter refuses.
  const methodsQuery = useQuery({ ...paymentMethodsQueryOptions(settings), enabled: allowed });
  const subscriptions = useQuery({ ...subscriptionsQueryOptions(settings), enabled: allowed });
  const setDefault = useMutation(setDefaultPaymentMethodMutationOptions(settings));
  const setSharing = useMutation(updatePaymentMethodSharingMutationOptions(settings));
  const remove = useMutation(removePaymentMethodMutationOptions(settings));

  const [problem, setProblem] = useState<PaymentMethodProblem | null>(null);
  const [conflict, setConflict] = useState<PaymentMethodChange | null>(null);
  const [outcome, setOutcome] = useState<PaymentMethodOutcome | null>(null);
  // Only a screen still shown announces a card it added.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const key = accountKeys.paymentMethods(scope);

  // One change at a time, in order: each reads the card's version the one before left.
  const { pending, enqueue } = useChangeQueue<PaymentMethodChange, PaymentMethod[]>({
    queryKey: key,
    write: async (change, before) => {
      const card = before?.find((method) => method.id === change.paymentMethodId);
      if (!card) throw new AdapterError('not_found');
      const expectedVersion = card.version;
      if (change.kind === 'makeDefault') {
        return setDefault.mutateAsync({ paymentMethodId: card.id, expectedVersion });
      }
      if (change.kind === 'share') {
        const after = await setSharing.mutateAsync({
          paymentMethodId: card.id,
          sharedWithAdmins: change.sharedWithAdmins,
          expectedVersion,
        });
        return (current) => (current ?? []).map((method) => (method.id === after.id ? after : method));
      }
      await remove.mutateAsync({ paymentMethodId: card.id, expectedVersion });
      return (current) => (current ?? []).filter((method) => method.id !== card.id);
    },
    parseCurrent: (value) => {
      const parsed = paymentMethodListSchema.safeParse(value);
      return parsed.success ? parsed.data : undefined;
    },
    readCurrent: () => queryClient.query({ ...paymentMethodsQueryOptions(settings), staleTime: 0 }),
    // A card gone missing is asked about too: it may be our own removal whose answer was lost.
    readAfter: (error) => isAmbiguousError(error) || error.code === 'not_found',
    // Our change is already there (our own answer was lost, or someone made the same one).
    isApplied: (change, current, before) =>
      cardOf(before, change) !== undefined && isApplied(change, current),
    operation: (change) =>
      change.kind === 'makeDefault'
        ? 'setDefaultPaymentMethod'
        : change.kind === 'share'
          ? 'updatePaymentMethodSharing'
          : 'removePaymentMethod',
    invalidates: [accountKeys.subscriptions(scope)],
    onApplied: (change, before) => {
      const card = cardOf(before, change);
      if (card) setOutcome({ change, method: card });
    },
    onFailed: (change, error) => {
      if (error.code === 'conflict') {
        setConflict(change);
        return;
      }
      const refusal =
        error.code === 'validation'
          ? (error.fieldIssues.map((issue) => issue.code).find((code) => REFUSALS.has(code)) ?? null)
          : null;
      setProblem({
        change,
        refusal: refusal as PaymentMethodRefusal | null,
        error: refusal ? null : error,
      });
    },
  });

  const viewerId = account.data?.viewer.user.id;
  const day = today?.getTime();
  // Canceled subscriptions charge nothing; an unknown list counts as charging.
  const charging = subscriptions.data
    ? subscriptions.data.some((subscription) => subscription.status !== 'canceled')
    : true;

  const server = methodsQuery.data;
  const shown = useMemo(
    () => pending.reduce((methods, change) => applyChange(methods, change), server ?? []),
    [pending, server],
  );
  const methods = useMemo(() => {
    const on = day === undefined ? new Date() : new Date(day);
    const usable = (method: PaymentMethod) => cardExpiryStatus(method, on) !== 'expired';
    const rank = (method: PaymentMethod) => (method.isDefault ? 0 : method.ownerUserId === viewerId ? 1 : 2);
    return [...shown]
      .sort((a, b) => rank(a) - rank(b))
      .map((method): PaymentMethodView => {
        const expiry = cardExpiryStatus(method, on);
        const othersUsable = shown.some((other) => other.id !== method.id && usable(other));
        return {
          method,
          own: method.ownerUserId === viewerId,
          expiry,
          pending: pending.some((change) => change.paymentMethodId === method.id),
          makeDefaultRefusal: !method.isDefault && expiry === 'expired' ? 'paymentMethodExpired' : null,
          removeRefusal: !charging
            ? null
            : method.isDefault
              ? 'paymentMethodIsDefault'
              : usable(method) && !othersUsable
                ? 'lastValidPaymentMethod'
                : null,
        };
      });
  }, [shown, pending, viewerId, charging, day]);

  const defaultMethod = shown.find((method) => method.isDefault) ?? null;
  // The default may be another admin's card not shared with this viewer: the subscriptions still
  // name the card they are charged to.
  const chargedCard =
    defaultMethod ??
    subscriptions.data?.find((subscription) => subscription.status !== 'canceled')?.paymentMethod ??
    null;
  const chargedExpiry = chargedCard
    ? cardExpiryStatus(chargedCard, day === undefined ? new Date() : new Date(day))
    : null;
  const defaultAlert = !server
    ? null
    : chargedCard
      ? chargedExpiry === 'valid'
        ? null
        : chargedExpiry
      : charging && subscriptions.data
        ? 'missing'
        : null;

  const change = useCallback(
    (next: PaymentMethodChange) => {
      setProblem(null);
      setConflict(null);
      setOutcome(null);
      const view = methods.find((candidate) => candidate.method.id === next.paymentMethodId);
      if (!view) return;
      // Refused here already: the rule is stated next to the card instead of asking the server.
      const refusal =
        next.kind === 'remove'
          ? view.removeRefusal
          : next.kind === 'makeDefault'
            ? view.makeDefaultRefusal
            : null;
      if (refusal) {
        setProblem({ change: next, refusal, error: null });
        return;
      }
      if (next.kind === 'makeDefault' && view.method.isDefault) return;
      if (next.kind === 'share' && view.method.sharedWithAdmins === next.sharedWithAdmins) return;
      enqueue(next);
    },
    [enqueue, methods],
  );

  const addCard = useCallback(
    async (
      tokenize: () => Promise<{ token: string }>,
      { sharedWithAdmins, makeDefault }: { sharedWithAdmins: boolean; makeDefault: boolean },
    ) => {
      setProblem(null);
      setConflict(null);
      setOutcome(null);
      try {
        const saved = await tokenizeAndSaveCard(settings, tokenize, sharedWithAdmins, { makeDefault });
        queryClient.setQueryData<PaymentMethod[]>(key, (current) => [
          ...(current ?? []).map((method) => (saved.isDefault ? { ...method, isDefault: false } : method)),
          saved,
        ]);
        // Other cards' versions moved when the default did: read them again.
        void queryClient.invalidateQueries({ queryKey: key });
        void queryClient.invalidateQueries({ queryKey: accountKeys.subscriptions(scope) });
        if (mounted.current)
          setOutcome({ change: { kind: 'add', paymentMethodId: saved.id }, method: saved });
        return saved;
      } catch (caught) {
        const error = toAdapterError(caught);
        reportError(error, { operation: 'createPaymentMethod' });
        throw error;
      }
    },
    [key, queryClient, reportError, scope, settings],
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
    const mine = conflict;
    setConflict(null);
    change(mine);
  }, [change, conflict]);
  const dismissProblem = useCallback(() => setProblem(null), []);

  const accountFailed = account.isError && !account.data;
  const methodsFailed = methodsQuery.isError && !methodsQuery.data;
  const loadFailure = accountFailed ? account.error : methodsFailed ? methodsQuery.error : null;
  const status: PaymentMethodsStatus = loadFailure
    ? 'error'
    : !account.data
      ? 'loading'
      : !allowed
        ? 'not-allowed'
        : server
          ? 'ready'
          : 'loading';
  const { refetch: refetchAccount } = account;
  const { refetch: refetchMethods } = methodsQuery;
  const retryLoad = useCallback(() => {
    if (accountFailed) void refetchAccount();
    if (methodsFailed) void refetchMethods();
  }, [accountFailed, methodsFailed, refetchAccount, refetchMethods]);

  return {
    status,
    loadError: loadFailure ? toAdapterError(loadFailure) : null,
    retryLoad,
    methods,
    defaultMethod,
    defaultAlert,
    charging,
    administrators: (account.data?.administrators ?? []).filter((user) => user.id !== viewerId),
    problem,
    conflict,
    outcome,
    change,
    retry,
    keepTheirs,
    applyMine,
    dismissProblem,
    addCard,
  };
}

/** The cards as they will be once `change` is made. */
function applyChange(methods: PaymentMethod[], change: PaymentMethodChange): PaymentMethod[] {
  switch (change.kind) {
    case 'makeDefault':
      return methods.map((method) => ({ ...method, isDefault: method.id === change.paymentMethodId }));
    case 'share':
      return methods.map((method) =>
        method.id === change.paymentMethodId
          ? { ...method, sharedWithAdmins: change.sharedWithAdmins }
          : method,
      );
    case 'remove':
      return methods.filter((method) => method.id !== change.paymentMethodId);
  }
}

/** The card a change is about, as it was when the change was sent. */
function cardOf(
  methods: PaymentMethod[] | undefined,
  change: PaymentMethodChange,
): PaymentMethod | undefined {
  return methods?.find((method) => method.id === change.paymentMethodId);
}

/** Whether the cards as stored already show `change`. */
function isApplied(change: PaymentMethodChange, methods: PaymentMethod[]): boolean {
  const card = methods.find((method) => method.id === change.paymentMethodId);
  switch (change.kind) {
    case 'makeDefault':
      return card?.isDefault === true;
    case 'share':
      return card?.sharedWithAdmins === change.sharedWithAdmins;
    case 'remove':
      return card === undefined;
  }
}
