// The peer pickers of the benchmark, each written as its documentation shows, filtering the same
// users with the same filter in the page, with rows of the same height as ContactPicker's.
import {
  Combobox,
  ComboboxInput,
  ComboboxOption,
  ComboboxOptions,
  Label as HeadlessLabel,
  Field as HeadlessField,
} from '@headlessui/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCombobox } from 'downshift';
import { useRef, useState, type CSSProperties } from 'react';
import type { User } from '../src/schemas/index.js';

export const ROW_HEIGHT = 56;
const LIST_HEIGHT = 318;

export interface PeerProps {
  /** Every user, in the order the memory adapter answers (by display name). */
  users: User[];
  /** The users matching a query, in that order: the same filter ContactPicker's adapter applies. */
  filter: (query: string) => User[];
}

const listStyle: CSSProperties = {
  position: 'relative',
  maxHeight: LIST_HEIGHT,
  overflowY: 'auto',
  margin: 0,
  padding: 0,
  listStyle: 'none',
  border: '1px solid #ccc',
};

function rowStyle(start: number): CSSProperties {
  return {
    position: 'absolute',
    insetInline: 0,
    top: start,
    height: ROW_HEIGHT,
    display: 'flex',
    flexDirection: 'column',
    justifyContent: 'center',
    paddingInline: 12,
    boxSizing: 'border-box',
  };
}

function RowText({ user }: { user: User }) {
  return (
    <>
      <span className="peer-name">{user.displayName}</span>
      <span className="peer-email">{user.email}</span>
    </>
  );
}

/**
 * downshift's `useCombobox` with TanStack Virtual, the pairing both document: items filtered in
 * `onInputValueChange`, rows placed by the virtualizer, the highlighted row scrolled to by index.
 */
export function DownshiftVirtualPicker({ users, filter }: PeerProps) {
  const [items, setItems] = useState(users);
  const listRef = useRef<HTMLUListElement | null>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual as its documentation shows it; this is the peer being measured.
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  const { isOpen, getLabelProps, getInputProps, getMenuProps, getItemProps, highlightedIndex } =
    useCombobox<User>({
      items,
      itemToString: (user) => user?.displayName ?? '',
      onInputValueChange: ({ inputValue }) => setItems(filter(inputValue)),
      scrollIntoView: () => undefined,
      onHighlightedIndexChange: ({ highlightedIndex: index }) => {
        if (index >= 0) virtualizer.scrollToIndex(index);
      },
    });
  return (
    <div>
      <label {...getLabelProps()}>Contact</label>
      <input {...getInputProps()} style={{ width: '100%' }} />
      <ul
        {...getMenuProps({ ref: listRef })}
        className="peer-list"
        style={{ ...listStyle, display: isOpen ? undefined : 'none' }}
      >
        {isOpen && items.length === 0 && <li className="peer-empty">No users match</li>}
        {isOpen && (
          <li aria-hidden="true" style={{ height: virtualizer.getTotalSize(), listStyle: 'none' }} />
        )}
        {isOpen &&
          virtualizer.getVirtualItems().map((row) => {
            const user = items[row.index];
            if (!user) return null;
            return (
              <li
                key={user.id}
                className="peer-option"
                {...getItemProps({ item: user, index: row.index })}
                aria-setsize={items.length}
                aria-posinset={row.index + 1}
                style={{
                  ...rowStyle(row.start),
                  background: highlightedIndex === row.index ? '#def' : undefined,
                }}
              >
                <RowText user={user} />
              </li>
            );
          })}
      </ul>
    </div>
  );
}

/** Headless UI's Combobox with its `virtual` option (TanStack Virtual inside), filtering on change. */
export function HeadlessVirtualPicker({ users, filter }: PeerProps) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<User | null>(null);
  const filtered = query === '' ? users : filter(query);
  return (
    <HeadlessField>
      <HeadlessLabel>Contact</HeadlessLabel>
      <Combobox
        value={selected}
        onChange={setSelected}
        onClose={() => setQuery('')}
        immediate
        virtual={{ options: filtered }}
      >
        <ComboboxInput<User | null>
          displayValue={(user) => user?.displayName ?? ''}
          onChange={(event) => setQuery(event.target.value)}
          style={{ width: '100%' }}
        />
        <ComboboxOptions className="peer-list" style={{ ...listStyle, height: LIST_HEIGHT }}>
          {({ option: user }: { option: User }) => (
            <ComboboxOption
              value={user}
              className="peer-option"
              style={{ width: '100%', height: ROW_HEIGHT }}
            >
              <RowText user={user} />
            </ComboboxOption>
          )}
        </ComboboxOptions>
        {filtered.length === 0 && query !== '' && <p className="peer-empty">No users match</p>}
      </Combobox>
    </HeadlessField>
  );
}
