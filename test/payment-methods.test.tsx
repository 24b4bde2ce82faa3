import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { PaymentMethods } from '../src/components/payment-methods';
import { renderWithProvider } from './support';

const TODAY = new Date('2026-05-12T10:00:00Z');
const now = () => new Date(TODAY);

const visa = {
  id: 'pm_visa_4242',
  brand: 'visa' as const,
  last4: '4242',
  expMonth: 8,
  expYear: 2028,
  ownerName: 'Anna Schmidt',
  ownerUserId: 'u001',
  sharedWithAdmins: false,
  isDefault: true,
};
const expiredMastercard = {
  id: 'pm_mc_5100',
  brand: 'mastercard' as const,
  last4: '5100',
  expMonth: 2,
  expYear: 2026,
  ownerName: 'Anna Schmidt',
  ownerUserId: 'u001',
  sharedWithAdmins: false,
};

/** The cards every test starts from, unless it says otherwise. */
const seedCards = [
  visa,
  {
    id: 'pm_mc_4444',
    brand: 'mastercard' as const,
    last4: '4444',
    expMonth: 3,
    expYear: 2027,
    ownerName: 'Jürgen Groß',
    ownerUserId: 'u002',
    sharedWithAdmins: true,
  },
  // Expires at the end of this month.
  {
    id: 'pm_amex_8431',
    brand: 'amex' as const,
    last4: '8431',
    expMonth: 5,
    expYear: 2026,
    ownerName: 'Anna Schmidt',
    ownerUserId: 'u001',
    sharedWithAdmins: false,
  },
];

function adapterWith(options: MemoryAdapterOptions = {}) {
  return createMemoryAdapter({ now, paymentMethods: seedCards, ...options });
}

function renderCards(options: MemoryAdapterOptions | MemoryAdapter = {}) {
  const adapter = 'control' in options ? options : adapterWith(options);
  const result = renderWithProvider(<PaymentMethods today={TODAY} />, { adapter });
  return { ...result, user: userEvent.setup() };
}

const cardItem = (name: RegExp | string) => screen.getByRole('listitem', { name });
const stored = async (adapter: MemoryAdapter) =>
  Object.fromEntries((await adapter.getPaymentMethods()).map((method) => [method.id, method]));

async function loaded() {
  return screen.findByRole('listitem', { name: 'Visa ending in 4242' });
}

async function removeWithConfirmation(user: UserEvent, name: string) {
  await user.click(within(cardItem(name)).getByRole('button', { name: 'Remove' }));
  await user.click(within(cardItem(name)).getByRole('button', { name: 'Remove card' }));
}

describe('PaymentMethods', () => {
  it('lists own and shared cards: brand, last four, expiry, holder, sharing and the default', async () => {
    renderCards();
    const own = await loaded();
    expect(own).toHaveAccessibleDescription(/Expires 08\/2028/);
    expect(own).toHaveAccessibleDescription(/Name on card: Anna Schmidt/);
    expect(own).toHaveAccessibleDescription(/Your card, not shared/);
    expect(within(own).getByText('Default')).toBeInTheDocument();
    expect(own).toHaveAccessibleDescription(/Your subscriptions are charged to this card\./);

    const shared = cardItem('Mastercard ending in 4444');
    expect(shared).toHaveAccessibleDescription(/Shared by Jürgen Groß/);
    // Another admin's card: it may be made the default, not shared or removed by this viewer.
    expect(within(shared).getByRole('button', { name: 'Make default' })).toBeInTheDocument();
    expect(within(shared).queryByRole('button', { name: 'Remove' })).not.toBeInTheDocument();
    expect(within(shared).queryByRole('button', { name: /shar/i })).not.toBeInTheDocument();

    // The American Express expires this month.
    expect(within(cardItem('American Express ending in 8431')).getByText('Expires soon')).toBeInTheDocument();
    // The default card first.
    expect(screen.getAllByRole('listitem')[0]).toBe(own);
  });

  it('makes another card the default at once, and the billing system agrees', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    adapter.control.setLatency(200, ['setDefaultPaymentMethod']);
    await user.click(
      within(cardItem('Mastercard ending in 4444')).getByRole('button', { name: 'Make default' }),
    );
    // Optimistic: the badge moves before the answer.
    expect(within(cardItem('Mastercard ending in 4444')).getByText('Default')).toBeInTheDocument();
    expect(within(cardItem('Visa ending in 4242')).queryByText('Default')).not.toBeInTheDocument();
    expect(await screen.findByText('Mastercard ending in 4444 is now the default card.')).toBeInTheDocument();
    expect((await stored(adapter)).pm_mc_4444?.isDefault).toBe(true);
  });

  it('refuses to remove the default card of an active subscription, and says why', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    const remove = within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Remove' });
    expect(remove).toHaveAttribute('aria-disabled', 'true');
    await user.click(remove);
    expect(within(cardItem('Visa ending in 4242')).getByRole('alert')).toHaveTextContent(
      'Your subscription is charged to this card. Make another valid card the default before removing it.',
    );
    expect(adapter.control.calls().removePaymentMethod).toBeUndefined();
    expect((await stored(adapter)).pm_visa_4242).toBeDefined();
  });

  it('removes the old default once another valid card is the default, after asking', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    await user.click(
      within(cardItem('Mastercard ending in 4444')).getByRole('button', { name: 'Make default' }),
    );
    await screen.findByText('Mastercard ending in 4444 is now the default card.');
    await user.click(within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Remove' }));
    // The question, with the safe answer focused.
    expect(
      within(cardItem('Visa ending in 4242')).getByText(/Remove Visa ending in 4242\?/),
    ).toBeInTheDocument();
    expect(within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Keep card' })).toHaveFocus();
    await user.click(within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Remove card' }));
    await waitFor(() =>
      expect(screen.queryByRole('listitem', { name: 'Visa ending in 4242' })).not.toBeInTheDocument(),
    );
    expect(await screen.findByText('Visa ending in 4242 was removed.')).toBeInTheDocument();
    expect((await stored(adapter)).pm_visa_4242).toBeUndefined();
  });

  it('refuses to remove the last valid card while a subscription charges', async () => {
    const { adapter, user } = renderCards({
      paymentMethods: [
        { ...visa, isDefault: false },
        { ...expiredMastercard, isDefault: true },
      ],
    });
    await loaded();
    await user.click(within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Remove' }));
    expect(within(cardItem('Visa ending in 4242')).getByRole('alert')).toHaveTextContent(
      'A valid card must be on file at all times. Add another card before removing this one.',
    );
    expect(adapter.control.calls().removePaymentMethod).toBeUndefined();
  });

  it('refuses to make an expired card the default, and warns that the default has expired', async () => {
    const { adapter, user } = renderCards({
      paymentMethods: [
        { ...visa, isDefault: false },
        { ...expiredMastercard, isDefault: true },
      ],
    });
    await loaded();
    expect(screen.getByText('Your default card has expired')).toBeInTheDocument();
    expect(within(cardItem('Mastercard ending in 5100')).getByText('Expired')).toBeInTheDocument();
    await user.click(within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Make default' }));
    await screen.findByText('Visa ending in 4242 is now the default card.');
    expect(screen.queryByText('Your default card has expired')).not.toBeInTheDocument();

    const expired = within(cardItem('Mastercard ending in 5100')).getByRole('button', {
      name: 'Make default',
    });
    expect(expired).toHaveAttribute('aria-disabled', 'true');
    await user.click(expired);
    expect(within(cardItem('Mastercard ending in 5100')).getByRole('alert')).toHaveTextContent(
      'This card has expired and can’t be the default. Choose a valid card or add one.',
    );
    expect(adapter.control.calls().setDefaultPaymentMethod).toBe(1);
  });

  it('shows the billing system’s refusal next to the card and puts the card back', async () => {
    const adapter = adapterWith();
    Object.assign(adapter, {
      removePaymentMethod: () =>
        Promise.reject(
          new AdapterError('validation', {
            fieldIssues: [{ path: ['paymentMethodId'], code: 'lastValidPaymentMethod' }],
          }),
        ),
    });
    const { user } = renderCards(adapter);
    await loaded();
    await removeWithConfirmation(user, 'American Express ending in 8431');
    const amex = await screen.findByRole('listitem', { name: 'American Express ending in 8431' });
    expect(await within(amex).findByRole('alert')).toHaveTextContent(
      'A valid card must be on file at all times. Add another card before removing this one.',
    );
  });

  it('shares and stops sharing the viewer’s own card', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    await user.click(
      within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Share with other admins' }),
    );
    expect(
      await screen.findByText('Visa ending in 4242 is now shared with other admins.'),
    ).toBeInTheDocument();
    expect((await stored(adapter)).pm_visa_4242?.sharedWithAdmins).toBe(true);
    expect(cardItem('Visa ending in 4242')).toHaveAccessibleDescription(
      /Your card, shared with other admins/,
    );
    await user.click(within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Stop sharing' }));
    expect(await screen.findByText('Visa ending in 4242 is no longer shared.')).toBeInTheDocument();
    expect((await stored(adapter)).pm_visa_4242?.sharedWithAdmins).toBe(false);
  });

  it('rolls a failed change back, keeps it retryable, and the retry goes through', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    adapter.control.failNext(1, 'network', ['setDefaultPaymentMethod']);
    await user.click(
      within(cardItem('Mastercard ending in 4444')).getByRole('button', { name: 'Make default' }),
    );
    const alert = await within(cardItem('Mastercard ending in 4444')).findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    // Back to what the billing system holds.
    expect(within(cardItem('Visa ending in 4242')).getByText('Default')).toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Mastercard ending in 4444 is now the default card.')).toBeInTheDocument();
    expect((await stored(adapter)).pm_mc_4444?.isDefault).toBe(true);
  });

  it('a change whose answer was lost but which went through counts as made', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    adapter.control.failNextAfterApplying(1, 'network', ['updatePaymentMethodSharing']);
    await user.click(
      within(cardItem('Visa ending in 4242')).getByRole('button', { name: 'Share with other admins' }),
    );
    expect(
      await screen.findByText('Visa ending in 4242 is now shared with other admins.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('reports a concurrent change, keeps theirs or applies mine on request', async () => {
    const { adapter, user } = renderCards();
    await loaded();
    // Another admin shares the Amex meanwhile: its version moves on.
    adapter.control.simulatePaymentMethodChange('pm_amex_8431', { sharedWithAdmins: true });
    await user.click(
      within(cardItem('American Express ending in 8431')).getByRole('button', { name: 'Make default' }),
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('These cards were changed by someone else');
    expect(alert).toHaveTextContent('We loaded the latest cards. Your change wasn’t saved.');
    // Theirs is shown: the Amex is shared now, and still not the default.
    expect(cardItem('American Express ending in 8431')).toHaveAccessibleDescription(
      /Your card, shared with other admins/,
    );
    expect(within(cardItem('Visa ending in 4242')).getByText('Default')).toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Apply my change again' }));
    expect(
      await screen.findByText('American Express ending in 8431 is now the default card.'),
    ).toBeInTheDocument();
    expect((await stored(adapter)).pm_amex_8431?.isDefault).toBe(true);
  });

  it('adds a card through the card form; only the tokenizer sees its number', async () => {
    const adapter = adapterWith();
    const tokenize = vi.spyOn(adapter, 'tokenizeCard');
    const create = vi.spyOn(adapter, 'createPaymentMethod');
    const { user } = renderCards(adapter);
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add a card' }));
    expect(await screen.findByRole('heading', { name: 'New credit card' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription('Enter the card number.');
    expect(tokenize).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText('Name on card'), 'Anna Schmidt');
    await user.type(screen.getByLabelText('Card number'), '5555 5555 5555 4444');
    await user.type(screen.getByLabelText('Expiry date (MM/YY)'), '11/29');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.click(screen.getByRole('checkbox', { name: 'Charge my subscriptions to this card' }));
    await user.click(screen.getByRole('button', { name: 'Save card' }));

    expect(await screen.findByText('Mastercard ending in 4444 was saved.')).toBeInTheDocument();
    expect(tokenize).toHaveBeenCalledWith(expect.objectContaining({ number: '5555 5555 5555 4444' }));
    expect(create).toHaveBeenCalledWith({
      token: expect.any(String) as string,
      sharedWithAdmins: false,
      makeDefault: true,
    });
    expect(JSON.stringify(create.mock.calls)).not.toContain('5555');
    await waitFor(() =>
      expect(screen.getAllByRole('listitem', { name: 'Mastercard ending in 4444' })).toHaveLength(2),
    );
    expect(screen.getByRole('button', { name: 'Add a card' })).toBeInTheDocument();
  });

  it('adds a card through the host’s payment form slot', async () => {
    const adapter = adapterWith();
    const tokenize = vi.spyOn(adapter, 'tokenizeCard');
    const { token } = await adapter.tokenizeCard({
      cardholderName: 'Anna Schmidt',
      number: '4000 0566 5566 5556',
      expiry: '10/30',
      securityCode: '123',
    });
    tokenize.mockClear();
    const user = userEvent.setup();
    renderWithProvider(
      <PaymentMethods
        today={TODAY}
        renderPaymentForm={({ setTokenizer }) => (
          <button type="button" onClick={() => setTokenizer(() => Promise.resolve({ token }))}>
            Hosted fields ready
          </button>
        )}
      />,
      { adapter },
    );
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add a card' }));
    await user.click(await screen.findByRole('button', { name: 'Hosted fields ready' }));
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save card' }));
    expect(await screen.findByText('Visa ending in 5556 was saved.')).toBeInTheDocument();
    expect(tokenize).not.toHaveBeenCalled();
  });

  it('tells a viewer who may not manage billing whom to ask, and never reads the cards', async () => {
    const { adapter } = renderCards({ viewer: { userId: 'u005', permissions: { manageBilling: false } } });
    expect(await screen.findByText('You can’t see the payment methods')).toBeInTheDocument();
    expect(screen.getByText(/Only a billing administrator can see/)).toHaveTextContent(
      'Only a billing administrator can see and change payment methods. Ask Anna Schmidt and Jürgen Groß.',
    );
    expect(adapter.control.calls().getPaymentMethods).toBeUndefined();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });

  it('unknown permissions show no card and no control', async () => {
    const adapter = adapterWith();
    adapter.control.failNext(1, 'network', ['getAccount']);
    renderCards(adapter);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load this.');
    expect(screen.queryByRole('listitem')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a card' })).not.toBeInTheDocument();
  });
});
