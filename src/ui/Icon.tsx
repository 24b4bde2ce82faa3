import type { SVGProps } from 'react';

/** The icons the kit draws. Each is decorative: the control it sits in carries the name. */
export type IconName =
  'search' | 'clear' | 'chevron-down' | 'check' | 'remove' | 'plus' | 'arrow-left' | 'arrow-right';

export interface IconProps extends Omit<SVGProps<SVGSVGElement>, 'children' | 'viewBox'> {
  name: IconName;
  /** Edge length in pixels. Default 16. */
  size?: number;
}

// Every path is drawn on a 16-unit grid with round caps, so the set reads as one family.
const PATHS: Record<IconName, string> = {
  search: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9ZM10.5 10.5 14 14',
  clear: 'M4 4l8 8M12 4l-8 8',
  'chevron-down': 'M4 6.5 8 10.5l4-4',
  check: 'M3.5 8.5 6.5 11.5 12.5 4.5',
  remove: 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5',
  plus: 'M8 3v10M3 8h10',
  'arrow-left': 'M13 8H3M7 4 3 8l4 4',
  'arrow-right': 'M3 8h10M9 4l4 4-4 4',
};

/**
 * A decorative SVG icon in the current text colour (`aria-hidden`).
 *
 * @example
 * <button aria-label={t('contactPicker.clear')}><Icon name="clear" /></button>
 */
export function Icon({ name, size = 16, className, ...props }: IconProps) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      className={className ? `abk-icon ${className}` : 'abk-icon'}
      data-icon={name}
      {...props}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
