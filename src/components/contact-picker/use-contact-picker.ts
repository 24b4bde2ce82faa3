import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCombobox } from 'downshift';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { toAdapterError, type AdapterError } from '../../adapter/errors.js';
import { useControllableState } from '../../lib/use-controllable-state.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { matchesAllTerms, searchTerms } from '../../lib/search-text.js';
import { useAccountSettings } from '../../provider/context.js';
import { userSearchQueryOptions } from '../../queries/index.js';
import type { Assignee } from '../../schemas/contacts.js';
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
  /** Called with a stable id prefix for the input, label and messages. */
  id?: string;
}

const DEFAULT_DEBOUNCE_MS = 120;
const DEFAULT_PAGE_SIZE = 50;
const DEFAULT_ROW_HEIGHT = 56;
/** Start loading the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 10;

function itemKey(item: ContactPickerItem): string {
  return item.kind === 'user' ? `user:${item.user.id}` : `email:${item.email}`;
}

function itemToString(item: ContactPickerItem | null): string {
  if (!item) return '';
  return item.kind === 'user' ? item.user.displayName : item.email;
}

/**
 * The headless "Select a user" combobox: state, server search, pagination and virtualisation,
 * built on downshift's `useCombobox` and TanStack Virtual. `ContactPicker` is its styled
 * markup; use this hook to render your own.
 *
 * @example
 * const picker = useContactPicker({ exclude: chosenIds, onValueChange: setContact });
 * <input {...picker.getInputProps()} />
 */
export function useContactPicker(options: UseContactPickerOptions = {}) {
  const {
    exclude = [],
    allowExternalEmail = false,
    disabled = false,
    readOnly = false,
    searchDebounceMs = DEFAULT_DEBOUNCE_MS,
    pageSize = DEFAULT_PAGE_SIZE,
    rowHeight = DEFAULT_ROW_HEIGHT,
  } = options;
  const settings = useAccountSettings();
  const { t } = settings;
  const generatedId = useId();
  const id = options.id ?? `abk-contact-picker${generatedId.replace(/:/g, '')}`;
  const [value, setValue] = useControllableState<ContactPickerValue | null>(
    options.value,
    options.defaultValue ?? null,
    options.onValueChange,
  );

  // What the user has typed since the list opened. Set in the input's own change handler so
  // the list below is derived in the same render as the keystroke.
  const [query, setQuery] = useState('');
  const [isOpenState, setOpenState] = useState(false);
  // The picker's own value is never hidden from it, so a row can be given `exclude={allChosenIds}`.
  const ownUserId = value?.kind === 'user' ? value.user.id : null;
  const excludeKey = exclude.filter((userId) => userId !== ownUserId).join('\u0000');
  const stableExclude = useMemo(() => (excludeKey ? excludeKey.split('\u0000') : []), [excludeKey]);
  const trimmedQuery = query.trim();
  const terms = useMemo(() => searchTerms(query), [query]);
  const debouncedQuery = useDebouncedValue(trimmedQuery, searchDebounceMs);

  // The debounce saves requests while narrowing what is loaded still shows matches. When it
  // would show nobody (the loaded page is a small, name-sorted slice of a large account), ask
  // the server at once rather than flash "no users match" for the length of the debounce.
  const queryClient = useQueryClient();
  const debouncedOptions = userSearchQueryOptions(settings, debouncedQuery, {
    pageSize,
    excludeIds: stableExclude,
  });
  const debouncedPages = queryClient.getQueryData(debouncedOptions.queryKey)?.pages;
  const narrowingFindsNobody =
    debouncedQuery !== trimmedQuery &&
    terms.length > 0 &&
    debouncedPages !== undefined &&
    !debouncedPages.some((page) =>
      page.users.some((user) => matchesAllTerms(`${user.displayName} ${user.email}`, terms)),
    );
  const serverQuery = narrowingFindsNobody ? trimmedQuery : debouncedQuery;

  const search = useInfiniteQuery({
    ...userSearchQueryOptions(settings, serverQuery, { pageSize, excludeIds: stableExclude }),
    enabled: isOpenState && !disabled && !readOnly,
    placeholderData: keepPreviousData,
  });

  const loadedUsers = useMemo(() => search.data?.pages.flatMap((page) => page.users) ?? [], [search.data]);
  const total = search.data?.pages[0]?.total ?? 0;
  const showingStale = search.isPlaceholderData || serverQuery !== trimmedQuery;

  // While the server catches up, narrow what is already on screen by the new query, so every
  // keystroke paints at once; the server's answer replaces it when it arrives.
  const users = useMemo(() => {
    if (!showingStale || terms.length === 0) return loadedUsers;
    return loadedUsers.filter((user) => matchesAllTerms(`${user.displayName} ${user.email}`, terms));
  }, [loadedUsers, showingStale, terms]);

  const looksLikeEmail = allowExternalEmail && trimmedQuery.includes('@');
  const emailCheck = looksLikeEmail ? emailSchema.safeParse(trimmedQuery) : null;
  const externalEmail = emailCheck?.success ? emailCheck.data : null;
  const externalEmailError =
    emailCheck && !emailCheck.success ? (emailCheck.error.issues[0]?.message ?? 'emailInvalid') : null;

  const items = useMemo<ContactPickerItem[]>(() => {
    const userItems: ContactPickerItem[] = users.map((user) => ({ kind: 'user', user }));
    const alreadyUser =
      externalEmail && users.some((user) => user.email.toLowerCase() === externalEmail.toLowerCase());
    return externalEmail && !alreadyUser
      ? [{ kind: 'email', email: externalEmail }, ...userItems]
      : userItems;
  }, [users, externalEmail]);
  const offsetForEmail = items.length - users.length;
  const setSize = (showingStale ? users.length : total) + offsetForEmail;

  /** The element that scrolls the list: the listbox sits inside it with the rows' spacing. */
  const scrollRef = useRef<HTMLUListElement | null>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
  });

  const combobox = useCombobox<ContactPickerItem>({
    id,
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
      if (disabled || readOnly) return { ...changes, isOpen: false };
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
        virtualizer.scrollToIndex(highlightedIndex, { align: 'auto' });
      }
    },
  });

  const isOpen = combobox.isOpen && !disabled && !readOnly;
  const virtualRows = virtualizer.getVirtualItems();
  const lastVirtualIndex = virtualRows[virtualRows.length - 1]?.index ?? -1;

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = search;
  useEffect(() => {
    if (!isOpen || !hasNextPage || isFetchingNextPage || showingStale) return;
    if (lastVirtualIndex >= items.length - PREFETCH_ROWS) void fetchNextPage();
  }, [isOpen, hasNextPage, isFetchingNextPage, showingStale, lastVirtualIndex, items.length, fetchNextPage]);

  const error: AdapterError | null = search.isError ? toAdapterError(search.error) : null;
  const { reportError } = settings;
  useEffect(() => {
    if (error) reportError(error, { operation: 'searchUsers' });
  }, [error, reportError]);

  const status: 'idle' | 'loading' | 'error' | 'empty' | 'ready' = !isOpen
    ? 'idle'
    : error && items.length === 0
      ? 'error'
      : // Nothing on screen yet for this text: it is on its way, not absent.
        search.isPending || (showingStale && items.length === 0)
        ? 'loading'
        : items.length === 0
          ? 'empty'
          : 'ready';

  // What a screen reader hears after the list settles: the count, or why there is nothing.
  let announcement = '';
  if (status === 'ready' && !showingStale) announcement = t('contactPicker.resultCount', { count: setSize });
  else if (status === 'empty') {
    announcement = externalEmailError
      ? t(`validation.${externalEmailError}` as 'validation.emailInvalid')
      : trimmedQuery
        ? t('contactPicker.noResults', { query: trimmedQuery })
        : t('contactPicker.noUsers');
  } else if (status === 'error') announcement = t('contactPicker.searchFailed');

  const retry = useCallback(() => {
    void search.refetch();
  }, [search]);

  return {
    id,
    value,
    setValue,
    query,
    setQuery,
    items,
    total: setSize,
    offsetForEmail,
    terms,
    isOpen,
    status,
    announcement,
    error,
    retry,
    isFetchingMore: isFetchingNextPage,
    isRefreshing: showingStale && search.isFetching,
    externalEmailError,
    scrollRef,
    virtualizer,
    virtualRows,
    combobox,
  };
}

export type ContactPickerState = ReturnType<typeof useContactPicker>;
