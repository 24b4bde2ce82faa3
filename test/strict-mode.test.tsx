// StrictMode mounts, unmounts and remounts every component and runs every effect twice, as a
// host's development build does. None of that may reach the backend or the host's analytics:
// each scenario runs with and without it and must make the same calls and events.
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../src/adapter/memory';
import { PrimaryContactSection } from '../src/components/company-information';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import type { AccountSettingsEvent } from '../src/provider/context';
import { nordlichtCompany, policyLinks } from '../stories/fixtures';
import { renderWithProvider } from './support';

async function purchase(strictMode: boolean) {
  const events: AccountSettingsEvent[] = [];
  const adapter = createMemoryAdapter();
  renderWithProvider(<UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} />, {
    adapter,
    strictMode,
    provider: { onEvent: (event) => events.push(event) },
  });
  const user = userEvent.setup();
  await user.click(await screen.findByRole('tab', { name: 'Marketing Hub' }));
  await user.click(screen.getByRole('button', { name: 'Choose Professional' }));
  await user.click(screen.getByRole('button', { name: /^Buy (monthly|annual) plan/ }));
  expect(await screen.findByLabelText('Company name')).toHaveValue(nordlichtCompany.name);
  await user.type(screen.getByLabelText('Street address'), nordlichtCompany.addressLine1);
  await user.type(screen.getByLabelText('Postal code'), nordlichtCompany.postalCode);
  await user.type(screen.getByLabelText('City'), nordlichtCompany.city);
  await user.selectOptions(screen.getByLabelText('Country'), nordlichtCompany.country);
  await user.click(screen.getByRole('radio', { name: /Visa ending in 4242/ }));
  await user.click(screen.getByRole('button', { name: /Review order/ }));
  await user.click(await screen.findByRole('checkbox', { name: 'I agree to these terms' }));
  const complete = screen.getByRole('button', { name: 'Complete purchase' });
  await waitFor(() => expect(complete).not.toHaveAttribute('aria-disabled'));
  await user.click(complete);
  await screen.findByRole('heading', { name: 'Thank you for your purchase' });
  return { calls: adapter.control.calls(), orders: adapter.control.orders(), events };
}

async function save(strictMode: boolean) {
  const events: AccountSettingsEvent[] = [];
  const adapter = createMemoryAdapter();
  renderWithProvider(<PrimaryContactSection />, {
    adapter,
    strictMode,
    provider: { onEvent: (event) => events.push(event) },
  });
  const user = userEvent.setup();
  const combobox = await screen.findByRole('combobox', { name: 'Primary account contact' });
  await waitFor(() => expect(combobox).toHaveValue('Anna Schmidt'));
  // Opened and picked without typing: how many searches a typed query sends depends on timing.
  await user.click(combobox);
  const [, another] = await screen.findAllByRole('option');
  if (!another) throw new Error('The list offers no other user');
  await user.click(another);
  await user.click(screen.getByRole('button', { name: 'Save' }));
  await screen.findByText('Changes saved.');
  return { calls: adapter.control.calls(), events };
}

describe('under StrictMode', () => {
  it('a purchase places one order, with the same requests and events as without it', async () => {
    const strict = await purchase(true);
    document.body.innerHTML = '';
    const plain = await purchase(false);

    expect(strict.orders).toHaveLength(1);
    expect(strict.calls.placeOrder).toBe(1);
    expect(strict.events.filter((event) => event.type === 'order_placed')).toHaveLength(1);
    expect(strict.calls).toEqual(plain.calls);
    expect(strict.events).toEqual(plain.events);
  });

  it('a save writes once and reports once, with the same requests as without it', async () => {
    const strict = await save(true);
    document.body.innerHTML = '';
    const plain = await save(false);

    expect(strict.calls.updateContacts).toBe(1);
    expect(strict.events.filter((event) => event.type === 'contacts_saved')).toHaveLength(1);
    expect(strict.calls).toEqual(plain.calls);
    expect(strict.events).toEqual(plain.events);
    expect(strict.calls.getContacts).toBe(1);
    expect(strict.calls.getAccount).toBe(1);
  });
});
