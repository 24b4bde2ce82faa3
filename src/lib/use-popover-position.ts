import { useState, type CSSProperties, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

export interface PopoverPosition {
  placement: 'bottom' | 'top';
  style: CSSProperties;
}

const GAP = 4;
const VIEWPORT_MARGIN = 8;

/**
 * Keeps a fixed-position popover attached to its anchor and on screen: below when there is
 * room (or more room than above), otherwise above; never wider than the viewport; height
 * limited to the space available. Follows scrolling and resizing while open.
 */
export function usePopoverPosition(
  anchorRef: RefObject<HTMLElement | null>,
  open: boolean,
  preferredMaxHeight: number,
): PopoverPosition {
  const [position, setPosition] = useState<PopoverPosition>({ placement: 'bottom', style: {} });

  useIsomorphicLayoutEffect(() => {
    if (!open) return;
    const anchor = anchorRef.current;
    if (!anchor) return;
    function update() {
      if (!anchor) return;
      const rect = anchor.getBoundingClientRect();
      const viewportWidth = document.documentElement.clientWidth;
      const viewportHeight = window.innerHeight;
      const below = viewportHeight - rect.bottom - GAP - VIEWPORT_MARGIN;
      const above = rect.top - GAP - VIEWPORT_MARGIN;
      const placement = below >= Math.min(preferredMaxHeight, 200) || below >= above ? 'bottom' : 'top';
      const width = Math.min(Math.max(rect.width, 280), viewportWidth - 2 * VIEWPORT_MARGIN);
      // Aligned to the anchor's start edge: its right edge in right-to-left layouts.
      const rtl = getComputedStyle(anchor).direction === 'rtl';
      const start = rtl ? rect.right - width : rect.left;
      const left = Math.min(Math.max(start, VIEWPORT_MARGIN), viewportWidth - VIEWPORT_MARGIN - width);
      const maxHeight = Math.max(120, Math.min(preferredMaxHeight, placement === 'bottom' ? below : above));
      setPosition({
        placement,
        style: {
          position: 'fixed',
          left,
          width,
          maxHeight,
          ...(placement === 'bottom'
            ? { top: rect.bottom + GAP }
            : { bottom: viewportHeight - rect.top + GAP }),
        },
      });
    }
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [anchorRef, open, preferredMaxHeight]);

  return position;
}
