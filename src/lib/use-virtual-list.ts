import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';
import { flushSync } from 'react-dom';

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
/** Rows assumed visible before the element has been seen with a height (hidden, or not yet laid out). */
const UNMEASURED_VISIBLE_ROWS = 8;

/** The part of the list in view, in whole rows: scrolling within a row changes nothing. */
interface View {
  /** The first row in view. */
  top: number;
  /** How many rows fit in the element (0: not measured yet). */
  visible: number;
}

/**
 * Windowing for long lists of equal-height rows: only the rows in view (plus `overscan`) are
 * rendered, and `onNearEnd` asks for more before the user reaches the end of what is loaded.
 * Rows have one fixed height, so the window is arithmetic: no measuring of rows, and the rows
 * for a new `count` are known in the same render (a list narrowed by a keystroke paints at once).
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
  const [view, setView] = useState<View>({ top: 0, visible: 0 });
  // The view last put into state, so that an unchanged one costs no render at all.
  const viewRef = useRef(view);

  /** Reads the element's view into state; a hidden element (no height) keeps the last one seen. */
  const syncView = useCallback(() => {
    const element = scrollRef.current;
    if (!element || element.clientHeight === 0) return;
    const top = Math.floor(element.scrollTop / rowHeight);
    const visible = Math.ceil(element.clientHeight / rowHeight);
    if (viewRef.current.top === top && viewRef.current.visible === visible) return;
    viewRef.current = { top, visible };
    setView(viewRef.current);
  }, [rowHeight]);

  // The element may appear later than the hook (a portal, a list shown once it has rows), and a
  // list shown again after being hidden has lost its scroll position: check after every commit,
  // before paint. Reading the layout here costs nothing extra, the frame needs it anyway.
  const listening = useRef<{ element: TElement; onScroll: () => void } | null>(null);
  useIsomorphicLayoutEffect(() => {
    const element = scrollRef.current;
    if (listening.current?.element !== element) {
      listening.current?.element.removeEventListener('scroll', listening.current.onScroll);
      listening.current = null;
      if (element) {
        // Rendered in the scroll event itself, so newly scrolled-in rows paint in the same frame.
        const onScroll = () => flushSync(syncView);
        element.addEventListener('scroll', onScroll, { passive: true });
        listening.current = { element, onScroll };
      }
    }
    // An empty list has no rows to place (and is usually hidden): no need to read the layout.
    if (count > 0) syncView();
  });
  useEffect(
    () => () => {
      listening.current?.element.removeEventListener('scroll', listening.current.onScroll);
      listening.current = null;
    },
    [],
  );

  const visible = view.visible || UNMEASURED_VISIBLE_ROWS;
  // A list that has just shrunk (a narrowing keystroke) is scrolled no further than its end.
  const top = Math.min(view.top, Math.max(0, count - visible));
  const first = Math.max(0, top - overscan);
  const end = Math.min(count, top + visible + 1 + overscan);
  const rows = useMemo(() => {
    const inWindow: VirtualRow[] = [];
    for (let index = first; index < end; index += 1) {
      inWindow.push({ index, key: index, start: index * rowHeight, size: rowHeight });
    }
    return inWindow;
  }, [first, end, rowHeight]);
  const lastIndex = end - 1;

  useEffect(() => {
    if (onNearEnd && lastIndex >= count - nearEnd) onNearEnd();
  }, [onNearEnd, lastIndex, count, nearEnd]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const element = scrollRef.current;
      if (!element) return;
      const rowTop = index * rowHeight;
      if (rowTop < element.scrollTop) element.scrollTop = rowTop;
      else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) {
        element.scrollTop = rowTop + rowHeight - element.clientHeight;
      }
      syncView();
    },
    [rowHeight, syncView],
  );

  return { scrollRef, rows, totalSize: count * rowHeight, scrollToIndex };
}
