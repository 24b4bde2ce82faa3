import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False while a server renders and while the browser hydrates that server's HTML; true after
 * that, and at once in a page rendered in the browser only. Whatever only the browser knows
 * (sessionStorage, the viewport) may shape what renders only when this is true, so the first
 * render in the browser matches the server's HTML.
 *
 * @example
 * const hydrated = useHydrated();
 * const storage = hydrated ? window.sessionStorage : null;
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
