// Where the active option goes for each navigation key of the APG combobox pattern
// (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/). Pure functions over the loaded options,
// so every rule is in one place and none depends on rendering.

/** How a navigation key moves the active option. */
export type Move = 'next' | 'previous' | 'first' | 'last' | 'page-down' | 'page-up';

export interface NavigationContext {
  /** How many options are loaded. */
  count: number;
  /** Whether the option at an index can be chosen (deactivated users cannot). */
  isEnabled: (index: number) => boolean;
  /**
   * Every option is loaded (the server has no further page). Only then does Down on the last
   * option wrap to the first and Up on the first wrap to the last: in a partly loaded list the
   * "last" loaded option is a page boundary, not the end, and jumping there would skip the rest.
   */
  complete: boolean;
  /** How many options PageDown and PageUp move by: about one visible page. */
  pageSize: number;
}

/** The index of the first enabled option from `start` in `step`'s direction, or -1. */
function enabledFrom(start: number, step: 1 | -1, { count, isEnabled }: NavigationContext): number {
  for (let index = start; index >= 0 && index < count; index += step) if (isEnabled(index)) return index;
  return -1;
}

/**
 * The active option after `move` from `current` (-1: none is active). Disabled options are
 * skipped; when nothing enabled lies that way the active option stays where it is.
 */
export function moveActive(current: number, move: Move, context: NavigationContext): number {
  const { count, complete, pageSize } = context;
  if (count === 0) return -1;
  const first = () => enabledFrom(0, 1, context);
  // A partly loaded list has no last option yet: Up from nowhere starts at the top.
  const last = () => (complete ? enabledFrom(count - 1, -1, context) : first());
  const stay = (found: number) => (found === -1 ? current : found);
  switch (move) {
    case 'first':
      return first();
    case 'last':
      return last();
    case 'next': {
      if (current < 0) return first();
      const found = enabledFrom(current + 1, 1, context);
      return found === -1 && complete ? first() : stay(found);
    }
    case 'previous': {
      if (current < 0) return last();
      const found = enabledFrom(current - 1, -1, context);
      return found === -1 && complete ? last() : stay(found);
    }
    case 'page-down': {
      // Pages stop at the ends rather than wrap (the listbox pattern's PageDown).
      const target = Math.min(count - 1, Math.max(current, -1) + pageSize);
      const found = enabledFrom(target, -1, context);
      return found > current ? found : stay(enabledFrom(target, 1, context));
    }
    case 'page-up': {
      const target = Math.max(0, current - pageSize);
      const found = enabledFrom(target, 1, context);
      return found !== -1 && (found < current || current < 0)
        ? found
        : stay(enabledFrom(target, -1, context));
    }
  }
}
