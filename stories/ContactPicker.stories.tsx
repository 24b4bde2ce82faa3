import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { seedUsers, type MemoryAdapter } from '../src/adapter/memory';
import { ContactPicker, type ContactPickerProps } from '../src/components/contact-picker';
import { useAccountSettings } from '../src/provider/context';
import type { User } from '../src/schemas';
import guide from './guides/contact-picker.md?raw';
import {
  ContactForm,
  componentDocsPage,
  screenOf,
  storyLocales,
  type StoryAdapterParameters,
} from './support';

const LABEL = 'Primary account contact';

function seedUser(displayName: string): User {
  const user = seedUsers().find((candidate) => candidate.displayName === displayName);
  if (!user) throw new Error(`No seed user called ${displayName}`);
  return user;
}

/** The picker's text input. */
function comboboxOf(canvasElement: HTMLElement, name: string | RegExp = LABEL) {
  return within(canvasElement).getByRole('combobox', { name });
}

/** The picker with its label from the active catalog, so locale stories are translated throughout. */
function TranslatedPicker(props: Omit<ContactPickerProps, 'label'>) {
  const { t } = useAccountSettings();
  return <ContactPicker {...props} label={t('primaryContact.label')} />;
}

const meta = {
  title: 'Components/ContactPicker',
  component: ContactPicker,
  tags: ['autodocs'],
  args: { label: LABEL },
  parameters: { docs: { page: componentDocsPage(guide) } },
  decorators: [
    (Story) => (
      <div style={{ maxInlineSize: 420, minBlockSize: 420, padding: 16 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof ContactPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Type to search the account's users; arrow keys and Enter pick one. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const combobox = comboboxOf(canvasElement);
    await expect(combobox).toHaveAttribute('placeholder', 'Select a user');
    await userEvent.click(combobox);
    await userEvent.type(combobox, 'matt');
    const option = await screenOf(canvasElement).findByRole('option', { name: /Matteo Rossi/ });
    await expect(within(option).getByText('Matt', { selector: 'mark' })).toBeInTheDocument();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(combobox).toHaveValue('Matteo Rossi');
    await expect(combobox).toHaveAttribute('aria-expanded', 'false');
    await expect(combobox).toHaveFocus();
  },
};

/** A chosen user shows their avatar and a clear button. */
export const WithValue: Story = {
  args: {
    defaultValue: { kind: 'user', user: seedUser('Aino Mäkelä') },
    description: 'Receives every account notification.',
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const combobox = comboboxOf(canvasElement);
    await expect(combobox).toHaveValue('Aino Mäkelä');
    await expect(combobox).toHaveAccessibleDescription('Receives every account notification.');
    await expect(canvas.getByRole('button', { name: `Clear selection: ${LABEL}` })).toBeInTheDocument();
  },
};

/** While the first page is on its way, the list says so. */
export const Loading: Story = {
  parameters: { adapter: { latency: 60_000 } satisfies StoryAdapterParameters },
  play: async ({ canvasElement }) => {
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await expect(await screenOf(canvasElement).findByText('Searching…')).toBeVisible();
    await expect(screenOf(canvasElement).queryByRole('option')).not.toBeInTheDocument();
  },
};

/** A query that matches nobody says so, aloud and on screen. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    await userEvent.type(combobox, 'Xavier');
    const screen = screenOf(canvasElement);
    await waitFor(() =>
      // The typed text is isolated (U+2068 … U+2069): it cannot turn the sentence around.
      expect(within(canvasElement).getByRole('status')).toHaveTextContent(
        'No users match “\u2068Xavier\u2069”.',
      ),
    );
    await expect(screen.getByText('No users match “\u2068Xavier\u2069”.', { selector: 'p' })).toBeVisible();
    await expect(screen.queryByRole('option')).not.toBeInTheDocument();
  },
};

/**
 * A failed search is reported next to the field with a way to try again. The story retries once
 * successfully, then fails another search and leaves the message on screen.
 */
export const SearchError: Story = {
  name: 'Error',
  parameters: {
    adapter: {
      setup: (adapter: MemoryAdapter) => adapter.control.failNext(1, 'network', ['searchUsers']),
    } satisfies StoryAdapterParameters,
  },
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Users couldn’t be loaded.');
    await expect(combobox).toHaveAccessibleDescription(/Users couldn’t be loaded/);
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await screenOf(canvasElement).findByRole('option', { name: /Anna Schmidt/ })).toBeVisible();
    await waitFor(() => expect(canvas.queryByRole('alert')).not.toBeInTheDocument());
    await expect(combobox).toHaveFocus();

    (loaded as { adapter: MemoryAdapter }).adapter.control.failNext(20, 'network', ['searchUsers']);
    await userEvent.type(combobox, 'Xavier');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Users couldn’t be loaded.');
  },
};

/** Disabled: no list, no clear button. */
export const Disabled: Story = {
  args: { disabled: true, defaultValue: { kind: 'user', user: seedUser('Giulia Bianchi') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(comboboxOf(canvasElement)).toBeDisabled();
    await expect(canvas.getByRole('button', { name: 'Show users' })).toBeDisabled();
    await expect(canvas.queryByRole('button', { name: /Clear selection/ })).not.toBeInTheDocument();
  },
};

/** Read-only: the value is shown and can be copied, but not changed. */
export const ReadOnly: Story = {
  args: { readOnly: true, defaultValue: { kind: 'user', user: seedUser('Chloe Adams') } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const combobox = comboboxOf(canvasElement);
    await expect(combobox).toHaveAttribute('readonly');
    await expect(combobox).toHaveValue('Chloe Adams');
    await expect(canvas.getByText('Invited')).toBeVisible();
    await userEvent.click(combobox);
    await expect(screenOf(canvasElement).queryByRole('option')).not.toBeInTheDocument();
    await expect(
      canvas.queryByRole('button', { name: /Clear selection|Show users/ }),
    ).not.toBeInTheDocument();
  },
};

/** An error from the form, announced with the field. */
export const Invalid: Story = {
  args: { required: true, invalid: true, errorMessage: 'Select a user.' },
  play: async ({ canvasElement }) => {
    const combobox = comboboxOf(canvasElement, /Primary account contact/);
    await expect(combobox).toHaveAttribute('aria-invalid', 'true');
    await expect(combobox).toBeRequired();
    await expect(combobox).toHaveAccessibleDescription('Select a user.');
  },
};

/** Roles that accept someone outside the account offer the typed address, once it is valid. */
export const ExternalEmail: Story = {
  args: { label: 'Security contact', allowExternalEmail: true },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const screen = screenOf(canvasElement);
    const combobox = comboboxOf(canvasElement, 'Security contact');
    await userEvent.click(combobox);
    await expect(
      await screen.findByText('Or type the email address of someone who isn’t a user.'),
    ).toBeVisible();

    await userEvent.type(combobox, 'soc@partner');
    await waitFor(() =>
      expect(canvas.getByRole('status')).toHaveTextContent(
        'Enter an email address in the format name@example.com.',
      ),
    );
    await expect(screen.queryByRole('option', { name: /^Use / })).not.toBeInTheDocument();

    await userEvent.type(combobox, '.example');
    await userEvent.click(await screen.findByRole('option', { name: 'Use soc@partner.example' }));
    await expect(combobox).toHaveValue('soc@partner.example');
    await expect(canvas.getByText('External email')).toBeVisible();
  },
};

/** Invited users are marked; deactivated users are shown with the reason and cannot be chosen. */
export const DeactivatedAndInvited: Story = {
  play: async ({ canvasElement }) => {
    const screen = screenOf(canvasElement);
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    // "ss" also finds "Groß" and "Weiß": matching folds ß to ss.
    await userEvent.type(combobox, 'ss');
    const deactivated = await screen.findByRole('option', { name: /Lukas Weiß/ });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(4));
    await expect(deactivated).toHaveAttribute('aria-disabled', 'true');
    await expect(deactivated).toHaveTextContent('Deactivated users can’t be selected.');
    const invited = screen.getByRole('option', { name: /Alessandro Greco/ });
    await expect(invited).toHaveTextContent('Invited');
    await expect(invited).not.toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(deactivated);
    await expect(combobox).toHaveValue('ss');
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  },
};

/** Users chosen elsewhere (here Matteo Rossi) are not offered again. */
export const Exclude: Story = {
  args: { exclude: ['u005'] },
  play: async ({ canvasElement }) => {
    const screen = screenOf(canvasElement);
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    await userEvent.type(combobox, 'ma');
    await expect(await screen.findByRole('option', { name: /Max Neumann/ })).toBeVisible();
    await waitFor(() => expect(within(canvasElement).getByRole('status')).toHaveTextContent(/users found/));
    await expect(screen.queryByRole('option', { name: /Matteo Rossi/ })).not.toBeInTheDocument();
  },
};

/** A very large account: the list is virtualised and pages in as you scroll. */
export const HundredThousandUsers: Story = {
  parameters: { adapter: { users: 100_000 } satisfies StoryAdapterParameters },
  play: async ({ canvasElement }) => {
    const screen = screenOf(canvasElement);
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    const first = await screen.findByRole('option', { name: /Agnieszka Dąbrowska/ });
    await expect(first).toHaveAttribute('aria-setsize', '100000');
    await waitFor(() =>
      expect(within(canvasElement).getByRole('status')).toHaveTextContent('100,000 users found.'),
    );

    const lastLoaded = () =>
      Math.max(
        ...screen.getAllByRole('option').map((option) => Number(option.getAttribute('aria-posinset'))),
      );
    const activeOption = () =>
      canvasElement.ownerDocument.getElementById(combobox.getAttribute('aria-activedescendant') ?? '');
    // PageDown moves a visible page at a time; nearing the last loaded row pulls in the next page.
    await userEvent.keyboard('{ArrowDown}');
    await expect(activeOption()).toHaveAttribute('aria-posinset', '1');
    for (let press = 0; press < 100 && lastLoaded() <= 50; press += 1) {
      await userEvent.keyboard('{PageDown}');
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    await waitFor(() => expect(lastLoaded()).toBeGreaterThan(50));
    await expect(activeOption()).toHaveAttribute('data-highlighted');
    await expect(activeOption()).toHaveAttribute('aria-setsize', '100000');
    // Home belongs to the text: the caret moves to its start and the list lets go of its option.
    await userEvent.keyboard('{Home}');
    await expect(combobox).not.toHaveAttribute('aria-activedescendant');
    await expect(combobox).toHaveFocus();
  },
};

/**
 * Keyboard only, as the WAI-ARIA combobox pattern has it: Alt+Down opens the list without moving
 * into it, Down and Up move (past deactivated users), Enter chooses, Escape closes and a second
 * Escape clears.
 */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const screen = screenOf(canvasElement);
    const combobox = comboboxOf(canvasElement);
    const activeOption = () =>
      canvasElement.ownerDocument.getElementById(combobox.getAttribute('aria-activedescendant') ?? '');
    combobox.focus();
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await screen.findByRole('option', { name: /Agnieszka Dąbrowska/ });
    await expect(combobox).not.toHaveAttribute('aria-activedescendant');
    await userEvent.type(combobox, 'lukas');
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    // "Lukas Weiß" is deactivated: Down passes over it.
    await userEvent.keyboard('{ArrowDown}');
    await expect(activeOption()).toHaveAccessibleName(/Łukasz Kowalczyk/);
    await userEvent.keyboard('{ArrowDown}');
    await expect(activeOption()).toHaveAccessibleName(/Łukasz Kowalczyk/);
    await userEvent.keyboard('{Enter}');
    await expect(combobox).toHaveValue('Łukasz Kowalczyk');
    await expect(combobox).toHaveAttribute('aria-expanded', 'false');
    await userEvent.keyboard('{ArrowDown}');
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    await expect(combobox).toHaveValue('Łukasz Kowalczyk');
    await userEvent.keyboard('{Escape}');
    await expect(combobox).toHaveValue('');
  },
};

function localeStory(locale: keyof typeof storyLocales): Story {
  const catalog = storyLocales[locale];
  return {
    parameters: { locale },
    render: (args) => <TranslatedPicker {...args} />,
    play: async ({ canvasElement }) => {
      const combobox = comboboxOf(canvasElement, catalog.primaryContact.label);
      await expect(combobox).toHaveAttribute('placeholder', catalog.contactPicker.placeholder);
      await expect(
        within(canvasElement).getByRole('button', { name: catalog.contactPicker.toggle }),
      ).toBeInTheDocument();
      await userEvent.click(combobox);
      await expect(
        await screenOf(canvasElement).findByRole('option', { name: /Aino Mäkelä/ }),
      ).toBeInTheDocument();
    },
  };
}

/** German: label, placeholder, buttons and announcements from the `de` catalog. */
export const German = localeStory('de');
/** Polish. */
export const Polish = localeStory('pl');
/** Finnish. */
export const Finnish = localeStory('fi');
/** Italian. */
export const Italian = localeStory('it');

/** The dark theme, with the list open on a search. */
export const Dark: Story = {
  parameters: { colorScheme: 'dark' },
  args: { description: 'Receives every account notification.' },
  play: async ({ canvasElement }) => {
    const combobox = comboboxOf(canvasElement);
    await userEvent.click(combobox);
    await userEvent.type(combobox, 'ss');
    await screenOf(canvasElement).findByRole('option', { name: /Alessandro Greco/ });
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(screenOf(canvasElement).getAllByRole('option')).toHaveLength(4));
    await expect(combobox).toHaveAttribute('aria-activedescendant');
  },
};

/** Right to left: the control and the list mirror. */
export const RightToLeft: Story = {
  parameters: { dir: 'rtl' },
  args: { defaultValue: { kind: 'user', user: seedUser('Katarzyna Lewandowska') } },
  play: async ({ canvasElement }) => {
    const combobox = comboboxOf(canvasElement);
    await expect(combobox.closest('[dir]')).toHaveAttribute('dir', 'rtl');
    await userEvent.clear(combobox);
    await userEvent.type(combobox, 'ka');
    const option = await screenOf(canvasElement).findByRole('option', { name: /Katarzyna Lewandowska/ });
    // aria-selected follows the active row (the combobox pattern); the current value is marked with a check.
    await expect(option).toHaveAttribute('data-selected');
    await userEvent.keyboard('{ArrowDown}');
    await expect(combobox).toHaveAttribute('aria-activedescendant');
  },
};

/** Bound to react-hook-form with a zod schema: the schema's error is translated and shown. */
export const InsideReactHookForm: Story = {
  render: () => <ContactForm label={LABEL} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    const combobox = comboboxOf(canvasElement, /Primary account contact/);
    await waitFor(() => expect(combobox).toHaveAccessibleDescription('Select a user.'));
    await expect(combobox).toHaveAttribute('aria-invalid', 'true');
    await expect(combobox).toHaveFocus();
  },
};
