import type { RefObject } from 'react';
import { useIsomorphicLayoutEffect } from './use-isomorphic-layout-effect.js';

const GAP = 4;
const VIEWPORT_MARGIN = 8;

/**
 * Keeps a fixed-position popover attached to its anchor and on screen: below when there is
 * room (or more room than above), otherwise above; never wider than the viewport; height
 * limited to the space available. Follows scrolling and resizing while open.
 *
 * The position is written to the popover element itself (`position`, `left`, `width`,
 * `max-height`, `top` or `bottom`, and `data-placement`), in the commit that opens it: held in
 * state, it would render the whole popover a second time before its first paint. Leave those
 * properties out of the element's `style` prop. The height it may take is also set as
 * `--abk-popover-max-height`, for what scrolls inside it.
 *
 * @example
 * usePopoverPosition(anchorRef, popoverRef, isOpen, 320);
 */
export function usePopoverPosition(
  anchorRef: RefObject<HTMLElement | null>,
  popoverRef: RefObject<HTMLElement | null>,
  open: boolean,
  preferredMaxHeight: number,
): void {
  useIsomorphicLayoutEffect(() => {
    if (!open) return;
    const anchor = anchorRef.current;
    const popover = popoverRef.current;
    if (!anchor || !popover) return;
    function update() {
      if (!anchor || !popover) return;
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
      const { style } = popover;
      style.position = 'fixed';
      style.left = `${left}px`;
      style.width = `${width}px`;
      style.maxHeight = `${maxHeight}px`;
      style.setProperty('--abk-popover-max-height', `${maxHeight}px`);
      style.top = placement === 'bottom' ? `${rect.bottom + GAP}px` : '';
      style.bottom = placement === 'top' ? `${viewportHeight - rect.top + GAP}px` : '';
      popover.dataset.placement = placement;
    }
    update();
    window.addEventListener('resize', update);
    window.addEventListener('scroll', update, true);
    return () => {
      window.removeEventListener('resize', update);
      window.removeEventListener('scroll', update, true);
    };
  }, [anchorRef, popoverRef, open, preferredMaxHeight]);
}
