// The company information screen's English strings: `companyInformation`, `primaryContact`,
// `billingContacts` and `roleContacts` in every catalog. They load with the screen (SectionFrame
// adds them), so a page with only the contact picker does not carry them; `en`
// (`account-billing-kit/locales/en`) includes them.

export const companyInformationEn = {
  title: 'Company information',
  intro:
    'Your primary account contact and billing contacts receive important updates about your account. Keep this information up to date so you don’t miss critical messages.',
  conflictTitle: 'These contacts were changed by someone else',
  conflictBody: '{name} saved a change while you were editing. Your changes haven’t been saved yet.',
  conflictBodyAnonymous:
    'Someone saved a change while you were editing. Your changes haven’t been saved yet.',
  conflictReload: 'Discard mine and load theirs',
  conflictApplyMine: 'Save mine on top',
  lastChangedBy: 'Last changed by {name} on {date}.',
  lastChangedOn: 'Last changed on {date}.',
  unsavedSections: {
    one: 'You have unsaved changes in {count} section.',
    other: 'You have unsaved changes in {count} sections.',
  },
  saveAll: 'Save all',
  discardAll: 'Discard all',
} as const;

export const primaryContactEn = {
  title: 'Primary account contact',
  description:
    'The main person who works with the account every day. They receive all important account notifications, including invoices, upgrades and renewals.',
  label: 'Primary account contact',
  empty: 'No primary account contact is set.',
} as const;

export const billingContactsEn = {
  title: 'Billing contacts',
  description:
    'Billing contacts receive copies of invoices, receipts, orders and renewal notices. You can have up to three billing contacts.',
  contactLabel: 'Billing contact {number}',
  addAnother: 'Add another',
  limitReached: 'You’ve reached the maximum of three billing contacts.',
  remove: 'Remove billing contact {number}',
  empty: 'No billing contacts yet.',
  alreadyBillingContact: '{name} is already a billing contact.',
  count: {
    one: '{count} of {max} billing contacts',
    other: '{count} of {max} billing contacts',
  },
} as const;

export const roleContactsEn = {
  title: 'Other contacts',
  description: 'Role-specific points of contact receive messages about the account that concern their role.',
  roleColumn: 'Role',
  contactColumn: 'Contact',
  unassigned: 'Not assigned',
  externalEmailAllowed: 'A user, or the email address of someone who isn’t a user.',
  roles: {
    decisionMaker: {
      label: 'Decision maker',
      description: 'Signs off on purchases and contract changes.',
    },
    onboarding: {
      label: 'Onboarding contact',
      description: 'Coordinates setup and training when the account starts or grows.',
    },
    security: {
      label: 'Security contact',
      description: 'Receives security notices and incident reports.',
    },
    technicalAdmin: {
      label: 'Technical administrator',
      description: 'Manages integrations, domains and technical settings.',
    },
  },
} as const;
