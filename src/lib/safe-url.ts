// Host-supplied URLs end up in `href`. React 18 renders a `javascript:` URL as a live link, and
// no React version refuses `data:`; only web addresses are links here.

const SAFE_PROTOCOLS = new Set(['http:', 'https:']);
// Any base: a relative URL resolves against it and keeps its protocol.
const BASE = 'https://relative.invalid/';

/**
 * `url` when it is an http(s) or relative URL, else null. Parsed as a browser would, so tabs,
 * newlines and leading spaces inside a scheme (`java\tscript:`) do not slip through.
 *
 * @example
 * safeLinkUrl('/legal/terms') // '/legal/terms'
 * safeLinkUrl('javascript:alert(1)') // null
 */
export function safeLinkUrl(url: string): string | null {
  try {
    return SAFE_PROTOCOLS.has(new URL(url, BASE).protocol) ? url : null;
  } catch {
    return null;
  }
}
