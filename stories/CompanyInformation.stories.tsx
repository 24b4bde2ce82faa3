import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { MemoryAdapter } from '../src/adapter/memory';
import { CompanyInformation } from '../src/components/company-information';
import guide from './guides/company-information.md?raw';
import { adapterOf, adapterParameters, componentDocsPage, pick } from './support';

function sectionOf(canvasElement: HTMLElement, name: string) {
  return within(within(canvasElement).getByRole('region', { name }));
}

/** Waits until the seed contacts are on screen (the first picker is the primary contact's, in any locale). */
async function seedLoaded(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  await waitFor(() => expect(canvas.getAllByRole('combobox')[0]).toHaveValue('Anna Schmidt'));
}

const FULL_CONTACTS = {
  primaryContactId: 'u001',
  billingContactIds: ['u002', 'u003', 'u004'],
  roleContacts: {
    decisionMaker: { kind: 'user' as const, userId: 'u005' },
    onboarding: { kind: 'user' as const, userId: 'u018' },
    security: { kind: 'email' as const, email: 'security@nordlicht.example' },
    technicalAdmin: { kind: 'user' as const, userId: 'u019' },
  },
};

const meta = {
  title: 'Screens/Company information',
  component: CompanyInformation,
  tags: ['autodocs'],
  parameters: {
    adapter: adapterParameters({ latency: 0 }),
    docs: { page: componentDocsPage(guide) },
  },
} satisfies Meta<typeof CompanyInformation>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The screen with the seed account: a primary contact, two billing contacts, a decision maker and an external security contact. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'Company information' })).toBeInTheDocument();
    await seedLoaded(canvasElement);
    await expect(canvas.getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent)).toEqual([
      'Primary account contact',
      'Billing contacts',
      'Other contacts',
    ]);
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Jürgen Groß');
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 2' })).toHaveValue('Zofia Wójcik');
    await expect(canvas.getByText('2 of 3 billing contacts')).toBeInTheDocument();
    await expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('Aino Mäkelä');
    await expect(canvas.getByRole('combobox', { name: 'Security contact' })).toHaveValue(
      'security@nordlicht.example',
    );
    // Nothing to save yet: every Save is discoverable but refuses.
    for (const save of canvas.getAllByRole('button', { name: 'Save' })) {
      await expect(save).toHaveAttribute('aria-disabled', 'true');
    }
  },
};

/** While the contacts are on their way each section shows a skeleton and announces “Loading…”. */
export const Loading: Story = {
  parameters: { adapter: adapterParameters({ latency: 86_400_000 }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2, name: 'Company information' })).toBeInTheDocument();
    const statuses = canvas.getAllByRole('status');
    await expect(statuses).toHaveLength(3);
    for (const status of statuses) await expect(status).toHaveTextContent('Loading…');
    for (const region of canvas.getAllByRole('region'))
      await expect(region).toHaveAttribute('aria-busy', 'true');
    await expect(canvas.queryByRole('combobox')).not.toBeInTheDocument();
  },
};

/** The contacts could not be read: every section says so and offers to try again. */
export const LoadError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter) => adapter.control.failNext(1, 'network', ['getContacts']),
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // One failure, reported once for the screen, with one retry.
    const alert = await canvas.findByRole('alert');
    await expect(canvas.getAllByRole('alert')).toHaveLength(1);
    await expect(alert).toHaveTextContent('We couldn’t load this.');
    await expect(alert).toHaveTextContent('We couldn’t reach the server.');
    await expect(canvas.getAllByRole('button', { name: 'Try again' })).toHaveLength(1);
    await expect(canvas.queryByRole('combobox')).not.toBeInTheDocument();
  },
};

/** Try again after a failed load: the contacts arrive and the notices go away. */
export const LoadErrorRetried: Story = {
  parameters: LoadError.parameters,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await seedLoaded(canvasElement);
    await waitFor(() => expect(canvas.queryByRole('alert')).not.toBeInTheDocument());
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 1' })).toHaveValue('Jürgen Groß');
  },
};

/** A new account: nobody assigned anywhere yet. */
export const Empty: Story = {
  parameters: {
    adapter: adapterParameters({
      contacts: {
        primaryContactId: null,
        billingContactIds: [],
        roleContacts: { decisionMaker: null, security: null },
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const primary = await canvas.findByRole('combobox', { name: 'Primary account contact' });
    await expect(primary).toHaveValue('');
    await expect(primary).toHaveAttribute('placeholder', 'Select a user');
    await expect(canvas.getByText('No billing contacts yet.')).toBeInTheDocument();
    await expect(canvas.getByText('0 of 3 billing contacts')).toBeInTheDocument();
    for (const role of [
      'Decision maker',
      'Onboarding contact',
      'Security contact',
      'Technical administrator',
    ]) {
      await expect(canvas.getByRole('combobox', { name: role })).toHaveValue('');
    }
  },
};

/** Every slot filled: three billing contacts (the maximum) and all four roles. */
export const Full: Story = {
  parameters: { adapter: adapterParameters({ contacts: FULL_CONTACTS }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await seedLoaded(canvasElement);
    await expect(canvas.getByRole('combobox', { name: 'Billing contact 3' })).toHaveValue('Aino Mäkelä');
    await expect(canvas.getByText('3 of 3 billing contacts')).toBeInTheDocument();
    const add = canvas.getByRole('button', { name: 'Add another' });
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await expect(add).toHaveAccessibleDescription('You’ve reached the maximum of three billing contacts.');
    await expect(canvas.getByRole('combobox', { name: 'Decision maker' })).toHaveValue('Matteo Rossi');
    await expect(canvas.getByRole('combobox', { name: 'Onboarding contact' })).toHaveValue('Chiara Ricci');
    await expect(canvas.getByRole('combobox', { name: 'Security contact' })).toHaveValue(
      'security@nordlicht.example',
    );
    await expect(canvas.getByRole('combobox', { name: 'Technical administrator' })).toHaveValue(
      'Eero Heikkinen',
    );
  },
};

/** Saving fails: the notice explains, the edit stays in the field, and Try again saves it. */
export const SaveFailure: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter) => adapter.control.failNext(1, 'network', ['updateContacts']),
    }),
  },
  play: async ({ canvasElement, loaded }) => {
    const adapter = adapterOf(loaded);
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    const combobox = primary.getByRole('combobox', { name: 'Primary account contact' });
    await pick(canvasElement, combobox, 'giulia', /Giulia Bianchi/);
    await userEvent.click(primary.getByRole('button', { name: 'Save' }));

    const alert = await primary.findByRole('alert');
    await expect(alert).toHaveTextContent(
      'We couldn’t reach the server. Check your connection and try again.',
    );
    await expect(combobox).toHaveValue('Giulia Bianchi');
    await expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Anna Schmidt');

    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await expect(await primary.findByText('Changes saved.')).toBeInTheDocument();
    await expect(primary.queryByRole('alert')).not.toBeInTheDocument();
    await expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Giulia Bianchi');
  },
};

/** Edit the primary contact, have another admin save first, then Save. */
async function runIntoConflict(canvasElement: HTMLElement, adapter: MemoryAdapter) {
  const primary = sectionOf(canvasElement, 'Primary account contact');
  await seedLoaded(canvasElement);
  const combobox = primary.getByRole('combobox', { name: 'Primary account contact' });
  await pick(canvasElement, combobox, 'giulia', /Giulia Bianchi/);
  adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' }, 'Matteo Rossi');
  await userEvent.click(primary.getByRole('button', { name: 'Save' }));
  const alert = await primary.findByRole('alert');
  await expect(alert).toHaveTextContent('These contacts were changed by someone else');
  await expect(alert).toHaveTextContent('Matteo Rossi saved a change while you were editing.');
  await expect(combobox).toHaveValue('Giulia Bianchi');
  return { primary, combobox, alert };
}

/** Someone else saved while you were editing: nothing is lost, and you choose what happens. */
export const Conflict: Story = {
  play: async ({ canvasElement, loaded }) => {
    const { alert } = await runIntoConflict(canvasElement, adapterOf(loaded));
    await expect(
      within(alert).getByRole('button', { name: 'Discard mine and load theirs' }),
    ).toBeInTheDocument();
    await expect(within(alert).getByRole('button', { name: 'Save mine on top' })).toBeInTheDocument();
  },
};

/** Conflict resolved by loading the other admin's version. */
export const ConflictReloadTheirs: Story = {
  play: async ({ canvasElement, loaded }) => {
    const adapter = adapterOf(loaded);
    const { primary, combobox, alert } = await runIntoConflict(canvasElement, adapter);
    await userEvent.click(within(alert).getByRole('button', { name: 'Discard mine and load theirs' }));
    await expect(combobox).toHaveValue('Mikko Virtanen');
    await expect(primary.queryByRole('alert')).not.toBeInTheDocument();
    await expect(primary.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-disabled', 'true');
    await expect((await adapter.getContacts()).primaryContact?.displayName).toBe('Mikko Virtanen');
  },
};

/** Conflict resolved by saving my edit on top of theirs. */
export const ConflictSaveMineOnTop: Story = {
  play: async ({ canvasElement, loaded }) => {
    const adapter = adapterOf(loaded);
    const { primary, combobox, alert } = await runIntoConflict(canvasElement, adapter);
    await userEvent.click(within(alert).getByRole('button', { name: 'Save mine on top' }));
    await expect(await primary.findByText('Changes saved.')).toBeInTheDocument();
    await expect(combobox).toHaveValue('Giulia Bianchi');
    const stored = await adapter.getContacts();
    await expect(stored.primaryContact?.displayName).toBe('Giulia Bianchi');
    await expect(stored.version).toBe(3);
  },
};

/** A viewer without permission sees the contacts, cannot change them, and learns once whom to ask. */
export const ReadOnly: Story = {
  parameters: {
    adapter: adapterParameters({ viewer: { userId: 'u005', permissions: { manageContacts: false } } }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await seedLoaded(canvasElement);
    await waitFor(() => expect(canvas.getAllByText(/Only an administrator can change this/)).toHaveLength(1));
    await expect(canvas.getByText(/Only an administrator can change this/)).toHaveTextContent(
      'Only an administrator can change this. Ask Anna Schmidt and Jürgen Groß.',
    );
    for (const combobox of canvas.getAllByRole('combobox'))
      await expect(combobox).toHaveAttribute('readonly');
    await expect(canvas.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: 'Add another' })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /Remove billing contact/ })).not.toBeInTheDocument();
    await expect(canvas.queryByRole('button', { name: /Clear selection/ })).not.toBeInTheDocument();
    await expect(canvas.getByRole('combobox', { name: 'Onboarding contact' })).toHaveAttribute(
      'placeholder',
      'Not assigned',
    );
  },
};

/** The primary contact has left the company: the field says so and asks for someone else. */
export const DeactivatedContact: Story = {
  parameters: {
    adapter: adapterParameters({ setup: (adapter) => adapter.control.setUserStatus('u001', 'deactivated') }),
  },
  play: async ({ canvasElement }) => {
    const primary = sectionOf(canvasElement, 'Primary account contact');
    await seedLoaded(canvasElement);
    const warning = 'Anna Schmidt is deactivated and no longer receives messages. Choose another user.';
    const shown = primary.getByText(/is deactivated and no longer receives messages/);
    await expect(shown).toBeVisible();
    await expect(shown).toHaveTextContent(warning);
    await expect(
      primary.getByRole('combobox', { name: 'Primary account contact' }),
    ).toHaveAccessibleDescription(warning);
    await expect(primary.getByText('Deactivated')).toBeVisible();
  },
};

/** The third billing contact is the last: “Add another” stays focusable but refuses, and says why. */
export const BillingLimit: Story = {
  play: async ({ canvasElement }) => {
    const billing = sectionOf(canvasElement, 'Billing contacts');
    await seedLoaded(canvasElement);
    const add = billing.getByRole('button', { name: 'Add another' });
    await expect(add).not.toHaveAttribute('aria-disabled');
    await userEvent.click(add);
    const third = billing.getByRole('combobox', { name: 'Billing contact 3' });
    await expect(third).toHaveFocus();
    await pick(canvasElement, third, 'sanna', /Sanna Lehtonen/);
    await expect(add).toHaveAttribute('aria-disabled', 'true');
    await expect(add).toHaveAccessibleDescription('You’ve reached the maximum of three billing contacts.');
    await userEvent.click(add);
    await expect(billing.queryByRole('combobox', { name: 'Billing contact 4' })).not.toBeInTheDocument();
    await expect(billing.getByText('3 of 3 billing contacts')).toBeInTheDocument();
  },
};

/** The security contact may be someone outside the account: type their address and choose “Use …”. */
export const ExternalSecurityContact: Story = {
  play: async ({ canvasElement, loaded }) => {
    const adapter = adapterOf(loaded);
    const roles = sectionOf(canvasElement, 'Other contacts');
    await seedLoaded(canvasElement);
    const security = roles.getByRole('combobox', { name: 'Security contact' });
    await expect(security).toHaveValue('security@nordlicht.example');
    await expect(security).toHaveAccessibleDescription(
      'A user, or the email address of someone who isn’t a user.',
    );
    await expect(roles.getByText('External email')).toBeVisible();

    await pick(canvasElement, security, 'soc@partner.example', 'Use soc@partner.example');
    await expect(security).toHaveValue('soc@partner.example');
    await userEvent.click(roles.getByRole('button', { name: 'Save' }));
    await expect(await roles.findByText('Changes saved.')).toBeInTheDocument();
    await expect((await adapter.getContacts()).roleContacts.security).toEqual({
      kind: 'email',
      email: 'soc@partner.example',
    });
  },
};

/** The host adds its own role after the four built-in ones. */
export const HostDefinedRole: Story = {
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
  play: async ({ canvasElement, loaded }) => {
    const adapter = adapterOf(loaded);
    const roles = sectionOf(canvasElement, 'Other contacts');
    await seedLoaded(canvasElement);
    await expect(
      roles
        .getAllByRole('rowheader')
        .map((cell) => cell.querySelector('.abk-role-contacts__role-name')?.textContent),
    ).toEqual([
      'Decision maker',
      'Onboarding contact',
      'Security contact',
      'Technical administrator',
      'Data protection officer',
    ]);
    await expect(roles.getByRole('rowheader', { name: /Handles GDPR requests/ })).toBeInTheDocument();
    const privacy = roles.getByRole('combobox', { name: 'Data protection officer' });
    await pick(canvasElement, privacy, 'sophie', /Sophie Müller/);
    await userEvent.click(roles.getByRole('button', { name: 'Save' }));
    await expect(await roles.findByText('Changes saved.')).toBeInTheDocument();
    await expect((await adapter.getContacts()).roleContacts.privacy).toMatchObject({
      kind: 'user',
      user: { displayName: 'Sophie Müller' },
    });
  },
};

type LocaleText = readonly [
  title: string,
  primary: string,
  billing: string,
  roles: string,
  addAnother: string,
];

/** The screen's title, its three sections and the billing list's add button, as each catalog words them. */
const LOCALE_TEXT: Record<'en' | 'de' | 'pl' | 'fi' | 'it', LocaleText> = {
  en: ['Company information', 'Primary account contact', 'Billing contacts', 'Other contacts', 'Add another'],
  de: [
    'Unternehmensinformationen',
    'Primärer Account-Kontakt',
    'Abrechnungskontakte',
    'Sonstige Kontakte',
    'Weiteren hinzufügen',
  ],
  pl: [
    'Informacje o firmie',
    'Główny kontakt konta',
    'Kontakty rozliczeniowe',
    'Inne kontakty',
    'Dodaj kolejny',
  ],
  fi: [
    'Yritystiedot',
    'Ensisijainen tilin yhteyshenkilö',
    'Laskutusyhteyshenkilöt',
    'Muut yhteystiedot',
    'Lisää toinen',
  ],
  it: [
    'Informazioni sull’azienda',
    'Contatto principale dell’account',
    'Contatti di fatturazione',
    'Altri contatti',
    'Aggiungi un altro',
  ],
};

function localeStory(locale: keyof typeof LOCALE_TEXT): Story {
  const [title, primary, billing, roles, addAnother] = LOCALE_TEXT[locale];
  const sections = [primary, billing, roles];
  return {
    parameters: { locale },
    play: async ({ canvasElement }) => {
      const canvas = within(canvasElement);
      await expect(canvas.getByRole('heading', { level: 2, name: title })).toBeInTheDocument();
      await seedLoaded(canvasElement);
      for (const name of sections) await expect(canvas.getByRole('region', { name })).toBeInTheDocument();
      await expect(canvas.getByRole('button', { name: addAnother })).toBeInTheDocument();
      await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('lang', locale);
    },
  };
}

/** English, the reference catalog. */
export const English: Story = localeStory('en');

/** German, with the help centre's terms. */
export const German: Story = localeStory('de');

/** Polish. */
export const Polish: Story = localeStory('pl');

/** Finnish: long compound words must wrap, not overflow. */
export const Finnish: Story = localeStory('fi');

/** Italian. */
export const Italian: Story = localeStory('it');

/** The dark theme. */
export const Dark: Story = {
  parameters: { colorScheme: 'dark' },
  play: async ({ canvasElement }) => {
    await seedLoaded(canvasElement);
    await expect(canvasElement.querySelector('.abk-root')).toHaveAttribute('data-color-scheme', 'dark');
  },
};

/** A phone-sized viewport: the role table reads as a stacked list of roles. */
export const Narrow: Story = {
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await seedLoaded(canvasElement);
    const table = canvas.getByRole('table');
    // The column headers are hidden; each row stacks the role above its picker.
    const header = table.querySelector('thead');
    await expect(header ? getComputedStyle(header).display : null).toBe('none');
    const row = within(table).getAllByRole('row')[1];
    await expect(row ? getComputedStyle(row).display : null).toBe('block');
    // Explicit roles keep the table's semantics for assistive technology.
    await expect(within(table).getAllByRole('rowheader')).toHaveLength(4);
    await expect(within(table).getByRole('combobox', { name: 'Security contact' })).toHaveValue(
      'security@nordlicht.example',
    );
  },
};

/** Narrow and dark together. */
export const NarrowDark: Story = {
  ...Narrow,
  parameters: { colorScheme: 'dark' },
};

/**
 * The screen could not be drawn (here the host's adapter answers with contacts that are not a
 * list): a localised message with "Try again" stands in for it, and `onError` hears about it.
 */
export const ScreenError: Story = {
  parameters: {
    adapter: adapterParameters({
      setup: (adapter: MemoryAdapter) => {
        const getContacts = adapter.getContacts.bind(adapter);
        Object.assign(adapter, {
          getContacts: async () => ({ ...(await getContacts()), billingContacts: null }),
        });
      },
    }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This part of the page couldn’t be shown');
    await expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expect(canvasElement.querySelector('.abk-company-information')).toHaveAttribute(
      'data-state',
      'error',
    );
  },
};
