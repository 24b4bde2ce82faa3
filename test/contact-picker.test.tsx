import { zodResolver } from '@hookform/resolvers/zod';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, forwardRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod';
import { ContactPicker, useContactPicker, type ContactPickerValue } from '../src/components/contact-picker';
import { ContactPickerField } from '../src/react-hook-form';
import { assigneeSchema } from '../src/schemas';
import { renderWithProvider } from './support';

// forwardRef: React 18, which the peer range includes, passes no `ref` prop to a function.
const Picker = forwardRef<HTMLDivElement, Partial<React.ComponentProps<typeof ContactPicker>>>(
  function Picker(props, ref) {
    return <ContactPicker ref={ref} label="Primary account contact" searchDebounceMs={0} {...props} />;
  },
);

async function openAndType(text: string) {
  const user = userEvent.setup();
  const combobox = screen.getByRole('combobox', { name: 'Primary account contact' });
  await user.click(combobox);
  if (text) await user.type(combobox, text);
  return { user, combobox };
}

describe('ContactPicker', () => {
  it('searches users as you type, ignoring accents, and highlights the match', async () => {
    renderWithProvider(<Picker />);
    await openAndType('wojc');
    const option = await screen.findByRole('option', { name: /Zofia Wójcik/ });
    expect(within(option).getByText('Wójc', { selector: 'mark' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(screen.getByRole('status')).toHaveTextContent('1 user found.');
  });

  it('searches at once, without claiming "no users match", when the loaded rows cannot match', async () => {
    // Five users loaded, a long debounce: "zofia" matches none of the loaded rows.
    renderWithProvider(<Picker pageSize={5} searchDebounceMs={10_000} />);
    const { user, combobox } = await openAndType('');
    await screen.findByRole('option', { name: /Agnieszka Dąbrowska/ });
    await user.type(combobox, 'zofia');
    expect(screen.getByRole('status')).not.toHaveTextContent('No users match');
    expect(await screen.findByRole('option', { name: /Zofia Wójcik/ })).toBeInTheDocument();
  });

  it('selects with the keyboard and reports the value', async () => {
    const onValueChange = vi.fn();
    renderWithProvider(<Picker onValueChange={onValueChange} />);
    const { user, combobox } = await openAndType('matteo');
    await screen.findByRole('option', { name: /Matteo Rossi/ });
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onValueChange.mock.calls[0]?.[0]).toMatchObject({
      kind: 'user',
      user: { displayName: 'Matteo Rossi' },
    });
    expect(combobox).toHaveValue('Matteo Rossi');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
  });

  it('selects with the mouse', async () => {
    renderWithProvider(<Picker />);
    const { user, combobox } = await openAndType('aino');
    await user.click(await screen.findByRole('option', { name: /Aino Mäkelä/ }));
    expect(combobox).toHaveValue('Aino Mäkelä');
  });

  it('leaves out excluded users', async () => {
    renderWithProvider(<Picker exclude={['u005']} />);
    await openAndType('rossi');
    await screen.findByRole('status');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('No users match “\u2068rossi\u2069”.'),
    );
    expect(screen.queryByRole('option', { name: /Matteo Rossi/ })).not.toBeInTheDocument();
  });

  it('shows deactivated users with the reason but never selects them', async () => {
    const onValueChange = vi.fn();
    renderWithProvider(<Picker onValueChange={onValueChange} />);
    const { user } = await openAndType('lukas weiss');
    const option = await screen.findByRole('option', { name: /Lukas Weiß/ });
    expect(option).toHaveAttribute('aria-disabled', 'true');
    expect(option).toHaveTextContent('Deactivated users can’t be selected.');
    await user.click(option);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('marks invited users', async () => {
    renderWithProvider(<Picker />);
    await openAndType('chloe');
    expect(await screen.findByRole('option', { name: /Chloe Adams/ })).toHaveTextContent('Invited');
  });

  it('offers a valid external email when allowed', async () => {
    const onValueChange = vi.fn();
    renderWithProvider(<Picker allowExternalEmail onValueChange={onValueChange} />);
    const { user } = await openAndType('soc@partner.example');
    await user.click(await screen.findByRole('option', { name: 'Use soc@partner.example' }));
    expect(onValueChange).toHaveBeenCalledWith({ kind: 'email', email: 'soc@partner.example' });
    expect(screen.getByText('External email')).toBeInTheDocument();
  });

  it('explains why an invalid email cannot be used', async () => {
    renderWithProvider(<Picker allowExternalEmail />);
    await openAndType('soc@partner');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'Enter an email address in the format name@example.com.',
      ),
    );
    expect(screen.queryByRole('option', { name: /Use/ })).not.toBeInTheDocument();
  });

  it('does not offer external emails unless allowed', async () => {
    renderWithProvider(<Picker />);
    await openAndType('soc@partner.example');
    // Said as it is: nobody has that address, and only a user can be chosen here.
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'No user has the address \u2068soc@partner.example\u2069. This role needs a user of this account.',
      ),
    );
    expect(screen.queryByRole('option', { name: /Use/ })).not.toBeInTheDocument();
  });

  it('clears with the clear button and with Escape pressed twice', async () => {
    function Controlled() {
      const [value, setValue] = useState<ContactPickerValue | null>(null);
      return (
        <>
          <Picker value={value} onValueChange={setValue} />
          <output>{value?.kind === 'user' ? value.user.displayName : 'nobody'}</output>
        </>
      );
    }
    renderWithProvider(<Controlled />);
    const { user, combobox } = await openAndType('giulia');
    await user.click(await screen.findByRole('option', { name: /Giulia Bianchi/ }));
    expect(screen.getByText('Giulia Bianchi', { selector: 'output' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear selection: Primary account contact' }));
    expect(screen.getByText('nobody', { selector: 'output' })).toBeInTheDocument();
    expect(combobox).toHaveValue('');

    await user.type(combobox, 'giulia');
    await user.click(await screen.findByRole('option', { name: /Giulia Bianchi/ }));
    await user.click(combobox);
    await user.keyboard('{Escape}{Escape}');
    expect(screen.getByText('nobody', { selector: 'output' })).toBeInTheDocument();
  });

  it('shows a failed search next to the field and retries', async () => {
    const { adapter } = renderWithProvider(<Picker />);
    adapter.control.failNext(1, 'network', ['searchUsers']);
    const { user } = await openAndType('');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Users couldn’t be loaded.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('option', { name: /Anna Schmidt/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('is read-only and disabled on request', () => {
    renderWithProvider(
      <>
        <ContactPicker label="Read only" readOnly defaultValue={{ kind: 'email', email: 'a@b.example' }} />
        <ContactPicker label="Disabled" disabled />
      </>,
    );
    expect(screen.getByRole('combobox', { name: 'Read only' })).toHaveAttribute('readonly');
    expect(screen.getByRole('combobox', { name: 'Read only' })).toHaveValue('a@b.example');
    expect(screen.getByRole('combobox', { name: 'Disabled' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: /Clear selection/ })).not.toBeInTheDocument();
  });

  it('forwards its ref to the root, which takes the host’s id, class, style, data-* and aria-*', () => {
    const ref = createRef<HTMLDivElement>();
    renderWithProvider(
      <ContactPicker
        ref={ref}
        label="Primary account contact"
        id="primary-contact"
        inputId="primary-contact-input"
        className="host-picker"
        style={{ marginBlockStart: 12 }}
        data-section="primary"
        aria-describedby="contacts-help"
      />,
    );
    const root = ref.current;
    const combobox = screen.getByRole('combobox', { name: 'Primary account contact' });
    expect(root).toContainElement(combobox);
    expect(root).toHaveAttribute('id', 'primary-contact');
    expect(root).toHaveClass('abk-contact-picker', 'host-picker');
    expect(root).toHaveStyle({ marginBlockStart: '12px' });
    expect(root).toHaveAttribute('data-section', 'primary');
    expect(root).toHaveAttribute('aria-describedby', 'contacts-help');
    // The input keeps its own id, and the label still names it.
    expect(combobox).toHaveAttribute('id', 'primary-contact-input');
  });

  it('keeps its own state attributes on the root, whatever the host passes', async () => {
    const ref = createRef<HTMLDivElement>();
    renderWithProvider(<Picker ref={ref} data-open="never" />);
    expect(ref.current).not.toHaveAttribute('data-open');
    await openAndType('');
    expect(ref.current).toHaveAttribute('data-open', '');
  });

  it('speaks the viewer’s language', () => {
    renderWithProvider(<ContactPicker label="Primärer Account-Kontakt" searchDebounceMs={0} />, {
      provider: { locale: 'de-DE' },
    });
    expect(screen.getByRole('combobox')).toHaveAttribute('placeholder', 'Benutzer auswählen');
  });
});

describe('useContactPicker', () => {
  /** A host's own markup, built from the hook's prop getters and rows alone. */
  function HostPicker({ onValueChange }: { onValueChange: (value: ContactPickerValue | null) => void }) {
    const picker = useContactPicker({ searchDebounceMs: 0, onValueChange });
    return (
      <div>
        <label {...picker.getLabelProps()}>Owner</label>
        <input {...picker.getInputProps()} />
        <button {...picker.getToggleButtonProps()}>▾</button>
        <ul {...picker.getListProps({ style: { position: 'relative', maxHeight: 300, overflowY: 'auto' } })}>
          {picker.virtualRows.map(({ key, item, index, start }) => (
            <li
              key={key}
              {...picker.getOptionProps({ item, index })}
              style={{ position: 'absolute', top: start }}
            >
              {item.kind === 'user' ? item.user.displayName : item.email}
            </li>
          ))}
        </ul>
        <p>{picker.status}</p>
      </div>
    );
  }

  it('drives a host’s own markup through its prop getters', async () => {
    const onValueChange = vi.fn();
    renderWithProvider(<HostPicker onValueChange={onValueChange} />);
    const user = userEvent.setup();
    const combobox = screen.getByRole('combobox', { name: 'Owner' });
    await user.click(screen.getByRole('button', { name: 'Show users' }));
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    await user.type(combobox, 'aino');
    const option = await screen.findByRole('option', { name: 'Aino Mäkelä' });
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    expect(option).toHaveAttribute('aria-setsize', '1');
    await user.keyboard('{ArrowDown}');
    expect(option).toHaveAttribute('data-highlighted');
    await user.keyboard('{Enter}');
    expect(onValueChange.mock.calls[0]?.[0]).toMatchObject({
      kind: 'user',
      user: { displayName: 'Aino Mäkelä' },
    });
    expect(combobox).toHaveValue('Aino Mäkelä');
    expect(screen.getByText('idle')).toBeInTheDocument();
  });
});

describe('ContactPickerField with react-hook-form and zod', () => {
  // A host's own (classic) zod wrapping the library's schema, as hosts compose it.
  const schema = z.object({
    primaryContact: z.nullable(assigneeSchema).refine((value) => value !== null, { error: 'userRequired' }),
  });

  function Form({ onSubmit }: { onSubmit: (values: z.infer<typeof schema>) => void }) {
    const { control, handleSubmit } = useForm<z.input<typeof schema>, unknown, z.infer<typeof schema>>({
      resolver: zodResolver(schema),
      defaultValues: { primaryContact: null },
    });
    return (
      <form onSubmit={(event) => void handleSubmit(onSubmit)(event)}>
        <ContactPickerField
          control={control}
          name="primaryContact"
          label="Primary account contact"
          searchDebounceMs={0}
        />
        <button type="submit">Save</button>
      </form>
    );
  }

  it('forwards its ref and DOM attributes to the picker’s root', () => {
    function FieldWithRef({ fieldRef }: { fieldRef: React.Ref<HTMLDivElement> }) {
      const { control } = useForm<z.input<typeof schema>>({ defaultValues: { primaryContact: null } });
      return (
        <ContactPickerField
          ref={fieldRef}
          control={control}
          name="primaryContact"
          label="Primary account contact"
          id="primary"
          data-section="primary"
          aria-describedby="contacts-help"
        />
      );
    }
    const ref = createRef<HTMLDivElement>();
    renderWithProvider(<FieldWithRef fieldRef={ref} />);
    expect(ref.current).toContainElement(screen.getByRole('combobox', { name: 'Primary account contact' }));
    expect(ref.current).toHaveAttribute('id', 'primary');
    expect(ref.current).toHaveAttribute('data-section', 'primary');
    expect(ref.current).toHaveAttribute('aria-describedby', 'contacts-help');
  });

  it('shows the schema’s error next to the field, then submits the chosen user', async () => {
    const onSubmit = vi.fn();
    renderWithProvider(<Form onSubmit={onSubmit} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Save' }));
    const combobox = screen.getByRole('combobox', { name: 'Primary account contact' });
    await waitFor(() => expect(combobox).toHaveAccessibleDescription('Select a user.'));
    expect(combobox).toHaveAttribute('aria-invalid', 'true');
    expect(combobox).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();

    await user.type(combobox, 'päivi');
    await user.click(await screen.findByRole('option', { name: /Päivi Järvinen/ }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      primaryContact: { kind: 'user', user: { displayName: 'Päivi Järvinen' } },
    });
  });
});
