import '../src/styles.css';
import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { page, userEvent, type Locator } from 'vitest/browser';
import { render } from 'vitest-browser-react';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { CompanyInformation } from '../src/components/company-information';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';

/**
 * Two admins on one account, each in a context of their own (own provider, own QueryClient,
 * own cache), sharing one memory adapter as two browser tabs share one backend.
 */
async function renderTwoAdmins(): Promise<MemoryAdapter> {
  const adapter = createMemoryAdapter({ latency: 0 });
  const context = () => new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
  await render(
    <main>
      {(['Admin A', 'Admin B'] as const).map((name) => (
        <div key={name} role="region" aria-label={name}>
          <AccountSettingsProvider adapter={adapter} queryClient={context()}>
            <CompanyInformation headingLevel={2} warnBeforeUnload={false} />
          </AccountSettingsProvider>
        </div>
      ))}
    </main>,
  );
  for (const admin of [adminA(), adminB()]) {
    await expect
      .element(admin.getByRole('combobox', { name: 'Primary account contact' }))
      .toHaveValue('Anna Schmidt');
  }
  return adapter;
}

const adminA = () => page.getByRole('region', { name: 'Admin A' });
const adminB = () => page.getByRole('region', { name: 'Admin B' });
const sectionOf = (admin: Locator, name: string) => admin.getByRole('region', { name });

async function pick(admin: Locator, field: string, query: string, option: RegExp) {
  const combobox = admin.getByRole('combobox', { name: field });
  await userEvent.click(combobox);
  await userEvent.fill(combobox, query);
  await userEvent.click(page.getByRole('option', { name: option }));
  await expect.element(combobox).toHaveAttribute('aria-expanded', 'false');
}

async function save(section: Locator) {
  await userEvent.click(section.getByRole('button', { name: 'Save' }));
}

describe('two admins edit the same account at once', () => {
  it('“Save mine on top” keeps what the other admin saved in a section this admin did not touch', async () => {
    const adapter = await renderTwoAdmins();
    // Admin A changes the primary contact and saves first.
    await pick(adminA(), 'Primary account contact', 'aino', /Aino Mäkelä/);
    await save(sectionOf(adminA(), 'Primary account contact'));
    await expect
      .element(sectionOf(adminA(), 'Primary account contact').getByText('Changes saved.'))
      .toBeVisible();

    // Admin B, on the version before it, adds a billing contact and a technical administrator.
    const billingB = sectionOf(adminB(), 'Billing contacts');
    await userEvent.click(billingB.getByRole('button', { name: 'Add another' }));
    await pick(adminB(), 'Billing contact 3', 'sanna', /Sanna Lehtonen/);
    await save(billingB);
    const conflict = billingB.getByRole('alert');
    await expect.element(conflict).toMatchTextContent(/These contacts were changed by someone else/);
    await userEvent.click(conflict.getByRole('button', { name: 'Save mine on top' }));
    await expect.element(billingB.getByText('Changes saved.')).toBeVisible();

    const stored = await adapter.getContacts();
    expect(stored.primaryContact?.displayName).toBe('Aino Mäkelä');
    expect(stored.billingContacts.map((user) => user.displayName)).toEqual([
      'Jürgen Groß',
      'Zofia Wójcik',
      'Sanna Lehtonen',
    ]);
    // Admin B's screen shows admin A's primary contact; admin B's own billing edit stands.
    await expect
      .element(adminB().getByRole('combobox', { name: 'Primary account contact' }))
      .toHaveValue('Aino Mäkelä');
  });

  it('“Discard mine and load theirs” keeps the other admin’s sections and drops only this one', async () => {
    const adapter = await renderTwoAdmins();
    // Admin A names an onboarding contact and changes the primary contact.
    await pick(adminA(), 'Onboarding contact', 'chiara', /Chiara Ricci/);
    await save(sectionOf(adminA(), 'Other contacts'));
    await expect.element(sectionOf(adminA(), 'Other contacts').getByText('Changes saved.')).toBeVisible();
    await pick(adminA(), 'Primary account contact', 'aino', /Aino Mäkelä/);
    await save(sectionOf(adminA(), 'Primary account contact'));
    await expect
      .element(sectionOf(adminA(), 'Primary account contact').getByText('Changes saved.'))
      .toBeVisible();

    // Admin B, on the first version, names someone else for onboarding and a technical administrator.
    const rolesB = sectionOf(adminB(), 'Other contacts');
    await pick(adminB(), 'Onboarding contact', 'sanna', /Sanna Lehtonen/);
    await pick(adminB(), 'Technical administrator', 'eero', /Eero Heikkinen/);
    await save(rolesB);
    const conflict = rolesB.getByRole('alert');
    await expect.element(conflict).toMatchTextContent(/These contacts were changed by someone else/);
    await userEvent.click(conflict.getByRole('button', { name: 'Discard mine and load theirs' }));

    await expect
      .element(adminB().getByRole('combobox', { name: 'Onboarding contact' }))
      .toHaveValue('Chiara Ricci');
    await expect.element(adminB().getByRole('combobox', { name: 'Technical administrator' })).toHaveValue('');
    await expect
      .element(adminB().getByRole('combobox', { name: 'Primary account contact' }))
      .toHaveValue('Aino Mäkelä');
    const stored = await adapter.getContacts();
    expect(stored.primaryContact?.displayName).toBe('Aino Mäkelä');
    expect(stored.roleContacts.onboarding).toMatchObject({ user: { displayName: 'Chiara Ricci' } });
    expect(stored.roleContacts.technicalAdmin).toBeUndefined();
    // Nothing is left to save on admin B's screen.
    await expect
      .element(rolesB.getByRole('button', { name: 'Save' }))
      .toHaveAttribute('aria-disabled', 'true');
  });
});
