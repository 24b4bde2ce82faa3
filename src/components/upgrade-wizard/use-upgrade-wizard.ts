import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { toAdapterError } from '../../adapter/errors.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { useAccountSettings } from '../../provider/context.js';
import {
  accountKeys,
  accountQueryOptions,
  catalogQueryOptions,
  placeOrderMutationOptions,
  quoteQueryOptions,
} from '../../queries/index.js';
import type { OrderResult } from '../../schemas/billing.js';
import type { Product, Tier } from '../../schemas/catalog.js';
import {
  draftFromState,
  initialWizardState,
  isAmbiguousFailure,
  isStepComplete,
  persistableState,
  stepsFor,
  wizardReducer,
  type WizardEvent,
  type WizardState,
  type WizardStep,
} from './wizard-machine.js';

export interface UseUpgradeWizardOptions {
  /** The current step, for hosts that keep it in their URL. Pair with `onStepChange`. */
  step?: WizardStep;
  onStepChange?: (step: WizardStep) => void;
  /**
   * Where the draft (never card data) is kept across reloads. Default: `sessionStorage`.
   * Pass `null` to keep nothing.
   */
  draftStorage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  /** Storage key of the draft. Default `account-billing-kit:upgrade-draft`. */
  draftStorageKey?: string;
  /** Product tab to open first. */
  initialProductId?: string;
  /** Called once an order is placed. */
  onPurchaseComplete?: (order: OrderResult) => void;
  /** Called when a contact-sales tier's action is used. */
  onContactSales?: (tier: Tier, product: Product) => void;
  /** Milliseconds a changed draft waits before it is re-priced. Default 300. */
  quoteDebounceMs?: number;
}

const DEFAULT_STORAGE_KEY = 'account-billing-kit:upgrade-draft';

function defaultStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

function restore(storage: UseUpgradeWizardOptions['draftStorage'], key: string): WizardState {
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

/**
 * The headless upgrade wizard: step state (a pure reducer), catalog and quote queries, draft
 * persistence, and an exactly-once purchase. `UpgradeWizard` renders it.
 *
 * @example
 * const wizard = useUpgradeWizard({ onPurchaseComplete: (order) => toast(order.orderId) });
 * wizard.selectTier(product, tier); wizard.next();
 */
export function useUpgradeWizard(options: UseUpgradeWizardOptions = {}) {
  const settings = useAccountSettings();
  const { emit, reportError } = settings;
  const queryClient = useQueryClient();
  const storage = options.draftStorage === undefined ? defaultStorage() : options.draftStorage;
  const storageKey = options.draftStorageKey ?? DEFAULT_STORAGE_KEY;
  const [state, dispatch] = useReducer(wizardReducer, undefined, () => restore(storage, storageKey));
  const [termsError, setTermsError] = useState(false);

  const account = useQuery(accountQueryOptions(settings));
  const catalog = useQuery({
    ...catalogQueryOptions(settings, state.currency ?? undefined),
    placeholderData: keepPreviousData,
  });
  const currency = state.currency ?? catalog.data?.currency ?? null;

  // Adopt the account's currency once the catalog says what it is.
  useEffect(() => {
    if (!state.currency && catalog.data && !catalog.isPlaceholderData) {
      dispatch({ type: 'setCurrency', currency: catalog.data.currency });
    }
  }, [state.currency, catalog.data, catalog.isPlaceholderData]);

  const [activeProductId, setActiveProductId] = useState<string | null>(
    options.initialProductId ?? state.productId,
  );
  const products = catalog.data?.products ?? [];
  const activeProduct = products.find((product) => product.id === activeProductId) ?? products[0] ?? null;
  const selectedTier =
    products.flatMap((product) => product.tiers).find((tier) => tier.id === state.tierId) ?? null;
  const selectedProduct =
    products.find((product) => product.tiers.some((tier) => tier.id === state.tierId)) ?? null;

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

  // Controlled step: follow the host's `step`, report our own moves.
  const { step: controlledStep, onStepChange } = options;
  useEffect(() => {
    // Only a change of the host's value moves the wizard; the reducer ignores the current step.
    if (controlledStep) dispatch({ type: 'goTo', step: controlledStep, idempotencyKey: newIdempotencyKey() });
  }, [controlledStep]);
  const reportedStep = useRef(state.step);
  useEffect(() => {
    if (reportedStep.current === state.step) return;
    reportedStep.current = state.step;
    onStepChange?.(state.step);
    emit({ type: 'upgrade_step_viewed', step: state.step });
  }, [state.step, onStepChange, emit]);

  const draft = useMemo(() => draftFromState({ ...state, currency }), [state, currency]);
  const quotable = draft !== null && (state.pricing !== 'per_seat' || draft.seatUserIds.length > 0);
  const debouncedDraft = useDebouncedValue(draft, options.quoteDebounceMs ?? 300);
  const quoteDraft = quotable ? debouncedDraft : null;
  const quote = useQuery({
    ...quoteQueryOptions(settings, quoteDraft ?? (draft as never)),
    enabled: quoteDraft !== null && state.step !== 'plan',
    placeholderData: keepPreviousData,
  });
  // A quote is final only for exactly the draft on screen, fetched, not a placeholder.
  const quoteIsFinal =
    quote.data !== undefined &&
    !quote.isPlaceholderData &&
    !quote.isFetching &&
    JSON.stringify(debouncedDraft) === JSON.stringify(draft);

  const placeOrder = useMutation(placeOrderMutationOptions(settings));
  const placing = useRef(false);

  const runPurchase = useCallback(
    async (current: WizardState) => {
      const orderDraft = draftFromState(current);
      if (!orderDraft || !current.attempt) return;
      // Synchronous lock: two clicks in one frame both see the old state.
      if (placing.current) return;
      placing.current = true;
      try {
        const order = await placeOrder.mutateAsync({
          draft: orderDraft,
          idempotencyKey: current.attempt.idempotencyKey,
        });
        dispatch({ type: 'purchaseSucceeded', order });
        void queryClient.invalidateQueries({
          queryKey: accountKeys.catalog(settings.scope, undefined).slice(0, 3),
        });
        emit({
          type: 'order_placed',
          orderId: order.orderId,
          tierId: order.tierId,
          total: order.total,
          currency: order.currency,
        });
        options.onPurchaseComplete?.(order);
      } catch (caught) {
        const error = toAdapterError(caught);
        reportError(error, { operation: 'placeOrder' });
        dispatch({ type: 'purchaseFailed', errorCode: error.code });
      } finally {
        placing.current = false;
      }
    },
    [emit, options, placeOrder, queryClient, reportError, settings.scope],
  );

  // A reload during the request: the same key is sent again, so the order is placed at most once.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current) return;
    resumed.current = true;
    if (state.attempt?.status === 'placing') void runPurchase(state);
  }, [runPurchase, state]);

  const purchase = useCallback(() => {
    if (!state.agreed) {
      setTermsError(true);
      return;
    }
    if (placing.current || !quoteIsFinal || state.attempt?.status === 'placing') return;
    const started = wizardReducer(state, { type: 'purchaseStarted' });
    if (started === state) return;
    dispatch({ type: 'purchaseStarted' });
    void runPurchase(started);
  }, [quoteIsFinal, runPurchase, state]);

  const send = useCallback((event: WizardEvent) => dispatch(event), []);
  const steps = stepsFor(state);
  const permissions = account.data?.viewer.permissions;

  return {
    state,
    steps,
    step: state.step,
    stepIndex: steps.indexOf(state.step),
    account: account.data,
    accountError: account.isError ? toAdapterError(account.error) : null,
    mayPurchase: permissions ? permissions.purchase && permissions.manageBilling : null,
    administrators: account.data?.administrators ?? [],
    catalog: catalog.data,
    catalogStatus: catalog.isPending ? 'loading' : catalog.isError && !catalog.data ? 'error' : 'ready',
    catalogError: catalog.isError ? toAdapterError(catalog.error) : null,
    retryCatalog: () => void catalog.refetch(),
    currency,
    products,
    activeProduct,
    setActiveProduct: (productId: string) => setActiveProductId(productId),
    selectedTier,
    selectedProduct,
    draft,
    quote: quote.data,
    quoteIsFinal,
    quoteError: quote.isError ? toAdapterError(quote.error) : null,
    retryQuote: () => void quote.refetch(),
    canContinue: isStepComplete(state, state.step),
    termsError: termsError && !state.agreed,
    purchasing: state.attempt?.status === 'placing',
    ambiguousFailure: isAmbiguousFailure(state.attempt),
    selectTier: (product: Product, tier: Tier) => {
      send({ type: 'selectTier', productId: product.id, tier });
      emit({
        type: 'upgrade_plan_selected',
        tierId: tier.id,
        interval: state.interval,
        currency: currency ?? '',
      });
    },
    contactSales: (product: Product, tier: Tier) => {
      emit({ type: 'upgrade_contact_sales', tierId: tier.id });
      options.onContactSales?.(tier, product);
    },
    setCurrency: (next: string) => send({ type: 'setCurrency', currency: next }),
    setInterval: (interval: WizardState['interval']) => send({ type: 'setInterval', interval }),
    toggleSeat: (userId: string) => send({ type: 'toggleSeat', userId }),
    setSeats: (userIds: string[]) => send({ type: 'setSeats', userIds }),
    setCompany: (company: NonNullable<WizardState['company']>) => send({ type: 'setCompany', company }),
    setPaymentMethod: (paymentMethodId: string | null) => send({ type: 'setPaymentMethod', paymentMethodId }),
    setAgreed: (agreed: boolean) => send({ type: 'setAgreed', agreed }),
    next: () => send({ type: 'next', idempotencyKey: newIdempotencyKey() }),
    back: () => send({ type: 'back' }),
    goTo: (step: WizardStep) => send({ type: 'goTo', step, idempotencyKey: newIdempotencyKey() }),
    purchase,
    reset: () => send({ type: 'reset' }),
    dispatch: send,
  };
}

export type UpgradeWizardState = ReturnType<typeof useUpgradeWizard>;
