import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  BillingContactsList,
  PrimaryContactSection,
  RoleContactsTable,
  usePrimaryContact,
} from '../src/components/company-information';
import { ContactPicker } from '../src/components/contact-picker';
import guide from './guides/contact-sections.md?raw';
import { adapterOf, adapterParameters, componentDocsPage, pick, screenOf } from './support';

/** Waits until the section has loaded (its first picker is on screen). */
async function firstCombobox(canvasElement: HTMLElement): Promise<HTMLElement> {
  const [first] = await within(canvasElement).findAllByRole('combobox');
  if (!first) throw new Error('The section rendered no picker');
  return first;
}

async function expectSaved(canvasElement: HTMLElement) {
  await expect(await within(canvasElement).findByText('Changes saved.')).toBeInTheDocument();
}

const NOBODY = {
  primaryContactId: null,
  billingContactIds: [],
  roleContacts: { decisionMaker: null, security: null },
};
// Matteo Rossi may look but not change; the administrators he is told to ask are others.
const READ_ONLY = { viewer: { userId: 'u005', permissions: { manageContacts: false } } };
const ROLE_NAMES = ['Decision maker', 'Onboarding contact', 'Security contact', 'Technical administrator'];

const meta = {
  title: 'Components/Contact sections',
  component: PrimaryContactSection,
  subcomponents: { BillingContactsList, RoleContactsTable },
  tags: ['autodocs'],
  args: { headingLevel: 2 },
  parameters: {
    adapter: adapterParameters({ latency: 0 }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof PrimaryContactSection>;

export default meta;
type Story = StoryObj<typeof meta>;

const billing: Pick<Story, 'render'> = { render: (args) => <BillingContactsList {...args} /> };
const roles: Pick<Story, 'render'> = { render: (args) => <RoleContactsTable {...args} /> };

// Primary account contact ----------------------------------------------------------------------

/** Choose a new primary contact and save: the result is announced and Save rests again. */
export const PrimaryContact: Story = {
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const combobox = await firstCombobox(canvasElement);
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    const save = canvas.getByRole('button', { name: 'Save' });
    await expect(save).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeDisabled();

    await pick(canvasElement, combobox, 'aino', /Aino Mäkelä/);
    await expect(save).not.toHaveAttribute('aria-disabled');
    await userEvent.click(save);
    await expectSaved(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    await expect((await adapterOf(loaded).getContacts()).primaryContact?.displayName).toBe('Aino Mäkelä');
  },
};

/** Cancel puts the saved contact back. */
export const PrimaryContactCancel: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const combobox = await firstCombobox(canvasElement);
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(canvasElement, combobox, 'matteo', /Matteo Rossi/);
    await expect(combobox).toHaveValue('Matteo Rossi');
    await userEvent.click(canvas.getByRole('button', { name: 'Cancel' }));
    await expect(combobox).toHaveValue('Anna Schmidt');
    await expect(canvas.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  },
};

/** The list open on the primary contact: invited and deactivated users are marked, deactivated ones can't be chosen. */
export const PrimaryContactOpenList: Story = {
  decorators: [
    (Story) => (
      <div style={{ minBlockSize: 560 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const combobox = await firstCombobox(canvasElement);
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await userEvent.clear(combobox);
    await userEvent.type(combobox, 'lu');
    const page = screenOf(canvasElement);
    const deactivated = await page.findByRole('option', { name: /Lukas Weiß/ });
    await expect(deactivated).toHaveAttribute('aria-disabled', 'true');
    // Named with its status, whichever way the picker composes the name.
    await expect(deactivated).toHaveAccessibleName(/Lukas Weiß.*Deactivated/);
    await expect(combobox).toHaveAttribute('aria-expanded', 'true');
  },
};

/** No primary contact yet: the picker invites a choice. */
export const PrimaryContactEmpty: Story = {
  parameters: { adapter: adapterParameters({ contacts: NOBODY }) },
  play: async ({ canvasElement }) => {
    const combobox = await firstCombobox(canvasElement);
    await expect(combobox).toHaveValue('');
    await expect(combobox).toHaveAttribute('placeholder', 'Select a user');
  },
};

/** Read-only, and nobody set: the empty field says so rather than inviting a choice. */
export const PrimaryContactReadOnlyEmpty: Story = {
  parameters: { adapter: adapterParameters({ ...READ_ONLY, contacts: NOBODY }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const combobox = await firstCombobox(canvasElement);
    await expect(combobox).toHaveAttribute('readonly');
    await expect(combobox).toHaveAttribute('placeholder', 'No primary account contact is set.');
    const notice = await canvas.findByText(/Only an administrator can change this/);
    await expect(notice).toHaveTextContent(
      'Only an administrator can change this. Ask Anna Schmidt and Jürgen Groß.',
    );
    await expect(notice).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  },
};

/** The current primary contact was deactivated: warned about, and replaced. */
export const PrimaryContactDeactivated: Story = {
  parameters: {
    adapter: adapterParameters({ setup: (adapter) => adapter.control.setUserStatus('u001', 'deactivated') }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const combobox = await firstCombobox(canvasElement);
    const warning = 'Anna Schmidt is deactivated and no longer receives messages. Choose another user.';
    await waitFor(() => expect(combobox).toHaveAccessibleDescription(warning));
    await expect(canvas.getByText('Deactivated')).toBeVisible();

    await pick(canvasElement, combobox, 'aino', /Aino Mäkelä/);
    await expect(canvas.queryByText(warning)).not.toBeInTheDocument();
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectSaved(canvasElement);
  },
};

/** The server refuses the save for lack of permission: the section turns read-only and explains. */
export const PrimaryContactForbidden: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter) => adapter.control.failNext(1, 'forbidden', ['updateContacts']),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const combobox = await firstCombobox(canvasElement);
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(canvasElement, combobox, 'giulia', /Giulia Bianchi/);
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(await canvas.findByText(/Only an administrator can change this/)).toBeVisible();
    await expect(combobox).toHaveAttribute('readonly');
    await expect(canvas.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  },
};

/** One section loading on its own. */
export const PrimaryContactLoading: Story = {
  parameters: { adapter: adapterParameters({ latency: 86_400_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading…');
    await expect(canvas.getByRole('region', { name: 'Primary account contact' })).toHaveAttribute(
      'aria-busy',
      'true',
    );
  },
};

/** One section that could not load, with its retry. */
export const PrimaryContactLoadError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter) => adapter.control.failNext(1, 'network', ['getContacts']),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We couldn’t load this.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(canvas.getByRole('combobox')).toHaveValue('Anna Schmidt'));
    await expect(canvas.queryByRole('alert')).not.toBeInTheDocument();
  },
};

// Billing contacts -----------------------------------------------------------------------------

/** The seed account's two billing contacts. */
export const BillingContacts: Story = {
  ...billing,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Jürgen Groß'),
    );
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 2' })).toHaveValue('Zofia Wójcik');
    await expect(canvas.getByText('2 of 3 billing contacts')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Remove billing contact 1' })).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Add another' })).not.toHaveAttribute('aria-disabled');
  },
};

/** Add a row (focus lands in it), remove another, save. */
export const BillingContactsAddAndRemove: Story = {
  ...billing,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add another' }));
    const third = canvas.getByRole('combobox', { name: 'Billing contact 3' });
    await expect(third).toHaveFocus();
    await pick(canvasElement, third, 'sanna', /Sanna Lehtonen/);
    await userEvent.click(canvas.getByRole('button', { name: 'Remove billing contact 1' }));
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Zofia Wójcik');
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 2' })).toHaveValue('Sanna Lehtonen');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectSaved(canvasElement);
    await expect(
      (await adapterOf(loaded).getContacts()).billingContacts.map((user) => user.displayName),
    ).toEqual(['Zofia Wójcik', 'Sanna Lehtonen']);
  },
};

/** At three contacts “Add another” stays focusable, refuses, and says why. */
export const BillingContactsLimit: Story = {
  ...billing,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    const add = canvas.getByRole('button', { name: 'Add another' });
    await userEvent.click(add);
    await pick(
      canvasElement,
      canvas.getByRole('combobox', { name: 'Billing contact 3' }),
      'sanna',
      /Sanna Lehtonen/,
    );
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await expect(add).toHaveAccessibleDescription('You’ve reached the maximum of three billing contacts.');
    await userEvent.click(add);
    await expect(canvas.queryByRole('combobox', { name: 'Billing contact 4' })).not.toBeInTheDocument();
    await expect(canvas.getByText('3 of 3 billing contacts')).toBeInTheDocument();
  },
};

/** Someone who already is a billing contact is not offered again. */
export const BillingContactsNoDuplicates: Story = {
  ...billing,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add another' }));
    const third = canvas.getByRole('combobox', { name: 'Billing contact 3' });
    await userEvent.type(third, 'jürgen');
    await waitFor(() =>
      expect(
        screenOf(canvasElement)
          .getAllByRole('status')
          .some((node) => node.textContent === '\u2068Jürgen Groß\u2069 is already a billing contact.'),
      ).toBe(true),
    );
    await expect(
      screenOf(canvasElement).queryByRole('option', { name: /Jürgen Groß/ }),
    ).not.toBeInTheDocument();
    await pick(canvasElement, third, 'sanna', /Sanna Lehtonen/);
  },
};

/** An empty row is not saved: the row says what is missing. */
export const BillingContactsEmptyRow: Story = {
  ...billing,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add another' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Billing contact 3' })).toHaveAccessibleDescription(
        'Select a user.',
      ),
    );
  },
};

/** The server refuses a contact deactivated meanwhile: the refusal lands on that row. */
export const BillingContactsServerRefusal: Story = {
  ...billing,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Add another' }));
    await pick(
      canvasElement,
      canvas.getByRole('combobox', { name: 'Billing contact 3' }),
      'sanna',
      /Sanna Lehtonen/,
    );
    adapterOf(loaded).control.setUserStatus('u024', 'deactivated');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Billing contact 3' })).toHaveAccessibleDescription(
        'This user is deactivated. Choose an active user.',
      ),
    );
  },
};

/** No billing contacts yet. */
export const BillingContactsEmpty: Story = {
  ...billing,
  parameters: { adapter: adapterParameters({ contacts: NOBODY }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No billing contacts yet.')).toBeVisible();
    await expect(canvas.getByText('0 of 3 billing contacts')).toBeInTheDocument();
    await expect(canvas.getByRole('button', { name: 'Add another' })).not.toHaveAttribute('aria-disabled');
  },
};

/** A viewer sees the billing contacts without the means to change them. */
export const BillingContactsReadOnly: Story = {
  ...billing,
  parameters: { adapter: adapterParameters(READ_ONLY) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const first = await firstCombobox(canvasElement);
    await waitFor(() => expect(first).toHaveValue('Jürgen Groß'));
    await expect(first).toHaveAttribute('readonly');
    await expect(canvas.queryByRole('button', { name: /Remove billing contact/ })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Add another' })).not.toBeInTheDocument();
  },
};

// Other (role) contacts ------------------------------------------------------------------------

/** One row per built-in role, each with what the role is for. */
export const RoleContacts: Story = {
  ...roles,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    const table = canvas.getByRole('table');
    await expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Role', 'Contact']);
    await expect(within(table).getAllByRole('rowheader')).toHaveLength(4);
    for (const name of ROLE_NAMES) await expect(canvas.getByRole('combobox', { name })).toBeInTheDocument();
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('Aino Mäkelä'),
    );
    await expect(canvas.getByRole('combobox', { name: 'Onboarding contact' })).toHaveValue('');
  },
};

/** Assign two roles, clear one, save. */
export const RoleContactsAssignAndClear: Story = {
  ...roles,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('Aino Mäkelä'),
    );
    await pick(
      canvasElement,
      canvas.getByRole('combobox', { name: 'Onboarding contact' }),
      'chiara',
      /Chiara Ricci/,
    );
    await pick(
      canvasElement,
      canvas.getByRole('combobox', { name: 'Technical administrator' }),
      'eero',
      /Eero Heikkinen/,
    );
    await userEvent.click(canvas.getByRole('button', { name: 'Clear selection: Decision maker' }));
    await expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectSaved(canvasElement);
    const stored = await adapterOf(loaded).getContacts();
    await expect(stored.roleContacts.decisionMaker).toBeUndefined();
    await expect(stored.roleContacts.onboarding).toMatchObject({
      kind: 'user',
      user: { displayName: 'Chiara Ricci' },
    });
    await expect(stored.roleContacts.technicalAdmin).toMatchObject({
      kind: 'user',
      user: { displayName: 'Eero Heikkinen' },
    });
  },
};

/** The security contact may be an external address: typed, offered as “Use …”, marked as external. */
export const RoleContactsExternalSecurityContact: Story = {
  ...roles,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    const security = canvas.getByRole('combobox', { name: 'Security contact' });
    await waitFor(() => expect(security).toHaveValue('security@nordlicht.example'));
    await expect(canvas.getByText('External email')).toBeVisible();
    await pick(canvasElement, security, 'soc@partner.example', 'Use soc@partner.example');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expectSaved(canvasElement);
    await expect((await adapterOf(loaded).getContacts()).roleContacts.security).toEqual({
      kind: 'email',
      email: 'soc@partner.example',
    });
  },
};

/** A half-typed address is explained, not offered. */
export const RoleContactsInvalidEmail: Story = {
  ...roles,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    const security = canvas.getByRole('combobox', { name: 'Security contact' });
    await userEvent.clear(security);
    await userEvent.type(security, 'soc@partner');
    await waitFor(() =>
      expect(
        screenOf(canvasElement)
          .getAllByRole('status')
          .some((node) => node.textContent === 'Enter an email address in the format name@example.com.'),
      ).toBe(true),
    );
    await expect(
      screenOf(canvasElement).queryByRole('option', { name: /Use soc@partner/ }),
    ).not.toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
  },
};

/** A role the host defines, after the built-in ones. */
export const RoleContactsHostDefinedRole: Story = {
  ...roles,
  parameters: {
    adapter: adapterParameters({
      extraRoles: [
        {
          id: 'privacy',
          label: 'Data protection officer',
          description: 'Handles GDPR requests.',
          acceptsExternalEmail: true,
        },
      ],
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await expect(canvas.getByRole('rowheader', { name: /Data protection officer/ })).toBeInTheDocument();
    const privacy = canvas.getByRole('combobox', { name: 'Data protection officer' });
    await expect(privacy).toHaveAccessibleDescription(
      'A user, or the email address of someone who isn’t a user.',
    );
    await pick(canvasElement, privacy, 'dpo@lawfirm.example', 'Use dpo@lawfirm.example');
    await expect(privacy).toHaveValue('dpo@lawfirm.example');
  },
};

/** A role holder who was deactivated is flagged in the table. */
export const RoleContactsDeactivated: Story = {
  ...roles,
  parameters: {
    adapter: adapterParameters({ setup: (adapter) => adapter.control.setUserStatus('u004', 'deactivated') }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    await waitFor(() =>
      expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveAccessibleDescription(
        'Aino Mäkelä is deactivated and no longer receives messages. Choose another user.',
      ),
    );
  },
};

/** A viewer sees who holds each role; empty roles read “Not assigned”. */
export const RoleContactsReadOnly: Story = {
  ...roles,
  parameters: { adapter: adapterParameters(READ_ONLY) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    for (const name of ROLE_NAMES)
      await expect(canvas.getByRole('combobox', { name })).toHaveAttribute('readonly');
    await expect(canvas.getByRole('combobox', { name: 'Onboarding contact' })).toHaveAttribute(
      'placeholder',
      'Not assigned',
    );
    await expect(canvas.queryByRole('button', { name: /Clear selection/ })).not.toBeInTheDocument();
  },
};

/** In a narrow column the table stacks: each role's name and purpose above its picker. */
export const RoleContactsNarrow: Story = {
  ...roles,
  decorators: [
    (Story) => (
      <div style={{ inlineSize: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await firstCombobox(canvasElement);
    const table = canvas.getByRole('table');
    const header = table.querySelector('thead');
    await expect(header ? getComputedStyle(header).display : null).toBe('none');
    for (const row of within(table).getAllByRole('row').slice(1))
      await expect(getComputedStyle(row).display).toBe('block');
    await expect(within(table).getAllByRole('rowheader')).toHaveLength(4);
  },
};

// Headless ------------------------------------------------------------------------------------

/** A host's own markup over `usePrimaryContact`: `field(name)` binds the picker to the section. */
function HeadlessPrimaryContact() {
  const primary = usePrimaryContact();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void primary.submit();
      }}
    >
      <ContactPicker {...primary.field('primaryContact')} label="Main contact" />
      <button type="submit" className="abk-button" data-variant="primary" disabled={!primary.canSave}>
        Store
      </button>
      {primary.justSaved && <p role="status">Stored.</p>}
    </form>
  );
}

/** The section's state in a host's own form: pick, store, and the saved contact is the new one. */
export const PrimaryContactHeadless: Story = {
  render: () => <HeadlessPrimaryContact />,
  play: async ({ canvasElement, loaded }) => {
    const canvas = within(canvasElement);
    const combobox = await firstCombobox(canvasElement);
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await expect(canvas.getByRole('button', { name: 'Store' })).toBeDisabled();
    await pick(canvasElement, combobox, 'aino', /Aino Mäkelä/);
    await userEvent.click(canvas.getByRole('button', { name: 'Store' }));
    await expect(await canvas.findByText('Stored.')).toBeInTheDocument();
    await expect((await adapterOf(loaded).getContacts()).primaryContact?.displayName).toBe('Aino Mäkelä');
  },
};
