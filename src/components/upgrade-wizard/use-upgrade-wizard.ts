import { keepPreviousData, useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useHydrated } from '../../lib/use-hydrated.js';
import { useIsomorphicLayoutEffect } from '../../lib/use-isomorphic-layout-effect.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  catalogQueryOptions,
  placeOrderMutationOptions,
  quoteQueryOptions,
  seatAssignmentsQueryOptions,
} from '../../queries/index.js';
import type { CompanyDetailsInput, OrderDraft, OrderResult, Quote } from '../../schemas/billing.js';
import type { BillingInterval, Catalog, Product, Tier } from '../../schemas/catalog.js';
import { canPurchase, type Account, type User } from '../../schemas/user.js';
import { loadDraft, saveDraft, type DraftOwner, type DraftStorage } from './draft-storage.js';
import {
  draftFromState,
  initialWizardState,
  isAmbiguousFailure,
  isStepComplete,
  isUnresolvedPurchase,
  reachableStep,
  stepsFor,
  wizardReducer,
  type WizardEvent,
  type WizardState,
  type WizardStep,
} from './wizard-machine.js';

export interface UseUpgradeWizardOptions {
  /**
   * The step shown, for hosts that keep it themselves (e.g. in their URL). The host's value
   * wins: a move the wizard wants is only reported through `onStepChange`, and happens when
   * the host passes the new step back. A step that cannot be shown yet (its earlier steps
   * are incomplete) shows the nearest one that can, and that one is reported instead.
   */
  step?: WizardStep;
  /** The step to open on first render, when the draft allows it. Uncontrolled. Default `plan`. */
  defaultStep?: WizardStep;
  /** Called with the step the wizard moves to (or, when controlled, wants to move to). */
  onStepChange?: (step: WizardStep) => void;
  /**
   * Where the draft (never card data) is kept across reloads. Default: `sessionStorage`.
   * Pass `null` to keep nothing.
   */
  draftStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /**
   * Storage key of the draft. Default `account-billing-kit:upgrade-draft`. Each draft is kept
   * under this key followed by its owner (adapter, account and viewer), and read back only by
   * the same owner.
   */
  draftStorageKey?: string;
  /** Product tab to open first. Uncontrolled. */
  defaultProductId?: string;
  /**
   * Opens the wizard with a tier already chosen, e.g. "Buy more seats" from the seat
   * assignments: the account's current tier with its holders and the users to add. With
   * `defaultStep: 'seats'` the seat step opens with them checked. It replaces a stored draft's
   * choice (company details and payment method are kept), except while that draft's purchase is
   * under way or may have gone through. Read on mount. Uncontrolled.
   */
  defaultSelection?: WizardPrefill;
  /** Called once per order placed, even when the wizard was unmounted and mounted again meanwhile. */
  onPurchaseComplete?: (order: OrderResult) => void;
  /** Called when a contact-sales tier's action is used. */
  onContactSales?: (tier: Tier, product: Product) => void;
  /** Milliseconds a changed draft waits before it is re-priced. Default 300. */
  quoteDebounceMs?: number;
}

/** A tier chosen in advance: see `UseUpgradeWizardOptions.defaultSelection`. */
export interface WizardPrefill {
  /** The tier to buy, e.g. the account's current tier when buying more seats of it. */
  tierId: string;
  /** Default: the stored draft's, else monthly; corrected to one the tier is sold with. */
  interval?: BillingInterval;
  /** Default: the stored draft's, else the account's currency once the catalog is known. */
  currency?: string;
  /** Users who get a seat (per-seat tiers). */
  seatUserIds?: readonly string[];
}

/** Where the account, and with it the viewer's permissions and their draft, is. */
export type AccountStatus = 'loading' | 'error' | 'ready';

/**
 * Where today's seat holders of the chosen product are: `none` when the account has no per-seat
 * subscription of it (nobody holds a seat), else loading, failed, or ready.
 */
export type SeatHoldersStatus = 'none' | 'loading' | 'error' | 'ready';

/** Where the catalog is: still loading, failed with nothing to show, or ready. */
export type CatalogStatus = 'loading' | 'error' | 'ready';

/**
 * Where the price of the draft on screen is:
 * - `idle`: nothing to price yet (plan step, or an incomplete draft);
 * - `loading`: the first price is on its way;
 * - `updating`: the price shown is for an earlier draft, or is being fetched again;
 * - `final`: the price shown is for exactly this draft, so it may be bought;
 * - `error`: pricing failed (`quoteError`, `actions.retryQuote`).
 */
export type QuoteStatus = 'idle' | 'loading' | 'updating' | 'final' | 'error';

/** Everything that changes the wizard. The object is stable: the same one on every render. */
export interface UpgradeWizardActions {
  /** Opens a product's tab. */
  setActiveProduct(productId: string): void;
  /** Chooses a self-serve tier. Contact-sales tiers are ignored (see `contactSales`). */
  selectTier(product: Product, tier: Tier): void;
  /** Reports interest in a contact-sales tier to `onContactSales`. */
  contactSales(product: Product, tier: Tier): void;
  setCurrency(currency: string): void;
  setInterval(interval: BillingInterval): void;
  toggleSeat(userId: string): void;
  setSeats(userIds: string[]): void;
  setCompany(company: CompanyDetailsInput): void;
  setPaymentMethod(paymentMethodId: string | null): void;
  setAgreed(agreed: boolean): void;
  /** Moves on when the current step is complete. */
  next(): void;
  back(): void;
  /** Jumps to a step whose earlier steps are complete. */
  goTo(step: WizardStep): void;
  /**
   * Places the order, exactly once, when the terms are agreed and the price is final. After an
   * interrupted or ambiguous attempt it sends the same order again with the same key: the
   * billing system answers with the order if it was placed, and places it once if it was not.
   */
  purchase(): void;
  retryAccount(): void;
  retryCatalog(): void;
  retryQuote(): void;
  retrySeatHolders(): void;
  /** Starts over with an empty draft. */
  reset(): void;
  /** Sends any reducer event; the named actions above cover the usual ones. */
  dispatch(event: WizardEvent): void;
}

/**
 * What `useUpgradeWizard` returns: the reducer's `state`, values derived from it and from the
 * adapter's data, and the stable `actions`.
 */
export interface UseUpgradeWizardResult {
  /** The draft, the purchase attempt and the step shown (`state.step`). */
  state: WizardState;
  /** The step shown: the host's `step` when controlled. Same as `state.step`. */
  step: WizardStep;
  /** The steps this draft goes through, in order, including the outcome step. */
  steps: readonly WizardStep[];
  /** Position of `step` in `steps`. */
  stepIndex: number;
  /** Whether the current step is complete, so "Next" moves on. */
  canContinue: boolean;
  /** Until it is `ready`, nothing can be chosen or bought, and no stored draft is read. */
  accountStatus: AccountStatus;
  account: Account | undefined;
  accountError: AdapterError | null;
  /** Whether the viewer may purchase (`canPurchase`); false while that is not known. */
  mayPurchase: boolean;
  /** Whom to ask when the viewer may not purchase: the account's administrators, never the viewer. */
  administrators: readonly User[];
  /** Whether the adapter can send "Request this upgrade" (`requestUpgrade`) for such a viewer. */
  canRequestUpgrade: boolean;
  catalogStatus: CatalogStatus;
  catalog: Catalog | undefined;
  catalogError: AdapterError | null;
  products: readonly Product[];
  /** The product whose tab is open. */
  activeProduct: Product | null;
  /** The chosen currency, or the account's until one is chosen. */
  currency: string | null;
  selectedProduct: Product | null;
  selectedTier: Tier | null;
  /**
   * Who holds a seat of the chosen product today, as the seat assignments report them
   * (`getSeatAssignments`), deactivated holders included. They start out selected on the seat
   * step, and "Next" waits until they are known.
   */
  seatHolders: readonly User[];
  seatHoldersStatus: SeatHoldersStatus;
  seatHoldersError: AdapterError | null;
  /** The order as the adapter would price it, or `null` while incomplete. */
  draft: OrderDraft | null;
  quoteStatus: QuoteStatus;
  /** The latest price; while `quoteStatus` is `updating` it is for an earlier draft. */
  quote: Quote | undefined;
  quoteError: AdapterError | null;
  /** "Complete purchase" was used without agreeing to the terms. */
  termsError: boolean;
  /** An order is being placed. */
  purchasing: boolean;
  /** The last attempt failed in a way that may still have placed the order: only a retry is safe. */
  ambiguousFailure: boolean;
  /** A purchase was under way when the page went away: whether it went through is not known yet. */
  purchaseInterrupted: boolean;
  actions: UpgradeWizardActions;
}

const DEFAULT_STORAGE_KEY = 'account-billing-kit:upgrade-draft';

/**
 * Orders already announced (`onPurchaseComplete`, `order_placed`), by adapter scope and order
 * id. Module-wide, because the same order can be answered to two wizards: one unmounted while
 * it waited, and its remount that asked again with the same key.
 */
const announcedOrders = new Set<string>();

function defaultStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function withStep(state: WizardState, step: WizardStep): WizardState {
  return state.step === step ? state : { ...state, step };
}

/**
 * The stored draft with a selection the host asked for: the tier, interval, currency and seats
 * from the selection, company and payment method from the draft. A draft whose purchase is under
 * way or may have gone through stays as it is: its reference belongs to exactly that draft.
 * The tier's pricing is assumed per-seat when seats are given; the catalog corrects it.
 */
function withSelection(draft: WizardState, selection: WizardPrefill | undefined): WizardState {
  if (!selection || draft.attempt?.status === 'placing' || isUnresolvedPurchase(draft.attempt)) return draft;
  const seats = selection.seatUserIds ?? [];
  return initialWizardState({
    company: draft.company,
    paymentMethodId: draft.paymentMethodId,
    currency: selection.currency ?? draft.currency,
    interval: selection.interval ?? draft.interval,
    tierId: selection.tierId,
    pricing: seats.length > 0 ? 'per_seat' : null,
    seatUserIds: [...new Set(seats)],
  });
}

/**
 * The headless upgrade wizard: step state (a pure reducer), catalog and quote queries, draft
 * persistence, and an exactly-once purchase. `UpgradeWizard` renders it.
 *
 * @example
 * const wizard = useUpgradeWizard({ onPurchaseComplete: (order) => toast(order.orderId) });
 * wizard.actions.selectTier(product, tier);
 * wizard.actions.next();
 */
export function useUpgradeWizard(options: UseUpgradeWizardOptions = {}): UseUpgradeWizardResult {
  const settings = useAccountSettings();
  const queryClient = useQueryClient();
  // Where drafts are kept is settled on mount, like `defaultStep`.
  const [draftPlace] = useState(() => ({
    storage: options.draftStorage === undefined ? defaultStorage() : options.draftStorage,
    storageKey: options.draftStorageKey ?? DEFAULT_STORAGE_KEY,
  }));
  // A server-rendered page is hydrated without the draft, which only this tab has: read during
  // hydration, it would make the browser's first render differ from the server's HTML. Read
  // once hydrated, it arrives like an owner's draft does.
  const hydrated = useHydrated();
  const storage = hydrated ? draftPlace.storage : null;
  const { storageKey } = draftPlace;
  const { step: controlledStep, defaultStep } = options;
  const [activeProductId, setActiveProductId] = useState<string | null>(options.defaultProductId ?? null);

  const account = useQuery(accountQueryOptions(settings));
  // The draft belongs to this adapter, account and viewer; it is read only once they are known.
  const ownerId = account.data
    ? JSON.stringify([settings.scope, account.data.id, account.data.viewer.user.id])
    : null;
  const owner = useMemo<DraftOwner | null>(() => {
    if (ownerId === null) return null;
    const [adapter = '', accountId = '', viewerId = ''] = JSON.parse(ownerId) as string[];
    return { adapter, accountId, viewerId };
  }, [ownerId]);

  // The owner's draft as stored when they arrive (another owner signing in reads theirs anew),
  // or a clean start. The step the host asks for is applied as far as the draft reaches it.
  const [requestedStep] = useState(controlledStep ?? defaultStep);
  const [selection] = useState(options.defaultSelection);
  const arrived = useMemo(() => {
    if (!owner || !hydrated) return initialWizardState();
    const draft = withSelection(loadDraft(storage, storageKey, owner), selection);
    return requestedStep ? withStep(draft, reachableStep(draft, requestedStep)) : draft;
  }, [owner, hydrated, storage, storageKey, requestedStep, selection]);
  const [edited, setEdited] = useState<{ ownerId: string | null; state: WizardState } | null>(null);
  const stored = edited && edited.ownerId === ownerId ? edited.state : arrived;
  const restored = owner !== null;
  // The draft has been read, or is known to be absent: not before hydration. Effects that
  // build on the state (fitting it to the catalog, saving it, reporting a step) wait for it, or
  // they would lock in the hydrated blank state over the draft that arrives right after.
  const draftRead = restored && hydrated;
  // Actions read and write the state through this ref, so several actions in one event (set
  // the company, set the payment method, move on) each see the ones before.
  const storedRef = useRef(stored);
  useIsomorphicLayoutEffect(() => {
    storedRef.current = stored;
  }, [stored]);
  const [termsError, setTermsError] = useState(false);

  // Controlled: the host's step wins, as far as the draft allows it to be shown.
  const state = useMemo(
    () => (controlledStep === undefined ? stored : withStep(stored, reachableStep(stored, controlledStep))),
    [stored, controlledStep],
  );
  const mayPurchase = canPurchase(account.data?.viewer.permissions);

  // One catalog for every currency: each tier lists its prices in all of them, so choosing a
  // currency re-renders, it does not fetch.
  const catalog = useQuery(catalogQueryOptions(settings, undefined, settings.locale));
  const currency = state.currency ?? catalog.data?.currency ?? null;

  const products = useMemo(() => catalog.data?.products ?? [], [catalog.data]);
  const activeProduct =
    products.find((product) => product.id === activeProductId) ??
    products.find((product) => product.id === state.productId) ??
    products[0] ??
    null;
  const selectedProduct =
    products.find((product) => product.tiers.some((tier) => tier.id === state.tierId)) ?? null;
  const selectedTier = selectedProduct?.tiers.find((tier) => tier.id === state.tierId) ?? null;

  // Who holds a seat today is what the seat assignments say, for every product the account has
  // a per-seat subscription of; asked for on the plan step, so a tier chosen there usually
  // starts with its holders.
  const seatProductIds = useMemo(() => perSeatSubscriptionProducts(catalog.data), [catalog.data]);
  const seatQueries = useQueries({
    queries: seatProductIds.map((productId) => ({
      ...seatAssignmentsQueryOptions(settings, productId),
      enabled: restored,
    })),
  });
  const seatQuery = state.productId ? seatQueries[seatProductIds.indexOf(state.productId)] : undefined;
  const seatHoldersStatus: SeatHoldersStatus = !seatQuery
    ? 'none'
    : seatQuery.data
      ? 'ready'
      : seatQuery.isError
        ? 'error'
        : 'loading';
  const seatHolders = useMemo(() => seatQuery?.data?.holders ?? [], [seatQuery?.data]);

  const draft = useMemo(() => draftFromState({ ...state, currency }), [state, currency]);
  const quotable = draft !== null && (state.pricing !== 'per_seat' || draft.seatUserIds.length > 0);
  const debouncedDraft = useDebouncedValue(draft, options.quoteDebounceMs ?? 300);
  // Pricing starts once the plan step is left, so the review usually opens with its price.
  const quoteWanted = restored && mayPurchase && quotable && state.step !== 'plan';
  const quote = useQuery({
    ...quoteQueryOptions(settings, quoteWanted ? debouncedDraft : null),
    placeholderData: keepPreviousData,
  });
  const quoteStatus = quoteStatusOf(quote, quoteWanted, debouncedDraft, draft);

  const placeOrder = useMutation(placeOrderMutationOptions(settings));

  // What actions need from the latest render, so that `actions` itself never changes. Refs that
  // actions read are written after render; on the server there is nothing to act on.
  const rendered = {
    options,
    settings,
    queryClient,
    currency,
    quoteStatus,
    placeOrder,
    catalog,
    quote,
    account,
    owner,
    ownerId,
    storage,
    storageKey,
    seatQuery,
  };
  const latest = useRef(rendered);
  useIsomorphicLayoutEffect(() => {
    latest.current = rendered;
  });

  /** Applies an event to the state on screen; reports a step change. Returns the new state. */
  const send = useCallback((event: WizardEvent): WizardState => {
    const { step } = latest.current.options;
    const shown =
      step === undefined
        ? storedRef.current
        : withStep(storedRef.current, reachableStep(storedRef.current, step));
    const next = wizardReducer(shown, event);
    if (next === shown) return shown;
    // Controlled: the step stays where the host has it until the host passes the new one.
    storedRef.current = step === undefined ? next : withStep(next, shown.step);
    setEdited({ ownerId: latest.current.ownerId, state: storedRef.current });
    if (next.step !== shown.step) latest.current.options.onStepChange?.(next.step);
    return next;
  }, []);

  // Fit the draft to the catalog: the account's currency until one is chosen, and nothing the
  // catalog no longer offers (a restored draft can be older than the price list).
  // A selection without a currency can reach its step only once the catalog names one.
  const selectionStep = useRef(selection && requestedStep ? requestedStep : null);
  useEffect(() => {
    if (!draftRead || !catalog.data) return;
    const fitted = send({ type: 'catalogLoaded', catalog: catalog.data });
    const step = selectionStep.current;
    selectionStep.current = null;
    if (step && fitted.step !== step && latest.current.options.step === undefined) {
      send({ type: 'goTo', step, idempotencyKey: newIdempotencyKey() });
    }
  }, [send, draftRead, catalog.data]);

  // A tier chosen before its product's holders were known gets them when they arrive. Only a
  // choice made here waits for them: a restored draft already says who keeps a seat.
  const holdersAwaited = useRef<string | null>(null);
  useEffect(() => {
    const productId = holdersAwaited.current;
    if (!productId || seatHoldersStatus !== 'ready' || state.productId !== productId) return;
    holdersAwaited.current = null;
    send({ type: 'seatHoldersLoaded', productId, userIds: seatHolders.map((user) => user.id) });
  }, [send, seatHoldersStatus, seatHolders, state.productId]);

  // Persist everything but card data (which never enters this state) and the agreement; clear
  // after a purchase.
  useEffect(() => {
    if (owner && draftRead) saveDraft(storage, storageKey, owner, state);
  }, [owner, draftRead, state, storage, storageKey]);

  // Analytics see every step shown. A host's step that could not be shown yet is corrected
  // through `onStepChange`, so a host's URL never names a step the wizard is not on.
  const { emit } = settings;
  const viewedStep = useRef<WizardStep | null>(null);
  useEffect(() => {
    if (!draftRead || viewedStep.current === state.step) return;
    const first = viewedStep.current === null;
    viewedStep.current = state.step;
    if (!first || state.step !== 'plan') emit({ type: 'upgrade_step_viewed', step: state.step });
  }, [draftRead, state.step, emit]);
  useEffect(() => {
    if (draftRead && controlledStep !== undefined && controlledStep !== state.step) {
      latest.current.options.onStepChange?.(state.step);
    }
  }, [draftRead, controlledStep, state.step]);

  const placing = useRef(false);
  const runPurchase = useCallback(
    async (current: WizardState) => {
      const orderDraft = draftFromState(current);
      if (!orderDraft || !current.attempt) return;
      // Synchronous lock: two clicks in one frame both see the old state.
      if (placing.current) return;
      placing.current = true;
      const {
        settings: context,
        queryClient: client,
        placeOrder: mutation,
        options: hostOptions,
        owner: draftOwner,
        storage: draftStorage,
        storageKey: draftKey,
      } = latest.current;
      // Written straight to storage as well: a wizard unmounted while it waited renders no more,
      // and its remount must find the outcome, not the request.
      const settle = (event: WizardEvent) => {
        const next = send(event);
        if (draftOwner) saveDraft(draftStorage, draftKey, draftOwner, next);
      };
      try {
        const order = await mutation.mutateAsync({
          draft: orderDraft,
          idempotencyKey: current.attempt.idempotencyKey,
        });
        settle({ type: 'purchaseSucceeded', order });
        void client.invalidateQueries({
          queryKey: accountKeys.catalog(context.scope, undefined).slice(0, 3),
        });
        const announcement = `${context.scope}:${order.orderId}`;
        if (!announcedOrders.has(announcement)) {
          announcedOrders.add(announcement);
          context.emit({
            type: 'order_placed',
            orderId: order.orderId,
            tierId: order.tierId,
            total: order.total,
            currency: order.currency,
          });
          hostOptions.onPurchaseComplete?.(order);
        }
      } catch (caught) {
        const error = toAdapterError(caught);
        context.reportError(error, { operation: 'placeOrder' });
        settle({ type: 'purchaseFailed', errorCode: error.code });
      } finally {
        placing.current = false;
      }
    },
    [send],
  );

  const actions = useMemo<UpgradeWizardActions>(
    () => ({
      setActiveProduct: (productId) => setActiveProductId(productId),
      selectTier: (product, tier) => {
        const { queryClient: client, settings: context } = latest.current;
        const hasSeats = perSeatSubscriptionProducts(latest.current.catalog.data).includes(product.id);
        const seats = hasSeats
          ? client.getQueryData(seatAssignmentsQueryOptions(context, product.id).queryKey)
          : undefined;
        holdersAwaited.current = hasSeats && !seats ? product.id : null;
        send({
          type: 'selectTier',
          productId: product.id,
          tier,
          heldSeatUserIds: seats?.holders.map((user) => user.id) ?? [],
        });
        latest.current.settings.emit({
          type: 'upgrade_plan_selected',
          tierId: tier.id,
          interval: storedRef.current.interval,
          currency: latest.current.currency ?? '',
        });
      },
      contactSales: (product, tier) => {
        latest.current.settings.emit({ type: 'upgrade_contact_sales', tierId: tier.id });
        latest.current.options.onContactSales?.(tier, product);
      },
      setCurrency: (next) => void send({ type: 'setCurrency', currency: next }),
      setInterval: (interval) => void send({ type: 'setInterval', interval }),
      toggleSeat: (userId) => void send({ type: 'toggleSeat', userId }),
      setSeats: (userIds) => void send({ type: 'setSeats', userIds }),
      setCompany: (company) => void send({ type: 'setCompany', company }),
      setPaymentMethod: (paymentMethodId) => void send({ type: 'setPaymentMethod', paymentMethodId }),
      setAgreed: (agreed) => void send({ type: 'setAgreed', agreed }),
      next: () => {
        // Leaving the seat step before today's holders are known would drop them unasked.
        const holders = latest.current.seatQuery;
        if (storedRef.current.step === 'seats' && holders && !holders.data) return;
        send({ type: 'next', idempotencyKey: newIdempotencyKey() });
      },
      back: () => void send({ type: 'back' }),
      goTo: (step) => void send({ type: 'goTo', step, idempotencyKey: newIdempotencyKey() }),
      purchase: () => {
        const before = storedRef.current;
        // A retry of an attempt that may have gone through: same draft, same key, already agreed
        // to, and priced by the billing system itself, so neither agreement nor quote is awaited.
        const retry = isUnresolvedPurchase(before.attempt);
        if (!retry && !before.agreed) {
          setTermsError(true);
          return;
        }
        if (placing.current || !canPurchase(latest.current.account.data?.viewer.permissions)) return;
        if (!retry && latest.current.quoteStatus !== 'final') return;
        const started = send({ type: 'purchaseStarted', idempotencyKey: newIdempotencyKey() });
        if (started.attempt?.status !== 'placing' || before.attempt?.status === 'placing') return;
        void runPurchase(started);
      },
      retryAccount: () => void latest.current.account.refetch(),
      retryCatalog: () => void latest.current.catalog.refetch(),
      retryQuote: () => void latest.current.quote.refetch(),
      retrySeatHolders: () => void latest.current.seatQuery?.refetch(),
      reset: () => void send({ type: 'reset' }),
      dispatch: (event) => void send(event),
    }),
    [send, runPurchase],
  );

  const steps = stepsFor(state);
  // Never tell viewers to ask themselves.
  const viewerId = account.data?.viewer.user.id;
  const administrators = useMemo(
    () => (account.data?.administrators ?? []).filter((user) => user.id !== viewerId),
    [account.data, viewerId],
  );
  return {
    state,
    step: state.step,
    steps,
    stepIndex: steps.indexOf(state.step),
    canContinue:
      isStepComplete(state, state.step) &&
      !(state.step === 'seats' && (seatHoldersStatus === 'loading' || seatHoldersStatus === 'error')),
    accountStatus: restored ? 'ready' : account.isError ? 'error' : 'loading',
    account: account.data,
    accountError: account.isError ? toAdapterError(account.error) : null,
    mayPurchase,
    administrators,
    canRequestUpgrade: settings.adapter.requestUpgrade !== undefined,
    catalogStatus: catalog.isPending ? 'loading' : catalog.isError && !catalog.data ? 'error' : 'ready',
    catalog: catalog.data,
    catalogError: catalog.isError ? toAdapterError(catalog.error) : null,
    products,
    activeProduct,
    currency,
    selectedProduct,
    selectedTier,
    seatHolders,
    seatHoldersStatus,
    seatHoldersError: seatQuery?.isError ? toAdapterError(seatQuery.error) : null,
    draft,
    quoteStatus,
    quote: quote.data,
    quoteError: quote.isError ? toAdapterError(quote.error) : null,
    termsError: termsError && !state.agreed,
    purchasing: state.attempt?.status === 'placing',
    ambiguousFailure: isAmbiguousFailure(state.attempt),
    purchaseInterrupted: state.attempt?.status === 'interrupted',
    actions,
  };
}

/** Products the account has a per-seat subscription of: those with seats someone may hold. */
function perSeatSubscriptionProducts(catalog: Catalog | undefined): string[] {
  if (!catalog) return [];
  const current = new Set(catalog.subscription.tierIds);
  return catalog.products
    .filter((product) => product.tiers.some((tier) => tier.pricing === 'per_seat' && current.has(tier.id)))
    .map((product) => product.id);
}

function quoteStatusOf(
  quote: { data: Quote | undefined; isError: boolean; isFetching: boolean; isPlaceholderData: boolean },
  wanted: boolean,
  requestedDraft: OrderDraft | null,
  draftOnScreen: OrderDraft | null,
): QuoteStatus {
  if (!wanted) return 'idle';
  // Final only for exactly the draft on screen, fetched, not a placeholder.
  const final =
    quote.data !== undefined &&
    !quote.isPlaceholderData &&
    !quote.isFetching &&
    JSON.stringify(requestedDraft) === JSON.stringify(draftOnScreen);
  if (final) return 'final';
  if (quote.isError) return 'error';
  return quote.data === undefined ? 'loading' : 'updating';
}
