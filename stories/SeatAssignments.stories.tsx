import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { seedUsers, type MemoryAdapter } from '../src/adapter/memory';
import { SeatAssignments } from '../src/components/seat-assignments';
import guide from './guides/seat-assignments.md?raw';
import { adapterOf, adapterParameters, componentDocsPage } from './support';

const meta = {
  title: 'Screens/Seat assignments',
  component: SeatAssignments,
  tags: ['autodocs'],
  args: { onBuySeats: fn() },
  parameters: {
    adapter: adapterParameters({ latency: 0 }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof SeatAssignments>;

export default meta;
type Story = StoryObj<typeof meta>;

async function sales(canvasElement: HTMLElement, name = 'Sales Hub Starter') {
  const canvas = within(canvasElement);
  await canvas.findByRole('list', { name: 'Seat holders of Sales Hub' }, { timeout: 5000 });
  return within(canvas.getByRole('region', { name }));
}

async function assign(canvasElement: HTMLElement, query: string, name: string) {
  const product = await sales(canvasElement);
  const search = product.getByRole('searchbox', { name: 'Search users' });
  await userEvent.clear(search);
  await userEvent.type(search, query);
  await userEvent.click(await product.findByRole('button', { name: `Assign seat to ${name}` }));
}

/** Sales Hub Starter: five seats bought, four held, one of them by a deactivated user. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const product = await sales(canvasElement);
    await expect(product.getByText('4 of 5 seats assigned')).toBeInTheDocument();
    await expect(product.getByText(/1 deactivated user still holds a paid seat/)).toBeInTheDocument();
    await expect(product.getByRole('button', { name: 'Remove the seat of Lukas Weiß' })).toBeInTheDocument();
  },
};

/** On a phone a long name wraps, whole, and the row's badge and button go under it. */
export const LongNameNarrow: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: {
    adapter: adapterParameters({
      users: seedUsers().map((user) =>
        user.id === 'u001'
          ? { ...user, displayName: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen' }
          : user,
      ),
    }),
  },
  play: async ({ canvasElement }) => {
    const product = await sales(canvasElement);
    const name = product.getByText('Maximiliane Alexandra von Hohenzollern-Sigmaringen');
    await expect(name.scrollWidth).toBeLessThanOrEqual(name.clientWidth + 1);
    await expect(
      product.getByRole('button', {
        name: 'Remove the seat of Maximiliane Alexandra von Hohenzollern-Sigmaringen',
      }),
    ).toBeInTheDocument();
  },
};

/** While the seats are on their way. */
export const Loading: Story = {
  parameters: { adapter: adapterParameters({ latency: 86_400_000 }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getAllByRole('status')[0]).toHaveTextContent('Loading…');
  },
};

/** The seats could not be read: the reason, and "Try again". */
export const LoadError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['getSeatAssignments']),
    }),
  },
  play: async ({ canvasElement }) => {
    const alert = await within(canvasElement).findByRole('alert');
    await expect(alert).toHaveTextContent('We couldn’t reach the server.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await sales(canvasElement);
  },
};

/** No product is sold per seat. */
export const Empty: Story = {
  parameters: {
    adapter: adapterParameters({
      subscriptions: [
        {
          productId: 'marketing',
          tierId: 'marketing-starter',
          status: 'active',
          interval: 'monthly',
          currency: 'EUR',
          seatsBought: 0,
          holderIds: [],
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('This account has no subscriptions with seats.'),
    ).toBeInTheDocument();
  },
};

/** A seat given from the search: listed at once. */
export const Assigned: Story = {
  play: async ({ canvasElement }) => {
    await assign(canvasElement, 'aino', 'Aino Mäkelä');
    const product = await sales(canvasElement);
    await expect(product.getByText('5 of 5 seats assigned')).toBeInTheDocument();
    await waitFor(() => expect(product.getByText('Aino Mäkelä now has a seat.')).toBeInTheDocument());
  },
};

/** Every seat is taken: "Buy more seats" opens the wizard's seat step, prefilled. */
export const Full: Story = {
  play: async ({ canvasElement, args }) => {
    await assign(canvasElement, 'aino', 'Aino Mäkelä');
    await assign(canvasElement, 'giulia', 'Giulia Bianchi');
    const product = await sales(canvasElement);
    const alert = await product.findByRole('alert');
    await expect(alert).toHaveTextContent('All 5 seats are assigned');
    await userEvent.click(within(alert).getByRole('button', { name: 'Buy more seats' }));
    await expect(args.onBuySeats).toHaveBeenCalledWith(
      'sales',
      5,
      expect.objectContaining({ tierId: 'sales-starter' }),
    );
  },
};

/** Someone else changed the seats meanwhile: theirs are shown, with both ways out. */
export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    await sales(canvasElement);
    adapterOf(loaded).control.simulateSeatChange('sales', { assign: ['u009'], unassign: [] }, 'Jürgen Groß');
    await assign(canvasElement, 'aino', 'Aino Mäkelä');
    const alert = await (await sales(canvasElement)).findByRole('alert');
    await expect(alert).toHaveTextContent('Jürgen Groß changed the seats while you were working.');
  },
};

/** A change failed: put back, with the reason and "Try again". */
export const ChangeFailed: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(5, 'unknown', ['updateSeatAssignments']),
    }),
  },
  play: async ({ canvasElement }) => {
    const product = await sales(canvasElement);
    await userEvent.click(product.getByRole('button', { name: 'Remove the seat of Lukas Weiß' }));
    const alert = await product.findByRole('alert');
    await expect(alert).toHaveTextContent('Something went wrong. Please try again.');
    await expect(product.getByRole('button', { name: 'Remove the seat of Lukas Weiß' })).toBeInTheDocument();
  },
};

/** A viewer without billing permissions: the holders, no controls, whom to ask. */
export const ReadOnly: Story = {
  parameters: {
    adapter: adapterParameters({ viewer: { userId: 'u005', permissions: { manageBilling: false } } }),
  },
  play: async ({ canvasElement }) => {
    await sales(canvasElement);
    const canvas = within(canvasElement);
    await expect(canvas.queryByRole('button')).not.toBeInTheDocument();
    await expect(canvas.queryByRole('searchbox')).not.toBeInTheDocument();
    await expect(canvas.getByText(/Only a billing administrator/)).toBeInTheDocument();
  },
};

/** An account of 100,000 users: the search asks the server, the list renders a window. */
export const LargeAccount: Story = {
  parameters: { adapter: adapterParameters({ users: 100_000 }) },
  play: async ({ canvasElement }) => {
    const product = await sales(canvasElement);
    const results = () => within(product.getByRole('list', { name: 'Users matching your search' }));
    await waitFor(() => expect(results().getAllByRole('listitem').length).toBeGreaterThan(0));
    await expect(results().getAllByRole('listitem').length).toBeLessThan(40);
    await userEvent.type(product.getByRole('searchbox', { name: 'Search users' }), 'virtanen');
    await waitFor(() =>
      expect(
        results()
          .getAllByRole('listitem')
          .every((item) => /virtanen/i.test(item.textContent)),
      ).toBe(true),
    );
  },
};

type LocaleText = [title: string, count: string, assign: string];
const LOCALE_TEXT: Record<'en' | 'de' | 'pl' | 'fi' | 'it', LocaleText> = {
  en: ['Seats', '4 of 5 seats assigned', 'Assign seat to Aino Mäkelä'],
  de: ['Lizenzen', '4 von 5 Lizenzen zugewiesen', 'Lizenz zuweisen: Aino Mäkelä'],
  pl: ['Licencje', 'Przypisano 4 z 5 licencji', 'Przypisz licencję: Aino Mäkelä'],
  fi: ['Lisenssit', '4/5 lisenssiä määritetty', 'Anna lisenssi: Aino Mäkelä'],
  it: ['Licenze', '4 di 5 licenze assegnate', 'Assegna licenza a Aino Mäkelä'],
};

function localeStory(locale: keyof typeof LOCALE_TEXT): Story {
  const [title, count, assignLabel] = LOCALE_TEXT[locale];
  return {
    parameters: { locale },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
      await expect(await canvas.findByText(count, {}, { timeout: 5000 })).toBeInTheDocument();
      await expect(await canvas.findByRole('button', { name: assignLabel })).toBeInTheDocument();
      await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('lang', locale);
    },
  };
}

/** English. */
export const English: Story = localeStory('en');
/** German: "Lizenzen", as the help centre says for seats. */
export const German: Story = localeStory('de');
/** Polish. */
export const Polish: Story = localeStory('pl');
/** Finnish. */
export const Finnish: Story = localeStory('fi');
/** Italian. */
export const Italian: Story = localeStory('it');

/** The dark theme, every seat taken. */
export const Dark: Story = {
  parameters: { colorScheme: 'dark' },
  play: async (context) => {
    await Full.play?.(context);
    await expect(context.canvasElement.querySelector('.abk-root')).toHaveAttribute(
      'data-color-scheme',
      'dark',
    );
  },
};

/** A phone-sized viewport: holders above the search, buttons down to their icons. */
export const Narrow: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    await sales(canvasElement);
    const root = canvasElement.querySelector('.abk-seat-assignments');
    await expect(root?.scrollWidth).toBeLessThanOrEqual((root?.clientWidth ?? 0) + 1);
  },
};

/** Narrow and dark together. */
export const NarrowDark: Story = {
  ...Narrow,
  parameters: { colorScheme: 'dark' },
};
