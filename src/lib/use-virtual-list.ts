import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';

/** One rendered row of a virtual list: where it sits and how tall it is, in pixels. */
export interface VirtualRow {
  /** The row's position in the whole list, rendered or not. */
  index: number;
  /** A React key for the row. */
  key: string | number;
  /** Offset of the row's top from the top of the scrolling content. */
  start: number;
  /** The row's height. */
  size: number;
}

export interface UseVirtualListOptions {
  /** How many rows the list has (loaded rows; the rest of a paged result is not counted). */
  count: number;
  /** Every row's height in pixels. */
  rowHeight: number;
  /** Rows rendered beyond each edge of the visible part, so fast scrolling shows no gaps. Default 8. */
  overscan?: number;
  /**
   * Called (after rendering) whenever the last rendered row is within `nearEnd` rows of the end:
   * the moment to load the next page. Pass a new function when its answer may have changed
   * (e.g. a page finished loading), so the check runs again.
   */
  onNearEnd?: (() => void) | undefined;
  /** How close to the end, in rows, counts as near. Default 10. */
  nearEnd?: number;
}

export interface VirtualList<TElement extends HTMLElement> {
  /** Goes on the element that scrolls. */
  scrollRef: RefObject<TElement | null>;
  /** The rows to render now. */
  rows: VirtualRow[];
  /** The height of every row together: what the scrolling content must measure. */
  totalSize: number;
  /** Scrolls just far enough for the row to be visible (rows outside the window are not in the DOM). */
  scrollToIndex: (index: number) => void;
}

const DEFAULT_OVERSCAN = 8;
const DEFAULT_NEAR_END = 10;

/**
 * Windowing for long lists of equal-height rows: only the rows in view (plus `overscan`) are
 * rendered, and `onNearEnd` asks for more before the user reaches the end of what is loaded.
 * The one place the library uses a virtualisation package, so it can be swapped here alone.
 *
 * @example
 * const list = useVirtualList<HTMLDivElement>({ count: users.length, rowHeight: 52, onNearEnd: search.fetchMore });
 * <div ref={list.scrollRef} style={{ overflowY: 'auto' }}>
 *   <div style={{ height: list.totalSize, position: 'relative' }}>
 *     {list.rows.map((row) => <Row key={row.key} user={users[row.index]} top={row.start} />)}
 *   </div>
 * </div>
 */
export function useVirtualList<TElement extends HTMLElement>({
  count,
  rowHeight,
  overscan = DEFAULT_OVERSCAN,
  onNearEnd,
  nearEnd = DEFAULT_NEAR_END,
}: UseVirtualListOptions): VirtualList<TElement> {
  const scrollRef = useRef<TElement | null>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan,
  });

  const items = virtualizer.getVirtualItems();
  const rows = useMemo(
    () =>
      items.map(({ index, key, start, size }) => ({
        index,
        key: typeof key === 'bigint' ? String(key) : key,
        start,
        size,
      })),
    [items],
  );
  const lastIndex = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (onNearEnd && lastIndex >= count - nearEnd) onNearEnd();
  }, [onNearEnd, lastIndex, count, nearEnd]);

  const scrollToIndex = useCallback(
    (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    [virtualizer],
  );

  return { scrollRef, rows, totalSize: virtualizer.getTotalSize(), scrollToIndex };
}
