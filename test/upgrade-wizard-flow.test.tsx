// The upgrade wizard as the best checkouts run it: what each step shows and offers, in every
// language, beyond the defects covered in upgrade-wizard-purchase.test.tsx.
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../src/adapter/memory';
import { renderWizard } from './support';
import { salesStarterSeats } from '../stories/billing-fixtures';

// These flows take many steps; on a busy machine one step can outlast the default second.
configure({ asyncUtilTimeout: 3000 });

function tierCard(name: string) {
  return screen.getByRole('heading', { level: 4, name }).closest('li') as HTMLElement;
}

function stepNavigation() {
  return within(screen.getByRole('navigation', { name: 'Upgrade steps' }));
}

describe('UpgradeWizard: the plan step', () => {
  it.each([
    ['en', 'Monthly billing', 'Annual billing', 'Buy monthly plan', 'Buy annual plan', 'Choose Starter'],
    [
      'de',
      'Monatliche Abrechnung',
      'Jährliche Rechnung',
      'Monatlichen Plan kaufen',
      'Jährlichen Plan kaufen',
      'Starter auswählen',
    ],
    [
      'pl',
      'Rozliczenie miesięczne',
      'Rozliczenie roczne',
      'Kup plan miesięczny',
      'Kup plan roczny',
      'Wybierz Starter',
    ],
    [
      'fi',
      'Kuukausilaskutus',
      'Vuosilaskutus',
      'Osta kuukausipaketti',
      'Osta vuosipaketti',
      'Valitse Starter',
    ],
    [
      'it',
      'Fatturazione mensile',
      'Fatturazione annuale',
      'Acquista il piano mensile',
      'Acquista il piano annuale',
      'Scegli Starter',
    ],
  ])(
    'in %s, continues with the interval chosen in the seed’s words',
    async (locale, monthly, annual, buyMonthly, buyAnnual, chooseStarter) => {
      const { user } = renderWizard({}, createMemoryAdapter(), { locale });
      await user.click(await screen.findByRole('tab', { name: 'Service Hub' }));
      await user.click(screen.getByRole('button', { name: chooseStarter }));
      expect(screen.getByRole('radio', { name: new RegExp(monthly) })).toBeChecked();
      expect(screen.getByRole('button', { name: buyMonthly })).toBeInTheDocument();
      await user.click(screen.getByRole('radio', { name: new RegExp(annual) }));
      expect(screen.getByRole('button', { name: buyAnnual })).toBeInTheDocument();
    },
  );

  it('keeps the number of steps from the first step to the last, marking seats as not needed for a flat plan', async () => {
    const { user } = renderWizard();
    const plan = await screen.findByRole('heading', { name: /Choose a plan/ });
    expect(plan.textContent).toMatch(/^Step 1 of 4/);
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    expect(
      stepNavigation()
        .getByText(/Assign seats/)
        .closest('li'),
    ).toHaveTextContent('not needed for this plan');
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    expect((await screen.findByRole('heading', { name: /Payment/ })).textContent).toMatch(/^Step 3 of 4/);
  });

  it('keeps the number of steps for a per-seat plan', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('tab', { name: 'Sales Hub' }));
    await user.click(screen.getByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy monthly plan' }));
    expect((await screen.findByRole('heading', { name: /Assign seats/ })).textContent).toMatch(
      /^Step 2 of 4/,
    );
  });
});

describe('UpgradeWizard: smaller plans', () => {
  it('does not offer a plan below the current one as an upgrade, and says how to change down', async () => {
    const onContactSales = vi.fn();
    const adapter = createMemoryAdapter({
      subscription: { tierIds: ['marketing-professional'], interval: 'annual' },
    });
    const { user } = renderWizard({ onContactSales }, adapter);
    await screen.findByRole('tab', { name: 'Marketing Hub' });
    const starter = within(tierCard('Starter'));
    expect(starter.queryByRole('button', { name: 'Choose Starter' })).not.toBeInTheDocument();
    expect(starter.getByText('To change to a smaller plan, contact sales.')).toBeInTheDocument();
    await user.click(starter.getByRole('button', { name: 'Contact sales' }));
    expect(onContactSales).toHaveBeenCalledWith(
      expect.objectContaining({ id: 'marketing-starter' }),
      expect.objectContaining({ id: 'marketing' }),
    );
  });

  it('is refused by the memory adapter too', async () => {
    const adapter = createMemoryAdapter({
      subscription: { tierIds: ['marketing-professional'], interval: 'annual' },
    });
    await expect(
      adapter.previewOrder({
        tierId: 'marketing-starter',
        currency: 'EUR',
        interval: 'monthly',
        seatUserIds: [],
        paymentMethodId: null,
        company: null,
      }),
    ).rejects.toMatchObject({
      code: 'validation',
      fieldIssues: [{ path: ['tierId'], code: 'tierBelowCurrent' }],
    });
  });
});

describe('UpgradeWizard: a viewer who may not purchase', () => {
  it('browses the plans and sends "Request this upgrade" to the administrators, never to themselves', async () => {
    // Anna Schmidt is an administrator of the account, but may not purchase.
    const adapter = createMemoryAdapter({ viewer: { permissions: { purchase: false } } });
    const { user } = renderWizard({}, adapter);
    expect((await screen.findByText(/Only a billing administrator can purchase/)).textContent).toMatch(
      /^Only a billing administrator can purchase\. Ask \W?Jürgen Groß\W?\.$/,
    );
    expect(document.body).not.toHaveTextContent('Ask Anna Schmidt');
    await user.click(await screen.findByRole('tab', { name: 'Sales Hub' }));
    const professional = within(tierCard('Professional'));
    expect(professional.queryByRole('button', { name: 'Choose Professional' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Annual billing/ }));
    await user.click(professional.getByRole('button', { name: 'Request this upgrade' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Your request for Sales Hub Professional was sent to Jürgen Groß.',
    );
    expect(professional.getByRole('button', { name: 'Request sent' })).toBeDisabled();
    expect(adapter.control.upgradeRequests()).toEqual([
      expect.objectContaining({ tierId: 'sales-professional', interval: 'annual', requestedBy: 'u001' }),
    ]);
    expect(screen.queryByRole('button', { name: /^Buy / })).not.toBeInTheDocument();
    expect(adapter.control.calls().previewOrder ?? 0).toBe(0);
  });
});

async function fillCompany(user: ReturnType<typeof userEvent.setup>, country = 'DE', taxId = '') {
  await screen.findByLabelText('Company name');
  await user.type(screen.getByLabelText('Street address'), 'Hafenstraße 12');
  await user.type(screen.getByLabelText('Postal code'), '20457');
  await user.type(screen.getByLabelText('City'), 'Hamburg');
  await user.selectOptions(screen.getByLabelText('Country'), country);
  if (taxId) await user.type(screen.getByLabelText(/VAT \/ tax ID/), taxId);
  await user.click(await screen.findByRole('radio', { name: /Visa ending in 4242/ }));
  await user.click(screen.getByRole('button', { name: /Review order/ }));
  await screen.findByRole('heading', { name: /Review order/ });
}

function rowValue(name: RegExp | string) {
  return within(screen.getByRole('rowheader', { name }).closest('tr') as HTMLElement).getByRole('cell');
}

async function toSeatsReview(user: ReturnType<typeof userEvent.setup>, taxId = 'DE811907980') {
  await user.click(await screen.findByRole('tab', { name: 'Sales Hub' }));
  await user.click(screen.getByRole('button', { name: 'Choose Professional' }));
  await user.click(screen.getByRole('button', { name: 'Buy monthly plan' }));
  await user.type(await screen.findByRole('searchbox', { name: 'Search users' }), 'rossi');
  await user.click(await screen.findByRole('checkbox', { name: 'Seat for Matteo Rossi' }));
  await user.clear(screen.getByRole('searchbox', { name: 'Search users' }));
  await user.click(await screen.findByRole('checkbox', { name: 'Seat for Aino Mäkelä' }));
  await user.click(screen.getByRole('button', { name: 'Next' }));
  await fillCompany(user, 'DE', taxId);
}

describe('UpgradeWizard: the review says everything that will be charged', () => {
  it('names product and tier on every line, the reverse charge, the next charge, the card, the address and who gets the seats', async () => {
    const { user } = renderWizard();
    await toSeatsReview(user);
    // The demo account's four holders keep their seats; Matteo Rossi and Aino Mäkelä get one.
    expect(rowValue('Sales Hub Professional — 6 seats × €92.00')).toHaveTextContent('€552.00');
    expect(rowValue('Billing interval')).toHaveTextContent('Monthly billing');
    expect(rowValue(/^Tax \(0%\)/)).toHaveTextContent('€0.00');
    expect(screen.getByRole('rowheader', { name: /^Tax \(0%\)/ })).toHaveTextContent(
      'reverse charge: VAT is accounted for by the recipient',
    );
    // The account's five Sales Hub Starter seats: half a period of the three beyond the included two.
    expect(rowValue('Credit for unused time on Sales Hub Starter')).toHaveTextContent('−€27.00');
    expect(rowValue('Total due today')).toHaveTextContent('€525.00');
    expect(await screen.findByText(/Next charge: €552\.00 on/)).toBeInTheDocument();
    expect(screen.getByText(/Visa ending in 4242/)).toBeInTheDocument();
    expect(screen.getByText('Hafenstraße 12')).toBeInTheDocument();
    expect(screen.getByText('VAT / tax ID: DE811907980')).toBeInTheDocument();
    expect(await screen.findByText(/, Matteo Rossi, and Aino Mäkelä$/)).toBeInTheDocument();
  });

  it('names the plan whose unused time is credited', async () => {
    // The account has Marketing Hub Starter, billed monthly.
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    await fillCompany(user);
    expect(
      await screen.findByRole('rowheader', { name: 'Credit for unused time on Marketing Hub Starter' }),
    ).toBeInTheDocument();
    expect(rowValue('Credit for unused time on Marketing Hub Starter').textContent).toMatch(/^−€\d/);
  });

  it('says why no tax is charged where the country is not taxed', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    await fillCompany(user, 'US');
    expect(await screen.findByRole('rowheader', { name: /^Tax \(0%\)/ })).toHaveTextContent(
      'no tax is charged for United States',
    );
  });
});

describe('UpgradeWizard: the done step', () => {
  it('says what was bought, the amount, the seats, the next charge and who gets the receipt, with the host’s way on', async () => {
    const onDone = vi.fn();
    const { user } = renderWizard({ onDone });
    await toSeatsReview(user, '');
    await user.click(screen.getByRole('checkbox', { name: 'I agree to these terms' }));
    const purchase = screen.getByRole('button', { name: 'Complete purchase' });
    await vi.waitFor(() => expect(purchase).not.toHaveAttribute('aria-disabled'));
    await user.click(purchase);
    await screen.findByRole('heading', { name: 'Thank you for your purchase' });
    const summary = within(screen.getByRole('list', { name: 'Your purchase' }));
    expect(summary.getByText(/Sales Hub Professional, billed monthly/)).toBeInTheDocument();
    // Six seats (the four held and two new): (€552.00 − €27.00 credit for the Starter seats) + 19%
    // VAT today; the full €552.00 + VAT next time.
    expect(summary.getByText('Amount charged: €624.75')).toBeInTheDocument();
    expect(summary.getByText('Seats: 6')).toBeInTheDocument();
    expect(summary.getByText(/^Next charge: €656\.88 on /)).toBeInTheDocument();
    expect(
      await summary.findByText('A receipt goes to your billing contacts: Jürgen Groß and Zofia Wójcik.'),
    ).toBeInTheDocument();
    const steps = stepNavigation();
    expect(steps.getByText(/Review order/).closest('li')).toHaveTextContent('purchase completed');
    expect(steps.getByText(/Review order/).closest('li')).toHaveAttribute('data-state', 'complete');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ tierId: 'sales-professional', seats: 6 }));
  });
});

describe('UpgradeWizard: tier features', () => {
  it.each([
    ['en', 'Features of Starter', 'Forms and landing pages'],
    ['de', 'Funktionen von Starter', 'Formulare und Landingpages'],
    ['pl', 'Funkcje planu Starter', 'Formularze i strony docelowe'],
    ['fi', 'Starter – ominaisuudet', 'Lomakkeet ja laskeutumissivut'],
    ['it', 'Funzionalità di Starter', 'Moduli e landing page'],
  ])('come from the adapter in the viewer’s language (%s)', async (locale, listName, feature) => {
    const adapter = createMemoryAdapter();
    renderWizard({}, adapter, { locale });
    const features = await screen.findByRole('list', { name: listName });
    expect(within(features).getByText(feature)).toBeInTheDocument();
  });
});

describe('UpgradeWizard: the payment step', () => {
  it('prefills the company details the account has', async () => {
    const adapter = createMemoryAdapter({
      account: {
        billingDetails: {
          name: 'Nordlicht Logistik GmbH',
          addressLine1: 'Hafenstraße 12',
          addressLine2: '',
          postalCode: '20457',
          city: 'Hamburg',
          country: 'DE',
          taxId: 'DE811907980',
        },
      },
    });
    const { user } = renderWizard({}, adapter);
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    expect(await screen.findByLabelText('Street address')).toHaveValue('Hafenstraße 12');
    expect(screen.getByLabelText('Postal code')).toHaveValue('20457');
    expect(screen.getByLabelText('City')).toHaveValue('Hamburg');
    expect(screen.getByLabelText('Country')).toHaveValue('DE');
    expect(screen.getByLabelText(/VAT \/ tax ID/)).toHaveValue('DE811907980');
  });

  it('shares the viewer’s own saved card with other admins when asked', async () => {
    const adapter = createMemoryAdapter();
    const { user } = renderWizard({}, adapter);
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    await user.click(await screen.findByRole('radio', { name: /Visa ending in 4242/ }));
    await user.click(screen.getByRole('checkbox', { name: 'Share this credit card with other admins' }));
    // Another admin's shared card is theirs to share: no checkbox for it.
    await user.click(screen.getByRole('radio', { name: /Mastercard ending in 4444/ }));
    expect(
      screen.queryByRole('checkbox', { name: 'Share this credit card with other admins' }),
    ).not.toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Visa ending in 4242/ }));
    expect(screen.getByRole('checkbox', { name: 'Share this credit card with other admins' })).toBeChecked();
    await fillCompany(user);
    expect(await screen.findByText('Your card, shared with other admins')).toBeInTheDocument();
    const methods = await adapter.getPaymentMethods();
    expect(methods.find((method) => method.id === 'pm_visa_4242')?.sharedWithAdmins).toBe(true);
  });

  it('says that a new card is saved to the account when the review opens', async () => {
    const { user } = renderWizard();
    await user.click(await screen.findByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy annual plan' }));
    await user.click(await screen.findByRole('radio', { name: 'New credit card' }));
    expect(
      screen.getByText('The card is saved to your account when you continue to the review.'),
    ).toBeInTheDocument();
  });
});

describe('UpgradeWizard: seats already held', () => {
  // Who holds a seat is what the seat assignments say (getSeatAssignments), as on that screen.
  function adapterWithSeats() {
    return createMemoryAdapter({
      subscriptions: [salesStarterSeats(3, ['u001', 'u002'])],
    });
  }

  async function toSeatsStep(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole('tab', { name: 'Sales Hub' }));
    await user.click(screen.getByRole('button', { name: 'Choose Professional' }));
    await user.click(screen.getByRole('button', { name: 'Buy monthly plan' }));
  }

  it('preselects the demo account’s four seat holders, the deactivated Lukas Weiß flagged', async () => {
    const { user } = renderWizard();
    await toSeatsStep(user);
    expect(await screen.findByText('4 seats selected')).toBeInTheDocument();
    expect(screen.getByText('4 users already have a seat')).toBeInTheDocument();
    for (const name of ['Anna Schmidt', 'Jürgen Groß', 'Łukasz Kowalczyk', 'Lukas Weiß']) {
      const checkbox = screen.getByRole('checkbox', { name: `Seat for ${name}` });
      expect(checkbox).toBeChecked();
      expect(checkbox).toHaveAccessibleDescription('Has a seat');
    }
    const lukas = screen.getByRole('checkbox', { name: 'Seat for Lukas Weiß' });
    expect(lukas.closest('label')).toHaveTextContent('Deactivated');
    // Keeping the deactivated holder's seat is a valid order: it prices.
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await fillCompany(user);
    expect(rowValue(/Sales Hub Professional — 4 seats/)).toBeInTheDocument();
    expect(screen.queryByText('Some values need your attention')).not.toBeInTheDocument();
  });

  it('lets the admin take the deactivated holder’s seat away through the held-seat question', async () => {
    const { user } = renderWizard();
    await toSeatsStep(user);
    const lukas = await screen.findByRole('checkbox', { name: 'Seat for Lukas Weiß' });
    expect(lukas).toBeEnabled();
    await user.click(lukas);
    const question = screen.getByRole('group', { name: 'Lukas Weiß has a seat today. Remove it?' });
    await user.click(within(question).getByRole('button', { name: 'Remove seat' }));
    expect(lukas).not.toBeChecked();
    expect(lukas).toHaveFocus();
    expect(screen.getByText('3 seats selected')).toBeInTheDocument();
    // Until the order is placed, the seat they hold can be given back (a new one could not).
    await user.click(lukas);
    expect(screen.getByText('4 seats selected')).toBeInTheDocument();
    await user.click(lukas);
    await user.click(screen.getByRole('button', { name: 'Remove seat' }));
    expect(screen.getByText('3 seats selected')).toBeInTheDocument();
    // A deactivated user without a seat today gets none.
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'wiśniewski');
    expect(await screen.findByRole('checkbox', { name: 'Seat for Tomasz Wiśniewski' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await fillCompany(user);
    expect(screen.getByText('Seats removed')).toBeInTheDocument();
    expect(await screen.findByText('Lukas Weiß')).toBeInTheDocument();
  });

  it('preselects the holders when they arrive after the tier was chosen', async () => {
    const adapter = adapterWithSeats();
    adapter.control.setLatency(400, ['getSeatAssignments']);
    const { user } = renderWizard({}, adapter);
    await toSeatsStep(user);
    expect(await screen.findByText('2 seats selected', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Seat for Anna Schmidt' })).toBeChecked();
  });

  it('says when today’s holders could not be loaded, and preselects them after a retry', async () => {
    const adapter = adapterWithSeats();
    adapter.control.failNext(1, 'network', ['getSeatAssignments']);
    const { user } = renderWizard({}, adapter);
    await toSeatsStep(user);
    const notice = await screen.findByRole('alert');
    expect(notice).toHaveTextContent('Who has a seat today couldn’t be loaded.');
    await user.click(within(notice).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('2 seats selected')).toBeInTheDocument();
  });

  it('shows who holds a seat today and preselects them', async () => {
    const { user } = renderWizard({}, adapterWithSeats());
    await toSeatsStep(user);
    expect(await screen.findByText('2 seats selected')).toBeInTheDocument();
    expect(screen.getByText('2 users already have a seat')).toBeInTheDocument();
    const anna = screen.getByRole('checkbox', { name: 'Seat for Anna Schmidt' });
    expect(anna).toBeChecked();
    expect(anna).toHaveAccessibleDescription('Has a seat');
    expect(screen.getByRole('checkbox', { name: 'Seat for Jürgen Groß' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Seat for Aino Mäkelä' })).not.toHaveAccessibleDescription();
    // "Clear all" clears the seats added now; a held seat goes only when removed one by one.
    expect(screen.getByRole('button', { name: 'Clear all' })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Seat for Aino Mäkelä' }));
    expect(screen.getByText('3 seats selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(screen.getByText('2 seats selected')).toBeInTheDocument();
    expect(anna).toBeChecked();
  });

  it('keeps a held seat when the removal question is answered with Escape', async () => {
    const { user } = renderWizard({}, adapterWithSeats());
    await toSeatsStep(user);
    const anna = await screen.findByRole('checkbox', { name: 'Seat for Anna Schmidt' });
    await user.click(anna);
    expect(screen.getByRole('button', { name: 'Keep seat' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(anna).toBeChecked();
    expect(screen.queryByRole('group', { name: /Remove it\?/ })).not.toBeInTheDocument();
  });

  it('removes a held seat only when the admin confirms it, and the review says so', async () => {
    const { user } = renderWizard({}, adapterWithSeats());
    await toSeatsStep(user);
    const anna = await screen.findByRole('checkbox', { name: 'Seat for Anna Schmidt' });
    await user.click(anna);
    expect(anna).toBeChecked();
    const question = screen.getByRole('group', { name: 'Anna Schmidt has a seat today. Remove it?' });
    await user.click(within(question).getByRole('button', { name: 'Keep seat' }));
    expect(anna).toBeChecked();
    expect(screen.queryByRole('group', { name: /Remove it\?/ })).not.toBeInTheDocument();

    await user.click(anna);
    await user.click(screen.getByRole('button', { name: 'Remove seat' }));
    expect(anna).not.toBeChecked();
    expect(screen.getByText('1 seat selected')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await fillCompany(user);
    expect(screen.getByText('Seats removed')).toBeInTheDocument();
    expect(await screen.findByText('Anna Schmidt')).toBeInTheDocument();
  });
});
