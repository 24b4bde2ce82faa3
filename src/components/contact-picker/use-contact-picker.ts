import { useCombobox } from 'downshift';
import { useCallback, useId, useMemo, useState, type ComponentPropsWithRef } from 'react';
import type { AdapterError } from '../../adapter/errors.js';
import { composeRefs } from '../../lib/dom-props.js';
import { useControllableState } from '../../lib/use-controllable-state.js';
import { useUserSearch } from '../../lib/use-user-search.js';
import { useVirtualList } from '../../lib/use-virtual-list.js';
import { isolate, translateValidation } from '../../i18n/translate.js';
import { matchesAllTerms } from '../../lib/search-text.js';
import { useAccountSettings } from '../../provider/context.js';
import type { Assignee } from '../../schemas/contacts.js';
import type { User } from '../../schemas/user.js';
import { emailSchema } from '../../schemas/email.js';

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
const LIST_OVERSCAN = 8;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 10;

/**
 * The headless "Select a user" combobox: value, server search, pagination and virtualisation.
 * `ContactPicker` is its styled markup; use this hook to render your own. Only the rows in view
 * are rendered: place each at its `start`, and make the list's scrolling content `totalSize`
 * tall (a `::before` of that height does it) so the scrollbar stands for every loaded row.
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
  const [value, setValue] = useControllableState<ContactPickerValue | null>(
    options.value,
    options.defaultValue ?? null,
    options.onValueChange,
  );

  // What the user has typed since the list opened. Set in the input's own change handler so
  // the list below is derived in the same render as the keystroke.
  const [query, setQuery] = useState('');
  const [isOpenState, setOpenState] = useState(false);
  const interactive = !disabled && !readOnly;
  // The picker's own value is never hidden from it, so a row can be given `exclude={allChosenIds}`.
  const ownUserId = value?.kind === 'user' ? value.user.id : null;
  const search = useUserSearch({
    query,
    enabled: isOpenState && interactive,
    excludeIds: [...exclude, ...unavailable.map(({ user }) => user.id)].filter(
      (userId) => userId !== ownUserId,
    ),
    ...(pageSize === undefined ? {} : { pageSize }),
    ...(searchDebounceMs === undefined ? {} : { debounceMs: searchDebounceMs }),
  });
  const { users } = search;

  const trimmedQuery = query.trim();
  const emailCheck = allowExternalEmail ? checkEmail(trimmedQuery) : null;
  const externalEmailError =
    emailCheck && !emailCheck.success
      ? translateValidation(t, messages, emailCheck.error.issues[0]?.message)
      : null;

  const items = useMemo<ContactPickerItem[]>(() => {
    const userItems: ContactPickerItem[] = users.map((user) => ({ kind: 'user', user }));
    const check = allowExternalEmail ? checkEmail(trimmedQuery) : null;
    const email = check?.success ? check.data : null;
    const alreadyUser = email && users.some((user) => user.email.toLowerCase() === email.toLowerCase());
    return email && !alreadyUser ? [{ kind: 'email', email }, ...userItems] : userItems;
  }, [users, allowExternalEmail, trimmedQuery]);
  const total = search.total + items.length - users.length;

  const list = useVirtualList<HTMLUListElement>({
    count: items.length,
    rowHeight,
    overscan: LIST_OVERSCAN,
    nearEnd: PREFETCH_ROWS,
    onNearEnd: isOpenState && interactive ? search.fetchMore : undefined,
  });

  const combobox = useCombobox<ContactPickerItem>({
    id,
    inputId: id,
    items,
    itemToString,
    itemToKey: (item) => (item ? itemKey(item) : null),
    selectedItem: value,
    isItemDisabled: (item) => item.kind === 'user' && item.user.status === 'deactivated',
    onSelectedItemChange: ({ selectedItem }) => {
      setValue(selectedItem);
      setQuery('');
    },
    onIsOpenChange: ({ isOpen }) => {
      setOpenState(isOpen);
      if (!isOpen) setQuery('');
    },
    // Read-only and disabled pickers never open, so they never claim to be expanded.
    stateReducer: (_state, { type, changes }) => {
      if (!interactive) return { ...changes, isOpen: false };
      // Leaving without choosing (Escape while open, or blur) puts the chosen value's text back
      // instead of leaving a half-typed query beside it.
      const { InputKeyDownEscape, InputBlur } = useCombobox.stateChangeTypes;
      if ((type === InputKeyDownEscape && changes.selectedItem) || type === InputBlur) {
        return { ...changes, inputValue: itemToString(changes.selectedItem ?? null) };
      }
      return changes;
    },
    // Rows outside the rendered window do not exist in the DOM: scroll by index instead.
    scrollIntoView: () => undefined,
    onHighlightedIndexChange: ({ highlightedIndex, type }) => {
      if (highlightedIndex >= 0 && type !== useCombobox.stateChangeTypes.ItemMouseMove) {
        list.scrollToIndex(highlightedIndex);
      }
    },
  });

  const isOpen = combobox.isOpen && interactive;
  // The email offer sits above the users: while it is all there is, the list still waits for them.
  const status: ContactPickerStatus = !isOpen
    ? 'idle'
    : items.length === 0 || search.status === 'loading'
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
          : !allowExternalEmail && checkEmail(trimmedQuery)?.success
            ? t('contactPicker.userRequired', { email: isolate(trimmedQuery) })
            : t('contactPicker.noResults', { query: isolate(trimmedQuery) });
  } else if (status === 'error') announcement = t('contactPicker.searchFailed');

  const isSelected = useCallback((item: ContactPickerItem) => isSameItem(value, item), [value]);
  const { reset, openMenu, closeMenu, highlightedIndex } = combobox;
  const clear = useCallback(() => {
    setValue(null);
    reset();
  }, [setValue, reset]);

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
    open: openMenu,
    close: closeMenu,
    highlightedIndex,
    isSelected,
    isFetchingMore: search.isFetchingMore,
    isRefreshing: search.isRefreshing,
    externalEmailError,
    virtualRows,
    totalSize: list.totalSize,
    getLabelProps: (overrides = {}) => combobox.getLabelProps(overrides),
    getInputProps: ({ onChange, ...overrides } = {}) =>
      combobox.getInputProps({
        ...overrides,
        disabled,
        readOnly,
        onChange: (event) => {
          onChange?.(event);
          setQuery(event.currentTarget.value);
        },
      }),
    getToggleButtonProps: (overrides = {}) =>
      combobox.getToggleButtonProps({ 'aria-label': t('contactPicker.toggle'), ...overrides, disabled }),
    getListProps: ({ ref, ...overrides } = {}) =>
      combobox.getMenuProps(
        {
          ...overrides,
          ref: composeRefs(list.scrollRef, ref),
          'aria-busy': search.isRefreshing || undefined,
        },
        // The list may mount later than the input (e.g. in a portal).
        { suppressRefError: true },
      ),
    getOptionProps: ({ item, index }) => ({
      ...combobox.getItemProps({ item, index }),
      // Only the rendered rows exist: position and size say where each sits in the whole list.
      'aria-posinset': index + 1,
      'aria-setsize': total,
      'data-highlighted': highlightedIndex === index ? '' : undefined,
      'data-selected': isSameItem(value, item) ? '' : undefined,
    }),
  };
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

/** Checks text that looks like an email address (it has an @); anything else is no address at all. */
function checkEmail(text: string) {
  return text.includes('@') ? emailSchema.safeParse(text) : null;
}
