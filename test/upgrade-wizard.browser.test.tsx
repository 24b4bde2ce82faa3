import '../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent, type Locator } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import { nordlichtCompany, policyLinks } from '../stories/fixtures';
import { expectNoAxeViolations, renderInBrowser } from './browser-support';

const policies = policyLinks;

type ColorScheme = 'light' | 'dark';

interface RenderOptions {
  adapter?: MemoryAdapter;
  colorScheme?: ColorScheme;
  /** Host page content before the wizard, where a keyboard user starts tabbing from. */
  before?: ReactNode;
}

async function renderWizard({
  adapter = createMemoryAdapter(),
  colorScheme = 'light',
  before,
}: RenderOptions = {}) {
  await renderInBrowser(<UpgradeWizard {...policies} draftStorage={null} quoteDebounceMs={0} />, {
    adapter,
    provider: { appearance: { colorScheme } },
    before,
  });
  return adapter;
}

/** Focus is on the step's heading: an h3 whose text names the step. */
async function expectStepHeadingFocused(stepName: string) {
  await expect.poll(() => document.activeElement?.tagName).toBe('H3');
  await expect.poll(() => document.activeElement?.textContent).toContain(stepName);
  expect(document.activeElement?.classList.contains('abk-upgrade__step-title')).toBe(true);
}

/** Presses Tab once and expects focus on `target`: the tab order, stop by stop. */
async function tabTo(target: Locator) {
  await userEvent.tab();
  await expect.element(target).toHaveFocus();
}

async function stepHeading(name: string) {
  const heading = page.getByRole('heading', { level: 3, name: new RegExp(name) });
  await expect.element(heading).toBeInTheDocument();
  return heading;
}

async function choosePlan(product: string, tier: string) {
  await userEvent.click(page.getByRole('tab', { name: product }));
  await userEvent.click(page.getByRole('button', { name: `Choose ${tier}` }));
  await userEvent.click(page.getByRole('button', { name: /^Buy (monthly|annual) plan/ }));
}

async function fillCompany() {
  await expect.element(page.getByLabelText('Company name')).toHaveValue(nordlichtCompany.name);
  await userEvent.fill(page.getByLabelText('Street address'), nordlichtCompany.addressLine1);
  await userEvent.fill(page.getByLabelText('Postal code'), nordlichtCompany.postalCode);
  await userEvent.fill(page.getByLabelText('City'), nordlichtCompany.city);
  await userEvent.selectOptions(page.getByLabelText('Country'), nordlichtCompany.country);
}

async function fillNewCard(number: string) {
  await userEvent.click(page.getByRole('radio', { name: 'New credit card' }));
  await userEvent.fill(page.getByLabelText('Name on card'), 'Anna Schmidt');
  await userEvent.fill(page.getByLabelText('Card number'), number);
  await userEvent.fill(page.getByLabelText('Expiry date (MM/YY)'), '12/30');
  await userEvent.fill(page.getByLabelText('Security code'), '123');
}

async function toReview() {
  await userEvent.click(page.getByRole('button', { name: 'Review order' }));
  await stepHeading('Review order');
}

async function agreeAndPurchase() {
  await userEvent.click(page.getByRole('checkbox', { name: 'I agree to these terms' }));
  const purchase = page.getByRole('button', { name: 'Complete purchase' });
  await expect.element(purchase).not.toHaveAttribute('aria-disabled');
  await userEvent.click(purchase);
}

beforeEach(async () => {
  await page.viewport(1280, 900);
  sessionStorage.clear();
});

afterEach(() => {
  sessionStorage.clear();
});

describe('UpgradeWizard in a real browser', () => {
  it('buys a flat tier with the keyboard alone, focusing each new step’s heading', async () => {
    const adapter = await renderWizard({ before: <a href="#billing">Billing overview</a> });
    const marketing = page.getByRole('tab', { name: 'Marketing Hub' });
    await expect.element(marketing).toHaveAttribute('aria-selected', 'true');
    // The keyboard user arrives from the host page's last link before the wizard.
    page.getByRole('link', { name: 'Billing overview' }).element().focus();

    // Products are tabs: one Tab stop, arrow keys move between them and wrap, Home goes to the first.
    await tabTo(marketing);
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(page.getByRole('tab', { name: 'Sales Hub' })).toHaveFocus();
    await expect
      .element(page.getByRole('tab', { name: 'Sales Hub' }))
      .toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(page.getByRole('tab', { name: 'Service Hub' })).toHaveFocus();
    await userEvent.keyboard('{ArrowRight}');
    await expect.element(marketing).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    await expect.element(page.getByRole('tab', { name: 'Service Hub' })).toHaveFocus();
    await userEvent.keyboard('{Home}');
    await expect.element(marketing).toHaveFocus();
    await expect.element(marketing).toHaveAttribute('aria-selected', 'true');

    // Currency, the interval radio group, then the tiers: the current plan's button is disabled.
    await tabTo(page.getByRole('combobox', { name: 'Currency' }));
    await tabTo(page.getByRole('radio', { name: /Monthly billing/ }));
    const professional = page.getByRole('button', { name: 'Choose Professional' });
    await tabTo(professional);
    const chosen = professional.element();
    await userEvent.keyboard('[Space]');
    await expect
      .element(page.getByRole('button', { name: 'Selected' }))
      .toHaveAttribute('aria-pressed', 'true');
    expect(document.activeElement).toBe(chosen);
    await tabTo(page.getByRole('button', { name: 'Contact sales' }));
    await tabTo(page.getByRole('button', { name: 'Buy annual plan' }));
    await userEvent.keyboard('{Enter}');
    await expectStepHeadingFocused('Payment');

    // Company details, typed field by field, once the step's chunk has loaded.
    await expect.element(page.getByLabelText('Company name')).toHaveValue('Nordlicht Logistik GmbH');
    await tabTo(page.getByLabelText('Company name'));
    await tabTo(page.getByLabelText('Street address'));
    await userEvent.keyboard('Hafenstrasse 12');
    await tabTo(page.getByLabelText(/^Address line 2/));
    await tabTo(page.getByLabelText('Postal code'));
    await userEvent.keyboard('20457');
    await tabTo(page.getByLabelText('City'));
    await userEvent.keyboard('Hamburg');
    await tabTo(page.getByLabelText('Country'));
    // A closed select takes type-ahead.
    await userEvent.keyboard('Germany');
    await expect.element(page.getByLabelText('Country')).toHaveValue('DE');
    await tabTo(page.getByLabelText(/^VAT \/ tax ID/));

    // Payment methods are a radio group: one Tab stop; arrows move the choice and wrap.
    const visa = page.getByRole('radio', { name: /Visa ending in 4242/ });
    await tabTo(visa);
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: /Mastercard ending in 4444/ })).toBeChecked();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(page.getByRole('radio', { name: 'New credit card' })).toBeChecked();
    await expect.element(page.getByLabelText('Card number')).toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(visa).toBeChecked();
    await expect.element(visa).toHaveFocus();
    await expect.element(page.getByLabelText('Card number')).not.toBeInTheDocument();
    // The viewer's own Visa is not shared yet: it can be, from the keyboard too.
    await tabTo(page.getByRole('checkbox', { name: 'Share this credit card with other admins' }));
    await tabTo(page.getByRole('button', { name: 'Back' }));
    await tabTo(page.getByRole('button', { name: 'Review order' }));
    await userEvent.keyboard('{Enter}');
    await expectStepHeadingFocused('Review order');

    // Past the three policy links to the agreement: Space agrees, Enter purchases.
    await expect
      .element(page.getByRole('rowheader', { name: 'Marketing Hub Professional' }))
      .toBeInTheDocument();
    await tabTo(page.getByRole('link', { name: /Terms of Service/ }));
    await tabTo(page.getByRole('link', { name: /Privacy Policy/ }));
    await tabTo(page.getByRole('link', { name: /Acceptable Use Policy/ }));
    const agree = page.getByRole('checkbox', { name: 'I agree to these terms' });
    await tabTo(agree);
    await userEvent.keyboard('[Space]');
    await expect.element(agree).toBeChecked();
    await tabTo(page.getByRole('button', { name: 'Back' }));
    const purchase = page.getByRole('button', { name: 'Complete purchase' });
    await tabTo(purchase);
    await expect.element(purchase).not.toHaveAttribute('aria-disabled');
    await userEvent.keyboard('{Enter}');
    await expectStepHeadingFocused('Thank you for your purchase');
    expect(adapter.control.orders()).toHaveLength(1);
    expect(adapter.control.orders()[0]).toMatchObject({
      tierId: 'marketing-professional',
      interval: 'annual',
    });
  });

  it('focuses the step heading on every step change, forwards and back', async () => {
    await renderWizard();
    await choosePlan('Sales Hub', 'Professional');
    await expectStepHeadingFocused('Assign seats');
    await userEvent.click(page.getByRole('checkbox', { name: 'Seat for Aino Mäkelä' }));
    await userEvent.click(page.getByRole('button', { name: 'Next', exact: true }));
    await expectStepHeadingFocused('Payment');
    await userEvent.click(page.getByRole('button', { name: 'Back' }));
    await expectStepHeadingFocused('Assign seats');
    await userEvent.click(page.getByRole('button', { name: 'Next', exact: true }));
    await expectStepHeadingFocused('Payment');
    await fillCompany();
    await toReview();
    await expectStepHeadingFocused('Review order');
    await userEvent.click(
      page.getByRole('navigation', { name: 'Upgrade steps' }).getByRole('button', { name: /Choose a plan/ }),
    );
    await expectStepHeadingFocused('Choose a plan');
  });

  it('moves focus to the first problem listed in the error summary', async () => {
    await renderWizard();
    await choosePlan('Marketing Hub', 'Professional');
    await expect.element(page.getByLabelText('Company name')).toBeInTheDocument();
    await userEvent.click(page.getByRole('radio', { name: 'New credit card' }));
    await userEvent.fill(page.getByLabelText('Card number'), '4242 4242 4242 4241');
    // Enter submits the form from the field.
    await userEvent.keyboard('{Enter}');
    const summary = page.getByRole('alert');
    await expect.element(summary).toMatchTextContent(/There are \d+ problems on this step:/);
    const first = summary.getByRole('link').first();
    await expect.element(first).toHaveTextContent('Enter the street address.');
    await expect.element(first).toHaveFocus();
  });
});

describe.each<ColorScheme>(['light', 'dark'])('axe finds no violations (%s)', (colorScheme) => {
  it('on the plan step', async () => {
    await renderWizard({ colorScheme });
    await expect.element(page.getByRole('button', { name: 'Choose Professional' })).toBeInTheDocument();
    await expectNoAxeViolations();
    await userEvent.click(page.getByRole('button', { name: 'Choose Professional' }));
    await userEvent.click(page.getByRole('radio', { name: /Annual billing/ }));
    await expectNoAxeViolations();
  });

  it('on the plan step with an error summary', async () => {
    await renderWizard({ colorScheme });
    await expect.element(page.getByRole('button', { name: 'Choose Professional' })).toBeInTheDocument();
    // Next is aria-disabled (still focusable and clickable, so it can explain itself).
    await userEvent.click(page.getByRole('button', { name: 'Buy monthly plan' }), { force: true });
    await expect.element(page.getByRole('alert')).toMatchTextContent('Choose a plan to continue.');
    await expectNoAxeViolations();
  });

  it('on the seats step', async () => {
    await renderWizard({ colorScheme });
    await choosePlan('Sales Hub', 'Professional');
    // The demo account's four holders start out selected; Aino Mäkelä gets a fifth seat.
    await userEvent.click(page.getByRole('checkbox', { name: 'Seat for Aino Mäkelä' }));
    await expect.element(page.getByText('5 seats selected')).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('on the payment step: existing card, new card, invalid fields', async () => {
    await renderWizard({ colorScheme });
    await choosePlan('Marketing Hub', 'Professional');
    await expect.element(page.getByRole('radio', { name: /Visa ending in 4242/ })).toBeChecked();
    await expectNoAxeViolations();

    await userEvent.click(page.getByRole('radio', { name: 'New credit card' }));
    await expect.element(page.getByLabelText('Card number')).toBeInTheDocument();
    await expectNoAxeViolations();

    await userEvent.fill(page.getByLabelText('Card number'), '4242 4242 4242 4241');
    await userEvent.fill(page.getByLabelText('Expiry date (MM/YY)'), '13/27');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('alert')).toMatchTextContent(/There are \d+ problems on this step:/);
    await expect.element(page.getByLabelText('Card number')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations();
  });

  it('on the review step, with and without the terms error', async () => {
    await renderWizard({ colorScheme });
    await choosePlan('Marketing Hub', 'Professional');
    await fillCompany();
    await toReview();
    const purchase = page.getByRole('button', { name: 'Complete purchase' });
    await expect.element(purchase).not.toHaveAttribute('aria-disabled');
    await expectNoAxeViolations();
    await userEvent.click(purchase);
    await expect.element(page.getByRole('alert')).toMatchTextContent(/^There is 1 problem on this step:/);
    await expectNoAxeViolations();
  });

  it('on the done step after a purchase', async () => {
    await renderWizard({ colorScheme });
    await choosePlan('Marketing Hub', 'Professional');
    await fillCompany();
    await toReview();
    await agreeAndPurchase();
    await expectStepHeadingFocused('Thank you for your purchase');
    await expectNoAxeViolations();
  });

  it('on the done step after a declined card', async () => {
    await renderWizard({ colorScheme });
    await choosePlan('Marketing Hub', 'Professional');
    await fillCompany();
    await fillNewCard('4000 0000 0000 0002');
    await toReview();
    await agreeAndPurchase();
    await expectStepHeadingFocused('The purchase didn’t go through');
    await expect.element(page.getByRole('button', { name: 'Change payment method' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });

  it('on the done step after a network failure', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['placeOrder']);
    await renderWizard({ adapter, colorScheme });
    await choosePlan('Marketing Hub', 'Professional');
    await fillCompany();
    await toReview();
    await agreeAndPurchase();
    await expectStepHeadingFocused('The purchase didn’t go through');
    await expect.element(page.getByRole('button', { name: 'Try the purchase again' })).toBeInTheDocument();
    await expectNoAxeViolations();
  });
});

/**
 * One page load of a host app in this tab: a fresh provider and query cache around the wizard,
 * with the tab's `sessionStorage`. Rendering the next load (a new `load` number) unmounts this
 * one, as a reload does.
 */
function pageLoad(load: number, adapter: MemoryAdapter, colorScheme: ColorScheme = 'light') {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return (
    <main key={load}>
      <AccountSettingsProvider adapter={adapter} queryClient={queryClient} appearance={{ colorScheme }}>
        <UpgradeWizard {...policies} quoteDebounceMs={0} />
      </AccountSettingsProvider>
    </main>
  );
}

describe('UpgradeWizard across a reload, in one tab', () => {
  it('places no order and shows none of the first account’s data when another account opens the wizard after a reload during “Completing purchase…”', async () => {
    // The first account's purchase is slow: the page is reloaded while it is being completed.
    const first = createMemoryAdapter();
    first.control.setLatency(60_000, ['placeOrder']);
    const tab = await render(pageLoad(1, first));
    await choosePlan('Marketing Hub', 'Professional');
    await expect.element(page.getByLabelText('Company name')).toHaveValue(nordlichtCompany.name);
    await userEvent.fill(page.getByLabelText('Street address'), 'Speicherstadt 99');
    await userEvent.fill(page.getByLabelText('Postal code'), '20457');
    await userEvent.fill(page.getByLabelText('City'), 'Hamburg');
    await userEvent.selectOptions(page.getByLabelText('Country'), 'DE');
    await userEvent.fill(page.getByLabelText(/^VAT \/ tax ID/), 'DE811907980');
    await toReview();
    await agreeAndPurchase();
    await expect.element(page.getByRole('button', { name: 'Completing purchase…' })).toBeInTheDocument();

    // Reloaded; another account signs in and opens the wizard.
    const other = createMemoryAdapter({
      account: { id: 'acct_kuusi', name: 'Kuusi Design Oy' },
      viewer: { userId: 'u004' },
    });
    await tab.rerender(pageLoad(2, other));
    await stepHeading('Choose a plan');
    await expect.element(page.getByRole('button', { name: 'Choose Professional' })).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Selected' })).not.toBeInTheDocument();
    await choosePlan('Marketing Hub', 'Professional');
    await expect.element(page.getByLabelText('Company name')).toHaveValue('Kuusi Design Oy');
    await expect.element(page.getByLabelText('Street address')).toHaveValue('');
    await expect.element(page.getByLabelText(/^VAT \/ tax ID/)).toHaveValue('');
    expect(document.body.textContent).not.toContain('Speicherstadt');
    expect(document.body.textContent).not.toContain('DE811907980');
    expect(other.control.calls().placeOrder ?? 0).toBe(0);
    expect(other.control.orders()).toHaveLength(0);

    // The first account, back in the tab, is told the outcome is not known yet; nothing is sent
    // until it asks.
    await tab.rerender(pageLoad(3, first));
    await stepHeading('We don’t know yet whether your order went through');
    await expect.element(page.getByRole('button', { name: 'Check the purchase' })).toBeInTheDocument();
    expect(first.control.calls().placeOrder).toBe(1);
  });
});

describe.each<ColorScheme>(['light', 'dark'])('axe finds no violations while held (%s)', (colorScheme) => {
  it('on the review step while the price is recalculated for several seconds', async () => {
    const adapter = createMemoryAdapter();
    await renderWizard({ adapter, colorScheme });
    await choosePlan('Marketing Hub', 'Professional');
    await fillCompany();
    await toReview();
    await expect
      .element(page.getByRole('button', { name: 'Complete purchase' }))
      .not.toHaveAttribute('aria-disabled');
    // A changed draft is re-priced slowly: the old price stays on screen, marked as stale.
    adapter.control.setLatency(5_000, ['previewOrder']);
    await userEvent.click(
      page.getByRole('navigation', { name: 'Upgrade steps' }).getByRole('button', { name: /Payment/ }),
    );
    await userEvent.fill(page.getByLabelText(/^VAT \/ tax ID/), 'DE811907980');
    await toReview();
    await expect.element(page.getByText(/The price is being recalculated/)).toBeInTheDocument();
    await expect
      .element(page.getByRole('button', { name: 'Complete purchase' }))
      .toHaveAttribute('aria-disabled', 'true');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(document.querySelector('.abk-review__summary[data-stale]')).not.toBeNull();
    await expectNoAxeViolations();
  });

  it('on the done step when a purchase was interrupted by a reload', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.setLatency(60_000, ['placeOrder']);
    const tab = await render(pageLoad(1, adapter, colorScheme));
    await choosePlan('Marketing Hub', 'Professional');
    await fillCompany();
    await toReview();
    await agreeAndPurchase();
    await expect.element(page.getByRole('button', { name: 'Completing purchase…' })).toBeInTheDocument();
    await tab.rerender(pageLoad(2, adapter, colorScheme));
    await stepHeading('We don’t know yet whether your order went through');
    await expectNoAxeViolations();
  });
});
