import type { AriaAttributes, CSSProperties, Ref, RefCallback } from 'react';

/** `data-*` attributes, typed so object literals of them type-check outside JSX. */
export interface DataAttributes {
  [attribute: `data-${string}`]: string | number | boolean | undefined;
}

/**
 * What a drop-in component passes through to its root element, so a host can place, label and
 * style it like one of its own: `id`, `className`, `style`, `data-*` and `aria-*`.
 */
export interface RootDomProps extends AriaAttributes, DataAttributes {
  id?: string | undefined;
  /** Added to the component's own class. */
  className?: string | undefined;
  style?: CSSProperties | undefined;
}

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
