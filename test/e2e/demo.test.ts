import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { demoHostPerTest, type ServerProcess } from './support';

// The demo as a host team runs it: the reference server in its own process on the embedded
// database, the host app it serves, Chromium. Each test has its own copy of the seeded data.

const { startServer, openPage } = demoHostPerTest();

const region = (page: Page, name: string) => page.getByRole('region', { name });
const combobox = (page: Page, name: string) => page.getByRole('combobox', { name });

async function companyLoaded(page: Page) {
  await expect
    .poll(() => combobox(page, 'Primary account contact').inputValue(), { timeout: 20_000 })
    .not.toBe('');
}

async function pick(page: Page, name: string, query: string, option: RegExp) {
  await combobox(page, name).click();
  await combobox(page, name).fill(query);
  await page.getByRole('option', { name: option }).click();
  await expect.poll(() => combobox(page, name).getAttribute('aria-expanded')).toBe('false');
}

async function saveSection(page: Page, section: string) {
  await region(page, section).getByRole('button', { name: 'Save' }).click();
}

async function toReview(page: Page) {
  await page.getByRole('tab', { name: 'Marketing Hub' }).click();
  await page.getByRole('button', { name: 'Choose Professional' }).click();
  await page.getByRole('button', { name: 'Buy annual plan' }).click();
  await expect
    .poll(() => page.getByLabel('Company name').inputValue(), { timeout: 20_000 })
    .toBe('Nordlicht Logistik GmbH');
  await page.getByLabel('Street address').fill('Hafenstraße 12');
  await page.getByLabel('Postal code').fill('20457');
  await page.getByLabel('City').fill('Hamburg');
  await page.getByLabel('Country').selectOption('DE');
  await page.getByRole('button', { name: 'Review order' }).click();
  await page.getByRole('checkbox', { name: 'I agree to these terms' }).check();
}

async function ordersInDatabase(running: ServerProcess): Promise<number> {
  const [row] = await running.query<{ orders: number }>(
    "SELECT count(*)::int AS orders FROM orders WHERE account_id = 'acct_nordlicht'",
  );
  return row?.orders ?? -1;
}

describe('the demo host app against the reference server, in Chromium', () => {
  it('changes billing contacts, which are still there after a reload and a server restart', async () => {
    const server = await startServer();
    const page = await openPage('#/company');
    await companyLoaded(page);
    await region(page, 'Billing contacts').getByRole('button', { name: 'Add another' }).click();
    await pick(page, 'Billing contact 3', 'sanna', /Sanna Lehtonen/);
    await saveSection(page, 'Billing contacts');
    await expect
      .poll(() => region(page, 'Billing contacts').getByText('Changes saved.').isVisible())
      .toBe(true);

    await page.reload();
    await companyLoaded(page);
    expect(await combobox(page, 'Billing contact 3').inputValue()).toBe('Sanna Lehtonen');

    await server.stop();
    await server.start();
    await page.reload();
    await companyLoaded(page);
    expect(await combobox(page, 'Billing contact 1').inputValue()).toBe('Jürgen Groß');
    expect(await combobox(page, 'Billing contact 3').inputValue()).toBe('Sanna Lehtonen');
  });

  it('shows a conflict when two people edit the same section, and both ways out of it work', async () => {
    await startServer();
    const first = await openPage('#/company');
    const second = await openPage('#/company');
    await companyLoaded(first);
    await companyLoaded(second);

    await pick(first, 'Primary account contact', 'aino', /Aino Mäkelä/);
    await saveSection(first, 'Primary account contact');
    await expect
      .poll(() => region(first, 'Primary account contact').getByText('Changes saved.').isVisible())
      .toBe(true);

    // The second person edited an older version: saving shows who changed it, and keeping
    // their own choice saves it on top.
    await pick(second, 'Primary account contact', 'giulia', /Giulia Bianchi/);
    await saveSection(second, 'Primary account contact');
    const conflict = region(second, 'Primary account contact').getByRole('alert');
    await expect.poll(() => conflict.textContent()).toMatch(/changed by someone else/);
    await conflict.getByRole('button', { name: 'Save mine on top' }).click();
    await expect
      .poll(() => region(second, 'Primary account contact').getByText('Changes saved.').isVisible())
      .toBe(true);

    // Now the first person is behind: discarding their edit loads the saved one.
    await pick(first, 'Primary account contact', 'sophie', /Sophie Müller/);
    await saveSection(first, 'Primary account contact');
    const theirs = region(first, 'Primary account contact').getByRole('alert');
    await theirs.getByRole('button', { name: 'Discard mine and load theirs' }).click();
    await expect.poll(() => combobox(first, 'Primary account contact').inputValue()).toBe('Giulia Bianchi');

    await first.reload();
    await companyLoaded(first);
    expect(await combobox(first, 'Primary account contact').inputValue()).toBe('Giulia Bianchi');
  });

  it('completes an upgrade, placing one order', async () => {
    const server = await startServer();
    const page = await openPage('#/upgrade');
    await toReview(page);
    await page.getByRole('button', { name: 'Complete purchase' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Thank you for your purchase/ }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await server.stop();
    expect(await ordersInDatabase(server)).toBe(1);
  });

  it('places exactly one order when the server stops while completing the purchase and the admin retries', async () => {
    // The server stores the order, then holds the answer back long enough to be stopped.
    const server = await startServer({ ORDER_ANSWER_DELAY_MS: '5000' });
    const page = await openPage('#/upgrade');
    await toReview(page);
    await page.getByRole('button', { name: 'Complete purchase' }).click();
    await expect.poll(() => page.getByText('Completing purchase…').first().isVisible()).toBe(true);
    // Long enough for the order to be committed; the answer is still held back.
    await page.waitForTimeout(1_500);
    await server.stop('SIGKILL');
    // The order was stored; only its answer was lost.
    expect(await ordersInDatabase(server)).toBe(1);

    const retry = page.getByRole('button', { name: 'Try the purchase again' });
    await expect.poll(() => retry.isVisible(), { timeout: 20_000 }).toBe(true);
    await server.start({});
    await retry.click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Thank you for your purchase/ }).isVisible(), {
        timeout: 20_000,
      })
      .toBe(true);
    await server.stop();
    expect(await ordersInDatabase(server)).toBe(1);
  });
});
