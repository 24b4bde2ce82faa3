import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { MemoryAdapter } from '../src/adapter/memory';
import { BillingOverview } from '../src/components/billing-overview';
import { defaultCard, monthsFromNow } from './billing-fixtures';
import guide from './guides/billing-overview.md?raw';
import { adapterParameters, componentDocsPage } from './support';

const meta = {
  title: 'Screens/Billing overview',
  component: BillingOverview,
  tags: ['autodocs'],
  args: { onUpgrade: fn(), onManageSeats: fn(), onManagePaymentMethods: fn() },
  parameters: {
    adapter: adapterParameters({ latency: 0 }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof BillingOverview>;

export default meta;
type Story = StoryObj<typeof meta>;

async function salesCard(canvasElement: HTMLElement, name = 'Sales Hub Starter') {
  return within(await within(canvasElement).findByRole('listitem', { name }));
}

/** The seed account: Marketing Hub Starter (flat) and Sales Hub Starter with four of five seats held. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'Billing overview' })).toBeInTheDocument();
    const sales = await salesCard(canvasElement);
    await expect(sales.getByText('4 of 5 seats assigned')).toBeInTheDocument();
    await expect(sales.getByText('€54.00 / month')).toBeInTheDocument();
    await expect(sales.getByText(/Visa ending in 4242/)).toBeInTheDocument();
    await userEvent.click(sales.getByRole('button', { name: 'Upgrade Sales Hub' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('sales');
    await userEvent.click(sales.getByRole('button', { name: 'Manage Sales Hub seats' }));
    await expect(args.onManageSeats).toHaveBeenCalledWith('sales');
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** While the subscriptions are on their way: a skeleton, announced once. */
export const Loading: Story = {
  parameters: { adapter: adapterParameters({ latency: 86_400_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading…');
    await expect(canvasElement.querySelector('.abk-billing-overview')).toHaveAttribute(
      'data-state',
      'loading',
    );
  },
};

/** The subscriptions could not be read: the reason, and "Try again". */
export const LoadError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['getSubscriptions']),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We couldn’t reach the server.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await salesCard(canvasElement);
  },
};

/** A new account without subscriptions: what that means, and "See plans" opens the wizard. */
export const Empty: Story = {
  parameters: { adapter: adapterParameters({ subscriptions: [] }) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'No subscriptions yet' })).toBeInTheDocument();
    await expect(canvas.getByText('This account has no subscriptions yet.')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'See plans' }));
    await expect(args.onUpgrade).toHaveBeenCalledWith('marketing');
  },
};

/** No subscriptions, seen by a viewer who may not buy: the state without a way on they cannot use. */
export const EmptyReadOnly: Story = {
  parameters: {
    adapter: adapterParameters({
      subscriptions: [],
      viewer: { permissions: { purchase: false, manageBilling: false } },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'No subscriptions yet' })).toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'See plans' })).not.toBeInTheDocument();
  },
};

/** The empty state on a phone, dark. */
export const EmptyNarrowDark: Story = {
  ...Empty,
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { ...Empty.parameters, colorScheme: 'dark' },
};

const expiringCard = adapterParameters({ paymentMethods: [defaultCard(monthsFromNow(0))] });
const expiredCard = adapterParameters({ paymentMethods: [defaultCard(monthsFromNow(-2))] });

/** The card on file expires this month: flagged on every subscription, with "Update payment method". */
export const CardExpiring: Story = {
  parameters: { adapter: expiringCard },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Your card expires soon')).toBeInTheDocument();
    await expect((await salesCard(canvasElement)).getByText('Expires soon')).toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Update payment method' }));
    await expect(args.onManagePaymentMethods).toHaveBeenCalled();
  },
};

/** The card on file has expired: a valid card must be on file at all times. */
export const CardExpired: Story = {
  parameters: { adapter: expiredCard },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Your card has expired')).toBeInTheDocument();
    await expect((await salesCard(canvasElement)).getByText('Expired')).toBeInTheDocument();
    await expect(canvasElement.querySelector('.abk-billing-overview')).toHaveAttribute(
      'data-card-alert',
      'expired',
    );
  },
};

/** No card on file at all. */
export const NoCard: Story = {
  parameters: { adapter: adapterParameters({ paymentMethods: [] }) },
  play: async ({ canvasElement }) => {
    const sales = await salesCard(canvasElement);
    await expect(sales.getByText('No card on file')).toBeInTheDocument();
    await expect(
      within(canvasElement).getByRole('button', { name: 'Update payment method' }),
    ).toBeInTheDocument();
  },
};

/** A canceled subscription: no next charge. */
export const Canceled: Story = {
  parameters: {
    adapter: adapterParameters({
      subscriptions: [
        {
          productId: 'sales',
          tierId: 'sales-professional',
          status: 'canceled',
          interval: 'annual',
          currency: 'EUR',
          seatsBought: 3,
          holderIds: ['u001', 'u002'],
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const sales = await salesCard(canvasElement, 'Sales Hub Professional');
    await expect(sales.getByText('Canceled')).toBeInTheDocument();
    await expect(sales.getByText('No further charges')).toBeInTheDocument();
  },
};

/** A viewer without billing permissions: everything shown, no action, whom to ask. */
export const ReadOnly: Story = {
  parameters: {
    adapter: adapterParameters({
      viewer: {
        userId: 'u005',
        permissions: { manageBilling: false, purchase: false, manageContacts: false },
      },
      paymentMethods: [defaultCard(monthsFromNow(-1))],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await salesCard(canvasElement);
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument();
    await expect(canvas.getByText(/Only a billing administrator/)).toHaveTextContent(
      'Ask Anna Schmidt and Jürgen Groß.',
    );
    await expect(canvas.getByText(/to update it\./)).toHaveTextContent(
      'Ask Anna Schmidt and Jürgen Groß to update it.',
    );
  },
};

/**
 * The screen could not be drawn (here the adapter answers with a subscription the screen cannot
 * read): a localised message with "Try again" stands in for it.
 */
export const ScreenError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => {
        Object.assign(adapter, { getSubscriptions: () => Promise.resolve([null]) });
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('This part of the page couldn’t be shown');
  },
};

type LocaleText = [title: string, seats: string, upgrade: string];
const LOCALE_TEXT: Record<'en' | 'de' | 'pl' | 'fi' | 'it', LocaleText> = {
  en: ['Billing overview', '4 of 5 seats assigned', 'Upgrade Sales Hub'],
  de: ['Abrechnungsübersicht', '4 von 5 Lizenzen zugewiesen', 'Upgrade für Sales Hub durchführen'],
  pl: ['Przegląd rozliczeń', 'Przypisano 4 z 5 licencji', 'Ulepsz: Sales Hub'],
  fi: ['Laskutuksen yleiskatsaus', '4/5 lisenssiä määritetty', 'Päivitä: Sales Hub'],
  it: ['Riepilogo della fatturazione', '4 di 5 licenze assegnate', 'Esegui l’upgrade di Sales Hub'],
};

function localeStory(locale: keyof typeof LOCALE_TEXT): Story {
  const [title, seats, upgrade] = LOCALE_TEXT[locale];
  return {
    parameters: { locale, adapter: expiringCard },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
      await expect(await canvas.findByText(seats)).toBeInTheDocument();
      await expect(canvas.getByRole('button', { name: upgrade })).toBeInTheDocument();
      await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('lang', locale);
    },
  };
}

/** English, with the card expiring this month. */
export const English: Story = localeStory('en');
/** German, in the help centre's terms (Lizenzen, Abrechnungsintervall). */
export const German: Story = localeStory('de');
/** Polish. */
export const Polish: Story = localeStory('pl');
/** Finnish. */
export const Finnish: Story = localeStory('fi');
/** Italian. */
export const Italian: Story = localeStory('it');

/** The dark theme, with the expired-card warning. */
export const Dark: Story = {
  parameters: { colorScheme: 'dark', adapter: expiredCard },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Your card has expired')).toBeInTheDocument();
    await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('data-color-scheme', 'dark');
  },
};

/** A phone-sized viewport: one card per row, terms above their values. */
export const Narrow: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { adapter: expiringCard },
  play: async ({ canvasElement }) => {
    const sales = await salesCard(canvasElement);
    const root = canvasElement.querySelector('.abk-billing-overview');
    await expect(root?.scrollWidth).toBeLessThanOrEqual((root?.clientWidth ?? 0) + 1);
    await expect(sales.getByText('4 of 5 seats assigned')).toBeVisible();
  },
};

/** Narrow and dark together. */
export const NarrowDark: Story = {
  ...Narrow,
  parameters: { ...Narrow.parameters, colorScheme: 'dark' },
};
