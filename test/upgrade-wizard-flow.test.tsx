// The upgrade wizard as the best checkouts run it: what each step shows and offers, in every
// language, beyond the defects covered in upgrade-wizard-purchase.test.tsx.
import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentPropsWithRef } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../src/adapter/memory';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import { policyLinks } from '../stories/fixtures';
import { renderWithProvider } from './support';

// These flows take many steps; on a busy machine one step can outlast the default second.
configure({ asyncUtilTimeout: 3000 });

type WizardProps = Partial<ComponentPropsWithRef<typeof UpgradeWizard>>;

function renderWizard(
  props: WizardProps = {},
  adapter: MemoryAdapter = createMemoryAdapter(),
  provider = {},
) {
  const result = renderWithProvider(
    <UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} {...props} />,
    { adapter, provider },
  );
  return { ...result, user: userEvent.setup() };
}

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
    expect(
      await screen.findByText('Only a billing administrator can purchase. Ask Jürgen Groß.'),
    ).toBeInTheDocument();
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
