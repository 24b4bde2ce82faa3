// Warnings for host developers about a misuse the screens survive but the host should fix
// (an unsafe URL, a message override that lost a placeholder). Silent in production builds: the
// host's bundler replaces `process.env.NODE_ENV`, and where nothing defines `process` at all
// there is no development build to warn in.

// Only the bundler's replacement is read; the library does not depend on Node's types.
declare const process: { env: { NODE_ENV?: string } };

function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV !== 'production';
  } catch {
    return false;
  }
}

const warned = new Set<string>();

/** Logs `message` once per page in development, prefixed with the library's name. */
export function warnInDevelopment(message: string): void {
  if (!isDevelopment() || warned.has(message)) return;
  warned.add(message);
  // The one place the library writes to the console: development builds, for the host's developer.
  // eslint-disable-next-line no-console
  console.warn(`account-billing-kit: ${message}`);
}
