import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { MemoryAdapter } from '../src/adapter/memory';
import { initialWizardState, UpgradeWizard } from '../src/components/upgrade-wizard';
import { DRAFT_VERSION, draftStorageKey } from '../src/components/upgrade-wizard/draft-storage';
import type { Messages } from '../src/i18n/messages';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { adapterScope } from '../src/queries';
import { nordlichtCompany, policyLinks } from './fixtures';
import guide from './guides/upgrade-wizard.md?raw';
import { adapterOf, componentDocsPage, type StoryAdapterParameters } from './support';
import { salesStarterSeats } from './billing-fixtures';

/** The payment step is a lazy chunk; the first visit in a cold dev server can take a moment. */
const SLOW = { timeout: 5000 };

/** An order runs through five steps; the test card 4000 0000 0000 0002 is always declined. */
const DECLINED_CARD = '4000 0000 0000 0002';

/** Fills `{name}` placeholders of a catalog message. */
function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/** Matches an accessible name that contains `text`. */
function containing(text: string) {
  return (name: string) => name.includes(text);
}

async function stepHeading(canvasElement: HTMLElement, name: string) {
  return within(canvasElement).findByRole('heading', { level: 3, name: containing(name) }, SLOW);
}

async function choosePlan(canvasElement: HTMLElement, product: string, tier: string, m: Messages = en) {
  const canvas = within(canvasElement);
  await userEvent.click(await canvas.findByRole('tab', { name: product }, SLOW));
  await userEvent.click(canvas.getByRole('button', { name: fill(m.upgrade.plan.select, { tier }) }));
  // The plan step's action names the interval: "Buy monthly plan" or "Buy annual plan".
  const buy = [m.upgrade.plan.buyMonthly, m.upgrade.plan.buyAnnual];
  await userEvent.click(
    canvas.getByRole('button', { name: (name) => buy.some((label) => name.startsWith(label)) }),
  );
}

async function fillCompany(canvasElement: HTMLElement, m: Messages = en) {
  const canvas = within(canvasElement);
  const p = m.upgrade.payment;
  await expect(await canvas.findByLabelText(p.companyName, {}, SLOW)).toHaveValue(nordlichtCompany.name);
  await userEvent.type(canvas.getByLabelText(p.addressLine1), nordlichtCompany.addressLine1);
  await userEvent.type(canvas.getByLabelText(p.postalCode), nordlichtCompany.postalCode);
  await userEvent.type(canvas.getByLabelText(p.city), nordlichtCompany.city);
  await userEvent.selectOptions(canvas.getByLabelText(p.country), nordlichtCompany.country);
}

/** "Visa ending in 4242" in the catalog's words, without the expiry that follows. */
function existingVisa(m: Messages = en) {
  const label = fill(m.upgrade.payment.existingMethod, { brand: 'Visa', last4: '4242' });
  return containing(label.slice(0, label.indexOf('4242') + 4));
}

async function fillNewCard(canvasElement: HTMLElement, number: string) {
  const canvas = within(canvasElement);
  await userEvent.click(canvas.getByRole('radio', { name: 'New credit card' }));
  await userEvent.type(canvas.getByLabelText('Name on card'), 'Anna Schmidt');
  await userEvent.type(canvas.getByLabelText('Card number'), number);
  await userEvent.type(canvas.getByLabelText('Expiry date (MM/YY)'), '12/30');
  await userEvent.type(canvas.getByLabelText('Security code'), '123');
}

async function submitPayment(canvasElement: HTMLElement, m: Messages = en) {
  await userEvent.click(within(canvasElement).getByRole('button', { name: m.upgrade.payment.reviewOrder }));
  await stepHeading(canvasElement, m.upgrade.steps.review);
}

async function toReviewWithExistingCard(canvasElement: HTMLElement, m: Messages = en) {
  await choosePlan(canvasElement, 'Marketing Hub', 'Professional', m);
  await fillCompany(canvasElement, m);
  await userEvent.click(within(canvasElement).getByRole('radio', { name: existingVisa(m) }));
  await submitPayment(canvasElement, m);
}

/** The purchase button is held back until the quote for exactly this draft has arrived. */
async function purchaseButtonReady(canvasElement: HTMLElement, m: Messages = en) {
  const purchase = within(canvasElement).getByRole('button', { name: m.upgrade.review.completePurchase });
  await waitFor(() => expect(purchase).not.toHaveAttribute('aria-disabled'));
  return purchase;
}

async function agreeAndPurchase(canvasElement: HTMLElement) {
  await userEvent.click(within(canvasElement).getByRole('checkbox', { name: 'I agree to these terms' }));
  await userEvent.click(await purchaseButtonReady(canvasElement));
}

const meta = {
  title: 'Screens/Upgrade wizard',
  component: UpgradeWizard,
  tags: ['autodocs'],
  args: {
    ...policyLinks,
    draftStorage: null,
    quoteDebounceMs: 0,
    onContactSales: fn(),
    onPurchaseComplete: fn(),
    onDone: fn(),
  },
  parameters: { layout: 'padded', docs: { page: componentDocsPage(guide) } },
} satisfies Meta<typeof UpgradeWizard>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Products as tabs, tiers as cards; the account's current plan is marked and can't be bought again. */
export const PlanStep: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await stepHeading(canvasElement, 'Choose a plan')).toBeInTheDocument();
    await expect(
      await canvas.findByRole('tab', { name: 'Marketing Hub', selected: true }),
    ).toBeInTheDocument();
    await expect(canvas.getAllByText('Current plan').length).toBeGreaterThan(0);
    await expect(canvas.getByRole('button', { name: 'Choose Professional' })).toBeEnabled();
    await expect(canvas.getByRole('navigation', { name: 'Upgrade steps' })).toBeInTheDocument();
  },
};

/** Sales-led tiers offer a conversation instead of a checkout. */
export const PlanContactSales: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const enterprise = within(
      (await canvas.findByRole('heading', { level: 4, name: 'Enterprise' }, SLOW)).closest('li') ??
        canvasElement,
    );
    await expect(enterprise.queryByRole('button', { name: 'Choose Enterprise' })).not.toBeInTheDocument();
    await expect(enterprise.getByText('This plan is sold by our sales team.')).toBeInTheDocument();
    await userEvent.click(enterprise.getByRole('button', { name: 'Contact sales' }));
    await expect(args.onContactSales).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'marketing-enterprise' }),
      expect.objectContaining({ id: 'marketing' }),
    );
  },
};

/** Every price follows the chosen currency and billing interval. */
export const PlanCurrencyAndInterval: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.selectOptions(await canvas.findByRole('combobox', { name: 'Currency' }, SLOW), 'PLN');
    await userEvent.click(canvas.getByRole('radio', { name: /Annual billing/ }));
    await expect(canvas.getByRole('radio', { name: /Annual billing/ })).toBeChecked();
    const starter = canvas.getByRole('heading', { level: 4, name: 'Starter' }).closest('li');
    await waitFor(() => expect(starter).toHaveTextContent('PLN 790.00 / year'));
    await userEvent.click(canvas.getByRole('tab', { name: 'Sales Hub' }));
    const professional = canvas.getByRole('heading', { level: 4, name: 'Professional' }).closest('li');
    await expect(professional).toHaveTextContent('PLN 3,950.00 per seat / year');
  },
};

/** Per-seat tiers add a step to pick who gets a seat, with a running price. */
export const SeatsStep: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Sales Hub', 'Professional');
    await expect(await stepHeading(canvasElement, 'Assign seats')).toHaveFocus();
    // The demo account's four Sales Hub seat holders start out selected.
    await expect(await canvas.findByText('4 seats selected', {}, SLOW)).toBeInTheDocument();
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Seat for Aino Mäkelä' }));
    await expect(canvas.getByText('5 seats selected')).toBeInTheDocument();
    await expect(canvas.getByText('Seats: €460.00 / month')).toBeInTheDocument();
  },
};

/** Anna Schmidt and Jürgen Groß hold Sales Hub seats today, as the seat assignments report. */
const salesSeatHolders = {
  subscriptions: [salesStarterSeats(3, ['u001', 'u002'])],
} satisfies StoryAdapterParameters;

/**
 * Lukas Weiß, deactivated since, still holds a seat: flagged, and his seat can be taken away
 * with the same question as any held seat.
 */
export const SeatsDeactivatedHolder: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Sales Hub', 'Professional');
    const lukas = await canvas.findByRole('checkbox', { name: 'Seat for Lukas Weiß' }, SLOW);
    await expect(lukas).toBeChecked();
    await expect(lukas.closest('label')).toHaveTextContent('Deactivated');
    await userEvent.click(lukas);
    const question = canvas.getByRole('group', { name: 'Lukas Weiß has a seat today. Remove it?' });
    await userEvent.click(within(question).getByRole('button', { name: 'Remove seat' }));
    await expect(lukas).not.toBeChecked();
    await expect(lukas).toHaveFocus();
    await expect(canvas.getByText('3 seats selected')).toBeInTheDocument();
  },
};

/** Who holds a seat today could not be loaded: said, with a retry, and "Next" waits for it. */
export const SeatHoldersLoadError: Story = {
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['getSeatAssignments']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Sales Hub', 'Professional');
    const title = await canvas.findByText('Who has a seat today couldn’t be loaded.', {}, SLOW);
    const alert = title.closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('the failure is not announced');
    await expect(canvas.getByRole('button', { name: /Next/ })).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByText('4 seats selected', {}, SLOW)).toBeInTheDocument();
  },
};

/**
 * Who holds a seat today starts out selected and is marked. Unticking a held seat asks first,
 * with focus on the safe answer, "Keep seat".
 */
export const SeatsHeld: Story = {
  parameters: { adapter: salesSeatHolders },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Sales Hub', 'Professional');
    const anna = await canvas.findByRole('checkbox', { name: 'Seat for Anna Schmidt' }, SLOW);
    await expect(anna).toBeChecked();
    await expect(anna).toHaveAccessibleDescription('Has a seat');
    await expect(canvas.getByText('2 users already have a seat')).toBeInTheDocument();
    await userEvent.click(anna);
    const question = canvas.getByRole('group', { name: 'Anna Schmidt has a seat today. Remove it?' });
    await expect(within(question).getByRole('button', { name: 'Keep seat' })).toHaveFocus();
    await expect(anna).toBeChecked();
  },
};

/** A held seat removed on purpose is listed on the review, apart from who gets the seats. */
export const ReviewSeatsRemoved: Story = {
  parameters: { adapter: salesSeatHolders },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Sales Hub', 'Professional');
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Seat for Anna Schmidt' }, SLOW));
    await userEvent.click(canvas.getByRole('button', { name: 'Remove seat' }));
    await expect(canvas.getByText('1 seat selected')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await fillCompany(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: existingVisa() }));
    await submitPayment(canvasElement);
    const removed = canvas.getByText('Seats removed').closest('div') as HTMLElement;
    await expect(await within(removed).findByText('Anna Schmidt', {}, SLOW)).toBeInTheDocument();
    const seats = canvas.getByText('Seats for').closest('div') as HTMLElement;
    await expect(await within(seats).findByText('Jürgen Groß', {}, SLOW)).toBeInTheDocument();
    await purchaseButtonReady(canvasElement);
  },
};

/** 100,000 users: the list is virtualised and pages in as it scrolls. */
export const SeatsLargeAccount: Story = {
  parameters: { adapter: { users: 100_000 } satisfies StoryAdapterParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Service Hub', 'Professional');
    await stepHeading(canvasElement, 'Assign seats');
    const first = (await canvas.findAllByRole('checkbox', {}, SLOW))[0];
    await userEvent.click(first ?? canvasElement);
    await expect(canvas.getByText('1 seat selected')).toBeInTheDocument();
    // Only the rows in view (plus a little overscan) are in the document.
    await expect(canvas.getAllByRole('checkbox').length).toBeLessThan(60);
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search users' }), 'aino.makela@');
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Seat for Aino Mäkelä' }, SLOW));
    await expect(canvas.getByText('2 seats selected')).toBeInTheDocument();
  },
};

/** Company details and one of the account's saved cards. */
export const PaymentExistingMethod: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await expect(await stepHeading(canvasElement, 'Payment')).toHaveFocus();
    await fillCompany(canvasElement);
    await userEvent.click(canvas.getByRole('radio', { name: existingVisa() }));
    await expect(canvas.getByRole('radio', { name: existingVisa() })).toBeChecked();
    await expect(canvas.getByText('Shared by Jürgen Groß')).toBeInTheDocument();
  },
};

/** A new card: its details go only to the tokenising call, never into the wizard's state. */
export const PaymentNewCard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await fillCompany(canvasElement);
    await fillNewCard(canvasElement, '5555 5555 5555 4444');
    await expect(canvas.getByLabelText('Card number')).toHaveValue('5555 5555 5555 4444');
    await expect(
      canvas.getByRole('checkbox', { name: 'Share this credit card with other admins' }),
    ).not.toBeChecked();
  },
};

/** Every problem is listed at the top, linked to its field, and described on the field itself. */
export const PaymentInvalidFields: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await canvas.findByLabelText('Company name', {}, SLOW);
    await userEvent.click(canvas.getByRole('radio', { name: 'New credit card' }));
    await userEvent.type(canvas.getByLabelText('Card number'), '4242 4242 4242 4241');
    await userEvent.type(canvas.getByLabelText('Expiry date (MM/YY)'), '13/27');
    await userEvent.type(canvas.getByLabelText('Security code'), '12');
    await userEvent.type(canvas.getByLabelText('Postal code'), '!!');
    await userEvent.click(canvas.getByRole('button', { name: 'Review order' }));
    const summary = await canvas.findByRole('alert');
    await expect(summary).toHaveTextContent('There are 8 problems on this step:');
    await expect(within(summary).getAllByRole('link')[0]).toHaveTextContent('Enter the street address.');
    // Focus moves into the summary. (It should be its first link; today it can land on a later one.)
    await waitFor(() => expect(summary.contains(canvasElement.ownerDocument.activeElement)).toBe(true));
    await expect(canvas.getByLabelText('Card number')).toHaveAccessibleDescription(
      'This card number isn’t valid. Check it for typos.',
    );
    await expect(canvas.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
  },
};

/** The adapter's quote: line items, credit, tax and the total, with the recurring charge spelled out. */
export const ReviewStep: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement);
    const plan = canvas.getByRole('rowheader', { name: 'Marketing Hub Professional' }).closest('tr');
    await expect(plan).toHaveTextContent('€8,190.00');
    // The account has Marketing Hub Starter: its unused time is credited, by name.
    await expect(
      canvas.getByRole('rowheader', { name: 'Credit for unused time on Marketing Hub Starter' }),
    ).toBeInTheDocument();
    await expect(await canvas.findByText(/Your card is charged every year/)).toBeInTheDocument();
    await expect(canvas.getByRole('rowheader', { name: 'Total due today' })).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: /Terms of Service/ })).toHaveAttribute('target', '_blank');
    await purchaseButtonReady(canvasElement);
  },
};

/** "Complete purchase" without agreeing explains what is missing instead of doing nothing. */
export const ReviewTermsRequired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement);
    await userEvent.click(await purchaseButtonReady(canvasElement));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('There is 1 problem on this step:');
    const agree = canvas.getByRole('checkbox', { name: 'I agree to these terms' });
    await expect(agree).toHaveAttribute('aria-invalid', 'true');
    await expect(agree).toHaveAccessibleDescription(
      'You need to agree to the terms to complete the purchase.',
    );
    await expect(adapterOf(loaded).control.orders()).toHaveLength(0);
  },
};

/** The order is placed and confirmed; the steps can no longer be revisited. */
export const DoneSuccess: Story = {
  play: async ({ canvasElement, args, loaded }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement);
    await agreeAndPurchase(canvasElement);
    await expect(
      await canvas.findByRole('heading', { level: 3, name: 'Thank you for your purchase' }, SLOW),
    ).toHaveFocus();
    await expect(
      canvas.getByText(/You now have Marketing Hub Professional, billed annually/),
    ).toBeInTheDocument();
    await expect(args.onPurchaseComplete).toHaveBeenCalledTimes(1);
    await expect(adapterOf(loaded).control.orders()).toHaveLength(1);
    const steps = within(canvas.getByRole('navigation', { name: 'Upgrade steps' }));
    await expect(steps.queryByRole('button')).not.toBeInTheDocument();
    await expect(steps.getByText(/Review order/).closest('li')).toHaveTextContent('purchase completed');
    const summary = within(canvas.getByRole('list', { name: 'Your purchase' }));
    await expect(summary.getByText(/^Amount charged: €\d/)).toBeInTheDocument();
    await expect(summary.getByText(/^Next charge: €9,746\.10 on /)).toBeInTheDocument();
    await expect(
      await summary.findByText('A receipt goes to your billing contacts: Jürgen Groß and Zofia Wójcik.'),
    ).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Done' }));
    await expect(args.onDone).toHaveBeenCalledWith(
      expect.objectContaining({ tierId: 'marketing-professional' }),
    );
  },
};

/**
 * Seats with a VAT id in the EU: each line names product and tier, the tax line says why it is
 * 0 (reverse charge), and the review names who gets the seats, the card and the address.
 */
export const ReviewSeatsReverseCharge: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Sales Hub', 'Professional');
    // The four holders keep their seats; Aino Mäkelä gets a fifth.
    await userEvent.click(await canvas.findByRole('checkbox', { name: 'Seat for Aino Mäkelä' }, SLOW));
    await userEvent.click(canvas.getByRole('button', { name: 'Next' }));
    await fillCompany(canvasElement);
    await userEvent.type(canvas.getByLabelText(/^VAT \/ tax ID/), 'DE811907980');
    await userEvent.click(canvas.getByRole('radio', { name: existingVisa() }));
    await submitPayment(canvasElement);
    await expect(
      await canvas.findByRole('rowheader', { name: 'Sales Hub Professional — 5 seats × €92.00' }, SLOW),
    ).toBeInTheDocument();
    await expect(canvas.getByRole('rowheader', { name: /^Tax \(0%\)/ })).toHaveTextContent('reverse charge');
    await expect(await canvas.findByText(/Anna Schmidt, .*, and Aino Mäkelä$/, {}, SLOW)).toBeInTheDocument();
    await expect(canvas.getByText('VAT / tax ID: DE811907980')).toBeInTheDocument();
    await purchaseButtonReady(canvasElement);
  },
};

/** A company where no tax applies: the tax line says why it is 0. */
export const ReviewNotTaxed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await fillCompany(canvasElement);
    await userEvent.selectOptions(canvas.getByLabelText('Country'), 'US');
    await userEvent.click(canvas.getByRole('radio', { name: existingVisa() }));
    await submitPayment(canvasElement);
    await expect(
      await canvas.findByRole('rowheader', { name: 'Tax (0%): no tax is charged for United States' }, SLOW),
    ).toBeInTheDocument();
    await purchaseButtonReady(canvasElement);
  },
};

/** A declined card: nothing was charged, and the way forward is another payment method. */
export const DoneDeclined: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await fillCompany(canvasElement);
    await fillNewCard(canvasElement, DECLINED_CARD);
    await submitPayment(canvasElement);
    await agreeAndPurchase(canvasElement);
    await expect(
      await canvas.findByRole('heading', { level: 3, name: 'The purchase didn’t go through' }, SLOW),
    ).toHaveFocus();
    await expect(canvas.getByText(/Your card was declined/)).toBeInTheDocument();
    await expect(canvas.getByText('You have not been charged.')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Change payment method' })).toBeInTheDocument();
    await expect(adapterOf(loaded).control.orders()).toHaveLength(0);
  },
};

/** The answer to the purchase is lost: retrying sends the same key, so exactly one order is placed. */
export const DoneNetworkFailureRetry: Story = {
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['placeOrder']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement);
    await agreeAndPurchase(canvasElement);
    await expect(
      await canvas.findByRole('heading', { level: 3, name: 'The purchase didn’t go through' }, SLOW),
    ).toHaveFocus();
    await expect(
      canvas.getByText(/Trying again is safe: you will never be charged twice/),
    ).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Try the purchase again' }));
    await expect(
      await canvas.findByRole('heading', { level: 3, name: 'Thank you for your purchase' }, SLOW),
    ).toBeInTheDocument();
    await expect(adapterOf(loaded).control.orders()).toHaveLength(1);
  },
};

/**
 * Someone who may not purchase learns why and whom to ask (Matteo Rossi asks the two
 * administrators), and can still compare the plans.
 */
export const NotAllowed: Story = {
  parameters: {
    adapter: {
      viewer: { userId: 'u005', permissions: { purchase: false } },
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('You can’t upgrade this account')).toBeInTheDocument();
    const notice = canvas.getByText(/Only a billing administrator can purchase/);
    // Each name is isolated (U+2068…U+2069), so a right-to-left name cannot reorder the sentence.
    await expect(notice.textContent).toMatch(
      /^Only a billing administrator can purchase\. Ask \W?Anna Schmidt\W? and \W?Jürgen Groß\W?\.$/,
    );
    await expect(await canvas.findByRole('tab', { name: 'Marketing Hub' }, SLOW)).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /^Choose / })).not.toBeInTheDocument();
  },
};

/**
 * An administrator who may not purchase asks the other administrators for a plan: never
 * themselves. The confirmation names who was asked.
 */
export const RequestUpgrade: Story = {
  parameters: { adapter: { viewer: { permissions: { purchase: false } } } satisfies StoryAdapterParameters },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const notice = await canvas.findByText(/Only a billing administrator can purchase/, {}, SLOW);
    await expect(notice.textContent).toMatch(
      /^Only a billing administrator can purchase\. Ask \W?Jürgen Groß\W?\.$/,
    );
    const professional = within(
      (await canvas.findByRole('heading', { level: 4, name: 'Professional' }, SLOW)).closest('li') ??
        canvasElement,
    );
    await userEvent.click(professional.getByRole('button', { name: 'Request this upgrade' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent(
      'Your request for Marketing Hub Professional was sent to Jürgen Groß.',
    );
    await expect(professional.getByRole('button', { name: 'Request sent' })).toBeDisabled();
    await expect(adapterOf(loaded).control.upgradeRequests()).toHaveLength(1);
  },
};

/** A plan below the current one is not an upgrade: changing down goes through sales. */
export const PlanSmallerThanCurrent: Story = {
  parameters: {
    adapter: {
      subscription: { tierIds: ['marketing-professional'], interval: 'annual' },
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const starter = within(
      (await canvas.findByRole('heading', { level: 4, name: 'Starter' }, SLOW)).closest('li') ??
        canvasElement,
    );
    await expect(starter.queryByRole('button', { name: 'Choose Starter' })).not.toBeInTheDocument();
    await expect(starter.getByText('To change to a smaller plan, contact sales.')).toBeInTheDocument();
    await expect(starter.getByRole('button', { name: 'Contact sales' })).toBeInTheDocument();
  },
};

/** The catalog could not be loaded: say so and offer to try again. */
export const CatalogLoadError: Story = {
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['getCatalog']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent('We couldn’t load this.');
    await expect(alert).toHaveTextContent('We couldn’t reach the server.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expect(canvas.queryByRole('tab')).not.toBeInTheDocument();
  },
};

/** While the catalog is on its way, a skeleton stands in and assistive technology hears "Loading…". */
export const Loading: Story = {
  parameters: { adapter: { latency: 60_000 } satisfies StoryAdapterParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading…');
    await expect(canvas.queryByRole('tab')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/**
 * The plan step in a locale, in the seed's words: the two intervals, then the action that buys
 * the plan with the chosen one; tier features come from the adapter in the same language.
 */
function localePlanStory(
  locale: 'de' | 'pl' | 'fi' | 'it',
  words: {
    monthly: string;
    annual: string;
    buyMonthly: string;
    buyAnnual: string;
    stepTitle: string;
    /** A feature of Marketing Hub Starter, as the adapter's catalog gives it in this language. */
    feature: string;
  },
): Story {
  return {
    parameters: { locale },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(await stepHeading(canvasElement, words.stepTitle)).toBeInTheDocument();
      const monthly = await canvas.findByRole('radio', { name: containing(words.monthly) }, SLOW);
      await expect(monthly).toBeChecked();
      await expect(canvas.getByText(words.feature)).toBeInTheDocument();
      await expect(canvas.getByRole('button', { name: containing(words.buyMonthly) })).toBeInTheDocument();
      await userEvent.click(canvas.getByRole('radio', { name: containing(words.annual) }));
      await expect(canvas.getByRole('button', { name: containing(words.buyAnnual) })).toBeInTheDocument();
    },
  };
}

/** German: Monatliche Abrechnung / Jährliche Rechnung, then Monatlichen / Jährlichen Plan kaufen. */
export const PlanGerman: Story = localePlanStory('de', {
  monthly: 'Monatliche Abrechnung',
  annual: 'Jährliche Rechnung',
  buyMonthly: 'Monatlichen Plan kaufen',
  buyAnnual: 'Jährlichen Plan kaufen',
  stepTitle: 'Plan auswählen',
  feature: 'Formulare und Landingpages',
});

/** Polish: Rozliczenie miesięczne / roczne, then Kup plan miesięczny / roczny. */
export const PlanPolish: Story = localePlanStory('pl', {
  monthly: 'Rozliczenie miesięczne',
  annual: 'Rozliczenie roczne',
  buyMonthly: 'Kup plan miesięczny',
  buyAnnual: 'Kup plan roczny',
  stepTitle: 'Wybierz plan',
  feature: 'Formularze i strony docelowe',
});

/** Finnish: Kuukausilaskutus / Vuosilaskutus, then Osta kuukausipaketti / vuosipaketti. */
export const PlanFinnish: Story = localePlanStory('fi', {
  monthly: 'Kuukausilaskutus',
  annual: 'Vuosilaskutus',
  buyMonthly: 'Osta kuukausipaketti',
  buyAnnual: 'Osta vuosipaketti',
  stepTitle: 'Valitse paketti',
  feature: 'Lomakkeet ja laskeutumissivut',
});

/** Italian: Fatturazione mensile / annuale, then Acquista il piano mensile / annuale. */
export const PlanItalian: Story = localePlanStory('it', {
  monthly: 'Fatturazione mensile',
  annual: 'Fatturazione annuale',
  buyMonthly: 'Acquista il piano mensile',
  buyAnnual: 'Acquista il piano annuale',
  stepTitle: 'Scegli un piano',
  feature: 'Moduli e landing page',
});

/** The dark theme, with a tier selected. */
export const Dark: Story = {
  parameters: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Choose Professional' }, SLOW));
    await expect(canvas.getByRole('button', { name: 'Selected' })).toHaveAttribute('aria-pressed', 'true');
  },
};

/** The review in German: prices in German notation, the agreement and the purchase button translated. */
export const ReviewStepGerman: Story = {
  parameters: { locale: 'de' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement, de);
    await expect(
      canvas.getByRole('checkbox', { name: 'Ich stimme diesen Bedingungen zu' }),
    ).not.toBeChecked();
    await expect(await purchaseButtonReady(canvasElement, de)).toHaveTextContent('Kauf abschließen');
    const plan = canvas.getByRole('rowheader', { name: 'Marketing Hub Professional' }).closest('tr');
    await expect(plan).toHaveTextContent(/8\.190,00\s€/);
  },
};

/** A tier sold only with annual billing: monthly billing can't be chosen with it, and the hint says why. */
export const PlanAnnualOnly: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: 'Choose Professional' }, SLOW));
    const monthly = canvas.getByRole('radio', { name: /Monthly billing/ });
    await expect(monthly).toBeDisabled();
    await expect(monthly).toHaveAccessibleDescription('Professional is only available with annual billing.');
    await expect(canvas.getByRole('radio', { name: /Annual billing/ })).toBeChecked();
    await expect(canvas.getByRole('button', { name: containing('Buy annual plan') })).toBeInTheDocument();
    // The plan needs no seats: the step stays listed, so the count keeps its total.
    const steps = within(canvas.getByRole('navigation', { name: 'Upgrade steps' }));
    await expect(steps.getByText(/Assign seats/).closest('li')).toHaveAttribute('data-state', 'skipped');
    await expect(steps.getByText(/Assign seats/).closest('li')).toHaveTextContent('not needed for this plan');
  },
};

/** Until the account says what the viewer may do, nothing can be chosen or bought. */
export const AccountLoading: Story = {
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.setLatency(60_000, ['getAccount']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status')).toHaveTextContent('Loading…');
    await expect(canvasElement.querySelector('.abk-upgrade')).toHaveAttribute('data-state', 'loading');
    await expect(canvas.queryByRole('button', { name: /^Choose / })).not.toBeInTheDocument();
  },
};

/** The account could not be loaded: permissions are unknown, so nothing is offered but a retry. */
export const AccountLoadError: Story = {
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['getAccount']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent('We couldn’t reach the server.');
    await expect(canvas.queryByRole('tab')).not.toBeInTheDocument();
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(
      await canvas.findByRole('button', { name: 'Choose Professional' }, SLOW),
    ).toBeInTheDocument();
  },
};

/** The saved methods arrive late: nothing is chosen for the user meanwhile, and their choice stays. */
export const PaymentMethodsLoading: Story = {
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.setLatency(2_000, ['getPaymentMethods']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    const newCard = await canvas.findByRole('radio', { name: 'New credit card' }, SLOW);
    await expect(newCard).not.toBeChecked();
    await userEvent.click(newCard);
    await userEvent.type(canvas.getByLabelText('Card number'), '5555 5555 5555 4444');
    await expect(await canvas.findByRole('radio', { name: existingVisa() }, SLOW)).not.toBeChecked();
    await expect(newCard).toBeChecked();
    await expect(canvas.getByLabelText('Card number')).toHaveValue('5555 5555 5555 4444');
  },
};

/**
 * The price is being recalculated (held for five seconds): the previous amounts stay legible,
 * marked as stale by a frame and a status line, and "Complete purchase" waits for the new total.
 */
export const ReviewRecalculating: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement);
    await purchaseButtonReady(canvasElement);
    adapterOf(loaded).control.setLatency(5_000, ['previewOrder']);
    await userEvent.click(
      within(canvas.getByRole('navigation', { name: 'Upgrade steps' })).getByRole('button', {
        name: /Payment/,
      }),
    );
    await userEvent.type(await canvas.findByLabelText(/^VAT \/ tax ID/, {}, SLOW), 'DE811907980');
    await submitPayment(canvasElement);
    await expect(await canvas.findByText(/The price is being recalculated/)).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Complete purchase' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    await expect(canvasElement.querySelector('.abk-review__summary')).toHaveAttribute('data-stale', '');
  },
};

/** A policy URL that is not a web address (here `javascript:`) is shown as text, never as a link. */
export const ReviewUnsafePolicyUrl: Story = {
  args: { termsOfServiceUrl: 'javascript:alert(document.domain)' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await toReviewWithExistingCard(canvasElement);
    await expect(canvas.queryByRole('link', { name: /Terms of Service/ })).not.toBeInTheDocument();
    await expect(canvas.getByText(/Terms of Service/)).toBeInTheDocument();
    await expect(canvas.getByRole('link', { name: /Privacy Policy/ })).toHaveAttribute(
      'href',
      policyLinks.privacyPolicyUrl,
    );
  },
};

/** Storage as a reload left it while "Completing purchase…" was shown for the seed account. */
function interruptedPurchaseStorage(adapter: MemoryAdapter) {
  const owner = { adapter: adapterScope(adapter), accountId: 'acct_nordlicht', viewerId: 'u001' };
  const state = {
    ...initialWizardState({
      step: 'review',
      productId: 'marketing',
      tierId: 'marketing-professional',
      pricing: 'flat',
      tierIntervals: ['annual'],
      currency: 'EUR',
      interval: 'annual',
      company: nordlichtCompany,
      paymentMethodId: 'pm_visa_4242',
    }),
    attempt: {
      idempotencyKey: 'story-interrupted',
      status: 'placing' as const,
      errorCode: null,
      order: null,
    },
  };
  const store = new Map([
    [
      draftStorageKey('account-billing-kit:upgrade-draft', owner),
      JSON.stringify({ version: DRAFT_VERSION, owner, state }),
    ],
  ]);
  return {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
}

/**
 * The page was reloaded during "Completing purchase…": whether the order went through is not
 * known, nothing is sent by itself, and "Check the purchase" asks again with the same key.
 */
export const DoneInterrupted: Story = {
  render: (args, { loaded }) => (
    <UpgradeWizard {...args} draftStorage={interruptedPurchaseStorage(adapterOf(loaded))} />
  ),
  play: async ({ canvasElement, loaded, args }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole(
        'heading',
        { level: 3, name: 'We don’t know yet whether your order went through' },
        SLOW,
      ),
    ).toBeInTheDocument();
    await expect(adapterOf(loaded).control.calls().placeOrder ?? 0).toBe(0);
    await userEvent.click(canvas.getByRole('button', { name: 'Check the purchase' }));
    await expect(
      await canvas.findByRole('heading', { level: 3, name: 'Thank you for your purchase' }, SLOW),
    ).toBeInTheDocument();
    await expect(adapterOf(loaded).control.orders()).toHaveLength(1);
    await expect(args.onPurchaseComplete).toHaveBeenCalledTimes(1);
  },
};

/**
 * A part of the screen failed to render (here the host's card form throws): a localised message
 * with "Try again" stands in for the wizard, and `onError` hears about it.
 */
export const ScreenError: Story = {
  args: {
    renderPaymentForm: () => {
      throw new Error('The hosted card fields failed to load.');
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await userEvent.click(await canvas.findByRole('radio', { name: 'New credit card' }, SLOW));
    const alert = await canvas.findByRole('alert', {}, SLOW);
    await expect(alert).toHaveTextContent('This part of the page couldn’t be shown');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('.abk-upgrade')).toHaveAttribute('data-state', 'error');
  },
};

/** An account with billing details on file: the payment step starts from them. */
export const PaymentPrefilled: Story = {
  parameters: {
    adapter: {
      account: { billingDetails: { ...nordlichtCompany, taxId: 'DE811907980' } },
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await expect(await canvas.findByLabelText('Street address', {}, SLOW)).toHaveValue(
      nordlichtCompany.addressLine1,
    );
    await expect(canvas.getByLabelText('City')).toHaveValue(nordlichtCompany.city);
    await expect(canvas.getByLabelText(/^VAT \/ tax ID/)).toHaveValue('DE811907980');
  },
};

/**
 * "Share this credit card with other admins" applies to the selected card: the viewer's own saved
 * Visa can be shared; another admin's Mastercard cannot, and a new card says when it is saved.
 */
export const PaymentShareExistingCard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await choosePlan(canvasElement, 'Marketing Hub', 'Professional');
    await userEvent.click(await canvas.findByRole('radio', { name: existingVisa() }, SLOW));
    const share = canvas.getByRole('checkbox', { name: 'Share this credit card with other admins' });
    await userEvent.click(share);
    await expect(share).toBeChecked();
    await userEvent.click(canvas.getByRole('radio', { name: containing('Mastercard ending in 4444') }));
    await expect(
      canvas.queryByRole('checkbox', { name: 'Share this credit card with other admins' }),
    ).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole('radio', { name: 'New credit card' }));
    await expect(
      canvas.getByText('The card is saved to your account when you continue to the review.'),
    ).toBeInTheDocument();
  },
};
