// The upgrade wizard's step logic: a pure reducer with no React, so every transition is tested
// without rendering. Card data never enters this state.
import type { AdapterErrorCode } from '../../adapter/errors.js';
import type { BillingInterval, Catalog, Tier } from '../../schemas/catalog.js';
import type { CompanyDetailsInput, OrderDraft, OrderResult } from '../../schemas/billing.js';

export type WizardStep = 'plan' | 'seats' | 'payment' | 'review' | 'done';

export type PurchaseStatus = 'idle' | 'placing' | 'failed' | 'succeeded';

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

export type WizardEvent =
  | { type: 'selectProduct'; productId: string }
  | { type: 'selectTier'; productId: string; tier: TierChoice }
  | { type: 'setCurrency'; currency: string }
  | { type: 'setInterval'; interval: BillingInterval }
  | { type: 'setSeats'; userIds: string[] }
  | { type: 'toggleSeat'; userId: string }
  | { type: 'setCompany'; company: CompanyDetailsInput }
  | { type: 'setPaymentMethod'; paymentMethodId: string | null }
  | { type: 'setAgreed'; agreed: boolean }
  | { type: 'next'; idempotencyKey?: string }
  | { type: 'back' }
  | { type: 'goTo'; step: WizardStep; idempotencyKey?: string }
  | { type: 'purchaseStarted' }
  | { type: 'purchaseSucceeded'; order: OrderResult }
  | { type: 'purchaseFailed'; errorCode: AdapterErrorCode }
  | { type: 'reset'; state?: Partial<WizardState> };

export function initialWizardState(overrides: Partial<WizardState> = {}): WizardState {
  return {
    step: 'plan',
    productId: null,
    tierId: null,
    pricing: null,
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

/** The steps this draft goes through: flat tiers skip seat assignment. */
export function stepsFor(state: Pick<WizardState, 'pricing'>): WizardStep[] {
  return state.pricing === 'per_seat'
    ? ['plan', 'seats', 'payment', 'review', 'done']
    : ['plan', 'payment', 'review', 'done'];
}

/** Whether a step's own input is complete enough to move past it. */
export function isStepComplete(state: WizardState, step: WizardStep): boolean {
  switch (step) {
    case 'plan':
      return state.tierId !== null && state.currency !== null;
    case 'seats':
      return state.pricing !== 'per_seat' || state.seatUserIds.length > 0;
    case 'payment':
      return state.company !== null && state.paymentMethodId !== null;
    case 'review':
      return state.attempt?.status === 'succeeded';
    case 'done':
      return false;
  }
}

/** Failures after which the order may still have been placed: only a retry with the same key is safe. */
const AMBIGUOUS_FAILURES = new Set(['network', 'unknown', 'rate_limited']);

/** Whether the failed attempt may have reached the billing system. */
export function isAmbiguousFailure(attempt: PurchaseAttempt | null): boolean {
  return attempt?.status === 'failed' && AMBIGUOUS_FAILURES.has(attempt.errorCode ?? 'unknown');
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
    isAmbiguousFailure(state.attempt)
  );
}

/** Any change to what is bought invalidates the review: agreement and attempt start over. */
function draftChanged(state: WizardState, changes: Partial<WizardState>): WizardState {
  if (isPurchaseLocked(state)) return state;
  return { ...state, ...changes, agreed: false, attempt: null };
}

function canEnter(state: WizardState, target: WizardStep): boolean {
  const steps = stepsFor(state);
  const index = steps.indexOf(target);
  if (index === -1) return false;
  if (target === 'done')
    return state.attempt !== null && state.attempt.status !== 'idle' && state.attempt.status !== 'placing';
  return steps.slice(0, index).every((step) => isStepComplete(state, step));
}

function enter(state: WizardState, target: WizardStep, idempotencyKey: string | undefined): WizardState {
  if (target === 'review') {
    // A new review gets a new attempt; coming back to the same unchanged review keeps its key.
    const attempt =
      state.attempt ??
      (idempotencyKey ? { idempotencyKey, status: 'idle' as const, errorCode: null, order: null } : null);
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
        interval,
        seatUserIds: tier.pricing === 'per_seat' ? state.seatUserIds : [],
      });
    }
    case 'setCurrency':
      if (state.currency === event.currency) return state;
      return draftChanged(state, { currency: event.currency });
    case 'setInterval':
      if (state.interval === event.interval) return state;
      return draftChanged(state, { interval: event.interval });
    case 'setSeats': {
      if (state.pricing !== 'per_seat') return state;
      const unique = [...new Set(event.userIds)];
      return draftChanged(state, { seatUserIds: unique });
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
      if (state.step !== 'review' || isPurchaseLocked(state)) return state;
      return state.agreed === event.agreed ? state : { ...state, agreed: event.agreed };
    case 'next': {
      const steps = stepsFor(state);
      const target = steps[steps.indexOf(state.step) + 1];
      if (!target || target === 'done' || !isStepComplete(state, state.step)) return state;
      return enter(state, target, event.idempotencyKey);
    }
    case 'back': {
      if (isPurchaseLocked(state)) return state;
      const steps = stepsFor(state);
      const index = steps.indexOf(state.step);
      // From a failed purchase, "back" returns to the review.
      const target = state.step === 'done' ? 'review' : steps[index - 1];
      if (!target || index <= 0) return state;
      return { ...state, step: target };
    }
    case 'goTo':
      if (event.step === state.step) return state;
      if (isPurchaseLocked(state)) return state;
      if (!canEnter(state, event.step)) return state;
      return enter(state, event.step, event.idempotencyKey);
    case 'purchaseStarted':
      if (state.step !== 'review' && state.step !== 'done') return state;
      if (!state.agreed || !state.attempt) return state;
      if (state.attempt.status === 'placing' || state.attempt.status === 'succeeded') return state;
      return { ...state, attempt: { ...state.attempt, status: 'placing', errorCode: null } };
    case 'purchaseSucceeded':
      if (state.attempt?.status !== 'placing') return state;
      return {
        ...state,
        step: 'done',
        attempt: { ...state.attempt, status: 'succeeded', order: event.order },
      };
    case 'purchaseFailed':
      if (state.attempt?.status !== 'placing') return state;
      return {
        ...state,
        step: 'done',
        attempt: { ...state.attempt, status: 'failed', errorCode: event.errorCode },
      };
    case 'reset':
      return initialWizardState(event.state);
  }
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
