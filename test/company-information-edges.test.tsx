// The edges of saving contacts: what happens around a save (in flight, twice, answer lost,
// permissions unknown, a required contact removed). Each case is a defect that once let an
// admin's edit vanish or overwrite someone else's change.
import { QueryClient } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, seedUsers, type MemoryAdapter } from '../src/adapter/memory';
import {
  BillingContactsList,
  CompanyInformation,
  PrimaryContactSection,
  RoleContactsTable,
} from '../src/components/company-information';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import { renderWithProvider } from './support';

// Whole user flows (typing, searching, saving twice): give them room on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

async function pick(user: UserEvent, combobox: HTMLElement, query: string, option: RegExp | string) {
  await user.clear(combobox);
  await user.type(combobox, query);
  await user.click(await screen.findByRole('option', { name: option }));
}

async function primaryLoaded(scope: HTMLElement = document.body) {
  const combobox = await within(scope).findByRole('combobox', { name: 'Primary account contact' });
  await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
  return combobox;
}

/** Unicode's first-strong isolate and its closing mark, around user-supplied text in messages. */
const FSI = '\u2068';
const PDI = '\u2069';

/** What the live regions say right now. */
function statusTexts() {
  return screen.getAllByRole('status').map((node) => node.textContent);
}

/** Holds every call to `operation` until `release()`, as a slow network would. */
function hold(adapter: MemoryAdapter, operation: 'updateContacts' | 'getAccount') {
  const original = adapter[operation].bind(adapter) as (...args: unknown[]) => Promise<unknown>;
  let release: () => void = () => undefined;
  let gate = new Promise<void>((resolve) => (release = resolve));
  (adapter as unknown as Record<string, unknown>)[operation] = async (...args: unknown[]) => {
    await gate;
    return original(...args);
  };
  return {
    release: () => {
      release();
      gate = Promise.resolve();
    },
  };
}

/** The next save reaches the server and is applied, but its answer never arrives. */
function loseNextAnswer(adapter: MemoryAdapter) {
  const original = adapter.updateContacts.bind(adapter);
  let armed = true;
  adapter.updateContacts = async (update, options) => {
    const saved = await original(update, options);
    if (!armed) return saved;
    armed = false;
    throw new AdapterError('network', { message: 'connection reset after the request was sent' });
  };
}

describe('defect 1: versions we saved ourselves are kept per account', () => {
  it('does not let a save in one account skip over another admin’s change in a second account', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
    const accountA = createMemoryAdapter();
    const accountB = createMemoryAdapter();
    render(
      <>
        <AccountSettingsProvider adapter={accountA} queryClient={queryClient}>
          <div role="group" aria-label="Account A">
            <PrimaryContactSection />
          </div>
        </AccountSettingsProvider>
        <AccountSettingsProvider adapter={accountB} queryClient={queryClient}>
          <div role="group" aria-label="Account B">
            <PrimaryContactSection />
          </div>
        </AccountSettingsProvider>
      </>,
    );
    const user = userEvent.setup();
    const groupA = screen.getByRole('group', { name: 'Account A' });
    const groupB = screen.getByRole('group', { name: 'Account B' });
    const pickerA = await primaryLoaded(groupA);
    const pickerB = await primaryLoaded(groupB);

    // Account B: this form is based on version 1; another admin then saves version 2.
    await pick(user, pickerB, 'giulia', /Giulia Bianchi/);
    accountB.control.simulateConcurrentChange({ primaryContactId: 'u009' }, 'Matteo Rossi');

    // Account A: our own save takes it from version 1 to 2.
    await pick(user, pickerA, 'aino', /Aino Mäkelä/);
    await user.click(within(groupA).getByRole('button', { name: 'Save' }));
    expect(await within(groupA).findByText('Changes saved.')).toBeInTheDocument();

    await user.click(within(groupB).getByRole('button', { name: 'Save' }));
    expect(await within(groupB).findByRole('alert')).toHaveTextContent(
      'These contacts were changed by someone else',
    );
    expect((await accountB.getContacts()).primaryContact?.displayName).toBe('Mikko Virtanen');
  });
});

describe('defect 2: an edit made while a save is in flight', () => {
  it('is kept, leaves the section unsaved and is never reported as saved', async () => {
    const adapter = createMemoryAdapter();
    const saves = hold(adapter, 'updateContacts');
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const user = userEvent.setup();
    const combobox = await primaryLoaded();

    await pick(user, combobox, 'aino', /Aino Mäkelä/);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeInTheDocument();
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);

    saves.release();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save' })).toBeInTheDocument());
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Aino Mäkelä');
    expect(combobox).toHaveValue('Giulia Bianchi');
    expect(screen.queryByText('Changes saved.')).not.toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Primary account contact' })).toHaveAttribute('data-dirty');

    // The kept edit saves on top of our own save, without a conflict.
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Giulia Bianchi');
  });
});

describe('defect 3: one save at a time', () => {
  it('sends one update for a double click on Save', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await pick(user, combobox, 'aino', /Aino Mäkelä/);
    // Both clicks arrive before the screen has re-rendered, as a fast double click does.
    const save = screen.getByRole('button', { name: 'Save' });
    fireEvent.click(save);
    fireEvent.click(save);
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(adapter.control.calls().updateContacts).toBe(1);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('defect 4: a save whose answer was lost', () => {
  it('is recognised as saved when the server holds what was sent', async () => {
    const adapter = createMemoryAdapter();
    loseNextAnswer(adapter);
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(combobox).toHaveValue('Giulia Bianchi');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Giulia Bianchi');
  });

  it('is not reported as a conflict with oneself when retried', async () => {
    const adapter = createMemoryAdapter();
    loseNextAnswer(adapter);
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    // Reading the server's state after the lost answer fails too: the save stays undecided.
    adapter.control.failNext(1, 'network', ['getContacts']);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(combobox).toHaveValue('Giulia Bianchi');

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    expect(screen.queryByText(/changed by someone else/)).not.toBeInTheDocument();
    expect((await adapter.getContacts()).version).toBe(2);
  });

  it('“Save mine on top” sends only the roles I changed', async () => {
    const { adapter } = renderWithProvider(<RoleContactsTable />);
    const user = userEvent.setup();
    const onboarding = await screen.findByRole('combobox', { name: 'Onboarding contact' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('Aino Mäkelä'),
    );
    await pick(user, onboarding, 'chiara', /Chiara Ricci/);
    // Another admin names a technical administrator, a role this admin did not touch.
    adapter.control.simulateConcurrentChange({
      roleContacts: { technicalAdmin: { kind: 'user', userId: 'u019' } },
    });
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    await user.click(within(alert).getByRole('button', { name: 'Save mine on top' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
    const stored = await adapter.getContacts();
    expect(stored.roleContacts.onboarding).toMatchObject({ user: { displayName: 'Chiara Ricci' } });
    expect(stored.roleContacts.technicalAdmin).toMatchObject({ user: { displayName: 'Eero Heikkinen' } });
    expect(screen.getByRole('combobox', { name: 'Technical administrator' })).toHaveValue('Eero Heikkinen');
  });
});

describe('defect 5: unknown permissions mean read-only', () => {
  it('offers no control while the account is still loading', async () => {
    const adapter = createMemoryAdapter({ viewer: { permissions: { manageContacts: false } } });
    const account = hold(adapter, 'getAccount');
    renderWithProvider(<PrimaryContactSection />, { adapter });
    // The contacts are there before the viewer's permissions are.
    await waitFor(() => expect(adapter.control.calls().getContacts).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (const combobox of screen.queryAllByRole('combobox')) expect(combobox).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Clear selection/ })).not.toBeInTheDocument();

    account.release();
    const combobox = await primaryLoaded();
    expect(combobox).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });

  it('offers no control when the account could not be loaded', async () => {
    const adapter = createMemoryAdapter({ viewer: { permissions: { manageContacts: false } } });
    adapter.control.failNext(1, 'network', ['getAccount']);
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t load this.');
    for (const combobox of screen.queryAllByRole('combobox')) expect(combobox).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    const combobox = await primaryLoaded();
    expect(combobox).toHaveAttribute('readonly');
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
  });
});

describe('defect 6: the primary contact can be changed, never removed', () => {
  it('refuses Escape twice and Enter, saying why next to the field', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await user.click(combobox);
    await user.keyboard('{Escape}{Escape}');
    expect(combobox).toHaveValue('');
    await user.keyboard('{Enter}');
    await waitFor(() =>
      expect(combobox).toHaveAccessibleDescription('The account needs a primary contact. Choose a user.'),
    );
    expect(adapter.control.calls().updateContacts).toBeUndefined();
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Anna Schmidt');
  });

  it('refuses the clear button and Save, saying why next to the field', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />, { provider: { locale: 'de' } });
    const user = userEvent.setup();
    const combobox = await screen.findByRole('combobox', { name: 'Primärer Account-Kontakt' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
    await user.click(screen.getByRole('button', { name: /Auswahl aufheben/ }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    await waitFor(() => expect(combobox).toHaveAttribute('aria-invalid', 'true'));
    expect(combobox.getAttribute('aria-describedby')).toBeTruthy();
    expect(adapter.control.calls().updateContacts).toBeUndefined();
  });
});

describe('defect 7: the notices name the right people, once', () => {
  it('never lists the viewer among the administrators to ask', async () => {
    // Anna Schmidt is an administrator of the account, but her own rights here are limited.
    renderWithProvider(<PrimaryContactSection />, {
      adapterOptions: { viewer: { userId: 'u001', permissions: { manageContacts: false } } },
    });
    await primaryLoaded();
    const notice = await screen.findByText(/Only an administrator can change this/);
    expect(notice.textContent).toMatch(/^Only an administrator can change this\. Ask \W?Jürgen Groß\W?\.$/);
  });

  it('says only an administrator can change it when the viewer is the only one', async () => {
    renderWithProvider(<PrimaryContactSection />, {
      adapterOptions: {
        administratorIds: ['u001'],
        viewer: { userId: 'u001', permissions: { manageContacts: false } },
      },
    });
    await primaryLoaded();
    expect(
      await screen.findByText('Only an administrator of this account can change this.'),
    ).toBeInTheDocument();
  });
});

describe('defect 7: one load failure, one message', () => {
  it('shows a failed load once for the screen, with one retry that brings every section back', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['getContacts']);
    renderWithProvider(<CompanyInformation />, { adapter });
    const user = userEvent.setup();
    const alert = await screen.findByRole('alert');
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(1));
    expect(alert).toHaveTextContent('We couldn’t load this.');
    expect(screen.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await primaryLoaded();
    expect(screen.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Jürgen Groß');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names the administrators once for the screen, never the viewer', async () => {
    renderWithProvider(<CompanyInformation />, {
      adapterOptions: { viewer: { userId: 'u001', permissions: { manageContacts: false } } },
    });
    await primaryLoaded();
    const notices = screen.getAllByText(/Only an administrator can change this/);
    expect(notices).toHaveLength(1);
    expect(notices[0]).not.toHaveTextContent('Anna Schmidt');
  });
});

describe('defect 7: the picker says why nobody is offered', () => {
  it('says that a user is already a billing contact instead of “No users match”', async () => {
    renderWithProvider(<BillingContactsList />);
    const user = userEvent.setup();
    await screen.findByRole('combobox', { name: 'Billing contact 1' });
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Jürgen Groß'),
    );
    await user.click(screen.getByRole('button', { name: 'Add another' }));
    await user.type(screen.getByRole('combobox', { name: 'Billing contact 3' }), 'jürgen');
    await waitFor(() =>
      expect(statusTexts()).toContain(`${FSI}Jürgen Groß${PDI} is already a billing contact.`),
    );
    expect(statusTexts().some((text) => text.includes('No users match'))).toBe(false);
  });

  it('says that a role needs a user when an email address is typed into it', async () => {
    renderWithProvider(<RoleContactsTable />);
    const user = userEvent.setup();
    const onboarding = await screen.findByRole('combobox', { name: 'Onboarding contact' });
    await user.type(onboarding, 'boss@example.com');
    await waitFor(() =>
      expect(statusTexts()).toContain(
        `No user has the address ${FSI}boss@example.com${PDI}. This role needs a user of this account.`,
      ),
    );
  });
});

describe('defect 8: names cannot rewrite sentences', () => {
  const mallory = {
    id: 'u900',
    displayName: 'Mallory \u202Eylno sknaht',
    email: 'mallory@nordlicht.example',
    status: 'active' as const,
  };

  it('isolates the name of whoever saved in the conflict notice', async () => {
    const { adapter } = renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await pick(user, combobox, 'giulia', /Giulia Bianchi/);
    adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' }, mallory.displayName);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(mallory.displayName).tagName).toBe('BDI');
  });

  it('isolates the administrators’ names in the read-only notice', async () => {
    renderWithProvider(<PrimaryContactSection />, {
      adapterOptions: {
        users: [...seedUsers(), mallory],
        administratorIds: ['u002', 'u900'],
        viewer: { userId: 'u005', permissions: { manageContacts: false } },
      },
    });
    await primaryLoaded();
    expect((await screen.findByText(mallory.displayName)).tagName).toBe('BDI');
    expect(screen.getByText('Jürgen Groß').tagName).toBe('BDI');
  });

  it('isolates names and addresses in the options, and the typed text in what is announced', async () => {
    renderWithProvider(<PrimaryContactSection />, { adapterOptions: { users: [...seedUsers(), mallory] } });
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await user.clear(combobox);
    await user.type(combobox, 'mallory@');
    const option = await screen.findByRole('option', { name: /Mallory/ });
    expect(within(option).getByText(mallory.displayName).closest('bdi')).not.toBeNull();
    await user.clear(combobox);
    await user.type(combobox, '\u202Ezz');
    await waitFor(() => expect(statusTexts()).toContain(`No users match “${FSI}\u202Ezz${PDI}”.`));
  });
});

describe('who changed each section last', () => {
  it('says who last changed each section, and when', async () => {
    const adapter = createMemoryAdapter({ now: () => new Date('2026-03-14T10:00:00Z') });
    adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' }, 'Matteo Rossi');
    renderWithProvider(<CompanyInformation />, { adapter });
    const user = userEvent.setup();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Primary account contact' })).toHaveValue('Mikko Virtanen'),
    );
    const primary = screen.getByRole('region', { name: 'Primary account contact' });
    const billing = screen.getByRole('region', { name: 'Billing contacts' });
    expect(within(primary).getByText(/^Last changed/)).toHaveTextContent(
      'Last changed by Matteo Rossi on March 14, 2026.',
    );
    expect(within(billing).getByText(/^Last changed/)).toHaveTextContent('Last changed on March 14, 2026.');

    await user.click(within(billing).getByRole('button', { name: 'Remove billing contact 2' }));
    await user.click(within(billing).getByRole('button', { name: 'Save' }));
    await waitFor(() =>
      expect(within(billing).getByText(/^Last changed/)).toHaveTextContent(
        'Last changed by Anna Schmidt on March 14, 2026.',
      ),
    );
    expect(within(primary).getByText(/^Last changed/)).toHaveTextContent(
      'Last changed by Matteo Rossi on March 14, 2026.',
    );
  });
});

describe('unsaved changes in more than one section', () => {
  async function editTwoSections(user: UserEvent) {
    await pick(user, await primaryLoaded(), 'aino', /Aino Mäkelä/);
    await pick(user, screen.getByRole('combobox', { name: 'Onboarding contact' }), 'chiara', /Chiara Ricci/);
    return screen.findByText('You have unsaved changes in 2 sections.');
  }

  it('offers to save them all, one after another, without a conflict with oneself', async () => {
    const onDirtyChange = vi.fn();
    const { adapter } = renderWithProvider(<CompanyInformation onDirtyChange={onDirtyChange} />);
    const user = userEvent.setup();
    // One edited section is saved on its own: no page-level notice.
    await pick(user, await primaryLoaded(), 'aino', /Aino Mäkelä/);
    expect(screen.queryByText(/unsaved changes in/)).not.toBeInTheDocument();
    await pick(user, screen.getByRole('combobox', { name: 'Onboarding contact' }), 'chiara', /Chiara Ricci/);
    await screen.findByText('You have unsaved changes in 2 sections.');
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(true));

    await user.click(screen.getByRole('button', { name: 'Save all' }));
    await waitFor(() => expect(screen.queryByText(/unsaved changes in/)).not.toBeInTheDocument());
    await waitFor(() => expect(onDirtyChange).toHaveBeenLastCalledWith(false));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const stored = await adapter.getContacts();
    expect(stored.primaryContact?.displayName).toBe('Aino Mäkelä');
    expect(stored.roleContacts.onboarding).toMatchObject({ user: { displayName: 'Chiara Ricci' } });
  });

  it('offers to discard them all', async () => {
    const { adapter } = renderWithProvider(<CompanyInformation />);
    const user = userEvent.setup();
    await editTwoSections(user);
    await user.click(screen.getByRole('button', { name: 'Discard all' }));
    expect(screen.getByRole('combobox', { name: 'Primary account contact' })).toHaveValue('Anna Schmidt');
    expect(screen.getByRole('combobox', { name: 'Onboarding contact' })).toHaveValue('');
    expect(screen.queryByText(/unsaved changes in/)).not.toBeInTheDocument();
    expect(adapter.control.calls().updateContacts).toBeUndefined();
  });
});

describe('invited and deactivated contacts', () => {
  it('lets an invited user be chosen, saying they receive messages once they accept', async () => {
    renderWithProvider(<PrimaryContactSection />);
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    await user.clear(combobox);
    await user.type(combobox, 'chloe');
    const option = await screen.findByRole('option', { name: /Chloe Adams/ });
    expect(option).not.toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveAccessibleName(/Receives messages once they accept the invitation\./);
    await user.click(option);
    expect(combobox).toHaveValue('Chloe Adams');
    expect(combobox).toHaveAccessibleDescription(
      'Chloe Adams is invited and receives messages once they accept the invitation.',
    );
    expect(screen.getByRole('button', { name: 'Save' })).not.toHaveAttribute('aria-disabled');
  });

  it('keeps a deactivated contact flagged and replaces them in one click', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.setUserStatus('u001', 'deactivated');
    renderWithProvider(<PrimaryContactSection />, { adapter });
    const user = userEvent.setup();
    const combobox = await primaryLoaded();
    expect(combobox).toHaveAccessibleDescription(
      'Anna Schmidt is deactivated and no longer receives messages. Choose another user.',
    );
    await user.click(screen.getByRole('button', { name: 'Choose a replacement' }));
    expect(combobox).toHaveFocus();
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await user.click(await screen.findByRole('option', { name: /Aino Mäkelä/ }));
    expect(combobox).toHaveValue('Aino Mäkelä');
    expect(screen.queryByRole('button', { name: 'Choose a replacement' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Changes saved.')).toBeInTheDocument();
  });
});
