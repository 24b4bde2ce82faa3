import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright';
import { demoHostPerTest } from './support';

// The billing pages of the demo host app, over the HTTP adapter and the reference server: the
// overview's entry points into the wizard and the other pages, a card made the default, and a
// seat that does not fit turned into the wizard's prefilled seat step.

const { startServer, openPage } = demoHostPerTest();

const salesSubscription = (page: Page) => page.getByRole('listitem', { name: 'Sales Hub Starter' });

describe('the demo host app’s billing pages, in Chromium', () => {
  it('opens the wizard on a product from the overview, and a new default card shows there', async () => {
    await startServer();
    const page = await openPage('#/billing');
    await expect
      .poll(() => salesSubscription(page).getByText('4 of 5 seats assigned').isVisible(), { timeout: 20_000 })
      .toBe(true);
    await salesSubscription(page).getByRole('button', { name: 'Upgrade Sales Hub' }).click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Sales Hub' }).getAttribute('aria-selected'), {
        timeout: 20_000,
      })
      .toBe('true');
    expect(page.url()).toContain('#/upgrade?product=sales');

    await page.getByRole('link', { name: 'Payment methods' }).click();
    const mastercard = page.getByRole('listitem', { name: 'Mastercard ending in 4444' });
    await mastercard.getByRole('button', { name: 'Make default' }).click();
    await expect
      .poll(() => page.getByText('Mastercard ending in 4444 is now the default card.').count(), {
        timeout: 20_000,
      })
      .toBe(1);

    await page.getByRole('link', { name: 'Billing' }).click();
    await expect
      .poll(
        () =>
          salesSubscription(page)
            .getByText(/Mastercard ending in 4444/)
            .isVisible(),
        { timeout: 20_000 },
      )
      .toBe(true);
  });

  it('gives the last seat, then offers to buy more: the wizard opens on its seat step, prefilled', async () => {
    await startServer();
    const page = await openPage('#/seats');
    const sales = page.getByRole('region', { name: 'Sales Hub Starter' });
    await expect
      .poll(() => sales.getByText('4 of 5 seats assigned').isVisible(), { timeout: 20_000 })
      .toBe(true);
    const search = sales.getByRole('searchbox', { name: 'Search users' });
    await search.fill('aino');
    await sales.getByRole('button', { name: 'Assign seat to Aino Mäkelä' }).click();
    await expect
      .poll(() => sales.getByText('Aino Mäkelä now has a seat.').count(), { timeout: 20_000 })
      .toBe(1);

    // After a reload the seat is still hers: the reference server stored it.
    await page.reload();
    await expect
      .poll(() => sales.getByText('5 of 5 seats assigned').isVisible(), { timeout: 20_000 })
      .toBe(true);

    await search.fill('giulia');
    await sales.getByRole('button', { name: 'Assign seat to Giulia Bianchi' }).click();
    await sales.getByRole('button', { name: 'Buy more seats' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: /Assign seats/ }).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await expect.poll(() => page.getByText('5 seats selected').isVisible(), { timeout: 20_000 }).toBe(true);
  });
});
