/**
 * The seat assignments screen's English strings (`seatAssignments.*` in every catalog). They load with the screen, so a page
 * without it does not carry them; `en` (`account-billing-kit/locales/en`) includes them.
 */
export const seatAssignmentsEn = {
  title: 'Seats',
  description: 'Choose who holds a paid seat. Each user with a seat counts against the seats you bought.',
  productTitle: '{product} {tier}',
  empty: 'This account has no subscriptions with seats.',
  count: {
    one: '{assigned} of {count} seat assigned',
    other: '{assigned} of {count} seats assigned',
  },
  available: {
    one: '{count} seat available',
    other: '{count} seats available',
  },
  holdersLabel: 'Seat holders of {product}',
  noHolders: 'Nobody holds a seat yet.',
  remove: 'Remove',
  removeFor: 'Remove the seat of {name}',
  deactivatedHolders: {
    one: '{count} deactivated user still holds a paid seat. Remove it to free the seat.',
    other: '{count} deactivated users still hold paid seats. Remove them to free the seats.',
  },
  addTitle: 'Give a user a seat',
  search: 'Search users',
  searchResults: 'Users matching your search',
  assign: 'Assign seat',
  assignFor: 'Assign seat to {name}',
  hasSeat: 'Has a seat',
  noMatches: 'No users match.',
  loadingMore: 'Loading more users…',
  searchFailed: 'Users couldn’t be loaded.',
  fullTitle: {
    one: 'All {count} seat is assigned',
    other: 'All {count} seats are assigned',
  },
  fullBody: 'Buy more seats to give {name} one, or remove someone’s seat first.',
  buyMore: 'Buy more seats',
  conflictTitle: 'The seats were changed by someone else',
  conflictBody: '{name} changed the seats while you were working. Your change wasn’t saved.',
  conflictBodyAnonymous: 'Someone else changed the seats while you were working. Your change wasn’t saved.',
  conflictReload: 'Keep their change',
  conflictApplyMine: 'Apply my change on top',
  announce: {
    assigned: '{name} now has a seat.',
    removed: '{name} no longer has a seat.',
  },
  readOnly: 'Only a billing administrator can change who holds a seat. Ask {administrators}.',
  readOnlyNoAdministrators:
    'Only a billing administrator can change who holds a seat. Ask your account’s administrator.',
} as const;
