// The wizard opened from the billing screens: "Upgrade" on a product opens its plan step, "Buy
// more seats" opens the seat step with the holders and the users to add already checked.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { initialWizardState, UpgradeWizard, type WizardState } from '../src/components/upgrade-wizard';
import { DRAFT_VERSION, draftStorageKey } from '../src/components/upgrade-wizard/draft-storage';
import { adapterScope } from '../src/queries';
import { policyLinks } from '../stories/fixtures';
import { renderWithProvider } from './support';

function storageWith(state: WizardState, adapter: MemoryAdapter) {
  const owner = { adapter: adapterScope(adapter), accountId: 'acct_nordlicht', viewerId: 'u001' };
  const store = new Map([
    [
      draftStorageKey('account-billing-kit:upgrade-draft', owner),
      JSON.stringify({ version: DRAFT_VERSION, owner, state }),
    ],
  ]);
  return {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
}

/** A stored draft on the payment step of Marketing Hub Professional. */
const marketingDraft = initialWizardState({
  step: 'payment',
  productId: 'marketing',
  tierId: 'marketing-professional',
  pricing: 'flat',
  tierIntervals: ['annual'],
  currency: 'EUR',
  interval: 'annual',
});

describe('UpgradeWizard entry points', () => {
  it('"Upgrade" on a product opens the plan step on that product, over a stored draft elsewhere', async () => {
    const adapter = createMemoryAdapter();
    renderWithProvider(
      <UpgradeWizard
        {...policyLinks}
        quoteDebounceMs={0}
        defaultProductId="sales"
        defaultStep="plan"
        draftStorage={storageWith(marketingDraft, adapter)}
      />,
      { adapter },
    );
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Sales Hub' })).toHaveAttribute('aria-selected', 'true');
  });

  it('"Buy more seats" opens the seat step with the tier chosen and the seats checked', async () => {
    renderWithProvider(
      <UpgradeWizard
        {...policyLinks}
        quoteDebounceMs={0}
        draftStorage={null}
        defaultStep="seats"
        defaultSelection={{ tierId: 'sales-starter', seatUserIds: ['u001', 'u004', 'u018'] }}
      />,
    );
    expect(await screen.findByRole('heading', { name: /Assign seats/ })).toBeInTheDocument();
    expect(await screen.findByText('3 seats selected')).toBeInTheDocument();
    const seats = screen.getByRole('group', { name: 'Assign seats' });
    await waitFor(() =>
      expect(within(seats).getByRole('checkbox', { name: 'Seat for Anna Schmidt' })).toBeChecked(),
    );
    expect(within(seats).getByRole('checkbox', { name: 'Seat for Chiara Ricci' })).toBeChecked();
    expect(within(seats).getByRole('checkbox', { name: 'Seat for Aino Mäkelä' })).toBeChecked();
    expect(within(seats).getByRole('checkbox', { name: 'Seat for Agnieszka Dąbrowska' })).not.toBeChecked();
  });

  it('a selection replaces the stored draft’s tier but keeps its currency and the step it asks for', async () => {
    const adapter = createMemoryAdapter();
    renderWithProvider(
      <UpgradeWizard
        {...policyLinks}
        quoteDebounceMs={0}
        defaultStep="seats"
        defaultSelection={{ tierId: 'sales-starter', interval: 'monthly', seatUserIds: ['u001'] }}
        draftStorage={storageWith(marketingDraft, adapter)}
      />,
      { adapter },
    );
    expect(await screen.findByRole('heading', { name: /Assign seats/ })).toBeInTheDocument();
    expect(screen.getByText('1 seat selected')).toBeInTheDocument();
    expect(screen.getByText(/Sales Hub Starter/)).toBeInTheDocument();
  });

  it('leaves a draft whose purchase may have gone through as it is', async () => {
    const adapter = createMemoryAdapter();
    const interrupted = initialWizardState({
      ...marketingDraft,
      step: 'review',
      company: {
        name: 'Nordlicht Logistik GmbH',
        addressLine1: 'Hafenstraße 12',
        addressLine2: '',
        city: 'Hamburg',
        postalCode: '20457',
        country: 'DE',
        taxId: '',
      },
      paymentMethodId: 'pm_visa_4242',
      attempt: { idempotencyKey: 'key-1', status: 'placing', errorCode: null, order: null },
    });
    renderWithProvider(
      <UpgradeWizard
        {...policyLinks}
        quoteDebounceMs={0}
        defaultStep="seats"
        defaultSelection={{ tierId: 'sales-starter', seatUserIds: ['u001'] }}
        draftStorage={storageWith(interrupted, adapter)}
      />,
      { adapter },
    );
    expect(
      await screen.findByRole('heading', { name: /We don’t know yet whether your order went through/ }),
    ).toBeInTheDocument();
  });
});
