import '../src/styles.css';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { ContactPicker, type ContactPickerProps } from '../src/components/contact-picker';
import type { AccountSettingsProviderProps } from '../src/provider/AccountSettingsProvider';
import { expectNoAxeViolations, renderInBrowser } from './browser-support';

const LABEL = 'Primary account contact';

interface Setup {
  adapterOptions?: MemoryAdapterOptions;
  provider?: Partial<AccountSettingsProviderProps>;
}

async function renderInProvider(ui: ReactElement, { adapterOptions, provider }: Setup = {}) {
  const { screen, adapter } = await renderInBrowser(ui, {
    adapter: createMemoryAdapter(adapterOptions),
    provider,
  });
  return { screen, adapter };
}

function Picker(props: Partial<ContactPickerProps>) {
  return <ContactPicker label={LABEL} searchDebounceMs={0} {...props} />;
}

const combobox = () => page.getByRole('combobox', { name: LABEL });

function inputElement(): HTMLInputElement {
  return combobox().element() as HTMLInputElement;
}

function listboxElement(): HTMLUListElement {
  const id = inputElement().getAttribute('aria-controls');
  const list = id ? document.getElementById(id) : null;
  if (!(list instanceof HTMLUListElement)) throw new Error('The combobox controls no list');
  return list;
}

function popoverElement(): HTMLElement {
  const popover = listboxElement().closest<HTMLElement>('.abk-contact-picker__popover');
  if (!popover) throw new Error('The list is not inside a popover');
  return popover;
}

/** The element that scrolls the options: the listbox itself or a wrapper inside the popover. */
function listScroller(): HTMLElement {
  const popover = popoverElement();
  for (
    let element: HTMLElement | null = listboxElement();
    element && element !== popover;
    element = element.parentElement
  ) {
    if (/auto|scroll/.test(getComputedStyle(element).overflowY)) return element;
  }
  return popover;
}

function renderedOptions(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('[role="option"]')];
}

function lastPosInSet(): number {
  return Math.max(0, ...renderedOptions().map((option) => Number(option.getAttribute('aria-posinset'))));
}

async function openList() {
  await userEvent.click(combobox());
  await expect.element(combobox()).toHaveAttribute('aria-expanded', 'true');
  await expect.element(page.getByRole('option').first()).toBeVisible();
}

beforeEach(async () => {
  await page.viewport(1024, 768);
});

afterEach(() => {
  window.scrollTo(0, 0);
});

describe('ContactPicker focus management', () => {
  it('keeps focus in the input while arrowing through the list', async () => {
    await renderInProvider(<Picker />);
    await openList();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await expect.element(combobox()).toHaveFocus();
    const activeId = inputElement().getAttribute('aria-activedescendant');
    expect(activeId).toBeTruthy();
    const active = document.getElementById(activeId ?? '');
    expect(active).toHaveAttribute('data-highlighted');
    expect(active).toHaveAttribute('aria-posinset', '3');
    await userEvent.keyboard('{ArrowUp}');
    await expect.element(combobox()).toHaveFocus();
    expect(
      document.getElementById(inputElement().getAttribute('aria-activedescendant') ?? ''),
    ).toHaveAttribute('aria-posinset', '2');
  });

  it('scrolls the highlighted row into the visible part of the list', async () => {
    await renderInProvider(<Picker />);
    await openList();
    for (let step = 0; step < 12; step += 1) await userEvent.keyboard('{ArrowDown}');
    const active = document.getElementById(inputElement().getAttribute('aria-activedescendant') ?? '');
    expect(active).toHaveAttribute('aria-posinset', '12');
    const row = active?.getBoundingClientRect();
    const visible = popoverElement().getBoundingClientRect();
    expect(row?.top).toBeGreaterThanOrEqual(visible.top);
    expect(row?.bottom).toBeLessThanOrEqual(visible.bottom);
  });

  it('closes on Escape and keeps focus in the input', async () => {
    await renderInProvider(<Picker />);
    await openList();
    await userEvent.keyboard('{ArrowDown}{Escape}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(combobox()).toHaveFocus();
    expect(popoverElement()).not.toBeVisible();
    expect(renderedOptions()).toHaveLength(0);
  });

  it('lets Tab move on to the next control and closes the list', async () => {
    await renderInProvider(
      <>
        <Picker />
        <button type="button">Next field</button>
      </>,
    );
    await openList();
    await userEvent.keyboard('{Tab}');
    await expect.element(page.getByRole('button', { name: 'Next field' })).toHaveFocus();
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    expect(popoverElement()).not.toBeVisible();
  });

  it('returns focus to the input after an option is clicked', async () => {
    await renderInProvider(<Picker />);
    await openList();
    await userEvent.fill(combobox(), 'aino');
    await userEvent.click(page.getByRole('option', { name: /Aino Mäkelä/ }));
    await expect.element(combobox()).toHaveValue('Aino Mäkelä');
    await expect.element(combobox()).toHaveFocus();
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('ContactPicker with 100,000 users', () => {
  async function openLargeAccount() {
    await renderInProvider(<Picker />, { adapterOptions: { users: 100_000 } });
    await openList();
    await expect.element(page.getByRole('option').first()).toHaveAttribute('aria-setsize', '100000');
    return { list: listboxElement(), scroller: listScroller() };
  }

  /** Counts the option elements in the list after every change, however brief. */
  function watchOptionCount(list: HTMLElement) {
    let most = list.querySelectorAll('[role="option"]').length;
    const observer = new MutationObserver(() => {
      most = Math.max(most, list.querySelectorAll('[role="option"]').length);
    });
    observer.observe(list, { childList: true });
    return {
      most: () => most,
      stop: () => observer.disconnect(),
    };
  }

  it('loads the next page when End reaches the last loaded row', async () => {
    const { scroller } = await openLargeAccount();
    const first = lastPosInSet();
    expect(first).toBeLessThanOrEqual(100);
    await userEvent.keyboard('{End}');
    await expect.poll(lastPosInSet).toBeGreaterThan(Math.max(first, 50));
    await expect.element(combobox()).toHaveFocus();
    // The scroll height stands for every loaded row, not just the rendered ones.
    await expect.poll(() => scroller.scrollHeight).toBeGreaterThanOrEqual(100 * 56);
  });

  it('keeps paging to ever later rows with End and with scrolling, with at most ~60 rows in the DOM', async () => {
    const { list, scroller } = await openLargeAccount();
    const count = watchOptionCount(list);
    try {
      expect(scroller.clientHeight).toBeLessThanOrEqual(320);
      const reached: number[] = [lastPosInSet()];
      for (let round = 0; round < 4; round += 1) {
        const before = lastPosInSet();
        await userEvent.keyboard('{End}');
        await expect.poll(lastPosInSet).toBeGreaterThan(before);
        reached.push(lastPosInSet());
      }
      await expect.element(combobox()).toHaveFocus();
      for (let round = 0; round < 3; round += 1) {
        const before = lastPosInSet();
        scroller.scrollTop = scroller.scrollHeight;
        await expect.poll(lastPosInSet).toBeGreaterThan(before);
        reached.push(lastPosInSet());
      }
      expect(reached[1]).toBeGreaterThanOrEqual(50);
      expect(reached.at(-1)).toBeGreaterThan(300);
      expect(count.most()).toBeLessThanOrEqual(60);
    } finally {
      count.stop();
    }
  });
});

describe('ContactPicker popover position', () => {
  it('opens upwards near the bottom of the viewport and stays on screen', async () => {
    await page.viewport(800, 600);
    await renderInProvider(
      <div style={{ position: 'absolute', insetInline: 16, bottom: 24 }}>
        <Picker />
      </div>,
    );
    await openList();
    const popover = popoverElement();
    expect(popover).toHaveAttribute('data-placement', 'top');
    const box = popover.getBoundingClientRect();
    const control = inputElement().getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(control.top);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(window.innerWidth);
  });

  it('opens downwards near the top of the viewport and stays on screen', async () => {
    await page.viewport(800, 600);
    await renderInProvider(
      <div style={{ position: 'absolute', insetInline: 16, top: 8 }}>
        <Picker />
      </div>,
    );
    await openList();
    const popover = popoverElement();
    expect(popover).toHaveAttribute('data-placement', 'bottom');
    const box = popover.getBoundingClientRect();
    const control = inputElement().getBoundingClientRect();
    expect(box.top).toBeGreaterThanOrEqual(control.bottom);
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
  });

  it('keeps a narrow field’s popover inside the viewport at the right edge', async () => {
    await page.viewport(800, 600);
    await renderInProvider(
      <div style={{ position: 'absolute', right: 4, top: 40, width: 200 }}>
        <Picker />
      </div>,
    );
    await openList();
    const box = popoverElement().getBoundingClientRect();
    expect(box.width).toBeGreaterThanOrEqual(280);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(document.documentElement.clientWidth);
  });
});

describe('ContactPicker accessibility in Chromium', () => {
  async function openWithStatuses() {
    await renderInProvider(<Picker allowExternalEmail description="Receives every account notification." />);
    await openList();
    // "ss" finds an invited and a deactivated user, and exercises the highlighting.
    await userEvent.fill(combobox(), 'ss');
    await expect.element(page.getByRole('option', { name: /Lukas Weiß/ })).toBeVisible();
    await userEvent.keyboard('{ArrowDown}');
  }

  it('has no axe violations while the list is open', async () => {
    await openWithStatuses();
    await expectNoAxeViolations();
  });

  it('has no axe violations in the dark theme while the list is open', async () => {
    await renderInProvider(<Picker />, { provider: { appearance: { colorScheme: 'dark' } } });
    await openList();
    await userEvent.fill(combobox(), 'ss');
    await expect.element(page.getByRole('option', { name: /Lukas Weiß/ })).toBeVisible();
    await expectNoAxeViolations();
  });

  it('names each option with text that includes what it shows (label-content-name-mismatch)', async () => {
    await openWithStatuses();
    await expectNoAxeViolations({ runOnly: ['label-content-name-mismatch'] });
  });
});
