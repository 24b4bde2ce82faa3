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
