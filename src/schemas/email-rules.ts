// The rules of an email address, without zod: the schema (email.ts) checks them, and the
// contact picker asks them directly about typed text, so a page with only the picker carries
// no validation library.

/** Longest address RFC 5321 lets through a mail system (local part + domain). */
export const EMAIL_MAX_LENGTH = 254;

// Control characters, invisible format characters (zero-width spaces and joiners, word joiner,
// Arabic letter mark, bidi overrides) and line separators have no place in an address: they
// make lookalikes of real ones.
export const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Longest local part (RFC 5321). */
const LOCAL_PART_MAX_LENGTH = 64;
// A dot-atom local part: letters and digits of any script plus RFC 5322's atom symbols; no
// quotes, brackets, angle brackets or spaces, no leading, trailing or doubled dot.
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// A host name label: 1-63 letters, digits or inner hyphens. No address literals (`[127.0.0.1]`).
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^(?=.*\p{L})[\p{L}\p{M}\p{N}-]{2,63}$/u;

/** Whether `value` is `local@domain` with a dot-atom local part and a dotted host name. */
export function hasEmailShape(value: string): boolean {
  const at = value.lastIndexOf('@');
  if (at <= 0) return false;
  const local = value.slice(0, at);
  const labels = value.slice(at + 1).split('.');
  const topLevel = labels[labels.length - 1] ?? '';
  return (
    Array.from(local).length <= LOCAL_PART_MAX_LENGTH &&
    LOCAL_PART.test(local) &&
    labels.length >= 2 &&
    labels.every((label) => DOMAIN_LABEL.test(label)) &&
    TOP_LEVEL_LABEL.test(topLevel)
  );
}

/** Why an email address is not usable: a message key of the `validation` catalog. */
export type EmailIssue = 'emailRequired' | 'emailTooLong' | 'emailControlCharacters' | 'emailInvalid';

/**
 * The first rule a trimmed address breaks, in the order `emailSchema` checks them, or null when
 * it is usable.
 *
 * @example
 * emailIssue('ada@example') // 'emailInvalid'
 */
export function emailIssue(trimmed: string): EmailIssue | null {
  if (trimmed.length < 1) return 'emailRequired';
  if (trimmed.length > EMAIL_MAX_LENGTH) return 'emailTooLong';
  if (CONTROL_CHARACTERS.test(trimmed)) return 'emailControlCharacters';
  return hasEmailShape(trimmed) ? null : 'emailInvalid';
}
