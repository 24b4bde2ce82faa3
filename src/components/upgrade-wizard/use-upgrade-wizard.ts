import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useHydrated } from '../../lib/use-hydrated.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  catalogQueryOptions,
  placeOrderMutationOptions,
  quoteQueryOptions,
} from '../../queries/index.js';
import type { CompanyDetailsInput, OrderDraft, OrderResult, Quote } from '../../schemas/billing.js';
import type { BillingInterval, Catalog, Product, Tier } from '../../schemas/catalog.js';
import type { Account, User } from '../../schemas/user.js';
import {
  draftFromState,
  initialWizardState,
  isAmbiguousFailure,
  isStepComplete,
  persistableState,
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
  /** Storage key of the draft. Default `account-billing-kit:upgrade-draft`. */
  draftStorageKey?: string;
  /** Product tab to open first. Uncontrolled. */
  defaultProductId?: string;
  /** Called once an order is placed. */
  onPurchaseComplete?: (order: OrderResult) => void;
  /** Called when a contact-sales tier's action is used. */
  onContactSales?: (tier: Tier, product: Product) => void;
  /** Milliseconds a changed draft waits before it is re-priced. Default 300. */
  quoteDebounceMs?: number;
}

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
  /** Places the order, exactly once, when the terms are agreed and the price is final. */
  purchase(): void;
  retryCatalog(): void;
  retryQuote(): void;
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
  account: Account | undefined;
  accountError: AdapterError | null;
  /** Whether the viewer may purchase; `null` until the account is loaded. */
  mayPurchase: boolean | null;
  /** Whom to ask when the viewer may not purchase. */
  administrators: readonly User[];
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
  actions: UpgradeWizardActions;
}

const DEFAULT_STORAGE_KEY = 'account-billing-kit:upgrade-draft';

type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

// Refs that actions read are written after render; on the server there is nothing to act on.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

function defaultStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function restore(storage: DraftStorage | null, key: string): WizardState {
  if (!storage) return initialWizardState();
  try {
    const raw = storage.getItem(key);
    if (!raw) return initialWizardState();
    const saved = JSON.parse(raw) as Partial<WizardState>;
    if (saved.attempt?.status === 'succeeded') return initialWizardState();
    return initialWizardState({ ...saved, agreed: saved.attempt?.status === 'placing' });
  } catch {
    return initialWizardState();
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
  // A server-rendered page is hydrated without the draft, which only this tab has: a first
  // render in the browser that differed from the server's HTML would fail. It is read after.
  const hydrated = useHydrated();
  const storage = !hydrated
    ? null
    : options.draftStorage === undefined
      ? defaultStorage()
      : options.draftStorage;
  const storageKey = options.draftStorageKey ?? DEFAULT_STORAGE_KEY;
  const { step: controlledStep, defaultStep } = options;

  const [stored, setStored] = useState(() => {
    const restored = restore(storage, storageKey);
    const requested = controlledStep ?? defaultStep;
    return requested ? withStep(restored, reachableStep(restored, requested)) : restored;
  });
  // Actions read and write the state through this ref, so several actions in one event (set
  // the company, set the payment method, move on) each see the ones before.
  const storedRef = useRef(stored);
  const [termsError, setTermsError] = useState(false);
  const restoreAfterHydration = useRef(!hydrated);

  // Controlled: the host's step wins, as far as the draft allows it to be shown.
  const state = useMemo(
    () => (controlledStep === undefined ? stored : withStep(stored, reachableStep(stored, controlledStep))),
    [stored, controlledStep],
  );

  const account = useQuery(accountQueryOptions(settings));
  const catalog = useQuery({
    ...catalogQueryOptions(settings, state.currency ?? undefined),
    placeholderData: keepPreviousData,
  });
  const currency = state.currency ?? catalog.data?.currency ?? null;

  const [activeProductId, setActiveProductId] = useState<string | null>(
    options.defaultProductId ?? state.productId,
  );
  // The draft of a hydrated page, once its storage can be read: before paint, so the server's
  // first step only flashes by when the draft is somewhere else.
  useIsomorphicLayoutEffect(() => {
    if (!restoreAfterHydration.current || !storage) return;
    restoreAfterHydration.current = false;
    const restored = restore(storage, storageKey);
    const requested = controlledStep ?? defaultStep;
    storedRef.current = requested ? withStep(restored, reachableStep(restored, requested)) : restored;
    setStored(storedRef.current);
    if (options.defaultProductId === undefined && restored.productId) setActiveProductId(restored.productId);
  }, [storage, storageKey, controlledStep, defaultStep, options.defaultProductId]);

  const products = useMemo(() => catalog.data?.products ?? [], [catalog.data]);
  const activeProduct = products.find((product) => product.id === activeProductId) ?? products[0] ?? null;
  const selectedProduct =
    products.find((product) => product.tiers.some((tier) => tier.id === state.tierId)) ?? null;
  const selectedTier = selectedProduct?.tiers.find((tier) => tier.id === state.tierId) ?? null;

  const draft = useMemo(() => draftFromState({ ...state, currency }), [state, currency]);
  const quotable = draft !== null && (state.pricing !== 'per_seat' || draft.seatUserIds.length > 0);
  const debouncedDraft = useDebouncedValue(draft, options.quoteDebounceMs ?? 300);
  // Pricing starts once the plan step is left, so the review usually opens with its price.
  const quoteWanted = quotable && state.step !== 'plan';
  const quote = useQuery({
    ...quoteQueryOptions(settings, quoteWanted ? debouncedDraft : null),
    placeholderData: keepPreviousData,
  });
  const quoteStatus = quoteStatusOf(quote, quoteWanted, debouncedDraft, draft);

  const placeOrder = useMutation(placeOrderMutationOptions(settings));

  // What actions need from the latest render, so that `actions` itself never changes.
  const latest = useRef({
    options,
    settings,
    queryClient,
    currency,
    quoteStatus,
    placeOrder,
    catalog,
    quote,
  });
  useIsomorphicLayoutEffect(() => {
    latest.current = { options, settings, queryClient, currency, quoteStatus, placeOrder, catalog, quote };
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
    setStored(storedRef.current);
    if (next.step !== shown.step) latest.current.options.onStepChange?.(next.step);
    return next;
  }, []);

  // Adopt the account's currency once the catalog says what it is.
  useEffect(() => {
    if (!state.currency && catalog.data && !catalog.isPlaceholderData) {
      send({ type: 'setCurrency', currency: catalog.data.currency });
    }
  }, [send, state.currency, catalog.data, catalog.isPlaceholderData]);

  // Persist everything but card data (which never enters this state); clear after a purchase.
  useEffect(() => {
    if (!storage) return;
    try {
      if (state.attempt?.status === 'succeeded') storage.removeItem(storageKey);
      else storage.setItem(storageKey, JSON.stringify(persistableState(state)));
    } catch {
      // Storage full or blocked: the wizard works without it.
    }
  }, [state, storage, storageKey]);

  // Analytics see every step shown. A host's step that could not be shown yet is corrected
  // through `onStepChange`, so a host's URL never names a step the wizard is not on.
  const { emit } = settings;
  const viewedStep = useRef(state.step);
  useEffect(() => {
    if (viewedStep.current === state.step) return;
    viewedStep.current = state.step;
    emit({ type: 'upgrade_step_viewed', step: state.step });
  }, [state.step, emit]);
  useEffect(() => {
    if (controlledStep !== undefined && controlledStep !== state.step) {
      latest.current.options.onStepChange?.(state.step);
    }
  }, [controlledStep, state.step]);

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
      } = latest.current;
      try {
        const order = await mutation.mutateAsync({
          draft: orderDraft,
          idempotencyKey: current.attempt.idempotencyKey,
        });
        send({ type: 'purchaseSucceeded', order });
        void client.invalidateQueries({
          queryKey: accountKeys.catalog(context.scope, undefined).slice(0, 3),
        });
        context.emit({
          type: 'order_placed',
          orderId: order.orderId,
          tierId: order.tierId,
          total: order.total,
          currency: order.currency,
        });
        hostOptions.onPurchaseComplete?.(order);
      } catch (caught) {
        const error = toAdapterError(caught);
        context.reportError(error, { operation: 'placeOrder' });
        send({ type: 'purchaseFailed', errorCode: error.code });
      } finally {
        placing.current = false;
      }
    },
    [send],
  );

  // A reload during the request: the same key is sent again, so the order is placed at most once.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current) return;
    resumed.current = true;
    if (storedRef.current.attempt?.status === 'placing') void runPurchase(storedRef.current);
  }, [runPurchase]);

  const actions = useMemo<UpgradeWizardActions>(
    () => ({
      setActiveProduct: (productId) => setActiveProductId(productId),
      selectTier: (product, tier) => {
        send({ type: 'selectTier', productId: product.id, tier });
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
      next: () => void send({ type: 'next', idempotencyKey: newIdempotencyKey() }),
      back: () => void send({ type: 'back' }),
      goTo: (step) => void send({ type: 'goTo', step, idempotencyKey: newIdempotencyKey() }),
      purchase: () => {
        if (!storedRef.current.agreed) {
          setTermsError(true);
          return;
        }
        if (placing.current || latest.current.quoteStatus !== 'final') return;
        const before = storedRef.current;
        const started = send({ type: 'purchaseStarted', idempotencyKey: newIdempotencyKey() });
        if (started.attempt?.status !== 'placing' || before.attempt?.status === 'placing') return;
        void runPurchase(started);
      },
      retryCatalog: () => void latest.current.catalog.refetch(),
      retryQuote: () => void latest.current.quote.refetch(),
      reset: () => void send({ type: 'reset' }),
      dispatch: (event) => void send(event),
    }),
    [send, runPurchase],
  );

  const steps = stepsFor(state);
  const permissions = account.data?.viewer.permissions;
  return {
    state,
    step: state.step,
    steps,
    stepIndex: steps.indexOf(state.step),
    canContinue: isStepComplete(state, state.step),
    account: account.data,
    accountError: account.isError ? toAdapterError(account.error) : null,
    mayPurchase: permissions ? permissions.purchase && permissions.manageBilling : null,
    administrators: account.data?.administrators ?? [],
    catalogStatus: catalog.isPending ? 'loading' : catalog.isError && !catalog.data ? 'error' : 'ready',
    catalog: catalog.data,
    catalogError: catalog.isError ? toAdapterError(catalog.error) : null,
    products,
    activeProduct,
    currency,
    selectedProduct,
    selectedTier,
    draft,
    quoteStatus,
    quote: quote.data,
    quoteError: quote.isError ? toAdapterError(quote.error) : null,
    termsError: termsError && !state.agreed,
    purchasing: state.attempt?.status === 'placing',
    ambiguousFailure: isAmbiguousFailure(state.attempt),
    actions,
  };
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
