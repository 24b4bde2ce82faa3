import { describe, expect, it } from 'vitest';
import {
  canEnter,
  draftFromState,
  initialWizardState,
  reachableStep,
  stepsFor,
  wizardReducer,
  type WizardEvent,
  type WizardState,
} from '../src/components/upgrade-wizard/wizard-machine';
import type { OrderResult } from '../src/schemas';
import { nordlichtCompany } from '../stories/fixtures';

const flatTier = {
  id: 'marketing-starter',
  pricing: 'flat',
  purchase: 'self_serve',
  intervals: ['monthly', 'annual'],
} as const;
const seatTier = {
  id: 'sales-professional',
  pricing: 'per_seat',
  purchase: 'self_serve',
  intervals: ['monthly', 'annual'],
} as const;
const annualOnly = {
  id: 'marketing-professional',
  pricing: 'flat',
  purchase: 'self_serve',
  intervals: ['annual'],
} as const;
const salesTier = {
  id: 'sales-enterprise',
  pricing: 'per_seat',
  purchase: 'contact_sales',
  intervals: ['monthly'],
} as const;
const company = { ...nordlichtCompany, name: 'Nordlicht' };
const order: OrderResult = {
  orderId: 'order_1',
  status: 'completed',
  tierId: 'marketing-starter',
  interval: 'monthly',
  seats: 0,
  total: 1800,
  currency: 'EUR',
  placedAt: '2026-11-22T10:00:00.000Z',
};

function run(
  events: WizardEvent[],
  from: WizardState = initialWizardState({ currency: 'EUR' }),
): WizardState {
  return events.reduce(wizardReducer, from);
}

const toReview: WizardEvent[] = [
  { type: 'selectTier', productId: 'marketing', tier: flatTier },
  { type: 'next' },
  { type: 'setCompany', company },
  { type: 'setPaymentMethod', paymentMethodId: 'pm_1' },
  { type: 'next', idempotencyKey: 'key-1' },
];

describe('wizardReducer: moving between steps', () => {
  it('goes plan → payment → review for a flat tier, skipping seats', () => {
    const state = run(toReview);
    expect(stepsFor(state)).toEqual(['plan', 'payment', 'review', 'done']);
    expect(state.step).toBe('review');
    expect(state.attempt).toEqual({ idempotencyKey: 'key-1', status: 'idle', errorCode: null, order: null });
  });

  it('adds the seats step for a per-seat tier and requires a seat to pass it', () => {
    let state = run([{ type: 'selectTier', productId: 'sales', tier: seatTier }, { type: 'next' }]);
    expect(state.step).toBe('seats');
    expect(wizardReducer(state, { type: 'next' })).toBe(state);
    state = run(
      [{ type: 'toggleSeat', userId: 'u1' }, { type: 'toggleSeat', userId: 'u2' }, { type: 'next' }],
      state,
    );
    expect(state.step).toBe('payment');
    expect(state.seatUserIds).toEqual(['u1', 'u2']);
  });

  it('refuses to leave the plan step without a plan', () => {
    const state = initialWizardState({ currency: 'EUR' });
    expect(wizardReducer(state, { type: 'next' })).toBe(state);
  });

  it('refuses to leave payment without company details and a payment method', () => {
    const state = run([{ type: 'selectTier', productId: 'marketing', tier: flatTier }, { type: 'next' }]);
    expect(wizardReducer(state, { type: 'next', idempotencyKey: 'k' })).toBe(state);
    expect(
      wizardReducer(wizardReducer(state, { type: 'setCompany', company }), {
        type: 'next',
        idempotencyKey: 'k',
      }).step,
    ).toBe('payment');
  });

  it('keeps every input going back and forth', () => {
    const review = run(toReview);
    const back = run([{ type: 'back' }, { type: 'back' }], review);
    expect(back.step).toBe('plan');
    expect(back.company).toEqual(company);
    expect(back.paymentMethodId).toBe('pm_1');
    const forward = run([{ type: 'next' }, { type: 'next', idempotencyKey: 'key-2' }], back);
    expect(forward.step).toBe('review');
    // The draft did not change, so the attempt (and its key) is the same one.
    expect(forward.attempt?.idempotencyKey).toBe('key-1');
  });

  it('jumps only to steps whose earlier steps are complete', () => {
    const plan = initialWizardState({ currency: 'EUR' });
    expect(wizardReducer(plan, { type: 'goTo', step: 'payment' })).toBe(plan);
    const review = run(toReview);
    expect(wizardReducer(review, { type: 'goTo', step: 'plan' }).step).toBe('plan');
    expect(wizardReducer(review, { type: 'goTo', step: 'seats' })).toBe(review);
    expect(wizardReducer(review, { type: 'goTo', step: 'done' })).toBe(review);
  });

  it('cannot go back from the plan step', () => {
    const state = initialWizardState();
    expect(wizardReducer(state, { type: 'back' })).toBe(state);
  });
});

describe('wizardReducer: the draft', () => {
  it('ignores contact-sales tiers, which have no checkout', () => {
    const state = initialWizardState({ currency: 'EUR' });
    expect(wizardReducer(state, { type: 'selectTier', productId: 'sales', tier: salesTier })).toBe(state);
  });

  it('switches to an interval the tier offers', () => {
    const state = run([{ type: 'selectTier', productId: 'marketing', tier: annualOnly }]);
    expect(state.interval).toBe('annual');
  });

  it('drops seats when switching to a flat tier and ignores seat events there', () => {
    let state = run([
      { type: 'selectTier', productId: 'sales', tier: seatTier },
      { type: 'setSeats', userIds: ['u1', 'u1', 'u2'] },
    ]);
    expect(state.seatUserIds).toEqual(['u1', 'u2']);
    state = wizardReducer(state, { type: 'selectTier', productId: 'marketing', tier: flatTier });
    expect(state.seatUserIds).toEqual([]);
    expect(wizardReducer(state, { type: 'toggleSeat', userId: 'u1' })).toBe(state);
  });

  it('starts a per-seat tier with the seats held today, and keeps the seats chosen within a product', () => {
    let state = run([
      { type: 'selectTier', productId: 'sales', tier: seatTier, heldSeatUserIds: ['u1', 'u2'] },
    ]);
    expect(state.seatUserIds).toEqual(['u1', 'u2']);
    state = run([{ type: 'setSeats', userIds: ['u2', 'u3'] }], state);
    state = wizardReducer(state, {
      type: 'selectTier',
      productId: 'sales',
      tier: { ...seatTier, id: 'sales-starter' },
      heldSeatUserIds: ['u1', 'u2'],
    });
    expect(state.seatUserIds).toEqual(['u2', 'u3']);
    // Another product's seats are held by other people.
    state = wizardReducer(state, {
      type: 'selectTier',
      productId: 'service',
      tier: { ...seatTier, id: 'service-professional' },
      heldSeatUserIds: ['u9'],
    });
    expect(state.seatUserIds).toEqual(['u9']);
  });

  it('adds holders that arrive after the tier was chosen to the seats chosen meanwhile, for that product only', () => {
    let state = run([
      { type: 'selectTier', productId: 'sales', tier: seatTier },
      { type: 'toggleSeat', userId: 'u3' },
    ]);
    state = wizardReducer(state, { type: 'seatHoldersLoaded', productId: 'sales', userIds: ['u1', 'u3'] });
    expect(state.seatUserIds).toEqual(['u1', 'u3']);
    expect(wizardReducer(state, { type: 'seatHoldersLoaded', productId: 'service', userIds: ['u9'] })).toBe(
      state,
    );
  });

  it('starts a new attempt with a new key when the draft changes after review', () => {
    const review = run([{ type: 'setAgreed', agreed: true }], run(toReview));
    expect(review.agreed).toBe(true);
    const changed = run(
      [{ type: 'back' }, { type: 'back' }, { type: 'setInterval', interval: 'annual' }],
      review,
    );
    expect(changed.attempt).toBeNull();
    expect(changed.agreed).toBe(false);
    const again = run([{ type: 'next' }, { type: 'next', idempotencyKey: 'key-2' }], changed);
    expect(again.attempt?.idempotencyKey).toBe('key-2');
  });

  it('builds the order draft from the state', () => {
    expect(draftFromState(run(toReview))).toEqual({
      tierId: 'marketing-starter',
      currency: 'EUR',
      interval: 'monthly',
      seatUserIds: [],
      paymentMethodId: 'pm_1',
      company,
    });
    expect(draftFromState(initialWizardState())).toBeNull();
  });
});

describe('wizardReducer: purchasing', () => {
  const review = run(toReview);

  it('needs the terms agreed before a purchase starts', () => {
    expect(wizardReducer(review, { type: 'purchaseStarted' })).toBe(review);
  });

  it('places once: a second start while placing is ignored', () => {
    const placing = run([{ type: 'setAgreed', agreed: true }, { type: 'purchaseStarted' }], review);
    expect(placing.attempt?.status).toBe('placing');
    expect(wizardReducer(placing, { type: 'purchaseStarted' })).toBe(placing);
  });

  it('locks the draft while placing and after success', () => {
    const placing = run([{ type: 'setAgreed', agreed: true }, { type: 'purchaseStarted' }], review);
    expect(wizardReducer(placing, { type: 'setInterval', interval: 'annual' })).toBe(placing);
    expect(wizardReducer(placing, { type: 'back' })).toBe(placing);
    const done = wizardReducer(placing, { type: 'purchaseSucceeded', order });
    expect(done.step).toBe('done');
    expect(done.attempt?.order).toEqual(order);
    expect(wizardReducer(done, { type: 'purchaseStarted' })).toBe(done);
    expect(wizardReducer(done, { type: 'goTo', step: 'plan' })).toBe(done);
  });

  it('retries a network failure with the same key and allows no changes in between', () => {
    const failed = run(
      [
        { type: 'setAgreed', agreed: true },
        { type: 'purchaseStarted' },
        { type: 'purchaseFailed', errorCode: 'network' },
      ],
      review,
    );
    expect(failed.step).toBe('done');
    expect(wizardReducer(failed, { type: 'setPaymentMethod', paymentMethodId: 'pm_2' })).toBe(failed);
    expect(wizardReducer(failed, { type: 'back' })).toBe(failed);
    const retry = wizardReducer(failed, { type: 'purchaseStarted' });
    expect(retry.attempt).toMatchObject({ idempotencyKey: 'key-1', status: 'placing' });
  });

  it('lets a declined card be replaced, which starts a new attempt', () => {
    const declined = run(
      [
        { type: 'setAgreed', agreed: true },
        { type: 'purchaseStarted' },
        { type: 'purchaseFailed', errorCode: 'payment_declined' },
      ],
      review,
    );
    const payment = wizardReducer(declined, { type: 'goTo', step: 'payment' });
    expect(payment.step).toBe('payment');
    const replaced = wizardReducer(payment, { type: 'setPaymentMethod', paymentMethodId: 'pm_2' });
    expect(replaced.attempt).toBeNull();
    expect(wizardReducer(replaced, { type: 'next', idempotencyKey: 'key-9' }).attempt?.idempotencyKey).toBe(
      'key-9',
    );
  });

  it('ignores outcomes that arrive when nothing is being placed', () => {
    expect(wizardReducer(review, { type: 'purchaseSucceeded', order })).toBe(review);
    expect(wizardReducer(review, { type: 'purchaseFailed', errorCode: 'network' })).toBe(review);
  });

  it('resets to a fresh wizard', () => {
    const done = run(
      [
        { type: 'setAgreed', agreed: true },
        { type: 'purchaseStarted' },
        { type: 'purchaseSucceeded', order },
      ],
      review,
    );
    expect(wizardReducer(done, { type: 'reset' })).toEqual(initialWizardState());
  });
});

describe('reachableStep: the step shown for a requested one', () => {
  it('shows a requested step whose earlier steps are complete', () => {
    const planned = run([{ type: 'selectTier', productId: 'marketing', tier: flatTier }]);
    expect(canEnter(planned, 'payment')).toBe(true);
    expect(reachableStep(planned, 'payment')).toBe('payment');
  });

  it('falls back to the nearest earlier step that can be shown', () => {
    const planned = run([{ type: 'selectTier', productId: 'marketing', tier: flatTier }]);
    expect(reachableStep(planned, 'review')).toBe('payment');
    expect(reachableStep(initialWizardState({ currency: 'EUR' }), 'review')).toBe('plan');
  });

  it('skips steps that do not apply to the draft', () => {
    const planned = run([{ type: 'selectTier', productId: 'marketing', tier: flatTier }]);
    expect(canEnter(planned, 'seats')).toBe(false);
    expect(reachableStep(planned, 'seats')).toBe('plan');
  });

  it('shows only the review or its outcome while the purchase is locked', () => {
    const placing = run([{ type: 'setAgreed', agreed: true }, { type: 'purchaseStarted' }], run(toReview));
    expect(reachableStep(placing, 'plan')).toBe('review');
    const done = wizardReducer(placing, { type: 'purchaseSucceeded', order });
    expect(reachableStep(done, 'payment')).toBe('done');
    expect(reachableStep(done, 'done')).toBe('done');
  });
});

describe('wizardReducer: a review shown without an attempt', () => {
  it('starts the attempt with the key the purchase brings', () => {
    const review = { ...run(toReview), attempt: null, agreed: true };
    expect(wizardReducer(review, { type: 'purchaseStarted' })).toBe(review);
    const started = wizardReducer(review, { type: 'purchaseStarted', idempotencyKey: 'key-7' });
    expect(started.attempt).toEqual({
      idempotencyKey: 'key-7',
      status: 'placing',
      errorCode: null,
      order: null,
    });
  });
});

describe('wizardReducer: combinations the price list does not sell', () => {
  it('refuses an interval the chosen tier is not sold with', () => {
    const chosen = run([{ type: 'selectTier', productId: 'marketing', tier: annualOnly }]);
    expect(chosen.interval).toBe('annual');
    expect(wizardReducer(chosen, { type: 'setInterval', interval: 'monthly' })).toBe(chosen);
    const flat = run([{ type: 'selectTier', productId: 'marketing', tier: flatTier }]);
    expect(wizardReducer(flat, { type: 'setInterval', interval: 'annual' }).interval).toBe('annual');
  });

  it('fits a restored draft to the catalog: a currency, tier or interval no longer offered', () => {
    const catalog = {
      currency: 'EUR',
      currencies: ['EUR', 'USD'],
      products: [
        {
          id: 'marketing',
          name: 'Marketing Hub',
          tiers: [
            {
              ...annualOnly,
              name: 'Professional',
              rank: 2,
              features: [],
              includedSeats: 0,
              prices: { EUR: { annual: 100 } },
              commitment: 'annual' as const,
              intervals: ['annual' as const],
            },
          ],
        },
      ],
    };
    const stale = initialWizardState({
      step: 'payment',
      productId: 'marketing',
      tierId: 'marketing-professional',
      pricing: 'flat',
      currency: 'CHF',
      interval: 'monthly',
    });
    const fitted = wizardReducer(stale, { type: 'catalogLoaded', catalog });
    expect(fitted).toMatchObject({ currency: 'EUR', interval: 'annual', tierIntervals: ['annual'] });
    expect(wizardReducer(fitted, { type: 'catalogLoaded', catalog })).toBe(fitted);

    const gone = wizardReducer(
      { ...stale, tierId: 'marketing-enterprise' },
      { type: 'catalogLoaded', catalog },
    );
    expect(gone).toMatchObject({ tierId: null, step: 'plan' });
  });

  it('never changes a purchase that may have been placed to fit the catalog', () => {
    const interrupted = { ...run(toReview), step: 'done' as const };
    const locked = {
      ...interrupted,
      attempt: { idempotencyKey: 'key-1', status: 'interrupted' as const, errorCode: null, order: null },
    };
    expect(
      wizardReducer(locked, {
        type: 'catalogLoaded',
        catalog: { currency: 'USD', currencies: ['USD'], products: [] },
      }),
    ).toBe(locked);
  });
});

describe('wizardReducer: an attempt whose outcome is not known', () => {
  it('is sent again with the same key without a new agreement, and nothing else may change', () => {
    const review = run(toReview);
    const interrupted = {
      ...review,
      step: 'done' as const,
      agreed: false,
      attempt: { idempotencyKey: 'key-1', status: 'interrupted' as const, errorCode: null, order: null },
    };
    expect(canEnter(interrupted, 'payment')).toBe(false);
    expect(wizardReducer(interrupted, { type: 'back' })).toBe(interrupted);
    expect(wizardReducer(interrupted, { type: 'setPaymentMethod', paymentMethodId: 'pm_2' })).toBe(
      interrupted,
    );
    const retry = wizardReducer(interrupted, { type: 'purchaseStarted', idempotencyKey: 'key-9' });
    expect(retry.attempt).toMatchObject({ idempotencyKey: 'key-1', status: 'placing' });
  });

  it('retries an ambiguous failure restored without its agreement', () => {
    const failed = {
      ...run(toReview),
      step: 'done' as const,
      agreed: false,
      attempt: {
        idempotencyKey: 'key-1',
        status: 'failed' as const,
        errorCode: 'network' as const,
        order: null,
      },
    };
    expect(wizardReducer(failed, { type: 'purchaseStarted' }).attempt?.status).toBe('placing');
  });
});
