import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import { useAccountSettings } from '../src/provider/context';
import type { MemoryAdapter } from '../src/adapter/memory';
import guide from './guides/account-settings-provider.md?raw';
import { adapterOf, componentDocsPage, storyLocales } from './support';

function Greeting() {
  const { t, locale, format } = useAccountSettings();
  return (
    <p>
      <strong>{locale}</strong>: {t('billingContacts.addAnother')} · {t('contactPicker.placeholder')} ·{' '}
      {t('contactPicker.resultCount', { count: 3 })} · {format.money(129_900, 'EUR')}
    </p>
  );
}

function LocaleSampler({ adapter }: { adapter: MemoryAdapter }) {
  return (
    <div>
      {['en', 'de', 'pl', 'fi', 'it'].map((locale) => (
        <AccountSettingsProvider key={locale} adapter={adapter} locale={locale} locales={storyLocales}>
          <Greeting />
        </AccountSettingsProvider>
      ))}
    </div>
  );
}

const meta = {
  title: 'Foundations/Provider',
  component: AccountSettingsProvider,
  tags: ['autodocs'],
  // The story shows one provider per locale, whatever the args say: its props are listed, not edited.
  parameters: { docs: { page: componentDocsPage(guide, { props: 'table' }) } },
  render: (_args, { loaded }) => <LocaleSampler adapter={adapterOf(loaded)} />,
} satisfies Meta<typeof AccountSettingsProvider>;

export default meta;
type Story = StoryObj<typeof meta>;

/** One string, a plural and a price in each of the five shipped locales. */
export const FiveLocales: Story = {
  args: { adapter: undefined as unknown as MemoryAdapter },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Weiteren hinzufügen/)).toBeInTheDocument();
    await expect(canvas.getByText(/Dodaj kolejny/)).toBeInTheDocument();
    await expect(canvas.getByText(/Lisää toinen/)).toBeInTheDocument();
    await expect(canvas.getByText(/Aggiungi un altro/)).toBeInTheDocument();
  },
};
