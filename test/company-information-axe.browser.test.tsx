// Every main state of the screen, in every shipped language, at desk and phone width, checked
// with axe in Chromium: long Finnish compounds and German nouns must not break what passes in
// English.
import '../src/styles.css';
import { afterAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { CompanyInformation } from '../src/components/company-information';
import type { Messages } from '../src/i18n/messages';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { fi } from '../src/locales/fi';
import { it as italian } from '../src/locales/it';
import { pl } from '../src/locales/pl';
import { expectNoAxeViolations, renderInBrowser } from './browser-support';

const catalogs: Record<string, Messages> = { en, de, pl, fi, it: italian };

interface State {
  name: string;
  adapter?: MemoryAdapterOptions;
  setup?: (adapter: MemoryAdapter) => void;
  /** Brings the screen into the state, in the catalog's words. */
  reach: (messages: Messages, adapter: MemoryAdapter) => Promise<void>;
}

const primaryPicker = (messages: Messages) =>
  page.getByRole('combobox', { name: messages.primaryContact.label, exact: true });

async function loaded(messages: Messages) {
  await expect.element(primaryPicker(messages)).toHaveValue('Anna Schmidt');
}

async function pickWithMouse(name: string, query: string, option: RegExp) {
  const combobox = page.getByRole('combobox', { name, exact: true });
  await userEvent.click(combobox);
  await userEvent.fill(combobox, query);
  await userEvent.click(page.getByRole('option', { name: option }));
  await expect.element(combobox).toHaveAttribute('aria-expanded', 'false');
}

const states: State[] = [
  {
    name: 'edits in two sections, one of them in conflict',
    reach: async (messages, adapter) => {
      await loaded(messages);
      await pickWithMouse(messages.primaryContact.label, 'aino', /Aino Mäkelä/);
      await pickWithMouse(messages.roleContacts.roles.onboarding.label, 'chiara', /Chiara Ricci/);
      adapter.control.simulateConcurrentChange({ primaryContactId: 'u009' }, 'Matteo Rossi');
      const primary = page.getByRole('region', { name: messages.primaryContact.title });
      await userEvent.click(primary.getByRole('button', { name: messages.common.save, exact: true }));
      await expect.element(primary.getByRole('alert')).toBeVisible();
      await expect
        .element(page.getByRole('button', { name: messages.companyInformation.saveAll }))
        .toBeVisible();
    },
  },
  {
    name: 'a read-only viewer',
    adapter: { viewer: { userId: 'u005', permissions: { manageContacts: false } } },
    reach: loaded,
  },
  {
    name: 'the contacts could not be loaded',
    setup: (adapter) => adapter.control.failNext(1, 'network', ['getContacts']),
    reach: async () => {
      await expect.element(page.getByRole('alert')).toBeVisible();
    },
  },
  {
    name: 'a deactivated and an invited contact',
    setup: (adapter) => {
      adapter.control.setUserStatus('u001', 'deactivated');
      adapter.control.setUserStatus('u002', 'invited');
    },
    reach: async (messages) => {
      await loaded(messages);
      await expect.element(page.getByRole('button', { name: messages.contactPicker.replace })).toBeVisible();
    },
  },
  {
    name: 'the primary contact removed, and refused',
    reach: async (messages) => {
      await loaded(messages);
      // Escape twice empties the picker (the first closes the list the click opened).
      await userEvent.click(primaryPicker(messages));
      await userEvent.keyboard('{Escape}{Escape}');
      await expect.element(primaryPicker(messages)).toHaveValue('');
      // Refused at once, with the reason next to the field.
      await expect.element(primaryPicker(messages)).toHaveAttribute('aria-invalid', 'true');
    },
  },
];

const cases = Object.keys(catalogs).flatMap((locale) =>
  [1280, 375].flatMap((width) => states.map((state) => [locale, width, state.name, state] as const)),
);

describe('Company information has no axe violations', () => {
  afterAll(async () => {
    await page.viewport(1280, 900);
  });

  it.each(cases)('in %s at %i px: %s', async (locale, width, _, state) => {
    const messages = catalogs[locale];
    if (!messages) throw new Error(`no catalog for ${locale}`);
    await page.viewport(width, 900);
    const adapter = createMemoryAdapter({ latency: 0, ...state.adapter });
    state.setup?.(adapter);
    await renderInBrowser(<CompanyInformation />, {
      adapter,
      provider: { locale, locales: { de, pl, fi, it: italian } },
    });
    await state.reach(messages, adapter);
    await expectNoAxeViolations();
  });
});
