// The upgrade wizard's step logic: a pure reducer with no React, so every transition is tested
// without rendering. Card data never enters this state. Which steps exist, when they apply and
// when they are complete comes from the step registry in `wizard-steps.ts`.
import { isAmbiguousError, type AdapterErrorCode } from '../../adapter/errors.js';
import type { BillingInterval, Catalog, Tier } from '../../schemas/catalog.js';
import type { CompanyDetailsInput, OrderDraft, OrderResult } from '../../schemas/billing.js';
import { wizardSteps, type WizardStepDefinition } from './wizard-steps.js';

/** The id of one of the wizard's steps, in the order of the step registry. */
export type WizardStep = (typeof wizardSteps)[number]['id'];

/**
 * Where a purchase attempt is:
 * - `idle`: not sent yet;
 * - `placing`: sent, the answer is awaited;
 * - `interrupted`: it was being placed when the page went away (a reload, a closed tab), so
 *   whether the order exists is not known; only the user may send it again, with the same key;
 * - `failed` / `succeeded`: the billing system answered.
 */
export type PurchaseStatus = 'idle' | 'placing' | 'interrupted' | 'failed' | 'succeeded';

/** One purchase attempt: its idempotency key is reused for retries and never for another draft. */
export interface PurchaseAttempt {
  idempotencyKey: string;
  status: PurchaseStatus;
  /** The error code of a failed attempt (`network`, `payment_declined`, …). */
  errorCode: AdapterErrorCode | null;
  order: OrderResult | null;
}

export interface WizardState {
  step: WizardStep;
  productId: string | null;
  tierId: string | null;
  /** How the chosen tier is priced; per-seat tiers add the seats step. */
  pricing: Tier['pricing'] | null;
  /** The billing intervals the chosen tier is sold with; `interval` is always one of them. */
  tierIntervals: BillingInterval[];
  currency: string | null;
  interval: BillingInterval;
  seatUserIds: string[];
  company: CompanyDetailsInput | null;
  paymentMethodId: string | null;
  agreed: boolean;
  attempt: PurchaseAttempt | null;
}

/** What the reducer needs to know about a tier. */
export interface TierChoice {
  id: string;
  pricing: Tier['pricing'];
  purchase: Tier['purchase'];
  intervals: readonly BillingInterval[];
}

/** What the reducer checks a draft against when the catalog arrives. */
export type CatalogFacts = Pick<Catalog, 'currency' | 'currencies' | 'products'>;

export type WizardEvent =
  | { type: 'selectProduct'; productId: string }
  /**
   * `heldSeatUserIds`: who holds a seat of this product today; they start out selected when the
   * draft has no seats for this product yet.
   */
  | { type: 'selectTier'; productId: string; tier: TierChoice; heldSeatUserIds?: readonly string[] }
  | { type: 'setCurrency'; currency: string }
  | { type: 'setInterval'; interval: BillingInterval }
  | { type: 'setSeats'; userIds: string[] }
  /**
   * Who holds a seat of `productId` today arrived after its tier was chosen: they join the
   * selection, as they would have had they been known at the choice.
   */
  | { type: 'seatHoldersLoaded'; productId: string; userIds: readonly string[] }
  | { type: 'toggleSeat'; userId: string }
  | { type: 'setCompany'; company: CompanyDetailsInput }
  | { type: 'setPaymentMethod'; paymentMethodId: string | null }
  | { type: 'setAgreed'; agreed: boolean }
  | { type: 'next'; idempotencyKey?: string }
  | { type: 'back' }
  | { type: 'goTo'; step: WizardStep; idempotencyKey?: string }
  /** `idempotencyKey` starts the attempt when the review was shown without one (a host's `step`). */
  | { type: 'purchaseStarted'; idempotencyKey?: string }
  | { type: 'purchaseSucceeded'; order: OrderResult }
  | { type: 'purchaseFailed'; errorCode: AdapterErrorCode }
  /**
   * The catalog arrived: a draft that no longer fits it (a tier gone or sold by sales now, an
   * interval or currency no longer offered) is corrected, and the steps it no longer reaches are
   * left. A locked purchase is never changed: its key belongs to exactly that draft.
   */
  | { type: 'catalogLoaded'; catalog: CatalogFacts }
  | { type: 'reset'; state?: Partial<WizardState> };

export function initialWizardState(overrides: Partial<WizardState> = {}): WizardState {
  return {
    step: 'plan',
    productId: null,
    tierId: null,
    pricing: null,
    tierIntervals: ['monthly', 'annual'],
    currency: null,
    interval: 'monthly',
    seatUserIds: [],
    company: null,
    paymentMethodId: null,
    agreed: false,
    attempt: null,
    ...overrides,
  };
}

/** The registry entry of a step. */
export function stepDefinition(step: WizardStep): WizardStepDefinition {
  const definition = wizardSteps.find((candidate) => candidate.id === step);
  if (!definition) throw new Error(`account-billing-kit: unknown wizard step "${step}".`);
  return definition;
}

/** The steps this draft goes through, in order: flat tiers skip seat assignment. */
export function stepsFor(state: WizardState): WizardStep[] {
  return wizardSteps.filter((step) => step.appliesTo(state)).map((step) => step.id);
}

/** Whether a step's own input is complete enough to move past it. */
export function isStepComplete(state: WizardState, step: WizardStep): boolean {
  return stepDefinition(step).isComplete(state);
}

/**
 * Whether the failed attempt may have reached the billing system, so only a retry with the
 * same key is safe. Which failures are ambiguous is the adapter's error policy.
 */
export function isAmbiguousFailure(attempt: PurchaseAttempt | null): boolean {
  return attempt?.status === 'failed' && isAmbiguousError(attempt.errorCode ?? 'unknown');
}

/**
 * Whether the attempt may already have placed its order without the wizard knowing: it failed
 * ambiguously, or it was interrupted. It may only be sent again with the same key, and the user
 * agreed to exactly this draft already, so that retry does not ask for the agreement again.
 */
export function isUnresolvedPurchase(attempt: PurchaseAttempt | null): boolean {
  return attempt?.status === 'interrupted' || isAmbiguousFailure(attempt);
}

/**
 * While an order is being placed, after it was placed, or after a failure that may have placed
 * it, nothing about the draft may change: a changed draft would need a new key, and a new key
 * could buy twice.
 */
function isPurchaseLocked(state: WizardState): boolean {
  return (
    state.attempt?.status === 'placing' ||
    state.attempt?.status === 'succeeded' ||
    isUnresolvedPurchase(state.attempt)
  );
}

/** Any change to what is bought invalidates the review: agreement and attempt start over. */
function draftChanged(state: WizardState, changes: Partial<WizardState>): WizardState {
  if (isPurchaseLocked(state)) return state;
  return { ...state, ...changes, agreed: false, attempt: null };
}

/**
 * Whether the wizard may show `target` now: it applies to this draft and every step before it
 * is complete. Outcome steps need a settled purchase; draft steps are closed while the
 * purchase is locked.
 */
export function canEnter(state: WizardState, target: WizardStep): boolean {
  const definition = stepDefinition(target);
  if (!definition.appliesTo(state)) return false;
  if (definition.phase === 'outcome') {
    return state.attempt !== null && state.attempt.status !== 'idle' && state.attempt.status !== 'placing';
  }
  if (definition.phase === 'draft' && isPurchaseLocked(state)) return false;
  const steps = stepsFor(state);
  return steps.slice(0, steps.indexOf(target)).every((step) => isStepComplete(state, step));
}

/**
 * The step the wizard shows when `requested` is asked for (a host's `step` or `defaultStep`):
 * `requested` itself when it can be shown; while the purchase is locked, the current step;
 * otherwise the nearest step before it that can be shown, or else the nearest after it.
 */
export function reachableStep(state: WizardState, requested: WizardStep): WizardStep {
  if (requested === state.step || canEnter(state, requested)) return requested;
  // A purchase under way or made: stay where it is shown.
  if (isPurchaseLocked(state)) return state.step;
  const ids = wizardSteps.map((step) => step.id);
  const index = ids.indexOf(requested);
  const earlier = ids.slice(0, index).reverse();
  const later = ids.slice(index + 1);
  return [...earlier, ...later].find((step) => canEnter(state, step)) ?? state.step;
}

function newAttempt(idempotencyKey: string): PurchaseAttempt {
  return { idempotencyKey, status: 'idle', errorCode: null, order: null };
}

function enter(state: WizardState, target: WizardStep, idempotencyKey: string | undefined): WizardState {
  if (stepDefinition(target).phase === 'purchase') {
    // A new review gets a new attempt; coming back to the same unchanged review keeps its key.
    const attempt = state.attempt ?? (idempotencyKey ? newAttempt(idempotencyKey) : null);
    if (!attempt) return state;
    return { ...state, step: target, attempt };
  }
  return { ...state, step: target };
}

/**
 * The wizard's transitions. Invalid events return the same state object, so callers can tell
 * nothing happened (`next === state`).
 */
export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'selectProduct':
      if (isPurchaseLocked(state) || state.productId === event.productId) return state;
      return { ...state, productId: event.productId };
    case 'selectTier': {
      const { tier } = event;
      if (tier.purchase !== 'self_serve' || state.step !== 'plan') return state;
      if (state.tierId === tier.id) return state;
      const interval = tier.intervals.includes(state.interval)
        ? state.interval
        : (tier.intervals[0] ?? state.interval);
      return draftChanged(state, {
        productId: event.productId,
        tierId: tier.id,
        pricing: tier.pricing,
        tierIntervals: [...tier.intervals],
        interval,
        seatUserIds:
          tier.pricing !== 'per_seat'
            ? []
            : event.productId === state.productId && state.seatUserIds.length > 0
              ? state.seatUserIds
              : [...(event.heldSeatUserIds ?? [])],
      });
    }
    case 'setCurrency':
      if (state.currency === event.currency) return state;
      return draftChanged(state, { currency: event.currency });
    case 'setInterval':
      // An interval the chosen tier is not sold with would price nothing: refused.
      if (state.interval === event.interval || !state.tierIntervals.includes(event.interval)) return state;
      return draftChanged(state, { interval: event.interval });
    case 'setSeats': {
      if (state.pricing !== 'per_seat') return state;
      const unique = [...new Set(event.userIds)];
      return draftChanged(state, { seatUserIds: unique });
    }
    case 'seatHoldersLoaded': {
      if (state.pricing !== 'per_seat' || state.productId !== event.productId) return state;
      const seatUserIds = [...new Set([...event.userIds, ...state.seatUserIds])];
      if (seatUserIds.length === state.seatUserIds.length) return state;
      return draftChanged(state, { seatUserIds });
    }
    case 'toggleSeat': {
      if (state.pricing !== 'per_seat') return state;
      const has = state.seatUserIds.includes(event.userId);
      return draftChanged(state, {
        seatUserIds: has
          ? state.seatUserIds.filter((id) => id !== event.userId)
          : [...state.seatUserIds, event.userId],
      });
    }
    case 'setCompany':
      return draftChanged(state, { company: event.company });
    case 'setPaymentMethod':
      if (state.paymentMethodId === event.paymentMethodId) return state;
      return draftChanged(state, { paymentMethodId: event.paymentMethodId });
    case 'setAgreed':
      if (stepDefinition(state.step).phase !== 'purchase' || isPurchaseLocked(state)) return state;
      return state.agreed === event.agreed ? state : { ...state, agreed: event.agreed };
    case 'next': {
      const steps = stepsFor(state);
      const target = steps[steps.indexOf(state.step) + 1];
      if (!target || stepDefinition(target).phase === 'outcome' || !isStepComplete(state, state.step))
        return state;
      return enter(state, target, event.idempotencyKey);
    }
    case 'back': {
      if (isPurchaseLocked(state)) return state;
      const steps = stepsFor(state);
      const index = steps.indexOf(state.step);
      // From a failed purchase (the outcome step), "back" returns to the review before it.
      const target = steps[index - 1];
      if (!target || index <= 0) return state;
      return { ...state, step: target };
    }
    case 'goTo':
      if (event.step === state.step || isPurchaseLocked(state)) return state;
      if (!canEnter(state, event.step)) return state;
      return enter(state, event.step, event.idempotencyKey);
    case 'purchaseStarted': {
      if (stepDefinition(state.step).phase === 'draft') return state;
      if (!state.agreed && !isUnresolvedPurchase(state.attempt)) return state;
      const attempt = state.attempt ?? (event.idempotencyKey ? newAttempt(event.idempotencyKey) : null);
      if (!attempt || attempt.status === 'placing' || attempt.status === 'succeeded') return state;
      return { ...state, attempt: { ...attempt, status: 'placing', errorCode: null } };
    }
    case 'purchaseSucceeded':
      if (state.attempt?.status !== 'placing') return state;
      return {
        ...state,
        step: outcomeStep(),
        attempt: { ...state.attempt, status: 'succeeded', order: event.order },
      };
    case 'purchaseFailed':
      if (state.attempt?.status !== 'placing') return state;
      return {
        ...state,
        step: outcomeStep(),
        attempt: { ...state.attempt, status: 'failed', errorCode: event.errorCode },
      };
    case 'catalogLoaded':
      return fitToCatalog(state, event.catalog);
    case 'reset':
      return initialWizardState(event.state);
  }
}

/** The draft corrected to what the catalog offers now; the same object when nothing changed. */
function fitToCatalog(state: WizardState, catalog: CatalogFacts): WizardState {
  if (isPurchaseLocked(state)) return state;
  const changes: Partial<WizardState> = {};
  const currency =
    state.currency !== null && catalog.currencies.includes(state.currency)
      ? state.currency
      : catalog.currency;
  if (currency !== state.currency) changes.currency = currency;
  if (state.tierId !== null) {
    const product = catalog.products.find((candidate) => candidate.tiers.some((t) => t.id === state.tierId));
    const tier = product?.tiers.find((candidate) => candidate.id === state.tierId);
    if (!product || !tier || tier.purchase !== 'self_serve') {
      Object.assign(changes, { productId: null, tierId: null, pricing: null, seatUserIds: [] });
      changes.tierIntervals = ['monthly', 'annual'];
    } else {
      if (product.id !== state.productId) changes.productId = product.id;
      if (tier.pricing !== state.pricing) changes.pricing = tier.pricing;
      if (tier.pricing !== 'per_seat' && state.seatUserIds.length > 0) changes.seatUserIds = [];
      if (!sameList(tier.intervals, state.tierIntervals)) changes.tierIntervals = [...tier.intervals];
      if (!tier.intervals.includes(state.interval)) changes.interval = tier.intervals[0] ?? state.interval;
    }
  }
  if (Object.keys(changes).length === 0) return state;
  // Only a currency adopted for a draft that had none leaves the review (if any) as it was.
  const onlyAdoptedCurrency = state.currency === null && Object.keys(changes).length === 1;
  const next = onlyAdoptedCurrency ? { ...state, ...changes } : draftChanged(state, changes);
  return canEnter(next, next.step)
    ? next
    : { ...next, step: reachableStep({ ...next, step: 'plan' }, next.step) };
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

/** The step a purchase's result is shown on. */
function outcomeStep(): WizardStep {
  return wizardSteps.find((step) => step.phase === 'outcome')?.id ?? 'done';
}

/** The order the adapter prices and places, or null while the draft is incomplete. */
export function draftFromState(state: WizardState, catalog?: Pick<Catalog, 'currency'>): OrderDraft | null {
  const currency = state.currency ?? catalog?.currency ?? null;
  if (!state.tierId || !currency) return null;
  return {
    tierId: state.tierId,
    currency,
    interval: state.interval,
    seatUserIds: state.pricing === 'per_seat' ? state.seatUserIds : [],
    paymentMethodId: state.paymentMethodId,
    company: state.company
      ? {
          name: state.company.name,
          addressLine1: state.company.addressLine1,
          addressLine2: state.company.addressLine2,
          city: state.company.city,
          postalCode: state.company.postalCode,
          country: state.company.country,
          taxId: state.company.taxId,
        }
      : null,
  };
}

/** What may be written to draft storage: the agreement to the terms is asked for again. */
export function persistableState(state: WizardState): WizardState {
  return { ...state, agreed: false };
}
