// The benchmark page: one combobox per page load, chosen by the URL
// (?lib=contact-picker|downshift|headless|react-select&users=N&debounce=ms&latency=ms).
// scripts/bench.mjs drives it through `window.__bench`; every timing is taken here, with
// performance.now() and requestAnimationFrame, so no DevTools round trip is inside a measurement.
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import Select from 'react-select';
import { createMemoryAdapter, generateUsers, type MemoryAdapter } from '../src/adapter/memory.js';
import { AccountSettingsProvider, ContactPicker } from '../src/index.js';
import { foldText, matchesAllTerms, searchTerms } from '../src/lib/search-text.js';
import type { User } from '../src/schemas/index.js';
import '../src/styles.css';
import { DownshiftVirtualPicker, HeadlessVirtualPicker } from './peers.js';

type Lib = 'contact-picker' | 'downshift' | 'headless' | 'react-select';
const LIBS: Lib[] = ['contact-picker', 'downshift', 'headless', 'react-select'];

interface BenchConfig {
  lib: Lib;
  users: number;
  /** ContactPicker's `searchDebounceMs`; null leaves the prop unset (the default). */
  debounce: number | null;
  /** The memory adapter's latency (ms): > 0 moves its search after the keystroke's paint, as a remote backend would. */
  latency: number;
}

export interface KeystrokeResult {
  /** The input's value after the keystroke. */
  query: string;
  /** How many users the query matches. */
  expected: number;
  /** Keydown → second frame after every rendered option matches the query (or "no match" shows). */
  firstMs: number | null;
  /**
   * Keydown → second frame after the list shows exactly the expected result: the first match
   * first, the last rendered option the match at its position, and the expected count.
   */
  exactMs: number | null;
  /** Statuses ContactPicker showed, with no options, although the query has matches ("empty", "loading"). */
  blankStatuses: string[];
}

export interface BenchApi {
  config: BenchConfig;
  /** Generating the data set (not part of any measurement). */
  setupMs: number;
  /** createRoot().render() → second frame after the closed control is in the DOM. */
  mount(): Promise<number>;
  /** Click on the control → second frame after the first options are in the DOM. */
  open(): Promise<number>;
  /** What the open list holds once it has settled. */
  listStats(): ListStats;
  /**
   * Types each query from an empty input, one character at a time, and times every keystroke.
   * Stops starting new keystrokes once `budgetMs` has passed.
   */
  type(queries: string[], timeoutMs: number, budgetMs: number): Promise<KeystrokeResult[]>;
  /** ContactPicker only: how long the in-page memory adapter takes to answer each query (ms). */
  adapterSearchMs(queries: string[]): Promise<number[]>;
}

export interface ListStats {
  /** Option elements in the DOM. */
  rows: number;
  /** The list's visible height (px). */
  listHeight: number;
  /** ContactPicker only: adapter searches made. */
  searches: number | null;
}

declare global {
  interface Window {
    __bench?: BenchApi;
    /** Exposed by Chromium's --js-flags=--expose-gc. */
    gc?: () => void;
  }
}

const params = new URLSearchParams(location.search);
const config: BenchConfig = {
  lib: LIBS.find((lib) => lib === params.get('lib')) ?? 'contact-picker',
  users: Number(params.get('users') ?? '1000'),
  debounce: params.has('debounce') ? Number(params.get('debounce')) : null,
  latency: Number(params.get('latency') ?? '0'),
};

const container = document.getElementById('app') as HTMLDivElement;
const noop = () => undefined;

// ---------------------------------------------------------------------------------------------
// Data: the same users in the same order for every picker. ContactPicker's memory adapter
// generates its own copy from the count, as a host's backend would hold it; the peers get them
// sorted as the adapter sorts them, with the adapter's filter (every term in the folded name
// and email), so every picker shows the same options in the same order.

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function sortedUsers(): User[] {
  return generateUsers(config.users).sort((a, b) => collator.compare(a.displayName, b.displayName));
}

/** The adapter's filter over `users`, with each user's folded text computed once. */
function userFilter(users: User[]) {
  const haystacks = users.map((user) => foldText(`${user.displayName} ${user.email}`));
  return (query: string): User[] => {
    const terms = searchTerms(query);
    if (terms.length === 0) return users;
    return users.filter((_, index) => {
      const haystack = haystacks[index] ?? '';
      return terms.every((term) => haystack.includes(term));
    });
  };
}

interface SelectOption {
  value: string;
  label: string;
  user: User;
}

const setupStart = performance.now();
let element: ReactElement;
let adapter: MemoryAdapter | null = null;
let pageUsers: User[] | null = null;
if (config.lib === 'contact-picker') {
  adapter = createMemoryAdapter({ users: config.users, latency: config.latency });
  element = (
    <AccountSettingsProvider adapter={adapter}>
      <ContactPicker label="Contact" searchDebounceMs={config.debounce ?? undefined} onValueChange={noop} />
    </AccountSettingsProvider>
  );
} else {
  const users = sortedUsers();
  pageUsers = users;
  const filter = userFilter(users);
  if (config.lib === 'downshift') element = <DownshiftVirtualPicker users={users} filter={filter} />;
  else if (config.lib === 'headless') element = <HeadlessVirtualPicker users={users} filter={filter} />;
  else {
    const options: SelectOption[] = users.map((user) => ({ value: user.id, label: user.displayName, user }));
    const terms = new Map<string, string>(
      users.map((user) => [user.id, foldText(`${user.displayName} ${user.email}`)]),
    );
    element = (
      <div>
        <label htmlFor="bench-select-input">Contact</label>
        <Select<SelectOption>
          inputId="bench-select-input"
          options={options}
          classNamePrefix="rs"
          onChange={noop}
          // The same filter as everyone else's.
          filterOption={(option, input) =>
            searchTerms(input).every((term) => terms.get(option.data.value)?.includes(term))
          }
        />
      </div>
    );
  }
}
const setupMs = performance.now() - setupStart;

// ---------------------------------------------------------------------------------------------
// Timing helpers

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/** The time of the second animation frame after `detectedAt`: the frame that shows the change has been painted. */
async function paintedAfter(detectedAt: number | null): Promise<number | null> {
  if (detectedAt === null) return null;
  await nextFrame();
  await nextFrame();
  return performance.now();
}

/**
 * Resolves with the time `check` first holds, watching every DOM mutation under the body
 * (and, as a safety net, every frame); null after `timeoutMs`.
 */
function waitFor(check: () => boolean, timeoutMs: number, onChange?: () => void): Promise<number | null> {
  return new Promise((resolve) => {
    if (check()) {
      resolve(performance.now());
      return;
    }
    let done = false;
    let frame = 0;
    const observer = new MutationObserver(() => {
      onChange?.();
      if (check()) finish(performance.now());
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    function finish(value: number | null) {
      if (done) return;
      done = true;
      observer.disconnect();
      clearTimeout(timer);
      cancelAnimationFrame(frame);
      resolve(value);
    }
    function poll() {
      if (done) return;
      onChange?.();
      if (check()) finish(performance.now());
      else frame = requestAnimationFrame(poll);
    }
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    frame = requestAnimationFrame(poll);
  });
}

/** Resolves once the DOM has not changed for `quietMs` (at most `maxMs`): late work (more pages, re-measuring) is done. */
function waitQuiet(quietMs: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let quietTimer = setTimeout(finish, quietMs);
    const maxTimer = setTimeout(finish, maxMs);
    const observer = new MutationObserver(() => {
      clearTimeout(quietTimer);
      quietTimer = setTimeout(finish, quietMs);
    });
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
    function finish() {
      observer.disconnect();
      clearTimeout(quietTimer);
      clearTimeout(maxTimer);
      resolve();
    }
  });
}

// ---------------------------------------------------------------------------------------------
// DOM access, per library

interface Driver {
  /** Class of the option elements. */
  optionClass: string;
  /** The scrolling list. */
  list(): HTMLElement | null;
  /** What a click opens the list with. */
  openTarget(): HTMLElement | null;
  /** Whether the list is showing (options may still be on their way). */
  isOpen(): boolean;
  /** The user's name an option shows. */
  name(option: Element): string;
  /** The option's position in the whole result (1-based). */
  position(option: Element, index: number): number;
  /** How many options the list says it has in all. */
  count(options: HTMLCollectionOf<Element>): number;
  /** The list says nothing matches. */
  empty(): boolean;
}

const text = (element: Element | null | undefined) => element?.textContent ?? '';
const posInSet = (option: Element) => Number(option.getAttribute('aria-posinset'));
const setSize = (options: HTMLCollectionOf<Element>) => Number(options[0]?.getAttribute('aria-setsize') ?? 0);

function pickerPopover(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.abk-contact-picker__popover');
}

const DRIVERS: Record<Lib, Driver> = {
  'contact-picker': {
    optionClass: 'abk-contact-picker__option',
    list: () => document.querySelector('.abk-contact-picker__list'),
    openTarget: () => container.querySelector('input[role="combobox"]'),
    isOpen: () => pickerPopover()?.hidden === false,
    name: (option) => text(option.querySelector('.abk-contact-picker__name')),
    position: posInSet,
    count: setSize,
    empty: () => pickerPopover()?.dataset.status === 'empty',
  },
  downshift: {
    optionClass: 'peer-option',
    list: () => document.querySelector('.peer-list'),
    openTarget: () => container.querySelector('input'),
    isOpen: () => container.querySelector('input')?.getAttribute('aria-expanded') === 'true',
    name: (option) => text(option.querySelector('.peer-name')),
    position: posInSet,
    count: setSize,
    empty: () => document.querySelector('.peer-empty') !== null,
  },
  headless: {
    optionClass: 'peer-option',
    list: () => document.querySelector('.peer-list'),
    openTarget: () => container.querySelector('input'),
    isOpen: () => container.querySelector('input')?.getAttribute('aria-expanded') === 'true',
    name: (option) => text(option.querySelector('.peer-name')),
    position: posInSet,
    count: setSize,
    empty: () => document.querySelector('.peer-empty') !== null,
  },
  'react-select': {
    optionClass: 'rs__option',
    list: () => document.querySelector('.rs__menu-list'),
    openTarget: () => container.querySelector('.rs__control'),
    isOpen: () => document.querySelector('.rs__menu') !== null,
    name: (option) => text(option),
    // Every match is rendered, in order.
    position: (_, index) => index + 1,
    count: (options) => options.length,
    empty: () => document.querySelector('.rs__menu-notice--no-options') !== null,
  },
};
const driver = DRIVERS[config.lib];

function input(): HTMLInputElement {
  const found = container.querySelector<HTMLInputElement>('input[role="combobox"], input#bench-select-input');
  if (!found) throw new Error('combobox input not found');
  return found;
}

function optionElements(): HTMLCollectionOf<Element> {
  return document.getElementsByClassName(driver.optionClass);
}

function visibleOptionCount(): number {
  return driver.isOpen() ? optionElements().length : 0;
}

// ---------------------------------------------------------------------------------------------
// What the list should show

/** Every rendered option matches `query` (or, when nothing matches, the list says so): the first narrowed paint. */
function consistentWith(query: string, expected: string[]): boolean {
  // react-select's options show the name alone (a match may be in the email): it renders every
  // match at once, so its first narrowed paint is its exact one.
  if (config.lib === 'react-select') return exactly(query, expected);
  if (input().value !== query) return false;
  const options = optionElements();
  if (expected.length === 0) return options.length === 0 && driver.empty();
  if (visibleOptionCount() === 0) return false;
  const terms = searchTerms(query);
  for (const option of options) if (!matchesAllTerms(text(option), terms)) return false;
  return true;
}

/** The list shows exactly the expected result: first option, last rendered option at its place, and the count. */
function exactly(query: string, expected: string[]): boolean {
  if (input().value !== query) return false;
  const options = optionElements();
  if (expected.length === 0) return options.length === 0 && driver.empty();
  if (visibleOptionCount() === 0) return false;
  const first = options[0];
  const lastIndex = options.length - 1;
  const last = options[lastIndex];
  if (!first || !last) return false;
  return (
    driver.count(options) === expected.length &&
    driver.position(first, 0) === 1 &&
    driver.name(first) === expected[0] &&
    driver.name(last) === expected[driver.position(last, lastIndex) - 1]
  );
}

// ---------------------------------------------------------------------------------------------
// Input, as the browser would deliver it: keydown, value change + input event, keyup.

const valueSetter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;

function setValue(
  target: HTMLInputElement,
  value: string,
  key: string,
  inputType: string,
  data: string | null,
) {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  // React tracks the value it last rendered; the prototype's setter bypasses the tracker, so
  // React sees a real change, as with typing.
  valueSetter?.call(target, value);
  target.setSelectionRange(value.length, value.length);
  target.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
  target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
}

function click(target: HTMLElement) {
  const init = { bubbles: true, cancelable: true, button: 0, buttons: 1, view: window };
  target.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'mouse', isPrimary: true }));
  // A mousedown whose default is not prevented focuses the nearest focusable element.
  if (target.dispatchEvent(new MouseEvent('mousedown', init))) {
    (
      target.closest<HTMLElement>('input, button, [tabindex]') ??
      target.querySelector('input') ??
      target
    ).focus();
  }
  target.dispatchEvent(
    new PointerEvent('pointerup', { ...init, buttons: 0, pointerType: 'mouse', isPrimary: true }),
  );
  target.dispatchEvent(new MouseEvent('mouseup', { ...init, buttons: 0 }));
  target.dispatchEvent(new MouseEvent('click', { ...init, buttons: 0 }));
}

// ---------------------------------------------------------------------------------------------

const MOUNT_TIMEOUT_MS = 30_000;
/** No DOM change for this long counts as idle between keystrokes (a little over two frames). */
const QUIET_MS = 40;

async function mount(): Promise<number> {
  const start = performance.now();
  createRoot(container).render(element);
  const inDom = await waitFor(() => container.querySelector('input') !== null, MOUNT_TIMEOUT_MS);
  const painted = await paintedAfter(inDom);
  if (painted === null) throw new Error('the control never rendered');
  return painted - start;
}

async function open(): Promise<number> {
  const target = driver.openTarget();
  if (!target) throw new Error('control not found');
  await paintedAfter(0);
  const start = performance.now();
  click(target);
  const shown = await waitFor(() => visibleOptionCount() > 0, MOUNT_TIMEOUT_MS);
  const painted = await paintedAfter(shown);
  if (painted === null) throw new Error('the list never opened');
  return painted - start;
}

/** Collects garbage left by the harness (and earlier steps), so it is not collected inside a timing. */
async function collectGarbage() {
  window.gc?.();
  await paintedAfter(0);
}

async function type(queries: string[], timeoutMs: number, budgetMs: number): Promise<KeystrokeResult[]> {
  // The expected result of every prefix, in the adapter's order (computed outside any timing).
  const everyone = pageUsers ?? sortedUsers();
  const filter = userFilter(everyone);
  const results: KeystrokeResult[] = [];
  const typingStart = performance.now();

  async function quiesce(query: string, expected: string[]) {
    await waitFor(() => exactly(query, expected), timeoutMs);
    await waitQuiet(QUIET_MS, 2_000);
  }

  for (const query of queries) {
    const field = input();
    if (field.value !== '') {
      setValue(field, '', 'Backspace', 'deleteContentBackward', null);
      await quiesce(
        '',
        everyone.map((user) => user.displayName),
      );
    }
    let typed = '';
    for (const character of query) {
      if (performance.now() - typingStart > budgetMs) return results;
      typed += character;
      const expected = filter(typed).map((user) => user.displayName);
      const current = typed;
      const blank = new Set<string>();
      const noteBlank = () => {
        if (config.lib !== 'contact-picker' || expected.length === 0 || optionElements().length > 0) return;
        const status = pickerPopover()?.dataset.status;
        if (status && status !== 'ready') blank.add(status);
      };
      await collectGarbage();

      const start = performance.now();
      setValue(field, typed, character, 'insertText', character);
      const firstSeen = waitFor(() => consistentWith(current, expected), timeoutMs, noteBlank);
      const exactSeen = waitFor(() => exactly(current, expected), timeoutMs, noteBlank);
      const [first, exact] = await Promise.all([firstSeen.then(paintedAfter), exactSeen.then(paintedAfter)]);
      results.push({
        query: current,
        expected: expected.length,
        firstMs: first === null ? null : first - start,
        exactMs: exact === null ? null : exact - start,
        blankStatuses: [...blank],
      });
      await quiesce(current, expected);
    }
  }
  return results;
}

function listStats(): ListStats {
  const list = driver.list();
  return {
    rows: optionElements().length,
    listHeight: list?.clientHeight ?? 0,
    searches: adapter ? (adapter.control.calls().searchUsers ?? 0) : null,
  };
}

async function adapterSearchMs(queries: string[]): Promise<number[]> {
  if (!adapter) return [];
  const times: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    await adapter.searchUsers({ query, limit: 50 });
    // Without the simulated latency (timer slack remains).
    times.push(Math.max(0, performance.now() - start - config.latency));
  }
  return times;
}

window.__bench = { config, setupMs, mount, open, listStats, type, adapterSearchMs };
document.documentElement.dataset.benchReady = '';
