import {
  billingContactsEn,
  companyInformationEn,
  primaryContactEn,
  roleContactsEn,
} from '../components/company-information/messages.en.js';
import { upgradeEn } from '../components/upgrade-wizard/messages.en.js';
import { billingOverviewEn } from '../components/billing-overview/messages.en.js';
import { paymentMethodsEn } from '../components/payment-methods/messages.en.js';
import { seatAssignmentsEn } from '../components/seat-assignments/messages.en.js';

/**
 * The English strings the provider loads: shared ones and the contact picker's. Each screen's
 * own load with the screen (`companyInformationEn` and its sections, `upgradeEn`).
 *
 * @internal
 */
export const enBase = {
  common: {
    /** A user's state, shown as a badge wherever users are listed. */
    status: {
      invited: 'Invited',
      deactivated: 'Deactivated',
      external: 'External email',
      deactivatedReason: 'Deactivated users can’t be selected.',
      invitedReason: 'Receives messages once they accept the invitation.',
    },
    save: 'Save',
    cancel: 'Cancel',
    retry: 'Try again',
    back: 'Back',
    next: 'Next',
    loading: 'Loading…',
    saving: 'Saving…',
    saved: 'Changes saved.',
    optional: 'optional',
    readOnlyExplanation: 'Only an administrator can change this. Ask {administrators}.',
    readOnlyNoAdministrators: 'Only an administrator of this account can change this.',
  },
  errors: {
    conflict: 'Someone else changed this in the meantime.',
    forbidden: 'You don’t have permission to do this.',
    validation: 'Some values need your attention.',
    not_found: 'This could not be found. It may have been removed.',
    rate_limited: 'Too many requests. Please wait {seconds} seconds and try again.',
    network: 'We couldn’t reach the server. Check your connection and try again.',
    payment_declined: 'Your card was declined. Use another payment method or contact your bank.',
    unknown: 'Something went wrong. Please try again.',
    loadFailed: 'We couldn’t load this.',
    screenFailedTitle: 'This part of the page couldn’t be shown',
    screenFailed: 'Something went wrong on our side. Try again; if it keeps happening, reload the page.',
  },
  validation: {
    emailRequired: 'Enter an email address.',
    emailTooLong: 'An email address can be at most 254 characters long.',
    emailControlCharacters: 'The email address contains characters that aren’t allowed.',
    emailInvalid: 'Enter an email address in the format name@example.com.',
    billingContactsTooMany: 'You can have at most three billing contacts.',
    billingContactsDuplicate: 'This user is already a billing contact.',
    userNotFound: 'This user no longer exists.',
    userDeactivated: 'This user is deactivated. Choose an active user.',
    userRequired: 'Select a user.',
    primaryContactRequired: 'The account needs a primary contact. Choose a user.',
    roleUnknown: 'This role doesn’t exist.',
    externalEmailNotAllowed: 'Only a user of this account can hold this role.',
    companyNameRequired: 'Enter the company name.',
    addressRequired: 'Enter the street address.',
    cityRequired: 'Enter the city.',
    postalCodeRequired: 'Enter the postal code.',
    postalCodeInvalid: 'Enter a valid postal code.',
    countryRequired: 'Select a country.',
    taxIdInvalid: 'Enter a VAT or tax ID of 4 to 20 letters and digits, e.g. DE123456789.',
    textTooLong: 'This text is too long.',
    cardholderRequired: 'Enter the name on the card.',
    cardNumberRequired: 'Enter the card number.',
    cardNumberInvalid: 'This card number isn’t valid. Check it for typos.',
    cardNumberLength: 'This card number has the wrong number of digits.',
    cardExpiryRequired: 'Enter the expiry date.',
    cardExpiryInvalid: 'Enter the expiry date as MM/YY.',
    cardExpired: 'This card has expired.',
    cardSecurityCodeRequired: 'Enter the security code.',
    cardSecurityCodeInvalid: 'Enter the 3 or 4 digit security code from your card.',
    cardTokenInvalid: 'The card could not be saved. Enter it again.',
    paymentMethodRequired: 'Choose a payment method or add a card.',
    seatsRequired: 'Assign at least one seat.',
    seatsDuplicate: 'A user can have only one seat.',
    tierUnknown: 'This plan is no longer available.',
    tierContactSales: 'This plan is sold by our sales team.',
    tierBelowCurrent: 'This plan is smaller than your current one. Contact sales to change to it.',
    intervalNotOffered: 'This plan isn’t available with this billing interval.',
    currencyNotOffered: 'This plan isn’t available in this currency.',
    termsRequired: 'You need to agree to the terms to complete the purchase.',
    idempotencyKeyRequired: 'The order could not be identified. Review it again.',
    idempotencyKeyReused: 'The order changed. Review it again before purchasing.',
    paymentMethodIsDefault:
      'Your subscription is charged to this card. Make another valid card the default before removing it.',
    lastValidPaymentMethod:
      'A valid card must be on file at all times. Add another card before removing this one.',
    paymentMethodExpired: 'This card has expired and can’t be the default. Choose a valid card or add one.',
    seatsExceedBought: 'All the seats you bought are assigned. Buy more seats or remove a user first.',
    invalid: 'This value isn’t valid.',
  },
  contactPicker: {
    placeholder: 'Select a user',
    clear: 'Clear selection',
    toggle: 'Show users',
    noResults: 'No users match “{query}”.',
    userRequired: 'No user has the address {email}. This role needs a user of this account.',
    noUsers: 'There are no users to choose from.',
    loadingResults: 'Searching…',
    loadingMore: 'Loading more users…',
    resultCount: {
      one: '{count} user found.',
      other: '{count} users found.',
    },
    useEmail: 'Use {email}',
    externalEmailHint: 'Or type the email address of someone who isn’t a user.',
    searchFailed: 'Users couldn’t be loaded.',
    deactivatedValue: '{name} is deactivated and no longer receives messages. Choose another user.',
    invitedValue: '{name} is invited and receives messages once they accept the invitation.',
    replace: 'Choose a replacement',
  },
} as const;

/**
 * The English catalog, and the shape every other locale must match. Placeholders are written
 * `{name}`; a message that varies with a count is an object of `Intl.PluralRules` categories.
 */
export const en = {
  ...enBase,
  companyInformation: companyInformationEn,
  primaryContact: primaryContactEn,
  billingContacts: billingContactsEn,
  roleContacts: roleContactsEn,
  upgrade: upgradeEn,
  billingOverview: billingOverviewEn,
  paymentMethods: paymentMethodsEn,
  seatAssignments: seatAssignmentsEn,
} as const;
