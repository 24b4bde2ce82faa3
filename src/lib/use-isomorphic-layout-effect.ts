import { useEffect, useLayoutEffect } from 'react';

/**
 * `useLayoutEffect` in the browser, `useEffect` on a server, where neither runs: React 18's
 * server renderer warns about every layout effect it meets, and a server-rendered host page
 * would log one warning per picker.
 *
 * @example
 * useIsomorphicLayoutEffect(() => measure(), [open]);
 */
export const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;
