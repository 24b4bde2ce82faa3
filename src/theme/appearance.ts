import type { CSSProperties } from 'react';

/**
 * Theme overrides, mapped onto the library's CSS custom properties. Anything CSS accepts is
 * allowed (`'#0a7'`, `'oklch(60% 0.15 250)'`, `'var(--brand)'`).
 *
 * @example
 * <AccountSettingsProvider appearance={{ colorScheme: 'dark', colorPrimary: '#7c3aed', borderRadius: '4px' }} … />
 */
export interface Appearance {
  /** `system` follows the user's operating-system setting. Default: `light`. */
  colorScheme?: 'light' | 'dark' | 'system';
  colorPrimary?: string;
  colorDanger?: string;
  colorText?: string;
  colorBackground?: string;
  borderRadius?: string;
  fontFamily?: string;
  /** Base font size; everything scales from it. */
  fontSize?: string;
  /** Base spacing unit; paddings and gaps are multiples of it. */
  spacing?: string;
}

const VARIABLES: Record<Exclude<keyof Appearance, 'colorScheme'>, string> = {
  colorPrimary: '--abk-color-primary',
  colorDanger: '--abk-color-danger',
  colorText: '--abk-color-text',
  colorBackground: '--abk-color-background',
  borderRadius: '--abk-radius',
  fontFamily: '--abk-font-family',
  fontSize: '--abk-font-size',
  spacing: '--abk-spacing',
};

/** The inline custom properties for an appearance; only what the host set. */
export function appearanceToStyle(appearance: Appearance | undefined): CSSProperties {
  const style: Record<string, string> = {};
  if (!appearance) return style;
  for (const [key, variable] of Object.entries(VARIABLES)) {
    const value = appearance[key as keyof typeof VARIABLES];
    if (value) style[variable] = value;
  }
  return style;
}
