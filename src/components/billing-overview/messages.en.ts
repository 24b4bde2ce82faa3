/**
 * The billing overview's English strings (`billingOverview.*` in every catalog). They load with the screen, so a page
 * without it does not carry them; `en` (`account-billing-kit/locales/en`) includes them.
 */
export const billingOverviewEn = {
  title: 'Billing overview',
  description: 'Your subscriptions, what they cost and the card each is charged to.',
  subscriptionsLabel: 'Subscriptions',
  productTier: '{product} {tier}',
  status: {
    active: 'Active',
    past_due: 'Payment overdue',
    canceled: 'Canceled',
  },
  interval: 'Billing interval',
  monthly: 'Monthly',
  annual: 'Annual',
  seats: 'Seats',
  seatsAssigned: {
    one: '{assigned} of {count} seat assigned',
    other: '{assigned} of {count} seats assigned',
  },
  price: 'Price',
  perMonth: '{price} / month',
  perYear: '{price} / year',
  nextCharge: 'Next charge',
  nextChargeOn: '{amount} on {date}',
  noNextCharge: 'No further charges',
  paymentMethod: 'Payment method',
  card: '{brand} ending in {last4}, expires {month}/{year}',
  noCard: 'No card on file',
  cardExpiring: 'Expires soon',
  cardExpired: 'Expired',
  cardExpiringTitle: 'Your card expires soon',
  cardExpiringBody:
    'Your subscriptions are charged to {card}. A valid card must be on file at all times: update it before it expires.',
  cardExpiredTitle: 'Your card has expired',
  cardExpiredBody:
    'Your subscriptions are charged to {card}, which has expired. A valid card must be on file at all times: add a valid card or make another one the default.',
  noCardTitle: 'No card on file',
  noCardBody: 'A valid card must be on file at all times. Add a card so your subscriptions can be charged.',
  fixCard: 'Update payment method',
  askToFix: 'Ask {administrators} to update it.',
  askToFixNoAdministrators: 'Ask your account’s administrator to update it.',
  upgrade: 'Upgrade {product}',
  manageSeats: 'Manage {product} seats',
  managePaymentMethods: 'Payment methods',
  empty: 'This account has no subscriptions yet.',
  emptyTitle: 'No subscriptions yet',
  emptyHint: 'Choose a plan to start one: you see its price and features before you buy.',
  emptyAction: 'See plans',
  readOnly:
    'Only a billing administrator can change subscriptions, seats and payment methods. Ask {administrators}.',
  readOnlyNoAdministrators:
    'Only a billing administrator can change subscriptions, seats and payment methods. Ask your account’s administrator.',
} as const;
