import '../src/styles.css';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent, type Locator } from 'vitest/browser';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { BillingOverview } from '../src/components/billing-overview';
import { PaymentMethods } from '../src/components/payment-methods';
import { SeatAssignments } from '../src/components/seat-assignments';
import { defaultCard, monthsFromNow, storyCards } from '../stories/billing-fixtures';
import { expectNoAxeViolations, renderInBrowser } from './browser-support';

const HOST_LINK = <a href="#billing">Account settings</a>;

function describeFocus(element: Element | null): string {
  if (!(element instanceof HTMLElement) || element === document.body) return 'body';
  const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
  const name = element.getAttribute('aria-label') ?? element.textContent;
  return `${role} “${name.trim()}”`;
}

/** Starts keyboard navigation from the host page's link, before the screen. */
function startFromHostPage() {
  const link = page.getByRole('link', { name: 'Account settings' }).element();
  if (!(link instanceof HTMLElement)) throw new Error('No host link');
  link.focus();
}

/** Presses Tab (or Shift+Tab) until `target` has focus. Fails if it is not reached. */
async function tabTo(target: Locator, { backwards = false, max = 40 } = {}) {
  const element = target.element();
  for (let presses = 0; presses < max && document.activeElement !== element; presses += 1) {
    await userEvent.tab({ shift: backwards });
  }
  expect(document.activeElement === element, `focus is on ${describeFocus(document.activeElement)}`).toBe(
    true,
  );
}

/** Fails when the page scrolls sideways: nothing may be wider than a phone. */
function expectNoHorizontalOverflow(root: Element | null) {
  if (!root) throw new Error('no screen root');
  expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
  expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth + 1);
}

afterEach(async () => {
  await page.viewport(1280, 900);
});

describe('BillingOverview in Chromium', () => {
  it('works with the keyboard alone: each entry point in reading order', async () => {
    const onUpgrade = vi.fn();
    const onManageSeats = vi.fn();
    const onManagePaymentMethods = vi.fn();
    await renderInBrowser(
      <BillingOverview
        onUpgrade={onUpgrade}
        onManageSeats={onManageSeats}
        onManagePaymentMethods={onManagePaymentMethods}
      />,
      {
        adapter: createMemoryAdapter({ paymentMethods: [defaultCard(monthsFromNow(0))] }),
        before: HOST_LINK,
      },
    );
    await expect.element(page.getByRole('listitem', { name: 'Sales Hub Starter' })).toBeVisible();
    startFromHostPage();
    const stops: string[] = [];
    for (let presses = 0; presses < 10; presses += 1) {
      await userEvent.tab();
      if (!document.querySelector('.abk-billing-overview')?.contains(document.activeElement)) break;
      stops.push(describeFocus(document.activeElement));
    }
    expect(stops).toEqual([
      'button “Update payment method”',
      'button “Upgrade Marketing Hub”',
      'button “Manage Sales Hub seats”',
      'button “Upgrade Sales Hub”',
      'button “Payment methods”',
    ]);
    await tabTo(page.getByRole('button', { name: 'Upgrade Sales Hub' }), { backwards: true });
    await userEvent.keyboard('{Enter}');
    expect(onUpgrade).toHaveBeenCalledWith('sales');
    await tabTo(page.getByRole('button', { name: 'Manage Sales Hub seats' }), { backwards: true });
    await userEvent.keyboard(' ');
    expect(onManageSeats).toHaveBeenCalledWith('sales');
    await expectNoAxeViolations();
  });

  it('has no axe violation in any state, light and dark, and fits a 375 px phone', async () => {
    await page.viewport(375, 812);
    const states: { name: string; adapter: MemoryAdapter; dark?: boolean }[] = [
      {
        name: 'expired card',
        adapter: createMemoryAdapter({ paymentMethods: [defaultCard(monthsFromNow(-1))] }),
      },
      { name: 'no card', adapter: createMemoryAdapter({ paymentMethods: [] }), dark: true },
      {
        name: 'read-only',
        adapter: createMemoryAdapter({ viewer: { userId: 'u005', permissions: { manageBilling: false } } }),
      },
      { name: 'empty', adapter: createMemoryAdapter({ subscriptions: [] }), dark: true },
    ];
    for (const state of states) {
      const { screen } = await renderInBrowser(
        <BillingOverview onUpgrade={() => undefined} onManagePaymentMethods={() => undefined} />,
        { adapter: state.adapter, provider: { appearance: { colorScheme: state.dark ? 'dark' : 'light' } } },
      );
      await expect.element(page.getByRole('heading', { name: 'Billing overview' })).toBeVisible();
      await expect
        .poll(() => document.querySelector('.abk-billing-overview')?.getAttribute('data-state'), {
          timeout: 5000,
        })
        .toBe('ready');
      expectNoHorizontalOverflow(document.querySelector('.abk-billing-overview'));
      await expectNoAxeViolations();
      await screen.unmount();
    }
    // Loading and failed, too.
    const failing = createMemoryAdapter();
    failing.control.failNext(1, 'network', ['getSubscriptions']);
    await renderInBrowser(<BillingOverview />, { adapter: failing });
    await expect.element(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expectNoAxeViolations();
  });
});

describe('PaymentMethods in Chromium', () => {
  it('works with the keyboard alone: make default, confirm a removal, add a card', async () => {
    const adapter = createMemoryAdapter({ paymentMethods: storyCards() });
    await renderInBrowser(<PaymentMethods />, { adapter, before: HOST_LINK });
    const mastercard = page.getByRole('listitem', { name: 'Mastercard ending in 4444' });
    await expect.element(mastercard).toBeVisible();
    startFromHostPage();

    await tabTo(mastercard.getByRole('button', { name: 'Make default' }));
    await userEvent.keyboard('{Enter}');
    await expect
      .element(page.getByText('Mastercard ending in 4444 is now the default card.'))
      .toBeInTheDocument();
    // The default card has no "Make default", and this card no other action: focus is on the title.
    await expect.element(page.getByRole('heading', { name: 'Payment methods' })).toHaveFocus();

    const visa = page.getByRole('listitem', { name: 'Visa ending in 4242' });
    await tabTo(visa.getByRole('button', { name: 'Remove' }), { backwards: true });
    await userEvent.keyboard('{Enter}');
    // The question, with the safe answer focused; Escape keeps the card.
    await expect.element(visa.getByRole('button', { name: 'Keep card' })).toHaveFocus();
    await expectNoAxeViolations();
    await userEvent.keyboard('{Escape}');
    await expect.element(visa.getByRole('button', { name: 'Remove' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await expect.element(visa.getByRole('button', { name: 'Remove card' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('Visa ending in 4242 was removed.')).toBeInTheDocument();
    // Its buttons went with it: focus is on the screen's title, not lost.
    await expect.element(page.getByRole('heading', { name: 'Payment methods' })).toHaveFocus();

    await tabTo(page.getByRole('button', { name: 'Add a card' }));
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByRole('heading', { name: 'New credit card' })).toHaveFocus();
    await userEvent.tab();
    await userEvent.keyboard('Anna Schmidt');
    await userEvent.tab();
    await userEvent.keyboard('4242 4242 4242 4242');
    await userEvent.tab();
    await userEvent.keyboard('12/30');
    await userEvent.tab();
    await userEvent.keyboard('123');
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('Visa ending in 4242 was saved.')).toBeInTheDocument();
    await expect.element(page.getByRole('button', { name: 'Add a card' })).toHaveFocus();
    expect((await adapter.getPaymentMethods()).map((method) => method.last4).sort()).toEqual([
      '4242',
      '4444',
      '8431',
    ]);
  });

  it('has no axe violation in any state, light and dark, and fits a 375 px phone', async () => {
    await page.viewport(375, 812);
    const { screen } = await renderInBrowser(<PaymentMethods />, {
      adapter: createMemoryAdapter({ paymentMethods: [defaultCard(monthsFromNow(-1))] }),
      provider: { appearance: { colorScheme: 'dark' } },
    });
    const visa = page.getByRole('listitem', { name: 'Visa ending in 4242' });
    await expect.element(visa).toBeVisible();
    expectNoHorizontalOverflow(document.querySelector('.abk-payment-methods'));
    await expectNoAxeViolations();
    // A refusal next to its card.
    // aria-disabled keeps the refused button focusable: pressing it says why.
    (visa.getByRole('button', { name: 'Remove' }).element() as HTMLElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(visa.getByRole('alert')).toBeVisible();
    await expectNoAxeViolations();
    // The card form, open.
    await userEvent.click(page.getByRole('button', { name: 'Add a card' }));
    await expect.element(page.getByLabelText('Card number')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: 'Save card' }));
    expectNoHorizontalOverflow(document.querySelector('.abk-payment-methods'));
    await expectNoAxeViolations();
    await screen.unmount();

    // Conflict.
    const adapter = createMemoryAdapter({ paymentMethods: storyCards() });
    await renderInBrowser(<PaymentMethods />, { adapter });
    const amex = page.getByRole('listitem', { name: 'American Express ending in 8431' });
    await expect.element(amex).toBeVisible();
    adapter.control.simulatePaymentMethodChange('pm_amex_8431', { sharedWithAdmins: true });
    await userEvent.click(amex.getByRole('button', { name: 'Make default' }));
    await expect.element(page.getByText('These cards were changed by someone else')).toBeVisible();
    expectNoHorizontalOverflow(document.querySelector('.abk-payment-methods'));
    await expectNoAxeViolations();
  });
});

describe('SeatAssignments in Chromium', () => {
  it('works with the keyboard alone: search, assign, remove, and the offer to buy more', async () => {
    const adapter = createMemoryAdapter();
    const onBuySeats = vi.fn();
    await renderInBrowser(<SeatAssignments onBuySeats={onBuySeats} />, { adapter, before: HOST_LINK });
    const sales = page.getByRole('region', { name: 'Sales Hub Starter' });
    await expect.element(sales.getByText('4 of 5 seats assigned')).toBeVisible();
    startFromHostPage();

    await tabTo(sales.getByRole('searchbox', { name: 'Search users' }));
    await userEvent.keyboard('aino');
    const assignAino = sales.getByRole('button', { name: 'Assign seat to Aino Mäkelä' });
    await expect.element(assignAino).toBeVisible();
    await userEvent.tab();
    await expect.element(assignAino).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await expect.element(sales.getByText('5 of 5 seats assigned')).toBeVisible();
    await expect.element(sales.getByText('Aino Mäkelä now has a seat.')).toBeInTheDocument();
    // Her button gave way to "Has a seat": focus is back in the search, for the next user.
    await expect.element(sales.getByRole('searchbox', { name: 'Search users' })).toHaveFocus();
    await userEvent.keyboard('{Control>}a{/Control}giulia');
    const assignGiulia = sales.getByRole('button', { name: 'Assign seat to Giulia Bianchi' });
    await expect.element(assignGiulia).toBeVisible();
    await userEvent.tab();
    await userEvent.keyboard(' ');
    const buyMore = sales.getByRole('button', { name: 'Buy more seats' });
    await expect.element(buyMore).toBeVisible();
    await tabTo(buyMore, { backwards: true });
    await userEvent.keyboard('{Enter}');
    expect(onBuySeats).toHaveBeenCalledWith('sales', 5, expect.objectContaining({ tierId: 'sales-starter' }));
    await expectNoAxeViolations();

    await tabTo(sales.getByRole('button', { name: 'Remove the seat of Lukas Weiß' }));
    await userEvent.keyboard('{Enter}');
    await expect.element(sales.getByText('Lukas Weiß no longer has a seat.')).toBeInTheDocument();
    await expect.element(sales.getByRole('heading', { name: 'Sales Hub Starter' })).toHaveFocus();
    expect((await adapter.getSeatAssignments('sales')).holders.map((user) => user.id)).not.toContain('u015');
  });

  it('has no axe violation in any state, light and dark, and fits a 375 px phone', async () => {
    await page.viewport(375, 812);
    const { screen } = await renderInBrowser(<SeatAssignments />, {
      adapter: createMemoryAdapter(),
      provider: { appearance: { colorScheme: 'dark' } },
    });
    const sales = page.getByRole('region', { name: 'Sales Hub Starter' });
    await expect.element(sales.getByText('4 of 5 seats assigned')).toBeVisible();
    await expect
      .element(sales.getByRole('button', { name: 'Assign seat to Agnieszka Dąbrowska' }))
      .toBeVisible();
    expectNoHorizontalOverflow(document.querySelector('.abk-seat-assignments'));
    await expectNoAxeViolations();
    await screen.unmount();

    const readOnly = await renderInBrowser(<SeatAssignments />, {
      adapter: createMemoryAdapter({ viewer: { userId: 'u005', permissions: { manageBilling: false } } }),
    });
    await expect.element(page.getByText('4 of 5 seats assigned')).toBeVisible();
    expectNoHorizontalOverflow(document.querySelector('.abk-seat-assignments'));
    await expectNoAxeViolations();
    await readOnly.screen.unmount();

    const adapter = createMemoryAdapter();
    await renderInBrowser(<SeatAssignments />, { adapter });
    await expect.element(page.getByText('4 of 5 seats assigned')).toBeVisible();
    adapter.control.simulateSeatChange('sales', { assign: ['u009'], unassign: [] }, 'Jürgen Groß');
    await userEvent.fill(page.getByRole('searchbox', { name: 'Search users' }), 'aino');
    await userEvent.click(page.getByRole('button', { name: 'Assign seat to Aino Mäkelä' }));
    await expect.element(page.getByText('The seats were changed by someone else')).toBeVisible();
    expectNoHorizontalOverflow(document.querySelector('.abk-seat-assignments'));
    await expectNoAxeViolations();
  });
});
