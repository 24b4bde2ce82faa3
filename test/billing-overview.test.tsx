import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { BillingOverview } from '../src/components/billing-overview';
import { renderWithProvider } from './support';

/** A fixed day, so expiry and next charge dates read the same on every run. */
const TODAY = new Date('2026-05-12T10:00:00Z');
const now = () => new Date(TODAY);

function card(overrides: Record<string, unknown> = {}) {
  return {
    id: 'pm_visa_4242',
    brand: 'visa' as const,
    last4: '4242',
    expMonth: 8,
    expYear: 2028,
    ownerName: 'Anna Schmidt',
    ownerUserId: 'u001',
    sharedWithAdmins: false,
    isDefault: true,
    ...overrides,
  };
}

function renderOverview(
  options: MemoryAdapterOptions = {},
  props: Partial<Parameters<typeof BillingOverview>[0]> = {},
) {
  const adapter = createMemoryAdapter({ now, ...options });
  const handlers = {
    onUpgrade: vi.fn(),
    onManageSeats: vi.fn(),
    onManagePaymentMethods: vi.fn(),
  };
  const result = renderWithProvider(<BillingOverview today={TODAY} {...handlers} {...props} />, { adapter });
  return { ...result, ...handlers, user: userEvent.setup() };
}

const subscription = (name: string) => screen.getByRole('listitem', { name });
const fact = (item: HTMLElement, term: string) =>
  within(item).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;

describe('BillingOverview', () => {
  it('shows per product the tier, interval, seats, price, next charge and the card it is charged to', async () => {
    renderOverview();
    const sales = await screen.findByRole('listitem', { name: 'Sales Hub Starter' });
    expect(fact(sales, 'Billing interval')).toBe('Monthly');
    expect(fact(sales, 'Seats')).toBe('4 of 5 seats assigned');
    // Five seats bought, two included: three paid seats at €18.00.
    expect(fact(sales, 'Price')).toBe('€54.00 / month');
    expect(fact(sales, 'Next charge')).toBe('€54.00 on June 1, 2026');
    expect(fact(sales, 'Payment method')).toBe('Visa ending in 4242, expires 08/2028');
    expect(within(sales).getByText('Active')).toBeInTheDocument();

    const marketing = subscription('Marketing Hub Starter');
    expect(fact(marketing, 'Price')).toBe('€18.00 / month');
    // A flat tier has no seats to count.
    expect(within(marketing).queryByText('Seats')).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('flags an expired card and offers the way to fix it', async () => {
    const { onManagePaymentMethods, user } = renderOverview({
      paymentMethods: [card({ expMonth: 4, expYear: 2026 })],
    });
    expect(await screen.findByText('Your card has expired')).toBeInTheDocument();
    expect(
      screen.getByText(
        'Your subscriptions are charged to Visa ending in 4242, expires 04/2026, which has expired. A valid card must be on file at all times: add a valid card or make another one the default.',
      ),
    ).toBeInTheDocument();
    expect(within(subscription('Sales Hub Starter')).getByText('Expired')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Update payment method' }));
    expect(onManagePaymentMethods).toHaveBeenCalledTimes(1);
  });

  it('flags a card that expires this month or next, and not one that expires later', async () => {
    const first = renderOverview({ paymentMethods: [card({ expMonth: 6, expYear: 2026 })] });
    expect(await screen.findByText('Your card expires soon')).toBeInTheDocument();
    expect(within(subscription('Sales Hub Starter')).getByText('Expires soon')).toBeInTheDocument();
    first.unmount();

    renderOverview({ paymentMethods: [card({ expMonth: 7, expYear: 2026 })] });
    await screen.findByRole('listitem', { name: 'Sales Hub Starter' });
    expect(screen.queryByText('Your card expires soon')).not.toBeInTheDocument();
    expect(screen.queryByText('Expires soon')).not.toBeInTheDocument();
  });

  it('says so when no card is on file', async () => {
    renderOverview({ paymentMethods: [] });
    expect(await screen.findByText('No card on file', { selector: 'strong' })).toBeInTheDocument();
    expect(fact(subscription('Sales Hub Starter'), 'Payment method')).toBe('No card on file');
  });

  it('opens the wizard, the seats and the payment methods through the host’s callbacks', async () => {
    const { onUpgrade, onManageSeats, onManagePaymentMethods, user } = renderOverview();
    const sales = await screen.findByRole('listitem', { name: 'Sales Hub Starter' });
    await user.click(within(sales).getByRole('button', { name: 'Upgrade Sales Hub' }));
    expect(onUpgrade).toHaveBeenCalledWith('sales');
    await user.click(within(sales).getByRole('button', { name: 'Manage Sales Hub seats' }));
    expect(onManageSeats).toHaveBeenCalledWith('sales');
    // Flat tiers have no seats to manage.
    const marketing = subscription('Marketing Hub Starter');
    expect(within(marketing).queryByRole('button', { name: /seats/ })).not.toBeInTheDocument();
    await user.click(within(marketing).getByRole('button', { name: 'Upgrade Marketing Hub' }));
    expect(onUpgrade).toHaveBeenLastCalledWith('marketing');
    await user.click(screen.getByRole('button', { name: 'Payment methods' }));
    expect(onManagePaymentMethods).toHaveBeenCalledTimes(1);
  });

  it('shows a read-only viewer everything but no action, and whom to ask', async () => {
    renderOverview({
      viewer: {
        userId: 'u005',
        permissions: { manageBilling: false, purchase: false, manageContacts: false },
      },
      paymentMethods: [card({ expMonth: 4, expYear: 2026 })],
    });
    const sales = await screen.findByRole('listitem', { name: 'Sales Hub Starter' });
    expect(fact(sales, 'Seats')).toBe('4 of 5 seats assigned');
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText(/Only a billing administrator can change subscriptions/)).toHaveTextContent(
      'Only a billing administrator can change subscriptions, seats and payment methods. Ask Anna Schmidt and Jürgen Groß.',
    );
    expect(screen.getByText(/to update it\./)).toHaveTextContent(
      'Ask Anna Schmidt and Jürgen Groß to update it.',
    );
  });

  it('offers no upgrade to a viewer who may manage billing but not purchase', async () => {
    renderOverview({ viewer: { permissions: { purchase: false } } });
    const sales = await screen.findByRole('listitem', { name: 'Sales Hub Starter' });
    expect(within(sales).queryByRole('button', { name: /Upgrade/ })).not.toBeInTheDocument();
    expect(within(sales).getByRole('button', { name: 'Manage Sales Hub seats' })).toBeInTheDocument();
  });

  it('a canceled subscription has no next charge, and its card is not warned about', async () => {
    renderOverview({
      paymentMethods: [card({ expMonth: 4, expYear: 2026 })],
      subscriptions: [
        {
          productId: 'marketing',
          tierId: 'marketing-starter',
          status: 'canceled',
          interval: 'monthly',
          currency: 'EUR',
          seatsBought: 0,
          holderIds: [],
        },
      ],
    });
    const marketing = await screen.findByRole('listitem', { name: 'Marketing Hub Starter' });
    expect(fact(marketing, 'Next charge')).toBe('No further charges');
    expect(within(marketing).getByText('Canceled')).toBeInTheDocument();
    expect(screen.queryByText('Your card has expired')).not.toBeInTheDocument();
  });

  it('reports a failed load with a retry that recovers', async () => {
    const adapter = createMemoryAdapter({ now });
    adapter.control.failNext(1, 'network', ['getSubscriptions']);
    const user = userEvent.setup();
    renderWithProvider(<BillingOverview today={TODAY} />, { adapter });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load this.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('listitem', { name: 'Sales Hub Starter' })).toBeInTheDocument();
  });

  it('shows an account without subscriptions as empty', async () => {
    renderOverview({ subscriptions: [] });
    expect(await screen.findByText('This account has no subscriptions yet.')).toBeInTheDocument();
  });
});
