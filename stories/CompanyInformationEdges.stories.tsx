import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { CompanyInformation } from '../src/components/company-information';
import { adapterOf, adapterParameters, pick, screenOf } from './support';

/** The states of the screen at its edges: saving, conflicts, permissions, people's status. */
const meta = {
  title: 'Screens/Company information/Edges',
  component: CompanyInformation,
  parameters: { adapter: adapterParameters({ latency: 0 }) },
} satisfies Meta<typeof CompanyInformation>;

export default meta;
type Story = StoryObj<typeof meta>;

function sectionOf(canvasElement: HTMLElement, name: string) {
  return within(within(canvasElement).getByRole('region', { name }));
}

async function seedLoaded(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getAllByRole('combobox')[0]).toHaveValue('Anna Schmidt'));
}

/** The texts of the live regions on the page (the picker's list is portalled outside the canvas). */
function statusTexts(canvasElement: HTMLElement) {
  return screenOf(canvasElement)
    .getAllByRole('status')
    .map((node) => node.textContent);
}

/** The primary contact can be replaced, never removed: a cleared field is refused with a reason. */
export const PrimaryContactRequired: Story = {
  play: async ({ canvasElement, loaded }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    await userEvent.click(primary.getByRole('button', { name: 'Clear selection: Primary account contact' }));
    await userEvent.click(primary.getByRole('button', { name: 'Save' }));
    const combobox = primary.getByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() =>
      expect(combobox).toHaveAccessibleDescription('The account needs a primary contact. Choose a user.'),
    );
    await expect(adapterOf(loaded).control.calls().updateContacts).toBeUndefined();
  },
};

/** An email address typed where only users may be chosen: the picker says the role needs a user. */
export const RoleNeedsUser: Story = {
  play: async ({ canvasElement }) => {
    await seedLoaded(canvasElement);
    const onboarding = within(canvasElement).getByRole('combobox', { name: 'Onboarding contact' });
    await userEvent.type(onboarding, 'boss@example.com');
    await waitFor(() =>
      expect(statusTexts(canvasElement)).toContain(
        'No user has the address \u2068boss@example.com\u2069. This role needs a user of this account.',
      ),
    );
  },
};

/** Whoever saved last is named in each section, with the date. */
export const LastChanged: Story = {
  parameters: {
    adapter: adapterParameters({
      latency: 0,
      now: () => new Date('2026-03-14T10:00:00Z'),
      setup: (adapter) =>
        adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' }, 'Matteo Rossi'),
    }),
  },
  play: async ({ canvasElement }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await waitFor(() =>
      expect(primary.getByRole('combobox', { name: 'Primary account contact' })).toHaveValue(
        'Mikko Virtanen',
      ),
    );
    await expect(primary.getByText(/^Last changed/)).toHaveTextContent(
      'Last changed by Matteo Rossi on March 14, 2026.',
    );
    await expect(sectionOf(canvasElement, 'Billing contacts').getByText(/^Last changed/)).toHaveTextContent(
      'Last changed on March 14, 2026.',
    );
  },
};

/** Edits in two sections: one notice for the page, with “Save all” and “Discard all”. */
export const UnsavedInSeveralSections: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await seedLoaded(canvasElement);
    await pick(
      canvasElement,
      canvas.getByRole('combobox', { name: 'Primary account contact' }),
      'aino',
      /Aino Mäkelä/,
    );
    await pick(
      canvasElement,
      canvas.getByRole('combobox', { name: 'Onboarding contact' }),
      'chiara',
      /Chiara Ricci/,
    );
    await expect(await canvas.findByText('You have unsaved changes in 2 sections.')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Save all' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Discard all' })).toBeVisible();
  },
};

/** “Save all” saves the sections one after another: no conflict with oneself. */
export const SaveAll: Story = {
  play: async (context) => {
    await UnsavedInSeveralSections.play?.(context);
    const { canvasElement, loaded } = context;
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Save all' }));
    await waitFor(() => expect(canvas.queryByText(/unsaved changes in/)).not.toBeInTheDocument());
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
    const stored = await adapterOf(loaded).getContacts();
    await expect(stored.primaryContact?.displayName).toBe('Aino Mäkelä');
    await expect(stored.roleContacts.onboarding).toMatchObject({ user: { displayName: 'Chiara Ricci' } });
  },
};

/** An invited user can be chosen; the field says they receive messages once they accept. */
export const InvitedContact: Story = {
  play: async ({ canvasElement }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    const combobox = primary.getByRole('combobox', { name: 'Primary account contact' });
    await pick(canvasElement, combobox, 'chloe', /Chloe Adams/);
    await expect(combobox).toHaveAccessibleDescription(
      'Chloe Adams is invited and receives messages once they accept the invitation.',
    );
    await expect(primary.getByText('Invited')).toBeVisible();
  },
};

/** A deactivated contact stays flagged; “Choose a replacement” opens the list in one click. */
export const DeactivatedReplace: Story = {
  parameters: {
    adapter: adapterParameters({
      latency: 0,
      setup: (adapter) => adapter.control.setUserStatus('u001', 'deactivated'),
    }),
  },
  play: async ({ canvasElement }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    const combobox = primary.getByRole('combobox', { name: 'Primary account contact' });
    await userEvent.click(primary.getByRole('button', { name: 'Choose a replacement' }));
    await expect(combobox).toHaveFocus();
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await userEvent.click(await screenOf(canvasElement).findByRole('option', { name: /Aino Mäkelä/ }));
    await expect(combobox).toHaveValue('Aino Mäkelä');
  },
};

/** A save whose answer was lost: the server holds the change, so the screen says it is saved. */
export const LostAnswer: Story = {
  parameters: {
    adapter: adapterParameters({
      latency: 0,
      setup: (adapter) => adapter.control.failNextAfterApplying(1, 'network', ['updateContacts']),
    }),
  },
  play: async ({ canvasElement }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    await pick(
      canvasElement,
      primary.getByRole('combobox', { name: 'Primary account contact' }),
      'giulia',
      /Giulia Bianchi/,
    );
    await userEvent.click(primary.getByRole('button', { name: 'Save' }));
    await expect(await primary.findByText('Changes saved.')).toBeInTheDocument();
    await expect(primary.queryByRole('alert')).not.toBeInTheDocument();
  },
};

/** A name holding a right-to-left override cannot reverse the conflict notice around it. */
export const ConflictWithIsolatedName: Story = {
  play: async ({ canvasElement, loaded }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    await pick(
      canvasElement,
      primary.getByRole('combobox', { name: 'Primary account contact' }),
      'giulia',
      /Giulia Bianchi/,
    );
    adapterOf(loaded).control.simulateConcurrentChange(
      { primaryContactId: 'u009' },
      'Mallory \u202Eylno sknaht',
    );
    await userEvent.click(primary.getByRole('button', { name: 'Save' }));
    const alert = await primary.findByRole('alert');
    await expect(within(alert).getByText('Mallory \u202Eylno sknaht').tagName).toBe('BDI');
  },
};

/** Permissions not known yet (the account is on its way): nothing can be changed. */
export const PermissionsPending: Story = {
  parameters: {
    adapter: adapterParameters({
      latency: 0,
      setup: (adapter) => {
        adapter.getAccount = () => new Promise(() => undefined);
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getAllByRole('region')[0]).toHaveAttribute('aria-busy', 'true'));
    await expect(canvas.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('combobox')).not.toBeInTheDocument();
  },
};

/** At phone width in Finnish the security contact's address stays readable beside its badge. */
export const FinnishPhone: Story = {
  parameters: { locale: 'fi' },
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    const security = await within(canvasElement).findByRole('combobox', {
      name: 'Turvallisuusyhteyshenkilö',
    });
    await waitFor(() => expect(security).toHaveValue('security@nordlicht.example'));
    // The badge sits under the value, not beside it: the input keeps most of the field's width.
    const control = security.closest('.abk-contact-picker__control');
    await expect(control?.querySelector('.abk-badge')).toHaveTextContent('Ulkoinen sähköpostiosoite');
    const fieldWidth = control?.getBoundingClientRect().width ?? 0;
    await expect(security.getBoundingClientRect().width).toBeGreaterThan(fieldWidth * 0.5);
    await expect(within(canvasElement).getByText('anna.schmidt@', { exact: false })).toBeVisible();
  },
};
