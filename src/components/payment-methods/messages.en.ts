/**
 * The payment methods screen's English strings (`paymentMethods.*` in every catalog). They load with the screen, so a page
 * without it does not carry them; `en` (`account-billing-kit/locales/en`) includes them.
 */
export const paymentMethodsEn = {
  title: 'Payment methods',
  description:
    'Your card is charged every billing period of your subscriptions, and a valid card must be on file at all times.',
  listLabel: 'Saved cards',
  card: '{brand} ending in {last4}',
  expires: 'Expires {month}/{year}',
  cardholder: 'Name on card: {name}',
  isDefault: 'Default',
  defaultHint: 'Your subscriptions are charged to this card.',
  expiring: 'Expires soon',
  expired: 'Expired',
  makeDefault: 'Make default',
  share: 'Share with other admins',
  unshare: 'Stop sharing',
  remove: 'Remove',
  removeConfirm: 'Remove {card}? It can no longer be used for payments.',
  removeConfirmAction: 'Remove card',
  keepCard: 'Keep card',
  addCard: 'Add a card',
  addCardTitle: 'New credit card',
  makeNewDefault: 'Charge my subscriptions to this card',
  saveCard: 'Save card',
  empty: 'No cards saved yet. Add one so your subscriptions can be charged.',
  defaultExpiredTitle: 'Your default card has expired',
  defaultExpiredBody:
    'Make a valid card the default, or add a new one, so your subscriptions can be charged.',
  defaultExpiringTitle: 'Your default card expires soon',
  defaultExpiringBody: 'Add a new card or make another valid card the default before it expires.',
  noDefaultTitle: 'No default card',
  noDefaultBody: 'Make a valid card the default so your subscriptions can be charged.',
  conflictTitle: 'These cards were changed by someone else',
  conflictBody: 'We loaded the latest cards. Your change wasn’t saved.',
  conflictReload: 'Keep the latest cards',
  conflictApplyMine: 'Apply my change again',
  announce: {
    madeDefault: '{card} is now the default card.',
    shared: '{card} is now shared with other admins.',
    unshared: '{card} is no longer shared.',
    removed: '{card} was removed.',
    added: '{card} was saved.',
  },
  notAllowedTitle: 'You can’t see the payment methods',
  notAllowed: 'Only a billing administrator can see and change payment methods. Ask {administrators}.',
  notAllowedNoAdministrators:
    'Only a billing administrator can see and change payment methods. Ask your account’s administrator.',
} as const;
