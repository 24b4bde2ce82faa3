import '../src/styles.css';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../src/adapter/memory';
import { UpgradeWizard } from '../src/components/upgrade-wizard';
import type { Messages } from '../src/i18n/messages';
import { de } from '../src/locales/de';
import { en } from '../src/locales/en';
import { fi } from '../src/locales/fi';
import { it as italian } from '../src/locales/it';
import { pl } from '../src/locales/pl';
import { nordlichtCompany, policyLinks } from '../stories/fixtures';
import { renderInBrowser } from './browser-support';
import { cleanup } from 'vitest-browser-react';
import { salesStarterSeats } from '../stories/billing-fixtures';

/** Fills `{name}` placeholders of a catalog message. */
function fill(message: string, values: Record<string, string>): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function box(element: Element) {
  return element.getBoundingClientRect();
}

/** The distinct line boxes `element`'s text is laid out on, top to bottom, by their left edge. */
function lineStarts(element: Element): number[] {
  const range = document.createRange();
  range.selectNodeContents(element);
  const lines = new Map<number, number>();
  for (const rect of range.getClientRects()) {
    if (rect.width === 0) continue;
    const top = Math.round(rect.top);
    lines.set(top, Math.min(lines.get(top) ?? Infinity, rect.left));
  }
  return [...lines.entries()].sort(([a], [b]) => a - b).map(([, left]) => left);
}

const locales = { de, en, fi, pl, it: italian } as const;

/** A phone, in a host page with its own 16 px margin around the screen (as most hosts have). */
async function renderAtPhoneWidth(
  locale: keyof typeof locales,
  adapter = createMemoryAdapter(),
  width = 375,
) {
  await page.viewport(width, 812);
  document.body.style.margin = '16px';
  await renderInBrowser(<UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} />, {
    adapter,
    provider: { locale, locales: { [locale]: locales[locale] } },
  });
}

async function choosePlan(m: Messages, product: string, tier: string) {
  await userEvent.click(page.getByRole('tab', { name: product }));
  await userEvent.click(page.getByRole('button', { name: fill(m.upgrade.plan.select, { tier }) }));
  const buy = [m.upgrade.plan.buyMonthly, m.upgrade.plan.buyAnnual];
  await userEvent.click(
    page.getByRole('button', { name: new RegExp(`^(${buy.map(escapeRegExp).join('|')})`) }),
  );
}

async function toReview(m: Messages) {
  await choosePlan(m, 'Marketing Hub', 'Professional');
  const p = m.upgrade.payment;
  await expect.element(page.getByLabelText(p.companyName)).toHaveValue(nordlichtCompany.name);
  await userEvent.fill(page.getByLabelText(p.addressLine1), nordlichtCompany.addressLine1);
  await userEvent.fill(page.getByLabelText(p.postalCode), nordlichtCompany.postalCode);
  await userEvent.fill(page.getByLabelText(p.city), nordlichtCompany.city);
  await userEvent.selectOptions(page.getByLabelText(p.country), nordlichtCompany.country);
  await userEvent.click(page.getByRole('radio', { name: /^Visa/ }));
  await userEvent.click(page.getByRole('button', { name: p.reviewOrder }));
  await expect
    .element(page.getByRole('heading', { level: 3, name: new RegExp(m.upgrade.steps.review) }))
    .toBeInTheDocument();
  await expect.element(page.getByRole('rowheader', { name: m.upgrade.review.total })).toBeInTheDocument();
}

describe('the upgrade wizard at phone width', () => {
  beforeEach(() => {
    sessionStorage.clear();
  });

  afterEach(async () => {
    document.body.style.margin = '';
    sessionStorage.clear();
    await page.viewport(1280, 900);
  });

  it('in German, keeps each review detail’s name clear of its value', async () => {
    await renderAtPhoneWidth('de');
    await toReview(de);
    const rows = [...document.querySelectorAll('.abk-review__details > div')];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const term = row.querySelector('dt');
      const value = row.querySelector('dd');
      if (!term || !value) throw new Error('a detail without its name or value');
      // "Zahlungsmethode" is one word wider than a third of the card: it must not run under the value.
      expect(term.scrollWidth).toBeLessThanOrEqual(term.clientWidth);
      const [t, v] = [box(term), box(value)];
      const apart = t.right <= v.left + 0.5 || t.bottom <= v.top + 0.5;
      expect(apart, `“${term.textContent}” overlaps “${value.textContent}”`).toBe(true);
      expect(v.right).toBeLessThanOrEqual(window.innerWidth);
    }
  });

  it('in German, wraps a skipped step’s note under its name instead of squeezing the name', async () => {
    await renderAtPhoneWidth('de');
    await toReview(de);
    const note = document.querySelector('.abk-steps__note');
    if (!note?.parentElement) throw new Error('no note on the skipped step');
    const name = [...note.parentElement.childNodes].find((node) => node.nodeType === Node.TEXT_NODE);
    if (!name) throw new Error('no name beside the note');
    expect(name.textContent).toBe('Lizenzen zuweisen');
    // The name stays whole on its line; the note follows it and wraps.
    const range = document.createRange();
    range.selectNodeContents(name);
    expect(new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size).toBe(1);
    expect(box(note).right).toBeLessThanOrEqual(window.innerWidth);
  });

  it('keeps every amount of the order summary on one line, inside the card, in English and German', async () => {
    // 360 px: the narrowest common Android phone, where "Abrechnungsintervall" and
    // "Jährliche Rechnung" side by side are wider than the card.
    for (const [locale, messages, width] of [
      ['en', en, 375],
      ['de', de, 360],
    ] as const) {
      await renderAtPhoneWidth(locale, createMemoryAdapter(), width);
      await toReview(messages);
      const table = document.querySelector('.abk-review__table');
      const step = table?.closest('.abk-upgrade__step');
      if (!table || !step) throw new Error('no order summary');
      // Nothing widens the page: it never scrolls sideways.
      expect(document.documentElement.scrollWidth).toBeLessThanOrEqual(window.innerWidth);
      expect(box(step).right).toBeLessThanOrEqual(window.innerWidth);
      expect(box(table).right).toBeLessThanOrEqual(box(step).right);
      const amounts = [...table.querySelectorAll('tr:not([data-kind="interval"]) td')];
      expect(amounts.length).toBeGreaterThanOrEqual(4);
      for (const amount of amounts) {
        expect(lineStarts(amount), `“${amount.textContent}” is broken over lines`).toHaveLength(1);
      }
      await cleanup();
      sessionStorage.clear();
    }
  });

  it('in Finnish, lines a tier’s long feature up under its first line, not under the tick', async () => {
    // The smallest phones in use: the feature is sure to wrap.
    await renderAtPhoneWidth('fi', createMemoryAdapter(), 320);
    const feature = page.getByText('Lomakkeet ja laskeutumissivut');
    await expect.element(feature).toBeInTheDocument();
    const starts = lineStarts(feature.element());
    // The feature is long enough to wrap at this width; both lines start at the same edge.
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...starts) - Math.min(...starts)).toBeLessThan(1);
  });

  it('fills the width with the seat question’s answers instead of leaving them ragged', async () => {
    // Anna Schmidt holds a Sales Hub seat today: unticking her asks first.
    const adapter = createMemoryAdapter({
      subscriptions: [salesStarterSeats(3, ['u001', 'u002'])],
    });
    await renderAtPhoneWidth('en', adapter);
    await choosePlan(en, 'Sales Hub', 'Professional');
    const anna = page.getByRole('checkbox', { name: 'Seat for Anna Schmidt' });
    await expect.element(anna).toBeChecked();
    const bulk = page.getByRole('button', { name: 'Select all shown' }).element().parentElement;
    if (!bulk) throw new Error('no bulk actions');
    // The bulk actions share the toolbar's row: "Clear all" does not wrap alone under the other.
    expectRowsFilled(bulk, bulk.parentElement ?? bulk);
    await userEvent.click(anna);
    const question = page.getByRole('group', { name: 'Anna Schmidt has a seat today. Remove it?' });
    const actions = question.getByRole('button', { name: 'Keep seat' }).element().parentElement;
    if (!actions) throw new Error('no actions');
    expectRowsFilled(actions);
  });
});

/** Every row of `container`'s buttons ends at `row`'s end edge: none trails short of it. */
function expectRowsFilled(container: Element, row: Element = container) {
  const end = box(row).right;
  const buttons = [...container.querySelectorAll('button')];
  expect(buttons.length).toBeGreaterThanOrEqual(2);
  for (const button of buttons) {
    const b = box(button);
    const next = buttons.find(
      (other) => other !== button && Math.abs(box(other).top - b.top) < 1 && box(other).left > b.left,
    );
    if (!next)
      expect(b.right, `“${button.textContent}” stops short of the row’s end`).toBeGreaterThan(end - 1);
    expect(b.right).toBeLessThanOrEqual(window.innerWidth);
  }
}

describe('the upgrade wizard, phone and desktop', () => {
  beforeEach(() => {
    sessionStorage.clear();
  });

  afterEach(async () => {
    document.body.style.margin = '';
    sessionStorage.clear();
    await page.viewport(1280, 900);
  });

  it.each(['en', 'de', 'fi', 'pl', 'it'] as const)(
    'in %s at 375 px, keeps "Annual billing" on one line and its saving whole beside or under it',
    async (locale) => {
      const m = locales[locale];
      await renderAtPhoneWidth(locale);
      const annual = page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(m.upgrade.plan.annual)}`) });
      await expect.element(annual).toBeInTheDocument();
      const option = annual.element().closest('label');
      if (!option) throw new Error('no option');
      const name = [...option.querySelectorAll('span')].find(
        (span) => span.textContent === m.upgrade.plan.annual,
      );
      const badge = option.querySelector('.abk-badge');
      if (!name || !badge) throw new Error('no name or saving');
      expect(lineStarts(name), 'the name is broken over lines').toHaveLength(1);
      expect(lineStarts(badge), 'the saving is broken over lines').toHaveLength(1);
    },
  );

  it('at 375 px, keeps Back on the row of the step’s main action', async () => {
    await renderAtPhoneWidth('en');
    await choosePlan(en, 'Sales Hub', 'Professional');
    const back = page.getByRole('button', { name: 'Back' });
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await expect.element(next).toBeVisible();
    const backBox = box(back.element());
    const nextBox = box(next.element());
    expect(Math.abs(backBox.top - nextBox.top), 'Back sits on a row of its own').toBeLessThan(1);
    // The main action still takes the rest of the row.
    const footer = next.element().closest('.abk-upgrade__footer');
    if (!footer) throw new Error('no footer');
    const style = getComputedStyle(footer);
    const end = box(footer).right - parseFloat(style.paddingRight);
    expect(Math.abs(nextBox.right - end)).toBeLessThan(1);
  });

  it('at 1280 px, sets the review’s details beside the order summary instead of leaving half the card empty', async () => {
    await page.viewport(1280, 900);
    await renderInBrowser(<UpgradeWizard {...policyLinks} draftStorage={null} quoteDebounceMs={0} />);
    await toReview(en);
    const table = page.getByRole('table').element();
    const method = page.getByText('Payment method', { exact: true }).element();
    expect(box(method).left, 'the details are under the summary').toBeGreaterThan(box(table).right);
    expect(box(method).top).toBeLessThan(box(table).bottom);
    const step = table.closest('.abk-upgrade__step');
    if (!step) throw new Error('no step');
    const terms = page.getByRole('checkbox', { name: 'I agree to these terms' }).element();
    // The right column reaches the card's far side.
    expect(box(step).right - box(terms.closest('.abk-review__terms') ?? terms).right).toBeLessThan(64);
  });
});
