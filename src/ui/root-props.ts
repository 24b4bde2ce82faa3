import type { AriaAttributes, CSSProperties } from 'react';

/**
 * What a host may set on a drop-in component's root element: an `id` to link to, inline
 * `style`, `aria-*` and its own `data-*` attributes. `className` is added to the component's
 * own class. The component's documented `data-*` state attributes win over a host's of the
 * same name.
 */
export interface RootElementProps extends AriaAttributes {
  id?: string | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  [dataAttribute: `data-${string}`]: string | number | boolean | undefined;
}
