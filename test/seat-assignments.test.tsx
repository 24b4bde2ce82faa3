import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { AdapterError } from '../src/adapter/errors';
import { SeatAssignments, type SeatPurchase } from '../src/components/seat-assignments';
import { renderWithProvider } from './support';

function renderSeats(
  options: MemoryAdapterOptions | MemoryAdapter = {},
  props: Partial<Parameters<typeof SeatAssignments>[0]> = {},
) {
  const adapter = 'control' in options ? options : createMemoryAdapter(options);
  const onBuySeats = vi.fn();
  const result = renderWithProvider(<SeatAssignments onBuySeats={onBuySeats} {...props} />, { adapter });
  return { ...result, onBuySeats, user: userEvent.setup() };
}

const sales = () => within(screen.getByRole('region', { name: 'Sales Hub Starter' }));
const holders = () => within(screen.getByRole('list', { name: 'Seat holders of Sales Hub' }));
const holderNames = () =>
  holders()
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.abk-seat-holder__name')?.textContent);

async function loaded() {
  await screen.findByRole('list', { name: 'Seat holders of Sales Hub' });
}

async function assign(user: UserEvent, query: string, name: string) {
  const search = sales().getByRole('searchbox', { name: 'Search users' });
  await user.clear(search);
  await user.type(search, query);
  await user.click(await sales().findByRole('button', { name: `Assign seat to ${name}` }));
}

const storedHolders = async (adapter: MemoryAdapter) =>
  (await adapter.getSeatAssignments('sales')).holders.map((user) => user.displayName);

describe('SeatAssignments', () => {
  it('lists who holds a seat against the seats bought, and flags deactivated holders', async () => {
    renderSeats();
    await loaded();
    expect(sales().getByText('4 of 5 seats assigned')).toBeInTheDocument();
    expect(sales().getByText(/1 seat available/)).toBeInTheDocument();
    expect(holderNames()).toEqual(['Anna Schmidt', 'Jürgen Groß', 'Lukas Weiß', 'Łukasz Kowalczyk']);
    const lukas = holders()
      .getAllByRole('listitem')
      .find((item) => item.textContent.includes('Lukas Weiß'));
    expect(lukas).toHaveTextContent('Deactivated');
    expect(
      sales().getByText('1 deactivated user still holds a paid seat. Remove it to free the seat.'),
    ).toBeInTheDocument();
    // Only per-seat products are listed: Marketing Hub Starter is flat.
    expect(screen.queryByRole('region', { name: /Marketing Hub/ })).not.toBeInTheDocument();
  });

  it('gives a user a seat from the search, at once, and the billing system agrees', async () => {
    const { adapter, user } = renderSeats();
    await loaded();
    adapter.control.setLatency(200, ['updateSeatAssignments']);
    await assign(user, 'aino', 'Aino Mäkelä');
    // Optimistic: listed before the answer.
    expect(holderNames()).toContain('Aino Mäkelä');
    expect(sales().getByText('5 of 5 seats assigned')).toBeInTheDocument();
    expect(await sales().findByText('Aino Mäkelä now has a seat.')).toBeInTheDocument();
    expect(await storedHolders(adapter)).toContain('Aino Mäkelä');
    // The search marks her as a holder now.
    expect(sales().queryByRole('button', { name: 'Assign seat to Aino Mäkelä' })).not.toBeInTheDocument();
  });

  it('takes a seat away', async () => {
    const { adapter, user } = renderSeats();
    await loaded();
    await user.click(sales().getByRole('button', { name: 'Remove the seat of Lukas Weiß' }));
    expect(holderNames()).not.toContain('Lukas Weiß');
    expect(await sales().findByText('Lukas Weiß no longer has a seat.')).toBeInTheDocument();
    expect(await storedHolders(adapter)).not.toContain('Lukas Weiß');
    expect(sales().getByText('3 of 5 seats assigned')).toBeInTheDocument();
  });

  it('beyond the seats bought, offers to buy more instead, with the seat step prefilled', async () => {
    const { adapter, onBuySeats, user } = renderSeats();
    await loaded();
    await assign(user, 'aino', 'Aino Mäkelä');
    await sales().findByText('Aino Mäkelä now has a seat.');
    await assign(user, 'giulia', 'Giulia Bianchi');

    const alert = await sales().findByRole('alert');
    expect(alert).toHaveTextContent('All 5 seats are assigned');
    expect(alert).toHaveTextContent(
      'Buy more seats to give Giulia Bianchi one, or remove someone’s seat first.',
    );
    // Nothing was sent for Giulia: one update only, Aino's.
    expect(adapter.control.calls().updateSeatAssignments).toBe(1);
    expect(holderNames()).not.toContain('Giulia Bianchi');

    await user.click(within(alert).getByRole('button', { name: 'Buy more seats' }));
    // The active holders and Giulia; the deactivated holder cannot be bought a seat.
    expect(onBuySeats).toHaveBeenCalledTimes(1);
    const [productId, count, purchase] = onBuySeats.mock.calls[0] as [string, number, SeatPurchase];
    expect([productId, count]).toEqual(['sales', 5]);
    expect(purchase).toMatchObject({
      productId: 'sales',
      tierId: 'sales-starter',
      interval: 'monthly',
      currency: 'EUR',
      seats: 5,
    });
    // The active holders and Giulia; the deactivated holder cannot be bought a seat.
    expect([...purchase.seatUserIds].sort()).toEqual(['u001', 'u002', 'u004', 'u007', 'u008']);
  });

  it('shows the billing system’s "no seat left" refusal as the same offer', async () => {
    const adapter = createMemoryAdapter();
    Object.assign(adapter, {
      updateSeatAssignments: () =>
        Promise.reject(
          new AdapterError('validation', { fieldIssues: [{ path: ['assign'], code: 'seatsExceedBought' }] }),
        ),
    });
    const { onBuySeats, user } = renderSeats(adapter);
    await loaded();
    await assign(user, 'aino', 'Aino Mäkelä');
    const alert = await sales().findByRole('alert');
    expect(alert).toHaveTextContent('All 5 seats are assigned');
    expect(alert).toHaveTextContent('Buy more seats to give Aino Mäkelä one');
    // Put back: she does not hold a seat.
    expect(holderNames()).not.toContain('Aino Mäkelä');
    await user.click(within(alert).getByRole('button', { name: 'Buy more seats' }));
    expect(onBuySeats).toHaveBeenCalledWith('sales', 4, expect.objectContaining({ tierId: 'sales-starter' }));
  });

  it('reports a concurrent change naming who made it; mine applied on top no longer fits', async () => {
    const adapter = createMemoryAdapter();
    const { user } = renderSeats(adapter);
    await loaded();
    // Another admin takes the last seat; this screen still shows one available.
    adapter.control.simulateSeatChange('sales', { assign: ['u009'], unassign: [] }, 'Jürgen Groß');
    await assign(user, 'aino', 'Aino Mäkelä');
    // The version moved on: a conflict first, naming who changed the seats.
    const conflict = await sales().findByRole('alert');
    expect(conflict).toHaveTextContent('The seats were changed by someone else');
    expect(conflict).toHaveTextContent('Jürgen Groß changed the seats while you were working.');
    expect(holderNames()).toContain('Mikko Virtanen');
    expect(holderNames()).not.toContain('Aino Mäkelä');
    await user.click(within(conflict).getByRole('button', { name: 'Apply my change on top' }));
    // Applied over their version, it no longer fits.
    expect(await sales().findByText('All 5 seats are assigned')).toBeInTheDocument();
  });

  it('keeps their change on request', async () => {
    const adapter = createMemoryAdapter();
    const { user } = renderSeats(adapter);
    await loaded();
    adapter.control.simulateSeatChange('sales', { assign: [], unassign: ['u015'] });
    await user.click(sales().getByRole('button', { name: 'Remove the seat of Anna Schmidt' }));
    const conflict = await sales().findByRole('alert');
    expect(conflict).toHaveTextContent('Matteo Rossi changed the seats while you were working.');
    await user.click(within(conflict).getByRole('button', { name: 'Keep their change' }));
    expect(sales().queryByRole('alert')).not.toBeInTheDocument();
    expect(holderNames()).toEqual(['Anna Schmidt', 'Jürgen Groß', 'Łukasz Kowalczyk']);
    expect(await storedHolders(adapter)).toContain('Anna Schmidt');
  });

  it('rolls a failed change back and retries it', async () => {
    const { adapter, user } = renderSeats();
    await loaded();
    adapter.control.failNext(1, 'network', ['updateSeatAssignments']);
    await user.click(sales().getByRole('button', { name: 'Remove the seat of Jürgen Groß' }));
    const alert = await sales().findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(holderNames()).toContain('Jürgen Groß');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await sales().findByText('Jürgen Groß no longer has a seat.')).toBeInTheDocument();
    expect(await storedHolders(adapter)).not.toContain('Jürgen Groß');
  });

  it('deactivated users are flagged in the search and get no seat', async () => {
    const { user } = renderSeats();
    await loaded();
    await user.type(sales().getByRole('searchbox', { name: 'Search users' }), 'tomasz');
    const row = await waitFor(() => {
      const found = within(sales().getByRole('list', { name: 'Users matching your search' }))
        .getAllByRole('listitem')
        .find((item) => item.textContent.includes('Tomasz Wiśniewski'));
      if (!found) throw new Error('not listed yet');
      return found;
    });
    expect(row).toHaveTextContent('Deactivated');
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
  });

  it('only admins who manage billing change seats: a read-only viewer sees the holders, whom to ask', async () => {
    renderSeats({ viewer: { userId: 'u005', permissions: { manageBilling: false } } });
    await loaded();
    expect(holderNames()).toHaveLength(4);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
    expect(screen.getByText(/Only a billing administrator can change who/)).toHaveTextContent(
      'Only a billing administrator can change who holds a seat. Ask Anna Schmidt and Jürgen Groß.',
    );
  });

  it('unknown permissions mean read-only', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['getAccount']);
    renderSeats(adapter);
    expect(await screen.findByRole('alert')).toHaveTextContent('We couldn’t load this.');
    expect(screen.queryByRole('button', { name: /Remove the seat/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('stays fast on a 100,000-user account: server-side search, a windowed list', async () => {
    const adapter = createMemoryAdapter({ users: 100_000 });
    const { user } = renderSeats(adapter, { productId: 'sales' });
    await loaded();
    const results = () => within(sales().getByRole('list', { name: 'Users matching your search' }));
    await waitFor(() => expect(results().getAllByRole('listitem').length).toBeGreaterThan(0));
    // A page of 100 is loaded, a window of it rendered.
    expect(results().getAllByRole('listitem').length).toBeLessThan(40);
    expect(results().getAllByRole('listitem')[0]).toHaveAttribute('aria-setsize', '100000');
    const started = performance.now();
    await user.type(sales().getByRole('searchbox', { name: 'Search users' }), 'anna');
    await waitFor(() =>
      expect(
        results()
          .getAllByRole('listitem')
          .every((item) => /anna/i.test(item.textContent)),
      ).toBe(true),
    );
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(adapter.control.calls().searchUsers).toBeLessThan(10);
  });
});
