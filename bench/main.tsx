// The benchmark page: one combobox per page load, chosen by the URL
// (?lib=contact-picker|react-select&users=N&debounce=ms&latency=ms). scripts/bench.mjs drives it through
// `window.__bench`; every timing is taken here, with performance.now() and requestAnimationFrame,
// so no DevTools round trip is inside a measurement.
import type { ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import Select, { createFilter } from 'react-select';
import { createMemoryAdapter, generateUsers, type MemoryAdapter } from '../src/adapter/memory.js';
import { AccountSettingsProvider, ContactPicker } from '../src/index.js';
import { foldText as fold, matchesAllTerms, searchTerms } from '../src/lib/search-text.js';
import '../src/styles.css';

type Lib = 'contact-picker' | 'react-select';

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
  /** How many users the query matches (what the list should converge to). */
  expected: number;
  /** Keydown dispatch → second frame after the list first shows options consistent with the query. */
  firstMs: number | null;
  /** Keydown dispatch → second frame after the list shows the final results for the query. */
  settledMs: number | null;
  /** Statuses the list showed, with no options, although the query has matches ("empty", "loading"). */
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
  /** ContactPicker only: users loaded (rows the virtualizer covers) and adapter searches made. */
  loaded: number | null;
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
  lib: params.get('lib') === 'react-select' ? 'react-select' : 'contact-picker',
  users: Number(params.get('users') ?? '1000'),
  debounce: params.has('debounce') ? Number(params.get('debounce')) : null,
  latency: Number(params.get('latency') ?? '0'),
};

const container = document.getElementById('app') as HTMLDivElement;
const noop = () => undefined;

// ---------------------------------------------------------------------------------------------
// Data: the same users for both libraries. The memory adapter generates its own copy from the
// count, as a host's backend would hold it; react-select gets them as options.

interface SelectOption {
  value: string;
  label: string;
}

const setupStart = performance.now();
let element: ReactElement;
let adapter: MemoryAdapter | null = null;
if (config.lib === 'contact-picker') {
  adapter = createMemoryAdapter({ users: config.users, latency: config.latency });
  element = (
    <AccountSettingsProvider adapter={adapter}>
      <ContactPicker label="Contact" searchDebounceMs={config.debounce ?? undefined} onValueChange={noop} />
    </AccountSettingsProvider>
  );
} else {
  const options: SelectOption[] = generateUsers(config.users).map((user) => ({
    value: user.id,
    label: user.displayName,
  }));
  element = (
    <div>
      <label htmlFor="bench-select-input">Contact</label>
      <Select<SelectOption>
        inputId="bench-select-input"
        options={options}
        classNamePrefix="rs"
        onChange={noop}
      />
    </div>
  );
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
 * Resolves with the time `check` first holds, watching every DOM mutation under the container
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

function input(): HTMLInputElement {
  const found = container.querySelector<HTMLInputElement>('input[role="combobox"]');
  if (!found) throw new Error('combobox input not found');
  return found;
}

function optionElements(): HTMLCollectionOf<Element> {
  return document.getElementsByClassName(
    config.lib === 'react-select' ? 'rs__option' : 'abk-contact-picker__option',
  );
}

function pickerPopover(): HTMLElement | null {
  return document.querySelector<HTMLElement>('.abk-contact-picker__popover');
}

function optionText(option: Element): string {
  if (config.lib === 'react-select') return option.textContent;
  const name = option.querySelector('.abk-contact-picker__name')?.textContent ?? '';
  const email = option.querySelector('.abk-contact-picker__email')?.textContent ?? '';
  return `${name} ${email}`;
}

function visibleOptionCount(): number {
  if (config.lib === 'contact-picker' && pickerPopover()?.hidden !== false) return 0;
  return optionElements().length;
}

// ---------------------------------------------------------------------------------------------
// What the list should show. Both libraries' matches narrow as characters are appended, so each
// keystroke filters the previous keystroke's matches; computed before the keystroke is timed.

type Matcher = (query: string) => (candidate: number) => boolean;

function buildMatcher(): {
  count: number;
  matcher: Matcher;
  textMatches: (text: string, query: string) => boolean;
} {
  const users = generateUsers(config.users);
  if (config.lib === 'react-select') {
    // react-select's own default filter, on the same options it was given.
    const filter = createFilter<SelectOption>();
    const options = users.map((user) => {
      const data = { value: user.id, label: user.displayName };
      return { ...data, data };
    });
    return {
      count: users.length,
      matcher: (query) => (index) => {
        const option = options[index];
        return option ? filter(option, query) : false;
      },
      textMatches: (text, query) => fold(text).includes(fold(query.trim())),
    };
  }
  // ContactPicker: every term of the query in the user's name or email (as the adapter searches).
  const haystacks = users.map((user) => fold(`${user.displayName} ${user.email}`));
  return {
    count: users.length,
    matcher: (query) => {
      const terms = searchTerms(query);
      return (index) => {
        const haystack = haystacks[index] ?? '';
        return terms.every((term) => haystack.includes(term));
      };
    },
    textMatches: (text, query) => matchesAllTerms(text, searchTerms(query)),
  };
}

/** The list shows options, all of which match `query` (or, when nothing matches, says so). */
function consistentWith(
  query: string,
  expected: number,
  textMatches: (text: string, query: string) => boolean,
): boolean {
  if (input().value !== query) return false;
  const options = optionElements();
  if (expected === 0) {
    if (options.length > 0) return false;
    return config.lib === 'react-select'
      ? document.querySelector('.rs__menu-notice--no-options') !== null
      : pickerPopover()?.dataset.status === 'empty';
  }
  if (visibleOptionCount() === 0) return false;
  if (config.lib === 'react-select') {
    // react-select renders every match: the count must be exact, and the ends must match.
    const first = options[0];
    const last = options[options.length - 1];
    return (
      options.length === expected &&
      first !== undefined &&
      last !== undefined &&
      textMatches(optionText(first), query) &&
      textMatches(optionText(last), query)
    );
  }
  // ContactPicker renders a window of rows: every rendered row must match.
  for (const option of options) if (!textMatches(optionText(option), query)) return false;
  return true;
}

/** ContactPicker has the server's answer for `query`: not refreshing, and the count announced. */
function settledWith(
  query: string,
  expected: number,
  textMatches: (text: string, query: string) => boolean,
): boolean {
  if (!consistentWith(query, expected, textMatches)) return false;
  if (config.lib === 'react-select') return true;
  const list = document.querySelector('.abk-contact-picker__list');
  if (!list || list.hasAttribute('aria-busy')) return false;
  const status = container.querySelector('.abk-contact-picker [role="status"]')?.textContent ?? '';
  if (expected === 0) return status !== '';
  const announced = Number(status.replace(/\D/g, ''));
  return status !== '' && announced === expected;
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
    (target.closest<HTMLElement>('input, button, [tabindex]') ?? target).focus();
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
  const inDom = await waitFor(
    () => container.querySelector('input[role="combobox"]') !== null,
    MOUNT_TIMEOUT_MS,
  );
  const painted = await paintedAfter(inDom);
  if (painted === null) throw new Error('the control never rendered');
  return painted - start;
}

async function open(): Promise<number> {
  const target =
    config.lib === 'react-select'
      ? container.querySelector<HTMLElement>('.rs__control')
      : container.querySelector<HTMLElement>('input[role="combobox"]');
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
  const { count, matcher, textMatches } = buildMatcher();
  const all = Array.from({ length: count }, (_, index) => index);
  const results: KeystrokeResult[] = [];
  const typingStart = performance.now();

  /** Waits until the list has settled on `query`, then until the DOM is quiet, before the next keystroke. */
  async function quiesce(query: string, expected: number) {
    await waitFor(() => settledWith(query, expected, textMatches), timeoutMs);
    await waitQuiet(QUIET_MS, 2_000);
  }

  for (const query of queries) {
    const field = input();
    if (field.value !== '') {
      setValue(field, '', 'Backspace', 'deleteContentBackward', null);
      await quiesce('', count);
    }
    let matches = all;
    let typed = '';
    for (const character of query) {
      if (performance.now() - typingStart > budgetMs) return results;
      typed += character;
      const test = matcher(typed);
      matches = matches.filter(test);
      const expected = matches.length;
      const current = typed;
      const blank = new Set<string>();
      const noteBlank = () => {
        if (config.lib !== 'contact-picker' || expected === 0 || optionElements().length > 0) return;
        const status = pickerPopover()?.dataset.status;
        if (status && status !== 'ready') blank.add(status);
      };
      await collectGarbage();

      const start = performance.now();
      setValue(field, typed, character, 'insertText', character);
      const firstSeen = waitFor(() => consistentWith(current, expected, textMatches), timeoutMs, noteBlank);
      const settledSeen =
        config.lib === 'contact-picker'
          ? waitFor(() => settledWith(current, expected, textMatches), timeoutMs, noteBlank)
          : firstSeen;
      const [first, settled] = await Promise.all([
        firstSeen.then(paintedAfter),
        settledSeen.then(paintedAfter),
      ]);
      results.push({
        query: current,
        expected,
        firstMs: first === null ? null : first - start,
        settledMs: settled === null ? null : settled - start,
        blankStatuses: [...blank],
      });
      await quiesce(current, expected);
    }
  }
  return results;
}

function listStats(): ListStats {
  const list = document.querySelector(
    config.lib === 'react-select' ? '.rs__menu-list' : '.abk-contact-picker__list',
  );
  const setSize = document.querySelector('.abk-contact-picker__list')?.scrollHeight;
  return {
    rows: optionElements().length,
    listHeight: list?.clientHeight ?? 0,
    loaded: adapter && setSize !== undefined ? Math.round(setSize / 56) : null,
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
