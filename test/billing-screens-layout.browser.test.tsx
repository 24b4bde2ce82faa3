// The billing screens laid out in Chromium as a phone and a desktop show them: what a person
// would notice at a glance (a name cut short, an empty screen that looks unfinished).
import '../src/styles.css';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { cleanup } from 'vitest-browser-react';
import { createMemoryAdapter, seedUsers } from '../src/adapter/memory';
import { BillingOverview } from '../src/components/billing-overview';
import { SeatAssignments } from '../src/components/seat-assignments';
import { expectNoAxeViolations, renderInBrowser } from './browser-support';

const LONG_NAME = 'Maximiliane Alexandra von Hohenzollern-Sigmaringen';

/** The seed account, with Anna Schmidt (a Sales Hub seat holder) renamed to a long name. */
function accountWithLongName() {
  const users = seedUsers().map((user) => (user.id === 'u001' ? { ...user, displayName: LONG_NAME } : user));
  return createMemoryAdapter({ users });
}

/** A phone, in a host page with its own 16 px margin around the screen (as most hosts have). */
async function atWidth(width: number) {
  await page.viewport(width, 900);
  document.body.style.margin = '16px';
}

/** Fails when `element` cuts its text: clipped sideways, cut at the bottom, or ellipsised. */
function expectWholeText(element: Element) {
  expect(element.scrollWidth, 'text cut at the side').toBeLessThanOrEqual(element.clientWidth + 1);
  expect(element.scrollHeight, 'text cut at the bottom').toBeLessThanOrEqual(element.clientHeight + 1);
  const row = element.closest('[role="listitem"]');
  if (!row) throw new Error('the name is not in a row');
  const box = element.getBoundingClientRect();
  const rowBox = row.getBoundingClientRect();
  expect(box.bottom, 'the name runs out of its row').toBeLessThanOrEqual(rowBox.bottom + 1);
}

afterEach(async () => {
  await cleanup();
  document.body.style.margin = '';
});

describe('SeatAssignments at 375 px', () => {
  it('wraps a long name in the holders and in the search results instead of cutting it', async () => {
    await atWidth(375);
    await renderInBrowser(<SeatAssignments productId="sales" />, { adapter: accountWithLongName() });
    const holders = page.getByRole('list', { name: 'Seat holders of Sales Hub' });
    const holder = holders.getByText(LONG_NAME);
    await expect.element(holder).toBeVisible();
    expectWholeText(holder.element());

    await userEvent.fill(page.getByRole('searchbox', { name: 'Search users' }), 'hohenzollern');
    const result = page.getByRole('list', { name: 'Users matching your search' }).getByText(LONG_NAME);
    await expect.element(result).toBeVisible();
    expectWholeText(result.element());
  });
});

describe('BillingOverview without subscriptions', () => {
  it.each([375, 1280])(
    'at %i px says what it means and offers the way on, in a box of its own',
    async (width) => {
      await atWidth(width);
      const onUpgrade = vi.fn();
      await renderInBrowser(<BillingOverview onUpgrade={onUpgrade} />, {
        adapter: createMemoryAdapter({ subscriptions: [] }),
      });
      const title = page.getByRole('heading', { name: 'No subscriptions yet' });
      await expect.element(title).toBeVisible();
      const box = title.element().closest('.abk-billing-overview__empty');
      if (!box) throw new Error('the empty state has no box');
      expect(getComputedStyle(box).borderStyle).not.toBe('none');
      expect(box.textContent).toContain('Choose a plan to start one');
      const action = page.getByRole('button', { name: 'See plans' });
      await expect.element(action).toBeVisible();
      await expectNoAxeViolations();
      await userEvent.click(action);
      expect(onUpgrade).toHaveBeenCalledWith('marketing');
    },
  );

  it('shows no action to a viewer who may not purchase', async () => {
    await atWidth(375);
    await renderInBrowser(<BillingOverview onUpgrade={() => {}} />, {
      adapter: createMemoryAdapter({
        subscriptions: [],
        viewer: { permissions: { purchase: false, manageBilling: false } },
      }),
    });
    await expect.element(page.getByRole('heading', { name: 'No subscriptions yet' })).toBeVisible();
    expect(page.getByRole('button', { name: 'See plans' }).query()).toBeNull();
  });
});
