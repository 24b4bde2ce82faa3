import { describe, expect, it } from 'vitest';
import { moveActive, type NavigationContext } from '../src/components/contact-picker/combobox-navigation';

/** Ten options; those listed in `disabled` cannot be active. */
function context(overrides: Partial<NavigationContext> = {}, disabled: number[] = []): NavigationContext {
  return {
    count: 10,
    isEnabled: (index) => !disabled.includes(index),
    complete: true,
    pageSize: 4,
    ...overrides,
  };
}

describe('moveActive', () => {
  it('starts at the first option going down and the last going up', () => {
    expect(moveActive(-1, 'next', context())).toBe(0);
    expect(moveActive(-1, 'previous', context())).toBe(9);
  });

  it('wraps at the ends of a complete list, and stops at them in a partly loaded one', () => {
    expect(moveActive(9, 'next', context())).toBe(0);
    expect(moveActive(0, 'previous', context())).toBe(9);
    expect(moveActive(9, 'next', context({ complete: false }))).toBe(9);
    expect(moveActive(0, 'previous', context({ complete: false }))).toBe(0);
    // Up into a partly loaded list starts at the top: its last loaded row is a page boundary.
    expect(moveActive(-1, 'previous', context({ complete: false }))).toBe(0);
  });

  it('skips disabled options in every direction', () => {
    const withDisabled = context({}, [0, 4, 5, 9]);
    expect(moveActive(-1, 'next', withDisabled)).toBe(1);
    expect(moveActive(3, 'next', withDisabled)).toBe(6);
    expect(moveActive(6, 'previous', withDisabled)).toBe(3);
    expect(moveActive(8, 'next', withDisabled)).toBe(1);
    expect(moveActive(-1, 'last', withDisabled)).toBe(8);
    expect(moveActive(1, 'page-down', withDisabled)).toBe(3);
    expect(moveActive(8, 'page-up', withDisabled)).toBe(6);
  });

  it('moves by a page and stops at the ends', () => {
    expect(moveActive(-1, 'page-down', context())).toBe(3);
    expect(moveActive(3, 'page-down', context())).toBe(7);
    expect(moveActive(7, 'page-down', context())).toBe(9);
    expect(moveActive(9, 'page-down', context())).toBe(9);
    expect(moveActive(9, 'page-up', context())).toBe(5);
    expect(moveActive(2, 'page-up', context())).toBe(0);
    expect(moveActive(0, 'page-up', context())).toBe(0);
  });

  it('stays put when nothing enabled lies that way, and has nothing to activate in an empty list', () => {
    const onlyFirst = context({ complete: false }, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(moveActive(0, 'next', onlyFirst)).toBe(0);
    expect(moveActive(0, 'page-down', onlyFirst)).toBe(0);
    expect(moveActive(-1, 'next', context({ count: 0 }))).toBe(-1);
    expect(moveActive(-1, 'next', context({}, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]))).toBe(-1);
  });
});
