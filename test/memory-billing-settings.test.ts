import { describe, expect, it } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, type SeedPaymentMethod } from '../src/adapter/memory';
import { createTranslate, translateValidation } from '../src/i18n/translate';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { fi } from '../src/locales/fi';
import { it as italian } from '../src/locales/it';
import { pl } from '../src/locales/pl';
import { cardExpiryStatus, seatAssignmentsUpdateSchema, type CardInput } from '../src/schemas';
import { nordlichtCompany } from '../stories/fixtures';
import { salesStarterSeats } from '../stories/billing-fixtures';

async function rejection(promise: Promise<unknown>): Promise<AdapterError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AdapterError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

// A fixed day, so "expires this month" means the same on every run.
const today = new Date(2026, 4, 14);
const now = () => today;

function card(
  change: Partial<SeedPaymentMethod> & Pick<SeedPaymentMethod, 'id' | 'last4'>,
): SeedPaymentMethod {
  return {
    brand: 'visa',
    expMonth: 12,
    expYear: 2028,
    ownerName: 'Anna Schmidt',
    ownerUserId: 'u001',
    sharedWithAdmins: false,
    ...change,
  };
}

const salesStarter = salesStarterSeats(5, ['u001', 'u002', 'u007', 'u015']);

const testCard: CardInput = {
  cardholderName: 'Anna Schmidt',
  number: '4242 4242 4242 4242',
  expiry: '12/29',
  securityCode: '123',
};

describe('card expiry', () => {
  it('is valid through the last day of the expiry month and expiring from the month before', () => {
    expect(cardExpiryStatus({ expMonth: 7, expYear: 2026 }, today)).toBe('valid');
    expect(cardExpiryStatus({ expMonth: 6, expYear: 2026 }, today)).toBe('expiring');
    expect(cardExpiryStatus({ expMonth: 5, expYear: 2026 }, today)).toBe('expiring');
    expect(cardExpiryStatus({ expMonth: 4, expYear: 2026 }, today)).toBe('expired');
    expect(cardExpiryStatus({ expMonth: 1, expYear: 2027 }, new Date(2026, 11, 3))).toBe('expiring');
    expect(cardExpiryStatus({ expMonth: 12, expYear: 2025 }, new Date(2026, 0, 1))).toBe('expired');
  });
});

describe('memory adapter: subscriptions', () => {
  it('lists each product with its tier, seats, price, next charge and the default card', async () => {
    const adapter = createMemoryAdapter({ now });
    const subscriptions = await adapter.getSubscriptions();
    expect(subscriptions.map((subscription) => subscription.productId)).toEqual(['marketing', 'sales']);
    const [marketing, sales] = subscriptions;
    expect(marketing).toMatchObject({
      tierId: 'marketing-starter',
      pricing: 'flat',
      seatsBought: 0,
      seatsAssigned: 0,
    });
    // Sales Hub Starter: two seats included, three paid at 18 € a month.
    expect(sales).toMatchObject({
      tierId: 'sales-starter',
      pricing: 'per_seat',
      seatsBought: 5,
      seatsAssigned: 4,
      price: 5400,
      nextCharge: { date: '2026-06-01', amount: 5400 },
      paymentMethod: { id: 'pm_visa_4242', brand: 'visa', last4: '4242' },
    });
  });

  it('seeds a card that is about to expire, and a deactivated seat holder', async () => {
    const adapter = createMemoryAdapter({ now });
    const methods = await adapter.getPaymentMethods();
    expect(methods.map((method) => [method.id, method.isDefault, cardExpiryStatus(method, today)])).toEqual([
      ['pm_visa_4242', true, 'valid'],
      ['pm_mc_4444', false, 'expiring'],
    ]);
    const seats = await adapter.getSeatAssignments('sales');
    expect(seats.holders.map((user) => [user.displayName, user.status])).toEqual([
      ['Anna Schmidt', 'active'],
      ['Jürgen Groß', 'active'],
      ['Lukas Weiß', 'deactivated'],
      ['Łukasz Kowalczyk', 'active'],
    ]);
  });

  it('lets every viewer read subscriptions and seats, and no one without manageBilling change them', async () => {
    const adapter = createMemoryAdapter({
      now,
      viewer: { permissions: { manageBilling: false, purchase: false, manageContacts: false } },
    });
    await expect(adapter.getSubscriptions()).resolves.toHaveLength(2);
    const seats = await adapter.getSeatAssignments('sales');
    expect(
      (
        await rejection(
          adapter.updateSeatAssignments(
            'sales',
            { assign: [], unassign: ['u015'] },
            { expectedVersion: seats.version },
          ),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (await rejection(adapter.setDefaultPaymentMethod('pm_mc_4444', { expectedVersion: 1 }))).code,
    ).toBe('forbidden');
    expect((await rejection(adapter.removePaymentMethod('pm_mc_4444', { expectedVersion: 1 }))).code).toBe(
      'forbidden',
    );
    expect(
      (await rejection(adapter.updatePaymentMethodSharing('pm_visa_4242', true, { expectedVersion: 1 })))
        .code,
    ).toBe('forbidden');
  });

  it('has no seats for a flat product or a product without a subscription', async () => {
    const adapter = createMemoryAdapter({ now });
    expect((await rejection(adapter.getSeatAssignments('marketing'))).code).toBe('not_found');
    expect((await rejection(adapter.getSeatAssignments('service'))).code).toBe('not_found');
  });

  it('records an order as its product’s subscription, its seat users as the holders', async () => {
    const adapter = createMemoryAdapter({ now });
    await adapter.placeOrder(
      {
        tierId: 'service-starter',
        currency: 'EUR',
        interval: 'annual',
        seatUserIds: ['u003', 'u004', 'u005'],
        paymentMethodId: 'pm_visa_4242',
        company: nordlichtCompany,
      },
      { idempotencyKey: 'order-service' },
    );
    const service = (await adapter.getSubscriptions()).find(
      (subscription) => subscription.productId === 'service',
    );
    expect(service).toMatchObject({
      tierId: 'service-starter',
      interval: 'annual',
      seatsBought: 3,
      seatsAssigned: 3,
    });
    expect((await adapter.getSeatAssignments('service')).holders.map((user) => user.id).sort()).toEqual([
      'u003',
      'u004',
      'u005',
    ]);
  });
});

describe('memory adapter: payment method rules', () => {
  it('refuses to remove the default card while a subscription is charged, until another valid card is the default', async () => {
    const adapter = createMemoryAdapter({ now, viewer: { userId: 'u001' } });
    const refusal = await rejection(adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 1 }));
    expect(refusal.code).toBe('validation');
    expect(refusal.fieldIssues).toEqual([{ path: ['paymentMethodId'], code: 'paymentMethodIsDefault' }]);
    expect(await adapter.getPaymentMethods()).toHaveLength(2);

    const after = await adapter.setDefaultPaymentMethod('pm_mc_4444', { expectedVersion: 1 });
    // Both cards whose default flag moved have a new version.
    expect(after.map((method) => [method.id, method.isDefault, method.version])).toEqual([
      ['pm_visa_4242', false, 2],
      ['pm_mc_4444', true, 2],
    ]);
    expect((await adapter.getSubscriptions())[0]?.paymentMethod?.id).toBe('pm_mc_4444');
    await adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 2 });
    expect((await adapter.getPaymentMethods()).map((method) => method.id)).toEqual(['pm_mc_4444']);
  });

  it('refuses to remove the last valid card when the default has expired', async () => {
    const adapter = createMemoryAdapter({
      now,
      paymentMethods: [
        card({ id: 'pm_old', last4: '1881', expMonth: 2, expYear: 2026, isDefault: true }),
        card({ id: 'pm_new', last4: '4242' }),
      ],
    });
    // The expired default is a warning, not a way out: it cannot be removed either.
    expect(
      (await rejection(adapter.removePaymentMethod('pm_old', { expectedVersion: 1 }))).fieldIssues[0]?.code,
    ).toBe('paymentMethodIsDefault');
    const refusal = await rejection(adapter.removePaymentMethod('pm_new', { expectedVersion: 1 }));
    expect(refusal.fieldIssues).toEqual([{ path: ['paymentMethodId'], code: 'lastValidPaymentMethod' }]);
    // With the valid card as the default, the expired one can go.
    await adapter.setDefaultPaymentMethod('pm_new', { expectedVersion: 1 });
    await adapter.removePaymentMethod('pm_old', { expectedVersion: 2 });
    expect((await adapter.getPaymentMethods()).map((method) => method.id)).toEqual(['pm_new']);
  });

  it('refuses an expired card as the default', async () => {
    const adapter = createMemoryAdapter({
      now,
      paymentMethods: [
        card({ id: 'pm_valid', last4: '4242', isDefault: true }),
        card({ id: 'pm_old', last4: '1881', expMonth: 4, expYear: 2026 }),
      ],
    });
    const refusal = await rejection(adapter.setDefaultPaymentMethod('pm_old', { expectedVersion: 1 }));
    expect(refusal.fieldIssues).toEqual([{ path: ['paymentMethodId'], code: 'paymentMethodExpired' }]);
    expect((await adapter.getPaymentMethods()).find((method) => method.isDefault)?.id).toBe('pm_valid');
  });

  it('lets any card go once every subscription is canceled', async () => {
    const adapter = createMemoryAdapter({
      now,
      subscriptions: [{ ...salesStarter, status: 'canceled' }],
    });
    await adapter.removePaymentMethod('pm_visa_4242', { expectedVersion: 1 });
    const [sales] = await adapter.getSubscriptions();
    expect(sales).toMatchObject({ status: 'canceled', nextCharge: null, paymentMethod: null });
  });

  it('makes the first card of an account the default, and a new card the default when asked', async () => {
    const adapter = createMemoryAdapter({ now, paymentMethods: [] });
    const first = await adapter.createPaymentMethod({
      token: (await adapter.tokenizeCard(testCard)).token,
      sharedWithAdmins: false,
    });
    expect(first).toMatchObject({ isDefault: true, version: 1 });
    const second = await adapter.createPaymentMethod({
      token: (await adapter.tokenizeCard(testCard)).token,
      sharedWithAdmins: true,
      makeDefault: true,
    });
    expect(second).toMatchObject({ isDefault: true, sharedWithAdmins: true });
    expect((await adapter.getPaymentMethods()).map((method) => [method.isDefault, method.version])).toEqual([
      [false, 2],
      [true, 1],
    ]);
  });

  it('lets only the holder share or remove a card, and guards both with the card’s version', async () => {
    const adapter = createMemoryAdapter({ now });
    const shared = await adapter.updatePaymentMethodSharing('pm_visa_4242', true, { expectedVersion: 1 });
    expect(shared).toMatchObject({ sharedWithAdmins: true, version: 2 });
    const conflict = await rejection(
      adapter.updatePaymentMethodSharing('pm_visa_4242', false, { expectedVersion: 1 }),
    );
    expect(conflict.code).toBe('conflict');
    expect(conflict.current).toEqual(await adapter.getPaymentMethods());
    expect(
      (await rejection(adapter.updatePaymentMethodSharing('pm_mc_4444', false, { expectedVersion: 1 }))).code,
    ).toBe('forbidden');
    expect((await rejection(adapter.removePaymentMethod('pm_mc_4444', { expectedVersion: 1 }))).code).toBe(
      'forbidden',
    );
    expect((await rejection(adapter.removePaymentMethod('pm_nope', { expectedVersion: 1 }))).code).toBe(
      'not_found',
    );
  });

  it('hides another admin’s unshared card from every card operation', async () => {
    const adapter = createMemoryAdapter({
      now,
      paymentMethods: [
        card({ id: 'pm_mine', last4: '4242', isDefault: true }),
        card({ id: 'pm_theirs', last4: '5100', ownerUserId: 'u003', ownerName: 'Zofia Wójcik' }),
      ],
    });
    expect((await adapter.getPaymentMethods()).map((method) => method.id)).toEqual(['pm_mine']);
    expect((await rejection(adapter.setDefaultPaymentMethod('pm_theirs', { expectedVersion: 1 }))).code).toBe(
      'not_found',
    );
    expect((await rejection(adapter.removePaymentMethod('pm_theirs', { expectedVersion: 1 }))).code).toBe(
      'not_found',
    );
  });

  it('reports a concurrent change to a card as a conflict with the current cards', async () => {
    const adapter = createMemoryAdapter({ now });
    adapter.control.simulatePaymentMethodChange('pm_mc_4444', { makeDefault: true });
    const conflict = await rejection(adapter.setDefaultPaymentMethod('pm_visa_4242', { expectedVersion: 1 }));
    expect(conflict.code).toBe('conflict');
    expect(conflict.current).toEqual(await adapter.getPaymentMethods());
  });
});

describe('memory adapter: seat rules', () => {
  it('refuses more holders than seats bought, and changes nothing', async () => {
    const adapter = createMemoryAdapter({ now });
    const refusal = await rejection(
      adapter.updateSeatAssignments(
        'sales',
        { assign: ['u003', 'u004'], unassign: [] },
        { expectedVersion: 1 },
      ),
    );
    expect(refusal.fieldIssues).toEqual([{ path: ['assign'], code: 'seatsExceedBought' }]);
    expect((await adapter.getSeatAssignments('sales')).version).toBe(1);
    // Freeing a seat in the same change makes room.
    const saved = await adapter.updateSeatAssignments(
      'sales',
      { assign: ['u003', 'u004'], unassign: ['u015'] },
      { expectedVersion: 1 },
    );
    expect(saved.holders).toHaveLength(5);
    expect(saved).toMatchObject({ version: 2, updatedBy: 'Anna Schmidt' });
    expect((await adapter.getSubscriptions())[1]?.seatsAssigned).toBe(5);
  });

  it('refuses deactivated and unknown users as new holders, and keeps a deactivated holder', async () => {
    const adapter = createMemoryAdapter({ now });
    const refusal = await rejection(
      adapter.updateSeatAssignments(
        'sales',
        { assign: ['u027', 'u999'], unassign: [] },
        { expectedVersion: 1 },
      ),
    );
    expect(refusal.fieldIssues).toEqual([
      { path: ['assign', 0], code: 'userDeactivated' },
      { path: ['assign', 1], code: 'userNotFound' },
    ]);
    const saved = await adapter.updateSeatAssignments(
      'sales',
      { assign: ['u003'], unassign: ['u002'] },
      { expectedVersion: 1 },
    );
    expect(saved.holders.find((user) => user.id === 'u015')?.status).toBe('deactivated');
  });

  it('prices and places an order that keeps a deactivated holder’s seat, and refuses a deactivated newcomer', async () => {
    const adapter = createMemoryAdapter({ now });
    const draft = {
      tierId: 'sales-professional',
      currency: 'EUR',
      interval: 'monthly' as const,
      seatUserIds: ['u001', 'u002', 'u007', 'u015'],
      paymentMethodId: 'pm_visa_4242',
      company: nordlichtCompany,
    };
    expect((await adapter.previewOrder(draft)).seats).toBe(4);
    const refusal = await rejection(adapter.previewOrder({ ...draft, seatUserIds: ['u001', 'u027'] }));
    expect(refusal.fieldIssues).toEqual([{ path: ['seatUserIds', 1], code: 'userDeactivated' }]);
    await adapter.placeOrder(draft, { idempotencyKey: 'keeps-deactivated-holder' });
    const seats = await adapter.getSeatAssignments('sales');
    expect(seats.holders.map((user) => user.id).sort()).toEqual(['u001', 'u002', 'u007', 'u015']);
  });

  it('flags a holder deactivated after being given a seat', async () => {
    const adapter = createMemoryAdapter({ now });
    adapter.control.setUserStatus('u007', 'deactivated');
    const seats = await adapter.getSeatAssignments('sales');
    expect(seats.holders.filter((user) => user.status === 'deactivated').map((user) => user.id)).toEqual([
      'u015',
      'u007',
    ]);
  });

  it('treats assigning a holder or unassigning someone without a seat as no change', async () => {
    const adapter = createMemoryAdapter({ now });
    const saved = await adapter.updateSeatAssignments(
      'sales',
      { assign: ['u001'], unassign: ['u030'] },
      { expectedVersion: 1 },
    );
    expect(saved.version).toBe(1);
    expect(saved.holders).toHaveLength(4);
  });

  it('refuses a user in both lists, or twice in one', () => {
    const both = seatAssignmentsUpdateSchema.safeParse({ assign: ['u003'], unassign: ['u003'] });
    expect(both.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['assign', 0], 'invalid'],
    ]);
    const twice = seatAssignmentsUpdateSchema.safeParse({ assign: ['u003', 'u003'], unassign: [] });
    expect(twice.error?.issues.map((issue) => issue.message)).toEqual(['seatsDuplicate']);
  });

  it('reports another admin’s seat change as a conflict with the current seats and who made it', async () => {
    const adapter = createMemoryAdapter({ now });
    adapter.control.simulateSeatChange('sales', { assign: ['u003'], unassign: [] }, 'Giulia Bianchi');
    const conflict = await rejection(
      adapter.updateSeatAssignments('sales', { assign: [], unassign: ['u015'] }, { expectedVersion: 1 }),
    );
    expect(conflict.code).toBe('conflict');
    expect(conflict.current).toMatchObject({ version: 2, updatedBy: 'Giulia Bianchi', seatsBought: 5 });
  });

  it('injects a conflict on seats with the seats, not the contacts, as the current state', async () => {
    const adapter = createMemoryAdapter({ now });
    adapter.control.failNext(1, 'conflict', ['updateSeatAssignments']);
    const conflict = await rejection(
      adapter.updateSeatAssignments('sales', { assign: [], unassign: ['u015'] }, { expectedVersion: 1 }),
    );
    expect(conflict.current).toEqual(await adapter.getSeatAssignments('sales'));
  });
});

describe('refusals the screens show', () => {
  it('carry codes every shipped locale has a sentence for', async () => {
    const adapter = createMemoryAdapter({
      now,
      paymentMethods: [
        card({ id: 'pm_old', last4: '1881', expMonth: 2, expYear: 2026, isDefault: true }),
        card({ id: 'pm_new', last4: '4242' }),
        card({ id: 'pm_older', last4: '0005', expMonth: 1, expYear: 2026 }),
      ],
    });
    const refusals = await Promise.all([
      rejection(adapter.removePaymentMethod('pm_old', { expectedVersion: 1 })),
      rejection(adapter.removePaymentMethod('pm_new', { expectedVersion: 1 })),
      rejection(adapter.setDefaultPaymentMethod('pm_older', { expectedVersion: 1 })),
      rejection(
        adapter.updateSeatAssignments(
          'sales',
          { assign: ['u003', 'u004'], unassign: [] },
          { expectedVersion: 1 },
        ),
      ),
      rejection(
        adapter.updateSeatAssignments('sales', { assign: ['u027'], unassign: [] }, { expectedVersion: 1 }),
      ),
    ]);
    const codes = refusals.flatMap((refusal) => refusal.fieldIssues.map((issue) => issue.code));
    expect(codes).toEqual([
      'paymentMethodIsDefault',
      'lastValidPaymentMethod',
      'paymentMethodExpired',
      'seatsExceedBought',
      'userDeactivated',
    ]);
    for (const [locale, messages] of Object.entries({ en, de, pl, fi, it: italian })) {
      const t = createTranslate(locale, messages);
      for (const code of codes) {
        const sentence = translateValidation(t, messages, code);
        expect(sentence, `${locale}: ${code}`).not.toBe(messages.validation.invalid);
        expect(sentence, `${locale}: ${code}`).toMatch(/\S+ \S+/);
      }
    }
  });
});
