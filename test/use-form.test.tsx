// The screens' form state (src/lib/form): dirty tracking, reset, when validation runs, server
// errors with focus, list rows, and how little a keystroke re-renders.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import * as z from 'zod/mini';
import { useForm, type Form } from '../src/lib/form/use-form';

const personSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1, { error: 'nameRequired' })),
  city: z.string().check(z.minLength(1, { error: 'cityRequired' })),
});
type Person = z.input<typeof personSchema>;

function PersonForm({
  validateOn,
  defaultValues = { name: '', city: '' },
  focusFirstError,
  onSave = () => undefined,
  expose,
  onRender,
}: {
  validateOn: 'change' | 'submit';
  defaultValues?: Person;
  focusFirstError?: boolean;
  onSave?: (values: z.output<typeof personSchema>) => void;
  expose?: (form: Form<Person, z.output<typeof personSchema>>) => void;
  onRender?: () => void;
}) {
  onRender?.();
  const form = useForm({ schema: personSchema, defaultValues, validateOn, focusFirstError });
  expose?.(form);
  const field = (name: keyof Person, label: string) => {
    const error = form.error(name);
    return (
      <p>
        <label htmlFor={name}>{label}</label>
        <input
          id={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${name}-error` : undefined}
          {...form.register(name)}
        />
        {error && <span id={`${name}-error`}>{error}</span>}
      </p>
    );
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void form.handleSubmit(onSave);
      }}
    >
      {field('name', 'Name')}
      {field('city', 'City')}
      <output aria-label="State">
        {[form.isDirty ? 'dirty' : 'clean', form.isValid ? 'valid' : 'invalid'].join(' ')}
      </output>
      <button type="submit">Save</button>
    </form>
  );
}

const state = () => screen.getByRole('status', { name: 'State' }).textContent;

describe('useForm', () => {
  it('is dirty while the values differ from the defaults, and a reset makes new values the defaults', async () => {
    let form: Form<Person, unknown> | undefined;
    render(
      <PersonForm
        validateOn="change"
        defaultValues={{ name: 'Zofia', city: 'Kraków' }}
        expose={(current) => (form = current)}
      />,
    );
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('Zofia');
    expect(state()).toBe('clean valid');

    await user.type(name, 'x');
    expect(state()).toBe('dirty valid');
    await user.type(name, '{Backspace}');
    // Typed back to what was saved: nothing to save.
    expect(state()).toBe('clean valid');

    await user.clear(name);
    await user.type(name, 'Sanna');
    expect(state()).toBe('dirty valid');
    // Saved: the saved values are the new defaults, and the inputs show them.
    const reset = form?.reset;
    reset?.({ name: 'Sanna', city: 'Espoo' });
    await screen.findByText('clean valid');
    expect(screen.getByRole('textbox', { name: 'City' })).toHaveValue('Espoo');
    expect(form?.getValues()).toEqual({ name: 'Sanna', city: 'Espoo' });
  });

  it('with validateOn "change", shows the error of the field that changed at once, and no other', async () => {
    render(<PersonForm validateOn="change" defaultValues={{ name: 'Zofia', city: '' }} />);
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    expect(name).toHaveAccessibleDescription('nameRequired');
    // City is empty too, but nobody has touched it yet.
    expect(screen.getByRole('textbox', { name: 'City' })).not.toHaveAccessibleDescription();
    expect(state()).toBe('dirty invalid');
    await user.type(name, 'Z');
    expect(name).not.toHaveAccessibleDescription();
  });

  it('with validateOn "submit", says nothing while typing, everything on submit, then follows each change', async () => {
    const onSave = vi.fn();
    render(<PersonForm validateOn="submit" onSave={onSave} />);
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    const city = screen.getByRole('textbox', { name: 'City' });
    await user.type(name, ' ');
    await user.clear(name);
    expect(name).not.toHaveAccessibleDescription();

    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(name).toHaveAccessibleDescription('nameRequired');
    expect(city).toHaveAccessibleDescription('cityRequired');
    // The first invalid field, in document order, takes focus.
    expect(name).toHaveFocus();
    expect(onSave).not.toHaveBeenCalled();

    // After a submit, a fixed field's error goes as soon as it is fixed.
    await user.type(city, 'Turku');
    expect(city).not.toHaveAccessibleDescription();
    expect(name).toHaveAccessibleDescription('nameRequired');

    await user.type(name, '  Päivi ');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    // The schema's output: trimmed.
    expect(onSave).toHaveBeenCalledWith({ name: 'Päivi', city: 'Turku' });
  });

  it('leaves focus alone on a failed submit when focusFirstError is false', async () => {
    render(<PersonForm validateOn="submit" focusFirstError={false} />);
    const user = userEvent.setup();
    const save = screen.getByRole('button', { name: 'Save' });
    await user.click(save);
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAccessibleDescription('nameRequired');
    expect(save).toHaveFocus();
  });

  it('shows a server error on its field, focuses it, and drops it once the field changes', async () => {
    let form: Form<Person, unknown> | undefined;
    render(
      <PersonForm
        validateOn="change"
        defaultValues={{ name: 'Zofia', city: 'Kraków' }}
        expose={(current) => (form = current)}
      />,
    );
    const user = userEvent.setup();
    const city = screen.getByRole('textbox', { name: 'City' });
    const setError = form?.setError;
    setError?.('city', 'cityUnknown', { focus: true });
    expect(await screen.findByText('cityUnknown')).toBeInTheDocument();
    expect(city).toHaveFocus();
    expect(city).toHaveAttribute('aria-invalid', 'true');
    expect(state()).toBe('clean invalid');
    await user.type(city, 'w');
    expect(city).not.toHaveAccessibleDescription();
    expect(state()).toBe('dirty valid');
  });

  it('re-renders nothing while typing in a native input before a submit, once the form is dirty', async () => {
    const onRender = vi.fn();
    render(<PersonForm validateOn="submit" onRender={onRender} />);
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, 'J');
    const before = onRender.mock.calls.length;
    await user.type(name, 'ürgen Groß');
    expect(onRender).toHaveBeenCalledTimes(before);
    expect(name).toHaveValue('Jürgen Groß');
  });
});

const listSchema = z.object({
  people: z.array(z.object({ name: z.string().check(z.minLength(1, { error: 'nameRequired' })) })),
});
type List = z.input<typeof listSchema>;

function ListForm({ defaultValues }: { defaultValues: List }) {
  const form = useForm({ schema: listSchema, defaultValues, validateOn: 'change' });
  const rows = form.rows('people');
  return (
    <div>
      <ol>
        {rows.ids.map((id, index) => {
          const name = `people.${index}.name` as const;
          const error = form.error(name);
          return (
            <li key={id}>
              <label htmlFor={id}>{`Person ${index + 1}`}</label>
              <input id={id} aria-describedby={error ? `${id}-error` : undefined} {...form.register(name)} />
              {error && <span id={`${id}-error`}>{error}</span>}
              <button type="button" onClick={() => rows.remove(index)}>{`Remove person ${index + 1}`}</button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => rows.append({ name: '' }, { focus: true })}>
        Add person
      </button>
      <output aria-label="Values">{JSON.stringify(form.values)}</output>
    </div>
  );
}

describe('useForm rows', () => {
  it('adds a row with focus in it, keeps each row’s element while others go, and moves errors with their rows', async () => {
    render(<ListForm defaultValues={{ people: [{ name: 'Zofia' }, { name: 'Sanna' }] }} />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Add person' }));
    const third = screen.getByRole('textbox', { name: 'Person 3' });
    expect(third).toHaveFocus();
    // A new empty row is checked with its list: it needs a name.
    expect(third).toHaveAccessibleDescription('nameRequired');

    const second = screen.getByRole('textbox', { name: 'Person 2' });
    await user.click(screen.getByRole('button', { name: 'Remove person 1' }));
    // The rows that stay keep their elements (and whatever the user had there), renumbered.
    expect(screen.getByRole('textbox', { name: 'Person 1' })).toBe(second);
    expect(second).toHaveValue('Sanna');
    const moved = screen.getByRole('textbox', { name: 'Person 2' });
    expect(moved).toBe(third);
    expect(moved).toHaveAccessibleDescription('nameRequired');
    expect(screen.getByRole('status', { name: 'Values' })).toHaveTextContent(
      JSON.stringify({ people: [{ name: 'Sanna' }, { name: '' }] }),
    );

    await user.type(moved, 'Päivi');
    expect(moved).not.toHaveAccessibleDescription();
  });
});
