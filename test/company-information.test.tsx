import { screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  BillingContactsList,
  CompanyInformation,
  PrimaryContactSection,
  RoleContactsTable,
} from '../src/components/company-information';
import { renderWithProvider } from './support';

function section(name: string) {
  return screen.getByRole('region', { name });
}

async function pick(user: UserEvent, combobox: HTMLElement, query: string, option: RegExp | string) {
  await user.clear(combobox);
  await user.type(combobox, query);
  await user.click(await screen.findByRole('option', { name: option }));
}

async function loaded() {
  await waitFor(() => expect(screen.queryAllByRole('combobox').length).toBeGreaterThan(0));
}

describe('primary account contact', () => {
  it('sets a new primary contact, saves it and confirms', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    const save = screen.getByRole('button', { name: 'Save' });
    expect(save).toHaveAttribute('aria-disabled', 'true');

    await pick(user, combobox, 'aino', /Aino Mäkelä/);
    expect(save).not.toHaveAttribute('aria-disabled');
    await user.click(save);
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Aino Mäkelä');
    expect(screen.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
  });

  it('cancels back to the saved contact', async () => {
    renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(user, combobox, 'matteo', /Matteo Rossi/);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(combobox).toHaveValue('Anna Schmidt');
  });

  it('keeps the edit when saving fails, and the retry succeeds', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    adapter.control.failNext(1, 'network', ['updateContacts']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(combobox).toHaveValue('Giulia Bianchi');
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Anna Schmidt');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Giulia Bianchi');
  });

  it('reports a concurrent change and reloads theirs on request', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' }, 'Matteo Rossi');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('These contacts were changed by someone else');
    expect(alert).toHaveTextContent('Matteo Rossi saved a change while you were editing.');
    expect(combobox).toHaveValue('Giulia Bianchi');

    await user.click(within(alert).getByRole('button', { name: 'Discard mine and load theirs' }));
    expect(combobox).toHaveValue('Mikko Virtanen');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Mikko Virtanen');
  });

  it('reports a concurrent change and saves mine on top on request', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Save mine on top' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    const stored = await adapter.getContacts();
    expect(stored.primaryContact?.displayName).toBe('Giulia Bianchi');
    expect(stored.version).toBe(3);
  });

  it('flags a current contact who has been deactivated', async () => {
    const adapter = (await import('../src/adapter/memory')).createMemoryAdapter();
    adapter.control.setUserStatus('u001', 'deactivated');
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() =>
      expect(combobox).toHaveAccessibleDescription(
        'Anna Schmidt is deactivated and no longer receives messages. Choose another user.',
      ),
    );
  });

  it('shows values read-only to a viewer without permission, naming who can change them', async () => {
    renderWithProvider(<PrimaryContactSection />, {
      adapterOptions: { viewer: { userId: 'u005', permissions: { manageContacts: false } } },
    });
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    expect(combobox).toHaveAttribute('readonly');
    expect(await screen.findByText(/Only an administrator can change this/)).toHaveTextContent(
      'Only an administrator can change this. Ask Anna Schmidt and Jürgen Groß.',
    );
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('turns read-only when the adapter says the viewer may not save', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    adapter.control.failNext(1, 'forbidden', ['updateContacts']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Only an administrator can change this/)).toBeInTheDocument();
    expect(combobox).toHaveAttribute('readonly');
  });

  it('offers a retry when the contacts cannot be loaded', async () => {
    const adapter = (await import('../src/adapter/memory')).createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['getContacts']);
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load this.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Primary account contact' })).toHaveValue('Anna Schmidt'),
    );
  });
});

describe('billing contacts', () => {
  it('adds up to three, refuses a fourth, prevents duplicates and saves', async () => {
    const { adapter } = renderWithProvider(<BillingContactsList />);
    const user = userEvent.setup();
    await loaded();
    expect(screen.getByText('2 of 3 billing contacts')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Add another' }));
    const third = screen.getByRole('combobox', { name: 'Billing contact 3' });
    expect(third).toHaveFocus();

    // Jürgen Groß is already billing contact 1: not offered again, and the picker says so.
    await user.type(third, 'jürgen');
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((node) => node.textContent === '\u2068Jürgen Groß\u2069 is already a billing contact.'),
      ).toBe(true),
    );
    expect(screen.queryByRole('option', { name: /Jürgen Groß/ })).not.toBeInTheDocument();
    await pick(user, third, 'sanna', /Sanna Lehtonen/);

    const add = screen.getByRole('button', { name: 'Add another' });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(add).toHaveAccessibleDescription('You’ve reached the maximum of three billing contacts.');
    await user.click(add);
    expect(screen.queryByRole('combobox', { name: 'Billing contact 4' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect((await adapter.getContacts()).billingContacts.map((u) => u.displayName)).toEqual([
      'Jürgen Groß',
      'Zofia Wójcik',
      'Sanna Lehtonen',
    ]);
  });

  it('removes a contact', async () => {
    const { adapter } = renderWithProvider(<BillingContactsList />);
    const user = userEvent.setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Remove billing contact 1' }));
    expect(screen.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Zofia Wójcik');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect((await adapter.getContacts()).billingContacts.map((u) => u.displayName)).toEqual(['Zofia Wójcik']);
  });

  it('will not save an empty row and says why', async () => {
    renderWithProvider(<BillingContactsList />);
    const user = userEvent.setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add another' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('combobox', { name: 'Billing contact 3' })).toHaveAccessibleDescription(
      'Select a user.',
    );
  });

  it('maps a server-side refusal onto the row that caused it', async () => {
    const { adapter } = renderWithProvider(<BillingContactsList />);
    const user = userEvent.setup();
    await loaded();
    await user.click(screen.getByRole('button', { name: 'Add another' }));
    await pick(user, screen.getByRole('combobox', { name: 'Billing contact 3' }), 'sanna', /Sanna Lehtonen/);
    // Sanna is deactivated by someone else after being picked.
    adapter.control.setUserStatus('u024', 'deactivated');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Billing contact 3' })).toHaveAccessibleDescription(
        'This user is deactivated. Choose an active user.',
      ),
    );
  });
});

describe('other contacts', () => {
  it('assigns every role, takes an external security contact, clears a role and saves', async () => {
    const { adapter } = renderWithProvider(<RoleContactsTable />);
    const user = userEvent.setup();
    await loaded();
    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual([
      'Decision makerSigns off on purchases and contract changes.',
      'Onboarding contactCoordinates setup and training when the account starts or grows.',
      'Security contactReceives security notices and incident reports.',
      'Technical administratorManages integrations, domains and technical settings.',
    ]);
    await pick(user, screen.getByRole('combobox', { name: 'Onboarding contact' }), 'chiara', /Chiara Ricci/);
    await pick(
      user,
      screen.getByRole('combobox', { name: 'Technical administrator' }),
      'eero',
      /Eero Heikkinen/,
    );
    await pick(
      user,
      screen.getByRole('combobox', { name: 'Security contact' }),
      'soc@partner.example',
      'Use soc@partner.example',
    );
    await user.click(screen.getByRole('button', { name: 'Clear selection: Decision maker' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    const stored = await adapter.getContacts();
    expect(stored.roleContacts.decisionMaker).toBeUndefined();
    expect(stored.roleContacts.onboarding).toMatchObject({
      kind: 'user',
      user: { displayName: 'Chiara Ricci' },
    });
    expect(stored.roleContacts.technicalAdmin).toMatchObject({
      kind: 'user',
      user: { displayName: 'Eero Heikkinen' },
    });
    expect(stored.roleContacts.security).toEqual({ kind: 'email', email: 'soc@partner.example' });
  });

  it('explains an invalid external email and offers no option for it', async () => {
    renderWithProvider(<RoleContactsTable />);
    const user = userEvent.setup();
    await loaded();
    const security = screen.getByRole('combobox', { name: 'Security contact' });
    await user.clear(security);
    await user.type(security, 'soc@partner');
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((node) => node.textContent === 'Enter an email address in the format name@example.com.'),
      ).toBe(true),
    );
    expect(screen.queryByRole('option', { name: /Use soc@partner/ })).not.toBeInTheDocument();
  });

  it('offers no external email on roles that need a user', async () => {
    renderWithProvider(<RoleContactsTable />);
    const user = userEvent.setup();
    await loaded();
    await user.type(screen.getByRole('combobox', { name: 'Onboarding contact' }), 'boss@example.com');
    await waitFor(() =>
      expect(
        screen
          .getAllByRole('status')
          .some((node) => /This role needs a user of this account/.test(node.textContent)),
      ).toBe(true),
    );
    expect(screen.queryByRole('option', { name: /Use boss@example.com/ })).not.toBeInTheDocument();
  });

  it('shows host-defined roles', async () => {
    renderWithProvider(<RoleContactsTable />, {
      adapterOptions: {
        extraRoles: [
          {
            id: 'privacy',
            label: 'Data protection officer',
            description: 'Handles GDPR requests.',
            acceptsExternalEmail: true,
          },
        ],
      },
    });
    await loaded();
    expect(screen.getByRole('rowheader', { name: /Data protection officer/ })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Data protection officer' })).toBeInTheDocument();
  });
});

describe('CompanyInformation', () => {
  it('composes the three sections, reports unsaved edits and warns before unload', async () => {
    const onDirtyChange = vi.fn();
    renderWithProvider(<CompanyInformation onDirtyChange={onDirtyChange} />);
    const user = userEvent.setup();
    expect(screen.getByRole('heading', { level: 2, name: 'Company information' })).toBeInTheDocument();
    await loaded();
    expect(section('Primary account contact')).toBeInTheDocument();
    expect(section('Billing contacts')).toBeInTheDocument();
    expect(section('Other contacts')).toBeInTheDocument();
    // The saved contact fills the field a moment after the field appears (later under React 18).
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Primary account contact' })).toHaveValue('Anna Schmidt'),
    );

    await pick(
      user,
      screen.getByRole('combobox', { name: 'Primary account contact' }),
      'aino',
      /Aino Mäkelä/,
    );
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(true));
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);

    await user.click(within(section('Primary account contact')).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(false));
    const after = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(after);
    expect(after.defaultPrevented).toBe(false);
  });

  it('saves one section without disturbing unsaved edits in another', async () => {
    const { adapter } = renderWithProvider(<CompanyInformation />);
    const user = userEvent.setup();
    await loaded();
    await pick(user, screen.getByRole('combobox', { name: 'Onboarding contact' }), 'chiara', /Chiara Ricci/);
    await pick(
      user,
      screen.getByRole('combobox', { name: 'Primary account contact' }),
      'aino',
      /Aino Mäkelä/,
    );
    await user.click(within(section('Primary account contact')).getByRole('button', { name: 'Save' }));
    expect(await within(section('Primary account contact')).findByText('Changes saved.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Onboarding contact' })).toHaveValue('Chiara Ricci');
    // Our own save is not someone else's change: the second section saves without a conflict.
    await user.click(within(section('Other contacts')).getByRole('button', { name: 'Save' }));
    expect(await within(section('Other contacts')).findByText('Changes saved.')).toBeInTheDocument();
    const stored = await adapter.getContacts();
    expect(stored.primaryContact?.displayName).toBe('Aino Mäkelä');
    expect(stored.roleContacts.onboarding).toMatchObject({ user: { displayName: 'Chiara Ricci' } });
  });

  it('speaks German with the help centre’s terms', async () => {
    renderWithProvider(<CompanyInformation />, { provider: { locale: 'de' } });
    await loaded();
    expect(screen.getByRole('region', { name: 'Primärer Account-Kontakt' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Abrechnungskontakte' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Weiteren hinzufügen' })).toBeInTheDocument();
  });
});

describe('embedding', () => {
  const host = {
    id: 'contacts-root',
    className: 'host-card',
    style: { maxWidth: '640px' },
    'data-analytics': 'contacts',
    'aria-describedby': 'host-help',
  };

  function expectHostProps(root: HTMLElement | null, ownClass: string) {
    expect(root).toHaveAttribute('id', 'contacts-root');
    expect(root).toHaveClass(ownClass, 'host-card');
    expect(root).toHaveStyle({ maxWidth: '640px' });
    expect(root).toHaveAttribute('data-analytics', 'contacts');
    expect(root).toHaveAttribute('aria-describedby', 'host-help');
  }

  it.each([
    ['PrimaryContactSection', PrimaryContactSection, 'Primary account contact', 'abk-primary-contact'],
    ['BillingContactsList', BillingContactsList, 'Billing contacts', 'abk-billing-contacts'],
    ['RoleContactsTable', RoleContactsTable, 'Other contacts', 'abk-role-contacts'],
  ] as const)(
    '%s forwards its ref and the host’s attributes to its region',
    async (_, Section, name, ownClass) => {
      const ref = createRef<HTMLElement>();
      renderWithProvider(<Section ref={ref} {...host} />);
      await loaded();
      const region = section(name);
      expect(ref.current).toBe(region);
      expectHostProps(region, ownClass);
      // The host's attributes sit beside the section's own state, not instead of it.
      expect(region).toHaveAttribute('data-status', 'editing');
    },
  );

  it('CompanyInformation forwards its ref and the host’s attributes to its root', async () => {
    const ref = createRef<HTMLDivElement>();
    renderWithProvider(<CompanyInformation ref={ref} {...host} />);
    await loaded();
    expect(ref.current).toContainElement(
      screen.getByRole('heading', { level: 2, name: 'Company information' }),
    );
    expectHostProps(ref.current, 'abk-company-information');
    expect(ref.current).not.toHaveAttribute('data-dirty');
  });
});
