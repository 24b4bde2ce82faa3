import { renderHook, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { createRef, useState, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import {
  initialWizardState,
  UpgradeWizard,
  useUpgradeWizard,
  type WizardState,
  type WizardStep,
} from '../src/components/upgrade-wizard';
import { DRAFT_VERSION, draftStorageKey } from '../src/components/upgrade-wizard/draft-storage';
import { AccountSettingsProvider } from '../src/provider/AccountSettingsProvider';
import { adapterScope } from '../src/queries';
import { nordlichtCompany, policyLinks } from '../stories/fixtures';
import { renderWithProvider, renderWizard } from './support';
import { salesStarterSeats } from '../stories/billing-fixtures';

const policies = policyLinks;
/** The plan step's action, named after the interval chosen: "Buy monthly plan", "Buy annual plan". */
const BUY_PLAN = /^Buy (monthly|annual) plan/;

/**
 * The demo account with nobody holding a Sales Hub seat yet, so its seat step starts empty (the
 * demo's four holders start out selected: see upgrade-wizard-flow.test.tsx).
 */
function adapterWithoutSeatHolders(): MemoryAdapter {
  return createMemoryAdapter({
    subscriptions: [salesStarterSeats(5, [])],
  });
}

async function choosePlan(user: UserEvent, product: string, tier: string) {
  await user.click(await screen.findByRole('tab', { name: product }));
  await user.click(screen.getByRole('button', { name: `Choose ${tier}` }));
  await user.click(screen.getByRole('button', { name: BUY_PLAN }));
}

async function fillCompany(user: UserEvent) {
  expect(await screen.findByLabelText('Company name')).toHaveValue(nordlichtCompany.name);
  await user.type(screen.getByLabelText('Street address'), nordlichtCompany.addressLine1);
  await user.type(screen.getByLabelText('Postal code'), nordlichtCompany.postalCode);
  await user.type(screen.getByLabelText('City'), nordlichtCompany.city);
  await user.selectOptions(screen.getByLabelText('Country'), nordlichtCompany.country);
}

async function toReviewWithExistingCard(user: UserEvent) {
  await fillCompany(user);
  await user.click(screen.getByRole('radio', { name: /Visa ending in 4242/ }));
  await user.click(screen.getByRole('button', { name: /Review order/ }));
  await screen.findByRole('heading', { name: /Review order/ });
}

async function agreeAndPurchase(user: UserEvent) {
  await user.click(screen.getByRole('checkbox', { name: 'I agree to these terms' }));
  const purchase = screen.getByRole('button', { name: 'Complete purchase' });
  await waitFor(() => expect(purchase).not.toHaveAttribute('aria-disabled'));
  await user.click(purchase);
}

/** Draft storage holding `state` for the seed account's first user, as a reload would find it. */
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

/** A draft with Marketing Hub Professional chosen, so the payment step is reachable. */
const planChosen = initialWizardState({
  productId: 'marketing',
  tierId: 'marketing-professional',
  pricing: 'flat',
  tierIntervals: ['annual'],
  currency: 'EUR',
  interval: 'annual',
});

function tierCard(name: string) {
  return screen.getByRole('heading', { level: 4, name }).closest('li') as HTMLElement;
}

function row(name: RegExp | string) {
  return screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement;
}

describe('UpgradeWizard', () => {
  it('buys a flat tier end to end and confirms it', async () => {
    const onPurchaseComplete = vi.fn();
    const { user, adapter } = renderWizard({ onPurchaseComplete });
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    // Marketing Starter is the account's current plan.
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    expect(within(tierCard('Starter')).getByRole('button', { name: 'Current plan' })).toBeDisabled();
    await choosePlan(user, 'Marketing Hub', 'Professional');
    expect(await screen.findByRole('heading', { name: /Payment/ })).toHaveFocus();
    await toReviewWithExistingCard(user);

    expect(within(row('Marketing Hub Professional')).getByRole('cell')).toHaveTextContent('€8,190.00');
    expect(screen.getByText(/Your card is charged every year/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Terms of Service/ })).toHaveAttribute(
      'href',
      policies.termsOfServiceUrl,
    );
    await agreeAndPurchase(user);

    expect(await screen.findByRole('heading', { name: 'Thank you for your purchase' })).toHaveFocus();
    expect(adapter.control.orders()).toHaveLength(1);
    expect(onPurchaseComplete).toHaveBeenCalledWith(
      expect.objectContaining({ tierId: 'marketing-professional' }),
    );
    expect(screen.getByText(/You now have Marketing Hub Professional, billed annually/)).toBeInTheDocument();
  });

  it('assigns seats for a per-seat tier and prices them', async () => {
    const { user } = renderWizard({}, adapterWithoutSeatHolders());
    await choosePlan(user, 'Sales Hub', 'Professional');
    expect(await screen.findByRole('heading', { name: /Assign seats/ })).toBeInTheDocument();
    const next = screen.getByRole('button', { name: /Next/ });
    await user.click(next);
    expect(screen.getByRole('alert')).toHaveTextContent('Assign at least one seat.');

    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'rossi');
    await user.click(await screen.findByRole('checkbox', { name: 'Seat for Matteo Rossi' }));
    await user.clear(screen.getByRole('searchbox', { name: 'Search users' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Seat for Aino Mäkelä' }));
    expect(screen.getByText('2 seats selected')).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'weiss');
    expect(await screen.findByRole('checkbox', { name: 'Seat for Lukas Weiß' })).toBeDisabled();
    await user.click(next);
    await toReviewWithExistingCard(user);
    expect(within(row('Sales Hub Professional — 2 seats × €92.00')).getByRole('cell')).toHaveTextContent(
      '€184.00',
    );
  });

  it('selects every matching user with "Select all shown" and clears them', async () => {
    const { user } = renderWizard();
    await choosePlan(user, 'Service Hub', 'Professional');
    await user.type(await screen.findByRole('searchbox', { name: 'Search users' }), 'nordlicht');
    await user.click(screen.getByRole('button', { name: 'Select all shown' }));
    // 40 users, 3 deactivated.
    expect(await screen.findByText('37 seats selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.getByText('0 seats selected')).toBeInTheDocument();
  });

  it('says when the user search fails, instead of "No users match", and tries again', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['searchUsers']);
    const { user } = renderWizard({}, adapter);
    await choosePlan(user, 'Sales Hub', 'Professional');
    const title = await screen.findByText('Users couldn’t be loaded.');
    const alert = title.closest<HTMLElement>('[role="alert"]');
    if (!alert) throw new Error('The failure is not announced');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(screen.queryByText('No users match.')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('checkbox', { name: 'Seat for Anna Schmidt' })).toBeInTheDocument();
    expect(screen.queryByText('Users couldn’t be loaded.')).not.toBeInTheDocument();
  });

  it('reflects currency and interval changes in prices and in the quote', async () => {
    const { user } = renderWizard({}, adapterWithoutSeatHolders());
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Currency' }), 'PLN');
    await user.click(screen.getByRole('radio', { name: /Monthly billing/ }));
    expect(tierCard('Starter')).toHaveTextContent('PLN 79.00 / month');
    await user.click(screen.getByRole('tab', { name: 'Sales Hub' }));
    await user.click(screen.getByRole('radio', { name: /Annual billing/ }));
    expect(tierCard('Professional')).toHaveTextContent('PLN 3,950.00 per seat / year');
    await user.click(screen.getByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    await user.click(await screen.findByRole('checkbox', { name: 'Seat for Anna Schmidt' }));
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await toReviewWithExistingCard(user);
    expect(
      within(row(/^Sales Hub Professional — 1 seat × PLN\s3,950\.00$/)).getByRole('cell').textContent,
    ).toMatch(/PLN\s3,950\.00/);
    expect(within(row('Billing interval')).getByRole('cell')).toHaveTextContent('Annual billing');
  });

  it('offers contact sales instead of a checkout for sales-led tiers', async () => {
    const onContactSales = vi.fn();
    const { user } = renderWizard({ onContactSales });
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    const enterprise = within(tierCard('Enterprise'));
    expect(enterprise.queryByRole('button', { name: 'Choose Enterprise' })).not.toBeInTheDocument();
    await user.click(enterprise.getByRole('button', { name: 'Contact sales' }));
    expect(onContactSales).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'marketing-enterprise' }),
      expect.objectContaining({ id: 'marketing' }),
    );
  });

  it('explains each invalid card field and company field, linked from a summary', async () => {
    const { user } = renderWizard();
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await screen.findByLabelText('Company name');
    await user.click(screen.getByRole('radio', { name: 'New credit card' }));
    await user.type(screen.getByLabelText('Card number'), '4242 4242 4242 4241');
    await user.type(screen.getByLabelText('Expiry date (MM/YY)'), '13/27');
    await user.type(screen.getByLabelText('Security code'), '12');
    await user.type(screen.getByLabelText('Postal code'), '!!');
    await user.click(screen.getByRole('button', { name: /Review order/ }));

    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('There are 8 problems on this step:');
    expect(screen.getByLabelText('Card number')).toHaveAccessibleDescription(
      'This card number isn’t valid. Check it for typos.',
    );
    expect(screen.getByLabelText('Expiry date (MM/YY)')).toHaveAccessibleDescription(
      'Enter the expiry date as MM/YY.',
    );
    expect(screen.getByLabelText('Security code')).toHaveAccessibleDescription(
      'Enter the 3 or 4 digit security code from your card.',
    );
    expect(screen.getByLabelText('Name on card')).toHaveAccessibleDescription('Enter the name on the card.');
    expect(screen.getByLabelText('Postal code')).toHaveAccessibleDescription('Enter a valid postal code.');
    await user.click(within(summary).getByRole('link', { name: 'Enter the street address.' }));
    expect(screen.getByLabelText('Street address')).toHaveFocus();
  });

  it('pays with a new card that only the tokenising call sees, and can share it', async () => {
    const adapter = createMemoryAdapter();
    const tokenizeCard = vi.spyOn(adapter, 'tokenizeCard');
    const placeOrder = vi.spyOn(adapter, 'placeOrder');
    const { user } = renderWizard({}, adapter);
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await fillCompany(user);
    await user.click(screen.getByRole('radio', { name: 'New credit card' }));
    await user.type(screen.getByLabelText('Name on card'), 'Anna Schmidt');
    await user.type(screen.getByLabelText('Card number'), '5555 5555 5555 4444');
    await user.type(screen.getByLabelText('Expiry date (MM/YY)'), '12/30');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.click(screen.getByRole('checkbox', { name: 'Share this credit card with other admins' }));
    await user.click(screen.getByRole('button', { name: /Review order/ }));
    await screen.findByRole('heading', { name: /Review order/ });
    await agreeAndPurchase(user);
    await screen.findByRole('heading', { name: 'Thank you for your purchase' });

    expect(tokenizeCard).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(placeOrder.mock.calls)).not.toContain('5555');
    const methods = await adapter.getPaymentMethods();
    expect(
      methods.find(
        (method) =>
          method.last4 === '4444' &&
          method.brand === 'mastercard' &&
          method.sharedWithAdmins &&
          method.ownerUserId === 'u001',
      ),
    ).toBeDefined();
  });

  it('reports a declined card and lets the admin choose another payment method', async () => {
    const { user, adapter } = renderWizard();
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await fillCompany(user);
    await user.click(screen.getByRole('radio', { name: 'New credit card' }));
    await user.type(screen.getByLabelText('Name on card'), 'Anna Schmidt');
    await user.type(screen.getByLabelText('Card number'), '4000 0000 0000 0002');
    await user.type(screen.getByLabelText('Expiry date (MM/YY)'), '12/30');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.click(screen.getByRole('button', { name: /Review order/ }));
    await screen.findByRole('heading', { name: /Review order/ });
    await agreeAndPurchase(user);

    expect(
      await screen.findByRole('heading', { name: 'The purchase didn’t go through' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/Your card was declined/)).toBeInTheDocument();
    expect(screen.getByText('You have not been charged.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Change payment method' }));
    await user.click(await screen.findByRole('radio', { name: /Visa ending in 4242/ }));
    await user.click(screen.getByRole('button', { name: /Review order/ }));
    await screen.findByRole('heading', { name: /Review order/ });
    await agreeAndPurchase(user);
    await screen.findByRole('heading', { name: 'Thank you for your purchase' });
    expect(adapter.control.orders()).toHaveLength(1);
  });

  it('retries after a network failure with the same key and places exactly one order', async () => {
    const adapter = createMemoryAdapter();
    const realPlaceOrder = adapter.placeOrder.bind(adapter);
    const placeOrder = vi.spyOn(adapter, 'placeOrder');
    // The order reaches the billing system but the answer is lost on the way back.
    placeOrder.mockImplementationOnce(async (draft, options) => {
      await realPlaceOrder(draft, options);
      throw new AdapterError('network');
    });
    const { user } = renderWizard({}, adapter);
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await toReviewWithExistingCard(user);
    await agreeAndPurchase(user);
    expect(
      await screen.findByText(/Trying again is safe: you will never be charged twice/),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Try the purchase again' }));
    await screen.findByRole('heading', { name: 'Thank you for your purchase' });
    const keys = placeOrder.mock.calls.map(([, options]) => options.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(adapter.control.orders()).toHaveLength(1);
  });

  it('places one order on a double click', async () => {
    const adapter = createMemoryAdapter({ latency: 30 });
    const placeOrder = vi.spyOn(adapter, 'placeOrder');
    const { user } = renderWizard({}, adapter);
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await toReviewWithExistingCard(user);
    await user.click(screen.getByRole('checkbox', { name: 'I agree to these terms' }));
    const purchase = screen.getByRole('button', { name: 'Complete purchase' });
    await waitFor(() => expect(purchase).not.toHaveAttribute('aria-disabled'));
    await user.dblClick(purchase);
    await screen.findByRole('heading', { name: 'Thank you for your purchase' }, { timeout: 3000 });
    expect(placeOrder).toHaveBeenCalledTimes(1);
    expect(adapter.control.orders()).toHaveLength(1);
  });

  it('restores the draft after a reload, without card data, and clears it after purchase', async () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    const adapter = createMemoryAdapter();
    const first = renderWizard({ draftStorage: storage }, adapter);
    await choosePlan(first.user, 'Marketing Hub', 'Professional');
    await fillCompany(first.user);
    await first.user.click(screen.getByRole('radio', { name: 'New credit card' }));
    await first.user.type(screen.getByLabelText('Card number'), '4242 4242 4242 4242');
    first.unmount();
    expect([...store.values()].join()).not.toContain('4242 4242');

    const second = renderWizard({ draftStorage: storage }, adapter);
    expect(await screen.findByRole('heading', { name: /Payment/ })).toBeInTheDocument();
    // The company details were not submitted yet, so they are not in the draft; the plan is.
    await second.user.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByRole('button', { name: 'Selected' })).toHaveAttribute('aria-pressed', 'true');
    await second.user.click(screen.getByRole('button', { name: BUY_PLAN }));
    await toReviewWithExistingCard(second.user);
    second.unmount();

    const third = renderWizard({ draftStorage: storage }, adapter);
    expect(await screen.findByRole('heading', { name: /Review order/ })).toBeInTheDocument();
    expect(screen.queryByLabelText('Card number')).not.toBeInTheDocument();
    await agreeAndPurchase(third.user);
    await screen.findByRole('heading', { name: 'Thank you for your purchase' });
    await waitFor(() => expect(store.size).toBe(0));
  });

  it('tells a viewer who may not purchase why, and who can', async () => {
    renderWizard({}, createMemoryAdapter({ viewer: { userId: 'u005', permissions: { purchase: false } } }));
    expect(await screen.findByText('You can’t upgrade this account')).toBeInTheDocument();
    expect(screen.getByText(/Only a billing administrator can purchase/).textContent).toMatch(
      /^Only a billing administrator can purchase\. Ask \W?Anna Schmidt\W? and \W?Jürgen Groß\W?\.$/,
    );
    // The plans can be compared, not bought.
    expect(await screen.findByRole('tab', { name: 'Marketing Hub' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Choose / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Buy / })).not.toBeInTheDocument();
  });

  it('tells a viewer who may not purchase why, and who can — never the viewer themself', async () => {
    // Anna Schmidt (the viewer) is one of the account's administrators, without the right to purchase.
    renderWizard({}, createMemoryAdapter({ viewer: { permissions: { purchase: false } } }));
    expect(await screen.findByText('You can’t upgrade this account')).toBeInTheDocument();
    const notice = screen.getByText(/Only a billing administrator can purchase/);
    expect(notice.textContent).toMatch(
      /^Only a billing administrator can purchase\. Ask \W?Jürgen Groß\W?\.$/,
    );
    expect(screen.queryByRole('button', { name: /^Buy / })).not.toBeInTheDocument();
  });

  it('marks the current step and lets the admin go back to completed ones', async () => {
    const onStepChange = vi.fn();
    const { user } = renderWizard({ onStepChange });
    await choosePlan(user, 'Marketing Hub', 'Professional');
    const steps = screen.getByRole('navigation', { name: 'Upgrade steps' });
    expect(within(steps).getByText('Payment').closest('[aria-current]')).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(onStepChange).toHaveBeenLastCalledWith('payment');
    await user.click(within(steps).getByRole('button', { name: /Choose a plan/ }));
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Selected' })).toBeInTheDocument();
  });

  it('opens on defaultStep when the draft reaches it, else on the nearest step it does', async () => {
    const adapter = createMemoryAdapter();
    const first = renderWizard(
      { defaultStep: 'payment', draftStorage: storageWith(planChosen, adapter) },
      adapter,
    );
    expect(await screen.findByRole('heading', { name: /Payment/ })).toBeInTheDocument();
    expect(await screen.findByLabelText('Company name')).toBeInTheDocument();
    first.unmount();

    // The review needs company details and a payment method first.
    const second = renderWizard(
      { defaultStep: 'review', draftStorage: storageWith(planChosen, adapter) },
      adapter,
    );
    expect(await screen.findByRole('heading', { name: /Payment/ })).toBeInTheDocument();
    second.unmount();

    renderWizard({ defaultStep: 'payment' });
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
  });

  it('with a controlled step, proposes moves through onStepChange and stays when the host refuses', async () => {
    const onStepChange = vi.fn();
    const { user } = renderWizard({ step: 'plan', onStepChange });
    await choosePlan(user, 'Marketing Hub', 'Professional');
    expect(onStepChange).toHaveBeenCalledTimes(1);
    expect(onStepChange).toHaveBeenCalledWith('payment');
    expect(screen.getByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Payment/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Selected' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('with a controlled step, moves when the host accepts and follows the host back', async () => {
    const seen: WizardStep[] = [];
    function Host() {
      const [step, setStep] = useState<WizardStep>('plan');
      return (
        <>
          <button type="button" onClick={() => setStep('plan')}>
            Host: back to plans
          </button>
          <UpgradeWizard
            {...policies}
            draftStorage={null}
            quoteDebounceMs={0}
            step={step}
            onStepChange={(next) => {
              seen.push(next);
              setStep(next);
            }}
          />
        </>
      );
    }
    renderWithProvider(<Host />);
    const user = userEvent.setup();
    await choosePlan(user, 'Marketing Hub', 'Professional');
    expect(await screen.findByRole('heading', { name: /Payment/ })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Host: back to plans' }));
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Selected' })).toBeInTheDocument();
    expect(seen).toEqual(['payment']);
  });

  it('shows the nearest reachable step for a controlled step the draft does not reach, and reports it', async () => {
    const onStepChange = vi.fn();
    renderWizard({ step: 'review', onStepChange });
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    expect(onStepChange).toHaveBeenCalledWith('plan');
  });

  it('continues the host page outline from headingLevel: title, step, then headings inside the step', async () => {
    const { user } = renderWizard({ headingLevel: 3 });
    expect(
      await screen.findByRole('heading', { level: 3, name: 'Upgrade your subscription' }),
    ).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 4, name: /Choose a plan/ })).toBeInTheDocument();
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    expect(screen.getByRole('heading', { level: 5, name: 'Professional' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 4, name: 'Professional' })).not.toBeInTheDocument();
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await toReviewWithExistingCard(user);
    expect(screen.getByRole('heading', { level: 4, name: /Review order/ })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 5, name: 'Order summary' })).toBeInTheDocument();
  });

  it('forwards its ref to the root and passes id, style, data-* and aria-* through', async () => {
    const ref = createRef<HTMLDivElement>();
    renderWizard({
      ref,
      id: 'upgrade',
      className: 'host-upgrade',
      style: { marginBlock: '8px' },
      'data-analytics': 'upgrade-wizard',
      'aria-describedby': 'upgrade-help',
    });
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    const root = ref.current;
    expect(root).toBeInstanceOf(HTMLDivElement);
    expect(root).toHaveAttribute('id', 'upgrade');
    expect(root).toHaveClass('abk-upgrade', 'host-upgrade');
    expect(root).toHaveStyle({ marginBlock: '8px' });
    expect(root).toHaveAttribute('data-analytics', 'upgrade-wizard');
    expect(root).toHaveAttribute('aria-describedby', 'upgrade-help');
    expect(root).toHaveAttribute('data-step', 'plan');
    expect(within(root as HTMLElement).getByRole('heading', { level: 2 })).toHaveTextContent(
      'Upgrade your subscription',
    );
  });
});

describe('useUpgradeWizard', () => {
  it('returns the same actions object on every render', async () => {
    const adapter = createMemoryAdapter();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <AccountSettingsProvider adapter={adapter}>{children}</AccountSettingsProvider>
    );
    const { result, rerender } = renderHook(() => useUpgradeWizard({ draftStorage: null }), { wrapper });
    const first = result.current.actions;
    await waitFor(() => expect(result.current.catalogStatus).toBe('ready'));
    rerender();
    expect(result.current.actions).toBe(first);
  });
});
