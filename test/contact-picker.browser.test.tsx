import '../src/styles.css';
import type { ReactElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../src/adapter/memory';
import { ContactPicker, type ContactPickerProps } from '../src/components/contact-picker';
import { matchesAllTerms, searchTerms } from '../src/lib/search-text';
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

/** What the picker's live region says. */
function statusText(): string {
  return page.getByRole('status').element().textContent;
}

/** The option `aria-activedescendant` points at, or null. */
function activeOption(): HTMLElement | null {
  const id = inputElement().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
}

function activePosition(): number {
  return Number(activeOption()?.getAttribute('aria-posinset') ?? 0);
}

/** How many rows the list's scrolling content stands for: every loaded row, rendered or not. */
function loadedRows(scroller: HTMLElement): number {
  return Math.round(scroller.scrollHeight / 56);
}

/** Presses PageDown until `done` holds (the next page may take a moment to arrive), at most 200 times. */
async function pageDownUntil(done: () => boolean) {
  for (let press = 0; press < 200 && !done(); press += 1) {
    await userEvent.keyboard('{PageDown}');
    if (!done()) await new Promise((resolve) => requestAnimationFrame(resolve));
  }
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

describe('ContactPicker keyboard (WAI-ARIA combobox pattern)', () => {
  /** Types `text` into the open picker and waits for the server's answer for it. */
  async function search(text: string) {
    await userEvent.fill(combobox(), text);
    await expect.poll(statusText).toMatch(/found/);
  }

  function statusOf(option: HTMLElement | null) {
    return option?.getAttribute('aria-disabled') === 'true' ? 'disabled' : 'enabled';
  }

  /**
   * Types `text` as the browser delivers a keystroke (keydown, value, input event, keyup) and
   * returns what the list shows once the event has been handled: no frame in between.
   */
  function typeAndReadList(text: string) {
    const input = inputElement();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const key = text.at(-1) ?? '';
    input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
    setValue?.call(input, text);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: key }));
    input.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    const terms = searchTerms(text);
    const shown = renderedOptions().map((option) => option.textContent);
    return {
      expanded: input.getAttribute('aria-expanded'),
      visible: !popoverElement().hidden,
      count: shown.length,
      allMatch: shown.every((optionText) => matchesAllTerms(optionText, terms)),
    };
  }

  it('shows the list narrowed by a keystroke in that keystroke’s own render, open or closed', async () => {
    // The default debounce: the server is asked later, the loaded rows narrow at once.
    await renderInProvider(<ContactPicker label={LABEL} />);
    await openList();
    await expect.poll(statusText).toMatch(/found/);
    const everyone = renderedOptions().length;
    const open = typeAndReadList('ko');
    expect(open.count).toBeGreaterThan(0);
    expect(open.count).toBeLessThan(everyone);
    expect(open.allMatch).toBe(true);

    // Typing into a closed picker opens it on rows narrowed in that same render, not on an
    // empty list that fills in once the list has been measured after paint.
    await userEvent.keyboard('{Escape}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    const closed = typeAndReadList('kos');
    expect(closed.expanded).toBe('true');
    expect(closed.visible).toBe(true);
    expect(closed.count).toBeGreaterThan(0);
    expect(closed.allMatch).toBe(true);
  });

  it('opens with Down on the first option, and with Up on the last one', async () => {
    await renderInProvider(<Picker />);
    await combobox().click();
    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{ArrowDown}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'true');
    await expect.poll(activePosition).toBe(1);
    expect(activeOption()).toHaveAttribute('aria-selected', 'true');
    expect(activeOption()).toHaveAttribute('data-highlighted');

    await search('ss');
    const count = renderedOptions().length;
    await userEvent.keyboard('{Escape}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    // Escape only closed the list: the text typed without a value stays, and so does its search.
    await expect.element(combobox()).toHaveValue('ss');
    await userEvent.keyboard('{ArrowUp}');
    await expect.poll(activePosition).toBe(count);
  });

  it('wraps Down and Up at the ends of a fully loaded list, and skips deactivated users', async () => {
    await renderInProvider(<Picker />);
    await openList();
    // "ss" finds four users, one of them (Lukas Weiß) deactivated.
    await search('ss');
    const options = renderedOptions();
    expect(options).toHaveLength(4);
    const enabled = options.filter((option) => statusOf(option) === 'enabled');
    expect(enabled).toHaveLength(3);

    const visited: number[] = [];
    for (let press = 0; press < enabled.length + 1; press += 1) {
      await userEvent.keyboard('{ArrowDown}');
      expect(statusOf(activeOption())).toBe('enabled');
      visited.push(activePosition());
    }
    // Three enabled options, then back to the first.
    expect(new Set(visited.slice(0, 3)).size).toBe(3);
    expect(visited[3]).toBe(visited[0]);
    await userEvent.keyboard('{ArrowUp}');
    expect(activePosition()).toBe(visited[2]);
    await expect.element(combobox()).toHaveFocus();
  });

  it('stops at the first option of a partly loaded list instead of wrapping to a page boundary', async () => {
    await renderInProvider(<Picker />, { adapterOptions: { users: 100_000 } });
    await openList();
    await userEvent.keyboard('{ArrowDown}');
    await expect.poll(activePosition).toBe(1);
    await userEvent.keyboard('{ArrowUp}');
    expect(activePosition()).toBe(1);
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activePosition()).toBe(3);
  });

  it('opens with Alt+Down without choosing an option, and closes with Alt+Up without choosing', async () => {
    const onValueChange = vi.fn();
    await renderInProvider(<Picker onValueChange={onValueChange} />);
    await combobox().click();
    await userEvent.keyboard('{Escape}');
    await userEvent.keyboard('{Alt>}{ArrowDown}{/Alt}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'true');
    await expect.element(page.getByRole('option').first()).toBeVisible();
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');

    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(activePosition()).toBe(2);
    await userEvent.keyboard('{Alt>}{ArrowUp}{/Alt}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(combobox()).toHaveFocus();
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('leaves Home, End, Left and Right to the text: the caret moves and the list lets go of its option', async () => {
    await renderInProvider(<Picker />);
    await openList();
    await search('anna');
    await userEvent.keyboard('{ArrowDown}');
    expect(activePosition()).toBe(1);
    await userEvent.keyboard('{Home}');
    expect(inputElement().selectionStart).toBe(0);
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'true');

    await userEvent.keyboard('{ArrowDown}{End}');
    expect(inputElement().selectionStart).toBe('anna'.length);
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');

    await userEvent.keyboard('{ArrowDown}{ArrowLeft}');
    expect(inputElement().selectionStart).toBe('anna'.length - 1);
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');
    await userEvent.keyboard('{ArrowDown}{ArrowRight}');
    expect(inputElement().selectionStart).toBe('anna'.length);
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');
    await expect.element(combobox()).toHaveValue('anna');
  });

  it('moves by a visible page with PageDown and PageUp, keeping the active option in view', async () => {
    await renderInProvider(<Picker />);
    await openList();
    const perPage = Math.floor(listScroller().clientHeight / 56);
    expect(perPage).toBeGreaterThanOrEqual(3);
    await userEvent.keyboard('{ArrowDown}{PageDown}');
    expect(activePosition()).toBe(1 + perPage);
    await userEvent.keyboard('{PageDown}');
    expect(activePosition()).toBe(1 + 2 * perPage);
    const row = activeOption()?.getBoundingClientRect();
    const visible = listScroller().getBoundingClientRect();
    expect(row?.top).toBeGreaterThanOrEqual(visible.top);
    expect(row?.bottom).toBeLessThanOrEqual(visible.bottom);
    await userEvent.keyboard('{PageUp}');
    expect(activePosition()).toBe(1 + perPage);
    await userEvent.keyboard('{PageUp}{PageUp}');
    // Pages stop at the ends.
    expect(activePosition()).toBe(1);
  });

  it('chooses the active option with Enter, closes, and keeps focus in the input', async () => {
    const onValueChange = vi.fn();
    await renderInProvider(<Picker onValueChange={onValueChange} />);
    await openList();
    await search('matteo');
    await userEvent.keyboard('{ArrowDown}{Enter}');
    expect(onValueChange.mock.calls[0]?.[0]).toMatchObject({
      kind: 'user',
      user: { displayName: 'Matteo Rossi' },
    });
    await expect.element(combobox()).toHaveValue('Matteo Rossi');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(combobox()).toHaveFocus();
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');
  });

  it('does not choose a deactivated user with Enter or a click', async () => {
    const onValueChange = vi.fn();
    await renderInProvider(<Picker onValueChange={onValueChange} />);
    await openList();
    await search('lukas weiss');
    const deactivated = page.getByRole('option', { name: /Lukas Weiß/ });
    await expect.element(deactivated).toHaveAttribute('aria-disabled', 'true');
    await userEvent.keyboard('{ArrowDown}');
    // The only match is deactivated: nothing becomes active.
    expect(inputElement()).not.toHaveAttribute('aria-activedescendant');
    // Forced: the pointer can reach a deactivated user even though automation treats it as disabled.
    await deactivated.click({ force: true });
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'true');
    await expect.element(combobox()).toHaveValue('lukas weiss');
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('closes with Escape, putting the value back; a second Escape clears it', async () => {
    const onValueChange = vi.fn();
    await renderInProvider(
      <Picker defaultValue={{ kind: 'email', email: 'soc@partner.example' }} onValueChange={onValueChange} />,
    );
    await openList();
    await userEvent.fill(combobox(), 'gi');
    await userEvent.keyboard('{Escape}');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    await expect.element(combobox()).toHaveValue('soc@partner.example');
    expect(onValueChange).not.toHaveBeenCalled();
    await userEvent.keyboard('{Escape}');
    await expect.element(combobox()).toHaveValue('');
    expect(onValueChange).toHaveBeenCalledWith(null);
    await expect.element(combobox()).toHaveFocus();
  });

  it('chooses the active option when Tab leaves the field, and moves focus on', async () => {
    const onValueChange = vi.fn();
    await renderInProvider(
      <>
        <Picker onValueChange={onValueChange} />
        <button type="button">Next field</button>
      </>,
    );
    await openList();
    await search('giulia');
    await userEvent.keyboard('{ArrowDown}{Tab}');
    await expect.element(page.getByRole('button', { name: 'Next field' })).toHaveFocus();
    await expect.element(combobox()).toHaveValue('Giulia Bianchi');
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'false');
    expect(onValueChange.mock.calls[0]?.[0]).toMatchObject({ user: { displayName: 'Giulia Bianchi' } });
  });

  it('does not search for, or choose with, the keys of a text still being composed (IME)', async () => {
    const onValueChange = vi.fn();
    await renderInProvider(<Picker onValueChange={onValueChange} />);
    await openList();
    await search('a');
    const before = renderedOptions().length;
    await userEvent.keyboard('{ArrowDown}');
    // An input method composes "ä" after the "a": the text shows it, the search waits for it.
    await cdp().send('Input.imeSetComposition', { text: 'ä', selectionStart: 1, selectionEnd: 1 });
    await expect.element(combobox()).toHaveValue('aä');
    expect(renderedOptions()).toHaveLength(before);
    // Enter commits the composition; it chooses nothing.
    await userEvent.keyboard('{Enter}');
    await cdp().send('Input.insertText', { text: 'ä' });
    await expect.element(combobox()).toHaveValue('aä');
    expect(onValueChange).not.toHaveBeenCalled();
    await expect.element(combobox()).toHaveAttribute('aria-expanded', 'true');
    // Committed, the text is searched for.
    await expect.poll(statusText).toMatch(/No users match “\u2068?aä\u2069?”/);
  });

  it('follows the pointer: hovering makes an option active, leaving the list lets go, a click chooses', async () => {
    await renderInProvider(<Picker />);
    await openList();
    await search('ma');
    const third = page.getByRole('option').nth(2);
    await third.hover();
    await expect.element(third).toHaveAttribute('data-highlighted');
    expect(activeOption()).toBe(third.element());
    await page.getByRole('button', { name: 'Show users' }).hover();
    await expect.poll(() => inputElement().hasAttribute('aria-activedescendant')).toBe(false);
    const name = (third.element().querySelector('.abk-contact-picker__name')?.textContent ?? '').trim();
    await third.click();
    await expect.element(combobox()).toHaveValue(name);
    await expect.element(combobox()).toHaveFocus();
  });

  it('names the list it controls, says how many users match, and numbers the rendered options in the whole list', async () => {
    await renderInProvider(<Picker />, { adapterOptions: { users: 100_000 } });
    await openList();
    expect(listboxElement()).toHaveAttribute('role', 'listbox');
    expect(listboxElement()).toHaveAccessibleName(LABEL);
    await expect.element(page.getByRole('status')).toHaveTextContent('100,000 users found.');
    await pageDownUntil(() => activePosition() >= 40);
    const positions = renderedOptions().map((option) => Number(option.getAttribute('aria-posinset')));
    expect(
      positions.every((position, index) => index === 0 || position === (positions[index - 1] ?? 0) + 1),
    ).toBe(true);
    expect(positions[0]).toBeGreaterThan(1);
    for (const option of renderedOptions()) expect(option).toHaveAttribute('aria-setsize', '100000');
    expect(activeOption()).toHaveAttribute('aria-posinset', String(activePosition()));
    await expectNoAxeViolations();
  });
});

describe('ContactPicker answers in the task that asks', () => {
  /** Resolves in a task queued now: after every microtask of the current one, before later tasks. */
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('shows the first rows of the open list before the next task, not a frame later', async () => {
    await renderInProvider(<Picker />, { adapterOptions: { users: 1_000 } });
    // A click as the browser delivers it to the input; nothing is cached yet.
    inputElement().click();
    await nextTask();
    expect(inputElement()).toHaveAttribute('aria-expanded', 'true');
    expect(renderedOptions().length).toBeGreaterThan(0);
    expect(renderedOptions()[0]).toHaveAttribute('aria-setsize', '1000');
  });

  it('shows an in-page adapter’s answer to a keystroke before the next task, not its local narrowing', async () => {
    const { adapter } = await renderInProvider(<Picker />, { adapterOptions: { users: 1_000 } });
    await openList();
    await expect.poll(statusText).toMatch(/found/);
    // Few of the 50 loaded users match "ko"; the server finds more.
    const { total } = await adapter.searchUsers({ query: 'ko', limit: 1 });
    const input = inputElement();
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', bubbles: true, cancelable: true }));
    setValue?.call(input, 'ko');
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'o' }));
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'o', bubbles: true, cancelable: true }));
    const loadedMatches = renderedOptions().length;
    await nextTask();
    expect(total).toBeGreaterThan(loadedMatches);
    expect(renderedOptions()[0]).toHaveAttribute('aria-setsize', String(total));
    expect(listboxElement()).not.toHaveAttribute('aria-busy');
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

  it('loads the next page when PageDown reaches the last loaded row', async () => {
    const { scroller } = await openLargeAccount();
    const first = lastPosInSet();
    expect(first).toBeLessThanOrEqual(100);
    await pageDownUntil(() => lastPosInSet() > Math.max(first, 50));
    await expect.poll(lastPosInSet).toBeGreaterThan(Math.max(first, 50));
    await expect.element(combobox()).toHaveFocus();
    // The scroll height stands for every loaded row, not just the rendered ones.
    await expect.poll(() => scroller.scrollHeight).toBeGreaterThanOrEqual(100 * 56);
  });

  it('keeps paging to ever later rows with PageDown and with scrolling, with at most ~60 rows in the DOM', async () => {
    const { list, scroller } = await openLargeAccount();
    const count = watchOptionCount(list);
    try {
      expect(scroller.clientHeight).toBeLessThanOrEqual(320);
      const reached: number[] = [lastPosInSet()];
      for (let round = 0; round < 4; round += 1) {
        const before = lastPosInSet();
        // Past the end of what was loaded: the next page has arrived and is shown.
        const loaded = loadedRows(scroller);
        await pageDownUntil(() => lastPosInSet() > loaded);
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

describe('ContactPicker, read-only and empty', () => {
  it('shows no search magnifier, since nobody can search it', async () => {
    await renderInProvider(<Picker readOnly value={null} />);
    await expect.element(combobox()).toBeInTheDocument();
    const leading = inputElement()
      .closest('.abk-contact-picker__control')
      ?.querySelector('.abk-contact-picker__leading');
    if (!leading) throw new Error('no leading slot');
    expect(leading.querySelector('.abk-icon')).not.toBeNull();
    expect(leading.getBoundingClientRect().width).toBe(0);
  });
});
