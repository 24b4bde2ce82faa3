import type { Ref, RefCallback } from 'react';

/** One ref callback that fills every given ref, for an element two owners need to reach. */
export function composeRefs<T>(...refs: (Ref<T> | undefined)[]): RefCallback<T> {
  return (element) => {
    for (const ref of refs) {
      if (typeof ref === 'function') ref(element);
      else if (ref) ref.current = element;
    }
  };
}

/** The component's own class, then the host's. */
export function joinClassNames(own: string, host: string | undefined): string {
  return host ? `${own} ${host}` : own;
}

/**
 * Splits props into the named keys and the rest, e.g. a headless hook's options and the
 * attributes that go on the root element.
 */
export function splitProps<T extends object, K extends keyof T>(
  props: T,
  keys: readonly K[],
): [Pick<T, K>, Omit<T, K>] {
  const named = new Set<PropertyKey>(keys);
  const picked: Record<PropertyKey, unknown> = {};
  const rest: Record<PropertyKey, unknown> = {};
  for (const [key, value] of Object.entries(props)) (named.has(key) ? picked : rest)[key] = value;
  return [picked as Pick<T, K>, rest as Omit<T, K>];
}
