// Cards for the billing stories and browser tests, dated relative to today so an "expires this
// month" card stays one whatever day the stories run.
import type { SeedPaymentMethod, SeedProductSubscription } from '../src/adapter/memory';

/** The expiry month `offset` months from now (0: this month, -1: last month). */
export function monthsFromNow(offset: number): { expMonth: number; expYear: number } {
  const today = new Date();
  const month = today.getFullYear() * 12 + today.getMonth() + offset;
  return { expMonth: (month % 12) + 1, expYear: Math.floor(month / 12) };
}

/** The viewer's Visa, the card the subscriptions are charged to, with the given expiry. */
export function defaultCard(expiry: { expMonth: number; expYear: number }): SeedPaymentMethod {
  return {
    id: 'pm_visa_4242',
    brand: 'visa',
    last4: '4242',
    ...expiry,
    ownerName: 'Anna Schmidt',
    ownerUserId: 'u001',
    sharedWithAdmins: false,
    isDefault: true,
  };
}

/** The viewer's second card: a Mastercard, valid for years, not the default. */
export function spareCard(expiry = monthsFromNow(30)): SeedPaymentMethod {
  return {
    id: 'pm_mc_5454',
    brand: 'mastercard',
    last4: '5454',
    ...expiry,
    ownerName: 'Anna Schmidt',
    ownerUserId: 'u001',
    sharedWithAdmins: false,
  };
}

/**
 * The cards the payment methods stories start from: the viewer's Visa (the default), a
 * Mastercard another admin shared, and the viewer's American Express expiring this month.
 */
export function storyCards(): SeedPaymentMethod[] {
  return [
    defaultCard(monthsFromNow(27)),
    {
      id: 'pm_mc_4444',
      brand: 'mastercard',
      last4: '4444',
      ...monthsFromNow(10),
      ownerName: 'Jürgen Groß',
      ownerUserId: 'u002',
      sharedWithAdmins: true,
    },
    {
      id: 'pm_amex_8431',
      brand: 'amex',
      last4: '8431',
      ...monthsFromNow(0),
      ownerName: 'Anna Schmidt',
      ownerUserId: 'u001',
      sharedWithAdmins: false,
    },
  ];
}

/**
 * A monthly Sales Hub Starter subscription with `seatsBought` seats held by `holderIds`, the
 * subscription the seat stories and tests start from.
 */
export function salesStarterSeats(seatsBought: number, holderIds: string[]): SeedProductSubscription {
  return {
    productId: 'sales',
    tierId: 'sales-starter',
    status: 'active',
    interval: 'monthly',
    currency: 'EUR',
    seatsBought,
    holderIds,
  };
}
