import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { MemoryAdapter } from '../src/adapter/memory';
import { PaymentMethods } from '../src/components/payment-methods';
import { defaultCard, monthsFromNow, spareCard, storyCards } from './billing-fixtures';
import guide from './guides/payment-methods.md?raw';
import { adapterOf, adapterParameters, componentDocsPage } from './support';

const meta = {
  title: 'Screens/Payment methods',
  component: PaymentMethods,
  tags: ['autodocs'],
  parameters: {
    adapter: adapterParameters({ latency: 0, paymentMethods: storyCards() }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof PaymentMethods>;

export default meta;
type Story = StoryObj<typeof meta>;

async function card(canvasElement: HTMLElement, name: string) {
  return within(await within(canvasElement).findByRole('listitem', { name }));
}

/** The viewer's Visa (default), a Mastercard another admin shared, an Amex expiring this month. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const visa = await card(canvasElement, 'Visa ending in 4242');
    await expect(visa.getByText('Default')).toBeInTheDocument();
    await expect(
      within(canvasElement).getByRole('listitem', { name: 'Mastercard ending in 4444' }),
    ).toHaveAccessibleDescription(/Shared by Jürgen Groß/);
    await expect(
      (await card(canvasElement, 'American Express ending in 8431')).getByText('Expires soon'),
    ).toBeInTheDocument();
  },
};

/** While the cards are on their way. */
export const Loading: Story = {
  parameters: { adapter: adapterParameters({ latency: 86_400_000 }) },
  play: async ({ canvasElement }) => {
    const statuses = within(canvasElement).getAllByRole('status');
    await expect(statuses.some((status) => status.textContent === 'Loading…')).toBe(true);
    await expect(canvasElement.querySelector('.abk-payment-methods')).toHaveAttribute(
      'data-state',
      'loading',
    );
  },
};

/** The cards could not be read: the reason, and "Try again". */
export const LoadError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['getPaymentMethods']),
    }),
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('We couldn’t load this.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await card(canvasElement, 'Visa ending in 4242');
  },
};

/** No card saved: a subscription that charges needs one. */
export const Empty: Story = {
  parameters: { adapter: adapterParameters({ paymentMethods: [] }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/No cards saved yet/)).toBeInTheDocument();
    await expect(canvas.getByText('No default card')).toBeInTheDocument();
  },
};

const expiredDefault = adapterParameters({ paymentMethods: [defaultCard(monthsFromNow(-1)), spareCard()] });

/** The default card has expired: warned at the top, and it cannot be made the default again. */
export const DefaultExpired: Story = {
  parameters: { adapter: expiredDefault },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Your default card has expired')).toBeInTheDocument();
    await expect((await card(canvasElement, 'Visa ending in 4242')).getByText('Expired')).toBeInTheDocument();
  },
};

/** "Remove" on the default card: refused, and the screen says why. */
export const RemoveDefaultRefused: Story = {
  play: async ({ canvasElement }) => {
    const visa = await card(canvasElement, 'Visa ending in 4242');
    await userEvent.click(visa.getByRole('button', { name: 'Remove' }));
    await expect(visa.getByRole('alert')).toHaveTextContent(
      'Your subscription is charged to this card. Make another valid card the default before removing it.',
    );
  },
};

/** Removing a card asks first, with the safe answer focused. */
export const RemoveConfirmation: Story = {
  play: async ({ canvasElement }) => {
    const amex = await card(canvasElement, 'American Express ending in 8431');
    await userEvent.click(amex.getByRole('button', { name: 'Remove' }));
    await expect(amex.getByRole('button', { name: 'Keep card' })).toHaveFocus();
    await expect(amex.getByRole('button', { name: 'Remove card' })).toBeInTheDocument();
  },
};

/** Another card becomes the default at once. */
export const MadeDefault: Story = {
  play: async ({ canvasElement }) => {
    const mastercard = await card(canvasElement, 'Mastercard ending in 4444');
    await userEvent.click(mastercard.getByRole('button', { name: 'Make default' }));
    await expect(mastercard.getByText('Default')).toBeInTheDocument();
    await waitFor(() =>
      expect(
        within(canvasElement).getByText('Mastercard ending in 4444 is now the default card.'),
      ).toBeInTheDocument(),
    );
  },
};

/** The change failed: put back, with the reason and "Try again" next to the card. */
export const ChangeFailed: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(5, 'unknown', ['setDefaultPaymentMethod']),
    }),
  },
  play: async ({ canvasElement }) => {
    const mastercard = await card(canvasElement, 'Mastercard ending in 4444');
    await userEvent.click(mastercard.getByRole('button', { name: 'Make default' }));
    const alert = await mastercard.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expect((await card(canvasElement, 'Visa ending in 4242')).getByText('Default')).toBeInTheDocument();
  },
};

/** Someone else changed a card meanwhile: theirs is shown, with both ways out. */
export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    const amex = await card(canvasElement, 'American Express ending in 8431');
    adapterOf(loaded).control.simulatePaymentMethodChange('pm_amex_8431', { sharedWithAdmins: true });
    await userEvent.click(amex.getByRole('button', { name: 'Make default' }));
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('These cards were changed by someone else');
    await expect(within(alert).getByRole('button', { name: 'Keep the latest cards' })).toBeInTheDocument();
    await expect(within(alert).getByRole('button', { name: 'Apply my change again' })).toBeInTheDocument();
  },
};

/** Adding a card: the upgrade wizard's card form, checked before anything is sent. */
export const AddCard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await card(canvasElement, 'Visa ending in 4242');
    await userEvent.click(canvas.getByRole('button', { name: 'Add a card' }));
    await expect(
      await canvas.findByRole('heading', { name: 'New credit card' }, { timeout: 5000 }),
    ).toHaveFocus();
    await userEvent.click(canvas.getByRole('button', { name: 'Save card' }));
    await expect(canvas.getByLabelText('Card number')).toHaveAccessibleDescription('Enter the card number.');
  },
};

/** A saved card: it joins the list and becomes the default. */
export const CardAdded: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await card(canvasElement, 'Visa ending in 4242');
    await userEvent.click(canvas.getByRole('button', { name: 'Add a card' }));
    await userEvent.type(await canvas.findByLabelText('Name on card', {}, { timeout: 5000 }), 'Anna Schmidt');
    await userEvent.type(canvas.getByLabelText('Card number'), '5555 5555 5555 4444');
    await userEvent.type(canvas.getByLabelText('Expiry date (MM/YY)'), '11/31');
    await userEvent.type(canvas.getByLabelText('Security code'), '123');
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Charge my subscriptions to this card' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save card' }));
    await expect(await canvas.findByText('Mastercard ending in 4444 was saved.')).toBeInTheDocument();
  },
};

/** A viewer without billing permissions: whom to ask, no card. */
export const NotAllowed: Story = {
  parameters: {
    adapter: adapterParameters({ viewer: { userId: 'u005', permissions: { manageBilling: false } } }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('You can’t see the payment methods')).toBeInTheDocument();
    await expect(canvas.queryByRole('listitem')).not.toBeInTheDocument();
  },
};

type LocaleText = [title: string, isDefault: string, makeDefault: string];
const LOCALE_TEXT: Record<'en' | 'de' | 'pl' | 'fi' | 'it', LocaleText> = {
  en: ['Payment methods', 'Default', 'Make default'],
  de: ['Zahlungsmethoden', 'Standard', 'Als Standard festlegen'],
  pl: ['Metody płatności', 'Domyślna', 'Ustaw jako domyślną'],
  fi: ['Maksutavat', 'Oletus', 'Aseta oletukseksi'],
  it: ['Metodi di pagamento', 'Predefinita', 'Imposta come predefinita'],
};

function localeStory(locale: keyof typeof LOCALE_TEXT): Story {
  const [title, isDefault, makeDefault] = LOCALE_TEXT[locale];
  return {
    parameters: { locale },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
      await expect(await canvas.findByText(isDefault)).toBeInTheDocument();
      await expect(canvas.getAllByRole('button', { name: makeDefault }).length).toBeGreaterThan(0);
      await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('lang', locale);
    },
  };
}

/** English. */
export const English: Story = localeStory('en');
/** German, in the seed's words: "uns muss dauerhaft eine gültige Karte vorliegen". */
export const German: Story = localeStory('de');
/** Polish. */
export const Polish: Story = localeStory('pl');
/** Finnish. */
export const Finnish: Story = localeStory('fi');
/** Italian. */
export const Italian: Story = localeStory('it');

/** The dark theme, with an expired default card. */
export const Dark: Story = {
  parameters: { colorScheme: 'dark', adapter: expiredDefault },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Your default card has expired')).toBeInTheDocument();
    await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('data-color-scheme', 'dark');
  },
};

/** A phone-sized viewport: each card's actions wrap under it. */
export const Narrow: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Visa ending in 4242');
    const root = canvasElement.querySelector('.abk-payment-methods');
    await expect(root?.scrollWidth).toBeLessThanOrEqual((root?.clientWidth ?? 0) + 1);
  },
};

/** Narrow and dark, with the card form open. */
export const NarrowDark: Story = {
  globals: Narrow.globals,
  parameters: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    await card(canvasElement, 'Visa ending in 4242');
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Add a card' }));
    await expect(
      await within(canvasElement).findByRole('heading', { name: 'New credit card' }, { timeout: 5000 }),
    ).toBeInTheDocument();
  },
};
