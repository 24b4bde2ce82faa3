import {
  useCallback,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentPropsWithRef,
  type KeyboardEvent,
} from 'react';
import { useIsomorphicLayoutEffect } from '../../lib/use-isomorphic-layout-effect.js';
import type { AdapterError } from '../../adapter/errors.js';
import { composeRefs } from '../../lib/dom-props.js';
import { useControllableState } from '../../lib/use-controllable-state.js';
import { useUserSearch } from '../../lib/use-user-search.js';
import { useVirtualList } from '../../lib/use-virtual-list.js';
import { isolate, translateValidation } from '../../i18n/translate.js';
import { matchesAllTerms } from '../../lib/search-text.js';
import { useAccountSettings } from '../../provider/context.js';
import type { Assignee } from '../../schemas/contacts.js';
import { emailIssue } from '../../schemas/email-rules.js';
import type { User } from '../../schemas/user.js';
import { moveActive, type Move, type NavigationContext } from './combobox-navigation.js';

/** What a picker holds: a user, or (with `allowExternalEmail`) an email address. */
export type ContactPickerValue = Assignee;

/** One row of the list: a user, or the offer to use the typed email address. */
export type ContactPickerItem = Assignee;

export interface UseContactPickerOptions {
  value?: ContactPickerValue | null;
  defaultValue?: ContactPickerValue | null;
  onValueChange?: (value: ContactPickerValue | null) => void;
  /** User ids not to offer, e.g. people already chosen in other rows (the picker's own value stays). */
  exclude?: string[];
  /**
   * Users not to offer, each with why, already translated (e.g. "Jürgen Groß is already a
   * billing contact."). Left out like `exclude`; when the typed text finds one of them and
   * nobody else, the picker says why instead of "No users match".
   */
  unavailable?: UnavailableUser[];
  /** Offer "Use <email>" when the query is a valid address of someone who is not a user. */
  allowExternalEmail?: boolean;
  disabled?: boolean;
  readOnly?: boolean;
  /** Milliseconds the query must rest before the server is asked. Default 120. */
  searchDebounceMs?: number;
  /** Users per request. Default 50. */
  pageSize?: number;
  /** Row height in pixels, for virtualisation. Default 56. */
  rowHeight?: number;
  /**
   * The text input's id, e.g. for a host's own `<label htmlFor>` or error summary link. The ids
   * of the label, list and options start with it. Default: generated.
   */
  inputId?: string;
}

/** A user the picker does not offer, and the sentence that says why. */
export interface UnavailableUser {
  user: User;
  reason: string;
}

/**
 * Where the list stands: `idle` (closed), `loading` (an answer is on its way), `error` (the
 * search failed and nothing is shown), `empty` (nobody matches) or `ready`.
 */
export type ContactPickerStatus = 'idle' | 'loading' | 'error' | 'empty' | 'ready';

/** A rendered row of the virtualised list: the item it shows and where it sits, in pixels. */
export interface ContactPickerRow {
  /** The item's position in `items`. */
  index: number;
  /** A React key for the row. */
  key: string | number;
  /** Offset of the row's top from the top of the list's scrolling content. */
  start: number;
  /** The row's height. */
  size: number;
  item: ContactPickerItem;
}

/** Props for the `<label>`. */
export type ContactPickerLabelProps = ComponentPropsWithRef<'label'>;
/** Props for the text `<input>`; pass your own handlers in, they run before the picker's. */
export type ContactPickerInputProps = ComponentPropsWithRef<'input'>;
/** Props for the button that opens and closes the list. */
export type ContactPickerToggleButtonProps = ComponentPropsWithRef<'button'>;
/** Props for the list (`role="listbox"`); it is also the element that scrolls. */
export type ContactPickerListProps = ComponentPropsWithRef<'ul'>;
/** Props for one option (`role="option"`), with its state attributes for CSS. */
export type ContactPickerOptionProps = ComponentPropsWithRef<'li'> & {
  /** Present while the keyboard or pointer is on the option. */
  'data-highlighted'?: '' | undefined;
  /** Present on the option that is the current value. */
  'data-selected'?: '' | undefined;
};

/**
 * Everything needed to render a contact picker: its state, what the search found, the rows to
 * render, and prop getters that wire the label, input, button, list and options together for
 * assistive technology and the keyboard.
 */
export interface UseContactPickerResult {
  /** The prefix of the ids of the picker's parts (the input's id unless `inputId` was given). */
  id: string;
  value: ContactPickerValue | null;
  setValue: (value: ContactPickerValue | null) => void;
  /** Empties the value and the input. */
  clear: () => void;
  /** What the user has typed since the list opened ('' while closed). */
  query: string;
  /** The query's folded search terms, for highlighting matches. */
  terms: string[];
  /** Every loaded item: the external email offer first when there is one, then users. */
  items: ContactPickerItem[];
  /** How many items the list has in all, loaded or not (`aria-setsize`). */
  total: number;
  status: ContactPickerStatus;
  /** What a live region should say once the list settles: the count, or why there is nothing. */
  announcement: string;
  /** Why the search failed, while it is failing. */
  error: AdapterError | null;
  /** Searches again after a failure. */
  retry: () => void;
  isOpen: boolean;
  open: () => void;
  close: () => void;
  /** The index in `items` of the option the keyboard points at, or -1. */
  highlightedIndex: number;
  /** Whether an item is the current value. */
  isSelected: (item: ContactPickerItem) => boolean;
  isFetchingMore: boolean;
  /** The rows shown belong to an earlier query while the server answers the current one. */
  isRefreshing: boolean;
  /** Why the typed text is not a usable email address, in the viewer's language, or null. */
  externalEmailError: string | null;
  /** The rows to render now; place each at `start` with height `size`. */
  virtualRows: ContactPickerRow[];
  /** The height of every row together: what the list's scrolling content must measure. */
  totalSize: number;
  getLabelProps: (overrides?: ContactPickerLabelProps) => ContactPickerLabelProps;
  getInputProps: (overrides?: ContactPickerInputProps) => ContactPickerInputProps;
  getToggleButtonProps: (overrides?: ContactPickerToggleButtonProps) => ContactPickerToggleButtonProps;
  getListProps: (overrides?: ContactPickerListProps) => ContactPickerListProps;
  getOptionProps: (option: { item: ContactPickerItem; index: number }) => ContactPickerOptionProps;
}

const DEFAULT_ROW_HEIGHT = 56;
/** The tallest ContactPicker's list gets when the viewport has room. */
export const LIST_MAX_HEIGHT = 320;
const LIST_OVERSCAN = 8;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 10;

/** Text typed into the input since the value was last shown there. */
interface Draft {
  /** What the input shows. */
  text: string;
  /** What is searched for: `text`, except that it holds still while an input method composes. */
  search: string;
  /** The value the text was typed over; once the value changes, the input shows the new one. */
  forValue: string | null;
}

interface ComboboxState {
  isOpen: boolean;
  /** null: the input shows the value's text. */
  draft: Draft | null;
  /** The active option (`aria-activedescendant`), by item key, so it stays on its row as rows change. */
  activeKey: string | null;
  /** A key opened the list before its rows arrived: which option to make active once they do. */
  pendingMove: 'first' | 'last' | null;
}

const CLOSED: ComboboxState = { isOpen: false, draft: null, activeKey: null, pendingMove: null };

/**
 * The headless "Select a user" combobox: value, server search, pagination and virtualisation.
 * `ContactPicker` is its styled markup; use this hook to render your own. Only the rows in view
 * are rendered: place each at its `start`, and make the list's scrolling content `totalSize`
 * tall (a `::before` of that height does it) so the scrollbar stands for every loaded row.
 *
 * The keyboard follows the WAI-ARIA combobox pattern with a listbox popup (decision note 0016):
 * Down/Up open the list and move the active option (skipping deactivated users), Alt+Down opens
 * it without moving, Alt+Up and Escape close it, a second Escape clears the value, PageDown and
 * PageUp move by a visible page, Enter and Tab choose the active option, and Home, End, Left and
 * Right stay with the text. Focus never leaves the input; `aria-activedescendant` points at the
 * active option.
 *
 * @example
 * const picker = useContactPicker({ exclude: chosenIds, onValueChange: setContact });
 * <label {...picker.getLabelProps()}>Primary account contact</label>
 * <input {...picker.getInputProps()} />
 * <button {...picker.getToggleButtonProps()}>▾</button>
 * <ul {...picker.getListProps({ style: { position: 'relative', maxHeight: 320, overflowY: 'auto' } })}>
 *   {picker.virtualRows.map(({ key, item, index, start, size }) => (
 *     <li key={key} {...picker.getOptionProps({ item, index })} style={{ position: 'absolute', top: start, height: size }}>
 *       {item.kind === 'user' ? item.user.displayName : item.email}
 *     </li>
 *   ))}
 * </ul>
 */
export function useContactPicker(options: UseContactPickerOptions = {}): UseContactPickerResult {
  const {
    exclude = [],
    unavailable = [],
    allowExternalEmail = false,
    disabled = false,
    readOnly = false,
    searchDebounceMs,
    pageSize,
    rowHeight = DEFAULT_ROW_HEIGHT,
  } = options;
  const { t, messages } = useAccountSettings();
  const generatedId = useId();
  const id = options.inputId ?? `abk-contact-picker${generatedId.replace(/:/g, '')}`;
  const labelId = `${id}-label`;
  const listId = `${id}-menu`;
  const optionId = (index: number) => `${id}-item-${index}`;
  const [value, setValue] = useControllableState<ContactPickerValue | null>(
    options.value,
    options.defaultValue ?? null,
    options.onValueChange,
  );
  const valueKey = value ? itemKey(value) : null;

  const [state, setState] = useState<ComboboxState>(CLOSED);
  const interactive = !disabled && !readOnly;
  const isOpen = state.isOpen && interactive;
  const draft = state.draft?.forValue === valueKey ? state.draft : null;
  const inputValue = draft ? draft.text : itemToString(value);
  // Set in the input's own change handler, so the list below is derived in the same render as
  // the keystroke (no effect in between).
  const query = isOpen && draft ? draft.search : '';
  const composing = useRef(false);
  const inputRef = useRef<HTMLInputElement | null>(null);
  // Keyboard moves ask for the active row to be scrolled into view once it is rendered.
  const scrollRequested = useRef(false);
  /** The option Tab was pressed on, chosen when focus leaves. */
  const leavingWith = useRef<ContactPickerItem | null>(null);

  // The picker's own value is never hidden from it, so a row can be given `exclude={allChosenIds}`.
  const ownUserId = value?.kind === 'user' ? value.user.id : null;
  const search = useUserSearch({
    query,
    enabled: isOpen,
    excludeIds: [...exclude, ...unavailable.map(({ user }) => user.id)].filter(
      (userId) => userId !== ownUserId,
    ),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(searchDebounceMs === undefined ? {} : { debounceMs: searchDebounceMs }),
  });
  const { users } = search;

  const trimmedQuery = query.trim();
  const emailCheck = allowExternalEmail ? checkEmail(trimmedQuery) : null;
  const externalEmailError = emailCheck ? translateValidation(t, messages, emailCheck) : null;

  const items = useMemo<ContactPickerItem[]>(() => {
    const userItems: ContactPickerItem[] = users.map((user) => ({ kind: 'user', user }));
    // Text with an @ that breaks no rule is an address (already trimmed, as the schema would).
    const email = allowExternalEmail && isUsableEmail(trimmedQuery) ? trimmedQuery : null;
    const alreadyUser = email && users.some((user) => user.email.toLowerCase() === email.toLowerCase());
    return email && !alreadyUser ? [{ kind: 'email', email }, ...userItems] : userItems;
  }, [users, allowExternalEmail, trimmedQuery]);
  const total = search.total + items.length - users.length;
  const indexByKey = useMemo(() => new Map(items.map((item, index) => [itemKey(item), index])), [items]);

  const list = useVirtualList<HTMLUListElement>({
    count: items.length,
    rowHeight,
    overscan: LIST_OVERSCAN,
    nearEnd: PREFETCH_ROWS,
    onNearEnd: isOpen ? search.fetchMore : undefined,
  });

  const isEnabledAt = (index: number) => {
    const item = items[index];
    return item !== undefined && isEnabled(item);
  };
  const navigation = (pageRows = 1): NavigationContext => ({
    count: items.length,
    isEnabled: isEnabledAt,
    complete: items.length >= total,
    pageSize: pageRows,
  });
  const keyedIndex = state.activeKey === null ? undefined : indexByKey.get(state.activeKey);
  const activeIndex = !isOpen
    ? -1
    : keyedIndex !== undefined && isEnabledAt(keyedIndex)
      ? keyedIndex
      : state.pendingMove
        ? moveActive(-1, state.pendingMove, navigation())
        : -1;
  const activeItem = activeIndex >= 0 ? items[activeIndex] : undefined;

  const { scrollToIndex } = list;
  useIsomorphicLayoutEffect(() => {
    if (!isOpen) scrollRequested.current = false;
    else if (scrollRequested.current && activeIndex >= 0) {
      scrollRequested.current = false;
      scrollToIndex(activeIndex);
    }
  }, [isOpen, activeIndex, scrollToIndex]);

  const select = (item: ContactPickerItem) => {
    if (!isEnabled(item)) return;
    setValue(item);
    setState(CLOSED);
  };
  const activate = (index: number) => {
    scrollRequested.current = true;
    const item = items[index];
    setState((current) => ({ ...current, activeKey: item ? itemKey(item) : null, pendingMove: null }));
  };
  /** Opens the list; `move` says which option becomes active (by default the value's row, if loaded). */
  const openList = (move: 'first' | 'last' | null = null) => {
    if (!interactive) return;
    scrollRequested.current = true;
    setState((current) => ({ ...current, isOpen: true, activeKey: valueKey, pendingMove: move }));
  };
  /** Closes without choosing; the value's text replaces a half-typed query beside a chosen value. */
  const dismiss = () =>
    setState((current) => ({ ...CLOSED, draft: valueKey === null ? current.draft : null }));

  const status: ContactPickerStatus = !isOpen
    ? 'idle'
    : // The email offer sits above the users: while it is all there is, the list still waits for them.
      items.length === 0 || search.status === 'loading'
      ? search.status
      : 'ready';

  // What a screen reader hears after the list settles: the count, or why there is nothing.
  let announcement = '';
  if (status === 'ready' && !search.isStale) announcement = t('contactPicker.resultCount', { count: total });
  else if (status === 'empty') {
    // Say why nobody is offered: a bad address, someone left out on purpose, an address where
    // only users may be chosen, or simply no match. The typed text is isolated: it is the
    // viewer's own, and may hold a direction override.
    const leftOut = unavailable.find(
      ({ user }) =>
        user.id !== ownUserId && matchesAllTerms(`${user.displayName} ${user.email}`, search.terms),
    );
    announcement = externalEmailError
      ? externalEmailError
      : !trimmedQuery
        ? t('contactPicker.noUsers')
        : leftOut
          ? leftOut.reason
          : !allowExternalEmail && isUsableEmail(trimmedQuery)
            ? t('contactPicker.userRequired', { email: isolate(trimmedQuery) })
            : t('contactPicker.noResults', { query: isolate(trimmedQuery) });
  } else if (status === 'error') announcement = t('contactPicker.searchFailed');

  const isSelected = useCallback((item: ContactPickerItem) => isSameItem(value, item), [value]);
  const clear = useCallback(() => {
    setValue(null);
    setState(CLOSED);
  }, [setValue]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // An input method is composing: its keys (Enter commits, arrows pick a candidate) are its own.
    // Safari sends the key that ends a composition after compositionend, marked only by keyCode 229.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    const imeKey = event.nativeEvent.isComposing || event.key === 'Process' || event.keyCode === 229;
    if (imeKey || composing.current || !interactive) return;
    const move = (to: Move) => {
      event.preventDefault();
      // PageDown and PageUp move by about one visible page of rows.
      const visibleRows = Math.floor((list.scrollRef.current?.clientHeight ?? 0) / rowHeight);
      activate(moveActive(activeIndex, to, navigation(Math.max(1, visibleRows))));
    };
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) {
          if (!isOpen) openList();
        } else if (!isOpen) openList('first');
        else move('next');
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (event.altKey) {
          if (isOpen) dismiss();
        } else if (!isOpen) openList('last');
        else move('previous');
        break;
      case 'PageDown':
      case 'PageUp':
        if (isOpen) move(event.key === 'PageDown' ? 'page-down' : 'page-up');
        break;
      case 'Home':
      case 'End':
      case 'ArrowLeft':
      case 'ArrowRight':
        // The caret moves in the text (the browser's default); visual focus returns to the input.
        if (state.activeKey !== null || state.pendingMove !== null) {
          setState((current) => ({ ...current, activeKey: null, pendingMove: null }));
        }
        break;
      case 'Enter':
        if (!isOpen) break;
        event.preventDefault();
        if (activeItem) select(activeItem);
        else dismiss();
        break;
      case 'Escape':
        if (isOpen) {
          event.preventDefault();
          dismiss();
        } else if (value || inputValue) {
          // The second Escape empties the field.
          event.preventDefault();
          clear();
        }
        break;
      case 'Tab':
        // Leaving with an option active chooses it, once focus has moved on (to what was next
        // when Tab was pressed, not to the clear button that choosing adds).
        leavingWith.current = isOpen ? (activeItem ?? null) : null;
        break;
    }
  };

  const virtualRows = list.rows.flatMap((row) => {
    const item = items[row.index];
    return item ? [{ ...row, item }] : [];
  });

  return {
    id,
    value,
    setValue,
    clear,
    query,
    terms: search.terms,
    items,
    total,
    status,
    announcement,
    error: search.error,
    retry: search.retry,
    isOpen,
    open: () => {
      openList();
      inputRef.current?.focus();
    },
    close: dismiss,
    highlightedIndex: activeIndex,
    isSelected,
    isFetchingMore: search.isFetchingMore,
    isRefreshing: search.isRefreshing,
    externalEmailError,
    virtualRows,
    totalSize: list.totalSize,
    getLabelProps: (overrides = {}) => ({ id: labelId, htmlFor: id, ...overrides }),
    getInputProps: ({
      ref,
      onChange,
      onKeyDown: hostKeyDown,
      onBlur,
      onClick,
      onCompositionStart,
      onCompositionEnd,
      ...overrides
    } = {}) => ({
      id,
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': isOpen,
      'aria-controls': listId,
      'aria-activedescendant': activeIndex >= 0 ? optionId(activeIndex) : undefined,
      'aria-labelledby': overrides['aria-label'] ? undefined : labelId,
      autoComplete: 'off',
      value: inputValue,
      ...overrides,
      disabled,
      readOnly,
      ref: composeRefs(inputRef, ref),
      onChange: (event) => {
        onChange?.(event);
        const text = event.currentTarget.value;
        setState((current) => {
          const before = current.draft?.forValue === valueKey ? current.draft.search : '';
          return {
            isOpen: interactive,
            draft: { text, search: composing.current ? before : text, forValue: valueKey },
            activeKey: null,
            pendingMove: null,
          };
        });
      },
      onCompositionStart: (event) => {
        onCompositionStart?.(event);
        composing.current = true;
      },
      onCompositionEnd: (event) => {
        onCompositionEnd?.(event);
        composing.current = false;
        const text = event.currentTarget.value;
        setState((current) => ({
          ...current,
          isOpen: interactive,
          draft: { text, search: text, forValue: valueKey },
        }));
      },
      onKeyDown: (event) => {
        hostKeyDown?.(event);
        onKeyDown(event);
      },
      onBlur: (event) => {
        onBlur?.(event);
        const chosen = leavingWith.current;
        leavingWith.current = null;
        if (chosen) select(chosen);
        // Leaving without choosing puts the value's text back instead of a half-typed query.
        else setState(CLOSED);
      },
      onClick: (event) => {
        onClick?.(event);
        if (!isOpen) openList();
      },
    }),
    getToggleButtonProps: (overrides = {}) => ({
      id: `${id}-toggle-button`,
      'aria-label': t('contactPicker.toggle'),
      'aria-controls': listId,
      'aria-expanded': isOpen,
      tabIndex: -1,
      ...overrides,
      disabled,
      onMouseDown: (event) => {
        overrides.onMouseDown?.(event);
        // Focus stays in the input (no blur closing the list before the click toggles it).
        event.preventDefault();
      },
      onClick: (event) => {
        overrides.onClick?.(event);
        if (isOpen) dismiss();
        else openList();
        inputRef.current?.focus();
      },
    }),
    getListProps: ({ ref, onMouseDown, onMouseLeave, ...overrides } = {}) => ({
      id: listId,
      role: 'listbox',
      'aria-labelledby': overrides['aria-label'] ? undefined : labelId,
      'aria-busy': search.isRefreshing || undefined,
      ...overrides,
      ref: composeRefs(list.scrollRef, ref),
      onMouseDown: (event) => {
        onMouseDown?.(event);
        // Clicks on the list (its rows, its scrollbar) keep focus in the input.
        event.preventDefault();
      },
      onMouseLeave: (event) => {
        onMouseLeave?.(event);
        if (state.activeKey !== null || state.pendingMove !== null) {
          setState((current) => ({ ...current, activeKey: null, pendingMove: null }));
        }
      },
    }),
    getOptionProps: ({ item, index }) => {
      const enabled = isEnabled(item);
      return {
        id: optionId(index),
        role: 'option',
        'aria-selected': index === activeIndex,
        'aria-disabled': enabled ? undefined : true,
        // Only the rendered rows exist: position and size say where each sits in the whole list.
        'aria-posinset': index + 1,
        'aria-setsize': total,
        'data-highlighted': index === activeIndex ? '' : undefined,
        'data-selected': isSameItem(value, item) ? '' : undefined,
        // The pointer makes the row under it active, without scrolling the list under it.
        onMouseMove: () => {
          if (index === activeIndex) return;
          const key = enabled ? itemKey(item) : null;
          setState((current) =>
            current.activeKey === key ? current : { ...current, activeKey: key, pendingMove: null },
          );
        },
        onClick: () => select(item),
      };
    },
  };
}

/** Deactivated users are shown, with the reason, but cannot be chosen. */
function isEnabled(item: ContactPickerItem): boolean {
  return !(item.kind === 'user' && item.user.status === 'deactivated');
}

function itemKey(item: ContactPickerItem): string {
  return item.kind === 'user' ? `user:${item.user.id}` : `email:${item.email}`;
}

function itemToString(item: ContactPickerItem | null): string {
  if (!item) return '';
  return item.kind === 'user' ? item.user.displayName : item.email;
}

function isSameItem(value: ContactPickerValue | null, item: ContactPickerItem): boolean {
  if (!value) return false;
  if (value.kind === 'user' && item.kind === 'user') return value.user.id === item.user.id;
  return value.kind === 'email' && item.kind === 'email' && value.email === item.email;
}

/**
 * Why text that looks like an email address (it has an @) cannot be used, as a `validation`
 * message key; null for a usable address and for text that is no address at all.
 */
function checkEmail(text: string) {
  return text.includes('@') ? emailIssue(text) : null;
}

/** Text with an @ that breaks no rule is an address (already trimmed, as the schema would). */
function isUsableEmail(text: string): boolean {
  return text.includes('@') && emailIssue(text) === null;
}
