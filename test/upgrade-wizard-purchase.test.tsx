// The upgrade wizard as an attacker, a reload or a slow network would try it: drafts that belong
// to someone else, purchases nobody clicked, selections that change under the user, dead ends.
import { configure, screen, waitFor, within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdapterError } from '../src/adapter/errors';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { CompanyInformation } from '../src/components/company-information';
import type { AccountSettingsEvent } from '../src/provider/context';
import { adapterScope } from '../src/queries';
import type { CompanyDetailsInput, PaymentMethod } from '../src/schemas';
import { nordlichtCompany, policyLinks } from '../stories/fixtures';
import { renderWithProvider, renderWizard } from './support';

// These flows take many steps; on a busy machine one step can outlast the default second.
configure({ asyncUtilTimeout: 3000 });

/** A storage like `sessionStorage` that outlives the wizards rendered with it, as a tab does. */
function tabStorage() {
  const store = new Map<string, string>();
  return {
    store,
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => void store.set(key, value),
    removeItem: (key: string) => void store.delete(key),
  };
}

/** A promise settled from outside, to hold an adapter call for as long as a test needs. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function choosePlan(user: UserEvent, product: string, tier: string) {
  await user.click(await screen.findByRole('tab', { name: product }));
  await user.click(screen.getByRole('button', { name: `Choose ${tier}` }));
  await user.click(screen.getByRole('button', { name: /^(Next|Buy (a )?(monthly|annual) plan)/ }));
}

const borealisAddress = {
  addressLine1: 'Revontulentie 7',
  postalCode: '00100',
  city: 'Helsinki',
  country: 'FI',
  taxId: 'FI12345678',
};

async function fillCompany(user: UserEvent, company: CompanyDetailsInput = nordlichtCompany) {
  await screen.findByLabelText('Company name');
  await user.clear(screen.getByLabelText('Street address'));
  await user.type(screen.getByLabelText('Street address'), company.addressLine1);
  await user.clear(screen.getByLabelText('Postal code'));
  await user.type(screen.getByLabelText('Postal code'), company.postalCode);
  await user.clear(screen.getByLabelText('City'));
  await user.type(screen.getByLabelText('City'), company.city);
  await user.selectOptions(screen.getByLabelText('Country'), company.country);
  if (company.taxId) await user.type(screen.getByLabelText(/VAT \/ tax ID/), company.taxId);
}

async function toReview(user: UserEvent, company: CompanyDetailsInput = nordlichtCompany) {
  await fillCompany(user, company);
  await user.click(await screen.findByRole('radio', { name: /Visa ending in 4242/ }));
  await user.click(screen.getByRole('button', { name: /Review order/ }));
  await screen.findByRole('heading', { name: /Review order/ });
}

async function agreeAndPurchase(user: UserEvent) {
  await user.click(screen.getByRole('checkbox', { name: 'I agree to these terms' }));
  const purchase = screen.getByRole('button', { name: 'Complete purchase' });
  await waitFor(() => expect(purchase).not.toHaveAttribute('aria-disabled'));
  await user.click(purchase);
}

/** Where a draft is kept for one adapter, account and viewer. */
function draftKey(adapter: MemoryAdapter, accountId = 'acct_nordlicht', viewerId = 'u001') {
  return ['account-billing-kit:upgrade-draft', adapterScope(adapter), accountId, viewerId]
    .map(encodeURIComponent)
    .join(':');
}

/**
 * Storage holding a draft as an older or tampered page left it: under the scoped key in the
 * current envelope, and under the unscoped key earlier versions used.
 */
function storageWithDraft(adapter: MemoryAdapter, state: Record<string, unknown>) {
  const storage = tabStorage();
  const draft = {
    step: 'plan',
    productId: null,
    tierId: null,
    pricing: null,
    tierIntervals: ['monthly', 'annual'],
    currency: 'EUR',
    interval: 'monthly',
    seatUserIds: [],
    company: null,
    paymentMethodId: null,
    agreed: false,
    attempt: null,
    ...state,
  };
  storage.setItem('account-billing-kit:upgrade-draft', JSON.stringify(draft));
  storage.setItem(
    draftKey(adapter),
    JSON.stringify({
      version: 1,
      owner: { adapter: adapterScope(adapter), accountId: 'acct_nordlicht', viewerId: 'u001' },
      state: draft,
    }),
  );
  return storage;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('UpgradeWizard: drafts belong to one adapter, account and viewer', () => {
  it('places no order and shows none of the first account’s draft when another account opens the wizard after a reload mid-purchase', async () => {
    const storage = tabStorage();
    const first = createMemoryAdapter();
    // The answer to the purchase never arrives: the page is reloaded while it is under way.
    vi.spyOn(first, 'placeOrder').mockImplementation(() => new Promise(() => undefined));
    const a = renderWizard({ draftStorage: storage }, first);
    await choosePlan(a.user, 'Marketing Hub', 'Professional');
    await toReview(a.user, { ...nordlichtCompany, ...borealisAddress });
    await agreeAndPurchase(a.user);
    expect(await screen.findByRole('button', { name: 'Completing purchase…' })).toBeInTheDocument();
    a.unmount();

    const other = createMemoryAdapter({
      account: { id: 'acct_kuusi', name: 'Kuusi Design Oy' },
      viewer: { userId: 'u004' },
    });
    const placeOrder = vi.spyOn(other, 'placeOrder');
    const b = renderWizard({ draftStorage: storage }, other);
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    expect(screen.queryByRole('button', { name: 'Selected' })).not.toBeInTheDocument();
    await choosePlan(b.user, 'Marketing Hub', 'Professional');
    expect(await screen.findByLabelText('Company name')).toHaveValue('Kuusi Design Oy');
    expect(screen.getByLabelText('Street address')).toHaveValue('');
    expect(screen.getByLabelText(/VAT \/ tax ID/)).toHaveValue('');
    expect(document.body).not.toHaveTextContent(borealisAddress.addressLine1);
    expect(placeOrder).not.toHaveBeenCalled();
    expect(other.control.orders()).toHaveLength(0);
  });

  it('discards a stored draft whose owner is another account, even under this account’s key', async () => {
    const adapter = createMemoryAdapter();
    const storage = tabStorage();
    storage.setItem(
      draftKey(adapter),
      JSON.stringify({
        version: 1,
        owner: { adapter: adapterScope(adapter), accountId: 'acct_other', viewerId: 'u009' },
        state: {
          step: 'payment',
          productId: 'marketing',
          tierId: 'marketing-professional',
          pricing: 'flat',
          tierIntervals: ['annual'],
          currency: 'EUR',
          interval: 'annual',
          seatUserIds: [],
          company: { ...nordlichtCompany, addressLine1: 'Somebody Else Street 1' },
          paymentMethodId: 'pm_visa_4242',
          attempt: null,
        },
      }),
    );
    renderWizard({ draftStorage: storage }, adapter);
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    expect(screen.queryByRole('button', { name: 'Selected' })).not.toBeInTheDocument();
    await waitFor(() => expect(storage.store.get(draftKey(adapter)) ?? '').not.toContain('Somebody Else'));
  });

  it('after a reload mid-purchase, says the outcome is not known yet and checks it with the same key only when asked', async () => {
    const storage = tabStorage();
    const adapter = createMemoryAdapter();
    const realPlaceOrder = adapter.placeOrder.bind(adapter);
    const placeOrder = vi.spyOn(adapter, 'placeOrder');
    // The order reaches the billing system, but the page is gone before the answer is back.
    placeOrder.mockImplementationOnce(async (draft, options) => {
      await realPlaceOrder(draft, options);
      return new Promise(() => undefined);
    });
    const first = renderWizard({ draftStorage: storage }, adapter);
    await choosePlan(first.user, 'Marketing Hub', 'Professional');
    await toReview(first.user);
    await agreeAndPurchase(first.user);
    await waitFor(() => expect(adapter.control.orders()).toHaveLength(1));
    first.unmount();

    const onPurchaseComplete = vi.fn();
    const second = renderWizard({ draftStorage: storage, onPurchaseComplete }, adapter);
    expect(
      await screen.findByRole('heading', { name: 'We don’t know yet whether your order went through' }),
    ).toBeInTheDocument();
    expect(placeOrder).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/you are never charged twice/)).toBeInTheDocument();
    await second.user.click(screen.getByRole('button', { name: 'Check the purchase' }));
    expect(await screen.findByRole('heading', { name: 'Thank you for your purchase' })).toBeInTheDocument();
    const keys = placeOrder.mock.calls.map(([, options]) => options.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
    expect(adapter.control.orders()).toHaveLength(1);
    expect(onPurchaseComplete).toHaveBeenCalledTimes(1);
  });
});

describe('UpgradeWizard: every failure has a way forward', () => {
  it('after an ambiguous failure and a reload, "Try the purchase again" completes the purchase', async () => {
    const storage = tabStorage();
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['placeOrder']);
    const first = renderWizard({ draftStorage: storage }, adapter);
    await choosePlan(first.user, 'Marketing Hub', 'Professional');
    await toReview(first.user);
    await agreeAndPurchase(first.user);
    expect(
      await screen.findByRole('heading', { name: 'The purchase didn’t go through' }),
    ).toBeInTheDocument();
    first.unmount();

    const second = renderWizard({ draftStorage: storage }, adapter);
    const retry = await screen.findByRole('button', { name: 'Try the purchase again' });
    await second.user.click(retry);
    expect(await screen.findByRole('heading', { name: 'Thank you for your purchase' })).toBeInTheDocument();
    expect(adapter.control.orders()).toHaveLength(1);
  });

  it('does not offer a monthly price for a tier sold only with annual billing, and says why', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    const monthly = screen.getByRole('radio', { name: /Monthly billing/ });
    expect(monthly).toBeDisabled();
    expect(monthly).toHaveAccessibleDescription('Professional is only available with annual billing.');
    await user.click(monthly);
    expect(screen.getByRole('radio', { name: /Annual billing/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: /^(Next|Buy (a )?annual plan)/ }));
    await toReview(user);
    expect(
      within(
        screen.getByRole('rowheader', { name: /Billing interval/ }).closest('tr') as HTMLElement,
      ).getByRole('cell'),
    ).toHaveTextContent('Annual billing');
    expect(screen.queryByText('Some values need your attention.')).not.toBeInTheDocument();
  });
});

describe('UpgradeWizard: a restored draft is checked before it is used', () => {
  it('starts clean from a draft whose seats are not a list', async () => {
    const adapter = createMemoryAdapter();
    const storage = storageWithDraft(adapter, {
      step: 'seats',
      productId: 'sales',
      tierId: 'sales-professional',
      pricing: 'per_seat',
      seatUserIds: null,
    });
    renderWizard({ draftStorage: storage }, adapter);
    expect(await screen.findByRole('heading', { name: /Choose a plan/ })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Marketing Hub' })).toBeInTheDocument();
  });

  it('starts clean from a draft on a step the wizard does not have', async () => {
    const adapter = createMemoryAdapter();
    renderWizard({ draftStorage: storageWithDraft(adapter, { step: 'confirm' }) }, adapter);
    expect((await screen.findByRole('heading', { name: /Choose a plan/ })).textContent).toMatch(
      /^Step 1 of \d/,
    );
    expect(document.body).not.toHaveTextContent('upgrade.steps');
  });

  it('falls back to the account’s currency when the draft’s is no longer offered', async () => {
    const adapter = createMemoryAdapter();
    renderWizard({ draftStorage: storageWithDraft(adapter, { currency: 'CHF' }) }, adapter);
    expect(await screen.findByRole('combobox', { name: 'Currency' })).toHaveValue('EUR');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 4, name: 'Starter' }).closest('li')).toHaveTextContent(
      '€18.00',
    );
  });

  it('shows a localised message with a retry when a screen fails to render, and reports it', async () => {
    const onError = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let failing = true;
    const { user } = renderWizard(
      {
        renderPaymentForm: () => {
          if (failing) throw new Error('hosted fields failed');
          return <p>Hosted card fields</p>;
        },
      },
      createMemoryAdapter(),
      { onError, locale: 'de' },
    );
    await user.click(await screen.findByRole('tab', { name: 'Marketing Hub' }));
    await user.click(screen.getByRole('button', { name: 'Professional auswählen' }));
    await user.click(screen.getByRole('button', { name: /^(Weiter|Jährlichen Plan kaufen)/ }));
    await user.click(await screen.findByRole('radio', { name: 'Neue Kreditkarte' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Dieser Teil der Seite konnte nicht angezeigt werden');
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'unknown' }),
      expect.objectContaining({ operation: 'render' }),
    );
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Erneut versuchen' }));
    expect(await screen.findByRole('heading', { name: /Plan auswählen|Zahlung/ })).toBeInTheDocument();
  });

  it('shows the same message on the company information screen when it fails to render', async () => {
    const onError = vi.fn();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const memory = createMemoryAdapter();
    // A host adapter that answers with something the screen cannot draw.
    const adapter = Object.assign(Object.create(memory) as MemoryAdapter, {
      getContacts: async () => ({ ...(await memory.getContacts()), billingContacts: null }),
    }) as unknown as MemoryAdapter;
    renderWithProvider(<CompanyInformation />, { adapter, provider: { onError } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This part of the page couldn’t be shown');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'unknown' }),
      expect.objectContaining({ operation: 'render' }),
    );
  });
});

describe('UpgradeWizard: permissions fail closed', () => {
  it('shows nothing to buy while the viewer’s permissions are loading, then why they may not purchase', async () => {
    const adapter = createMemoryAdapter({ viewer: { permissions: { purchase: false } } });
    const account = deferred<Awaited<ReturnType<MemoryAdapter['getAccount']>>>();
    const getAccount = adapter.getAccount.bind(adapter);
    vi.spyOn(adapter, 'getAccount').mockImplementation(async () => {
      await account.promise;
      return getAccount();
    });
    renderWizard({}, adapter);
    await waitFor(() => expect(adapter.control.calls().getCatalog ?? 0).toBeGreaterThan(0));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('button', { name: /^Choose / })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Next/ })).not.toBeInTheDocument();
    account.resolve(await getAccount());
    expect(await screen.findByText('You can’t upgrade this account')).toBeInTheDocument();
  });

  it('shows nothing to buy when the account cannot be loaded, and offers to try again', async () => {
    const adapter = createMemoryAdapter();
    adapter.control.failNext(1, 'network', ['getAccount']);
    const { user } = renderWizard({}, adapter);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('We couldn’t reach the server.');
    expect(screen.queryByRole('button', { name: /^Choose / })).not.toBeInTheDocument();
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Choose Professional' })).toBeInTheDocument();
  });

  it('treats a viewer who may purchase but not manage billing as not allowed', async () => {
    renderWizard({}, createMemoryAdapter({ viewer: { permissions: { manageBilling: false } } }));
    expect(await screen.findByText('You can’t upgrade this account')).toBeInTheDocument();
  });
});

describe('UpgradeWizard: what the user chose stays chosen', () => {
  it('keeps a new card the user chose while saved methods were loading, tokenises it and names it on the review', async () => {
    const adapter = createMemoryAdapter();
    const methods = deferred<PaymentMethod[]>();
    const getPaymentMethods = adapter.getPaymentMethods.bind(adapter);
    vi.spyOn(adapter, 'getPaymentMethods').mockImplementationOnce(async () => {
      await methods.promise;
      return getPaymentMethods();
    });
    const tokenizeCard = vi.spyOn(adapter, 'tokenizeCard');
    const { user } = renderWizard({}, adapter);
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await fillCompany(user);
    await user.click(await screen.findByRole('radio', { name: 'New credit card' }));
    await user.type(screen.getByLabelText('Name on card'), 'Anna Schmidt');
    await user.type(screen.getByLabelText('Card number'), '5555 5555 5555 4444');
    methods.resolve([]);
    await screen.findByRole('radio', { name: /Visa ending in 4242/ });
    expect(screen.getByRole('radio', { name: 'New credit card' })).toBeChecked();
    expect(screen.getByLabelText('Card number')).toHaveValue('5555 5555 5555 4444');
    await user.type(screen.getByLabelText('Expiry date (MM/YY)'), '12/30');
    await user.type(screen.getByLabelText('Security code'), '123');
    await user.click(screen.getByRole('button', { name: /Review order/ }));
    await screen.findByRole('heading', { name: /Review order/ });
    expect(tokenizeCard).toHaveBeenCalledTimes(1);
    expect(screen.getByText(/Mastercard ending in 4444/)).toBeInTheDocument();
  });

  it('clears a payment field’s error and its summary entry as soon as the field is fixed', async () => {
    const { user } = renderWizard();
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await screen.findByLabelText('Company name');
    await user.click(screen.getByRole('button', { name: /Review order/ }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('There are 4 problems on this step:');
    await user.type(screen.getByLabelText('Street address'), 'Hafenstraße 12');
    await waitFor(() => expect(summary).toHaveTextContent('There are 3 problems on this step:'));
    expect(screen.getByLabelText('Street address')).not.toHaveAttribute('aria-invalid', 'true');
    expect(within(summary).queryByText('Enter the street address.')).not.toBeInTheDocument();
  });
});

describe('UpgradeWizard: one order, one confirmation', () => {
  it('reports a purchase once when the wizard is unmounted while it is placed and mounted again', async () => {
    const storage = tabStorage();
    const adapter = createMemoryAdapter({ latency: 40 });
    const onPurchaseComplete = vi.fn();
    const events: AccountSettingsEvent[] = [];
    const onEvent = (event: AccountSettingsEvent) => void events.push(event);
    const first = renderWizard({ draftStorage: storage, onPurchaseComplete }, adapter, { onEvent });
    await choosePlan(first.user, 'Marketing Hub', 'Professional');
    await toReview(first.user);
    await agreeAndPurchase(first.user);
    first.unmount();
    await waitFor(() => expect(adapter.control.orders()).toHaveLength(1));
    await waitFor(() => expect(onPurchaseComplete).toHaveBeenCalledTimes(1));

    renderWizard({ draftStorage: storage, onPurchaseComplete }, adapter, { onEvent });
    await screen.findByRole('heading', { name: /Choose a plan|Thank you for your purchase/ });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(onPurchaseComplete).toHaveBeenCalledTimes(1);
    expect(events.filter((event) => event.type === 'order_placed')).toHaveLength(1);
    expect(adapter.control.orders()).toHaveLength(1);
  });
});

describe('UpgradeWizard: host-supplied policy links', () => {
  it.each([
    ['javascript:alert(document.cookie)'],
    ['  JavaScript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
  ])('shows %j as text, not as a link, and warns in development', async (url) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { user } = renderWizard({ termsOfServiceUrl: url });
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await toReview(user);
    expect(screen.queryByRole('link', { name: /Terms of Service/ })).not.toBeInTheDocument();
    expect(screen.getByText(/Terms of Service/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Privacy Policy/ })).toHaveAttribute(
      'href',
      policyLinks.privacyPolicyUrl,
    );
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('termsOfServiceUrl'));
  });

  it('links relative and http(s) URLs as given', async () => {
    const { user } = renderWizard({
      termsOfServiceUrl: '/legal/terms',
      privacyPolicyUrl: 'http://example.com/p',
    });
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await toReview(user);
    expect(screen.getByRole('link', { name: /Terms of Service/ })).toHaveAttribute('href', '/legal/terms');
    expect(screen.getByRole('link', { name: /Privacy Policy/ })).toHaveAttribute(
      'href',
      'http://example.com/p',
    );
  });

  it('keeps every policy link and warns in development when a message override drops its placeholder', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { user } = renderWizard({}, createMemoryAdapter(), {
      messages: { upgrade: { review: { termsIntro: 'Please read the {privacy} and the {acceptableUse}.' } } },
    });
    await choosePlan(user, 'Marketing Hub', 'Professional');
    await toReview(user);
    expect(screen.getByRole('link', { name: /Terms of Service/ })).toHaveAttribute(
      'href',
      policyLinks.termsOfServiceUrl,
    );
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('{terms}'));
  });
});

describe('UpgradeWizard: the catalog', () => {
  it('is fetched once on load', async () => {
    const adapter = createMemoryAdapter();
    const { user } = renderWizard({}, adapter);
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(adapter.control.calls().getCatalog).toBe(1);
  });
});

describe('memory adapter: the purchase rule', () => {
  it.each([[{ purchase: false }], [{ manageBilling: false }]])(
    'refuses pricing and orders to a viewer with %j',
    async (permissions) => {
      const adapter = createMemoryAdapter({ viewer: { permissions } });
      const draft = {
        tierId: 'marketing-professional',
        currency: 'EUR',
        interval: 'annual' as const,
        seatUserIds: [],
        paymentMethodId: 'pm_visa_4242',
        company: nordlichtCompany,
      };
      for (const call of [
        () => adapter.previewOrder(draft),
        () => adapter.placeOrder(draft, { idempotencyKey: 'k1' }),
      ]) {
        await expect(call()).rejects.toSatisfy(
          (error) => error instanceof AdapterError && error.code === 'forbidden',
        );
      }
      expect(adapter.control.orders()).toHaveLength(0);
    },
  );

  it('lets a billing admin who may not purchase put a card on file, and nobody else', async () => {
    const card = { cardholderName: 'Anna', number: '4242424242424242', expiry: '12/30', securityCode: '123' };
    const billingAdmin = createMemoryAdapter({ viewer: { permissions: { purchase: false } } });
    const { token } = await billingAdmin.tokenizeCard(card);
    await billingAdmin.createPaymentMethod({ token, sharedWithAdmins: false });
    const noBilling = createMemoryAdapter({ viewer: { permissions: { manageBilling: false } } });
    await expect(noBilling.tokenizeCard(card)).rejects.toSatisfy(
      (error) => error instanceof AdapterError && error.code === 'forbidden',
    );
  });
});
