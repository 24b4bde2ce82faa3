// A host's own markup over the headless section hooks: `field(name)` binds a ContactPicker to a
// section's field (value, changes, the translated error, focus), with no react-hook-form.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useBillingContacts, usePrimaryContact } from '../src/components/company-information';
import { ContactPicker } from '../src/components/contact-picker';
import { renderWithProvider } from './support';

function HostPrimaryContact() {
  const primary = usePrimaryContact();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void primary.submit();
      }}
    >
      <ContactPicker {...primary.field('primaryContact')} label="Main contact" searchDebounceMs={0} />
      <button type="submit">Store</button>
      <p role="status" aria-label="Save state">
        {primary.justSaved ? 'Stored' : primary.isDirty ? 'Unsaved' : ''}
      </p>
    </form>
  );
}

function HostBillingContacts() {
  const billing = useBillingContacts();
  return (
    <div>
      {billing.rows.map((row, index) => (
        <ContactPicker
          key={row.id}
          {...billing.field(`billingContacts.${index}.contact`)}
          label={`Invoice recipient ${index + 1}`}
          searchDebounceMs={0}
        />
      ))}
      <button type="button" onClick={billing.addRow}>
        Add recipient
      </button>
      <button type="button" onClick={() => billing.focusField('billingContacts.0.contact')}>
        Back to the first
      </button>
    </div>
  );
}

describe('field(name) in a host’s own markup', () => {
  it('binds the picker to the section: the saved value, a change, the error next to the field, and a save', async () => {
    const { adapter } = renderWithProvider(<HostPrimaryContact />);
    const user = userEvent.setup();
    const combobox = screen.getByRole('combobox', { name: 'Main contact' });
    await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));

    // Cleared: the section's own rule, translated, describes the host's picker.
    await user.click(combobox);
    await user.keyboard('{Escape}{Escape}');
    await waitFor(() =>
      expect(combobox).toHaveAccessibleDescription('The account needs a primary contact. Choose a user.'),
    );
    expect(combobox).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('status', { name: 'Save state' })).toHaveTextContent('Unsaved');

    await user.type(combobox, 'aino');
    await user.click(await screen.findByRole('option', { name: /Aino Mäkelä/ }));
    expect(combobox).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Store' }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Save state' })).toHaveTextContent('Stored'),
    );
    expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Aino Mäkelä');
  });

  it('focuses a new row’s picker and, through focusField, any other', async () => {
    renderWithProvider(<HostBillingContacts />);
    const user = userEvent.setup();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Invoice recipient 1' })).toHaveValue('Jürgen Groß'),
    );
    await user.click(screen.getByRole('button', { name: 'Add recipient' }));
    expect(screen.getByRole('combobox', { name: 'Invoice recipient 3' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Back to the first' }));
    expect(screen.getByRole('combobox', { name: 'Invoice recipient 1' })).toHaveFocus();
  });
});
