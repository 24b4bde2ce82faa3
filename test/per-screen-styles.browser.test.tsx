// The per-screen stylesheets (account-billing-kit/styles/*.css) must draw a screen exactly as
// the whole styles.css does. Every rule weighs one class after the build, so the order of the
// rules is the whole cascade: a rule that lands in another file could change which one wins.
// Each screen is rendered once and every element's computed style (and its ::before and
// ::after) is compared under the whole stylesheet and under base.css plus the screen's own,
// at phone width in light and at desktop width in dark.
import whole from '../src/styles.css?inline';
import base from '../src/styles/base.css?inline';
import billingOverview from '../src/styles/billing-overview.css?inline';
import companyInformation from '../src/styles/company-information.css?inline';
import contactPicker from '../src/styles/contact-picker.css?inline';
import paymentMethods from '../src/styles/payment-methods.css?inline';
import seatAssignments from '../src/styles/seat-assignments.css?inline';
import upgradeWizard from '../src/styles/upgrade-wizard.css?inline';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../src/adapter/memory';
import { BillingOverview } from '../src/components/billing-overview';
import { CompanyInformation } from '../src/components/company-information';
import { ContactPicker } from '../src/components/contact-picker';
import { PaymentMethods } from '../src/components/payment-methods';
import { SeatAssignments } from '../src/components/seat-assignments';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import { en } from '../src/locales/en';
import { defaultCard, monthsFromNow } from '../stories/billing-fixtures';
import { nordlichtCompany, policyLinks } from '../stories/fixtures';
import { renderInBrowser } from './browser-support';

const sheet = document.createElement('style');
beforeAll(() => {
  document.head.append(sheet);
  return () => sheet.remove();
});

afterEach(async () => {
  sessionStorage.clear();
  await page.viewport(1280, 900);
});

/** Every element of ours on the page (popovers are portalled out of the screen) and its style. */
function computedStyles(): Map<string, string> {
  const styles = new Map<string, string>();
  const elements = document.querySelectorAll('.abk-root, .abk-root *');
  elements.forEach((element, index) => {
    for (const pseudo of [null, '::before', '::after']) {
      const style = getComputedStyle(element, pseudo);
      if (pseudo && style.content === 'none') continue;
      const values = Array.from(style, (property) => `${property}: ${style.getPropertyValue(property)}`);
      const path = `${index} ${element.tagName.toLowerCase()}.${element.className}${pseudo ?? ''}`;
      styles.set(path, values.join('; '));
    }
  });
  return styles;
}

/** The properties where the page differs under the two stylesheets, element by element. */
function differences(wholeStyles: Map<string, string>, splitStyles: Map<string, string>): string[] {
  const found: string[] = [];
  for (const [path, value] of wholeStyles) {
    const other = splitStyles.get(path);
    if (other === value) continue;
    const split = new Set(other?.split('; '));
    found.push(
      `${path}: ${value
        .split('; ')
        .filter((declaration) => !split.has(declaration))
        .join('; ')}`,
    );
  }
  return found;
}

/** Compares the rendered page under the whole stylesheet and under `sheets`, in each viewport and scheme. */
async function expectSameLook(sheets: string[]) {
  const scopes = document.querySelectorAll<HTMLElement>('.abk-root');
  expect(scopes.length).toBeGreaterThan(0);
  for (const [width, scheme] of [
    [375, 'light'],
    [1280, 'dark'],
  ] as const) {
    await page.viewport(width, 900);
    for (const scope of scopes) scope.dataset.colorScheme = scheme;
    sheet.textContent = whole;
    const wholeStyles = computedStyles();
    sheet.textContent = [base, ...sheets].join('\n');
    const splitStyles = computedStyles();
    expect(differences(wholeStyles, splitStyles), `${width}px, ${scheme}`).toEqual([]);
  }
}

// A whole screen's computed styles, read four times per state, take seconds on a busy machine.
describe('the per-screen stylesheets', { timeout: 90_000 }, () => {
  it('draw the company information screen as styles.css does, its open picker included', async () => {
    await renderInBrowser(<CompanyInformation />);
    await expect.element(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await userEvent.click(page.getByRole('combobox').first());
    await expect.element(page.getByRole('listbox').first()).toBeVisible();
    await expectSameLook([companyInformation]);
  });

  it('draw a ContactPicker of the host’s own as styles.css does', async () => {
    await renderInBrowser(<ContactPicker label="Primary account contact" />);
    await userEvent.click(page.getByRole('combobox'));
    await expect.element(page.getByRole('listbox')).toBeVisible();
    await expectSameLook([contactPicker]);
  });

  it('draw every step of the upgrade wizard as styles.css does', async () => {
    const m = en.upgrade;
    await renderInBrowser(<UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} />);
    await expect.element(page.getByRole('tab', { name: 'Marketing Hub' })).toBeVisible();
    await expectSameLook([upgradeWizard]);

    await userEvent.click(page.getByRole('tab', { name: 'Sales Hub' }));
    await userEvent.click(
      page.getByRole('button', { name: m.plan.select.replace('{tier}', 'Professional') }),
    );
    await userEvent.click(
      page.getByRole('button', { name: new RegExp(`^(${m.plan.buyMonthly}|${m.plan.buyAnnual})`) }),
    );
    await expect
      .element(page.getByRole('heading', { level: 3, name: new RegExp(m.steps.seats) }))
      .toBeVisible();
    await expectSameLook([upgradeWizard]);

    await userEvent.click(
      page.getByRole('checkbox', { name: m.seats.seatFor.replace('{name}', 'Anna Schmidt') }),
    );
    await userEvent.click(page.getByRole('button', { name: en.common.next, exact: true }));
    const p = m.payment;
    await expect.element(page.getByLabelText(p.companyName)).toHaveValue(nordlichtCompany.name);
    await userEvent.fill(page.getByLabelText(p.addressLine1), nordlichtCompany.addressLine1);
    await userEvent.fill(page.getByLabelText(p.postalCode), nordlichtCompany.postalCode);
    await userEvent.fill(page.getByLabelText(p.city), nordlichtCompany.city);
    await userEvent.selectOptions(page.getByLabelText(p.country), nordlichtCompany.country);
    await userEvent.click(page.getByRole('radio', { name: /^Visa/ }));
    await expectSameLook([upgradeWizard]);

    await userEvent.click(page.getByRole('button', { name: p.reviewOrder }));
    await expect.element(page.getByRole('rowheader', { name: m.review.total })).toBeInTheDocument();
    await expectSameLook([upgradeWizard]);
  });

  it('draw the billing overview as styles.css does', async () => {
    // A card about to expire: the overview's warning state is drawn too.
    const adapter = createMemoryAdapter({ paymentMethods: [defaultCard(monthsFromNow(0))] });
    await renderInBrowser(<BillingOverview onUpgrade={() => {}} onManageSeats={() => {}} />, { adapter });
    await expect.element(page.getByRole('listitem', { name: 'Sales Hub Starter' })).toBeVisible();
    await expectSameLook([billingOverview]);
  });

  it('draw the payment methods screen as styles.css does', async () => {
    await renderInBrowser(<PaymentMethods />);
    await expect.element(page.getByText(/Visa/).first()).toBeVisible();
    await expectSameLook([paymentMethods]);
  });

  it('draw the seat assignments screen as styles.css does', async () => {
    await renderInBrowser(<SeatAssignments />);
    await expect.element(page.getByText(/seats assigned/).first()).toBeVisible();
    await expectSameLook([seatAssignments]);
  });
});
