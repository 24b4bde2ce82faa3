import * as z from 'zod';

/** Longest address RFC 5321 lets through a mail system (local part + domain). */
export const EMAIL_MAX_LENGTH = 254;

// Control characters, invisible format characters (zero-width spaces and joiners, word joiner,
// Arabic letter mark, bidi overrides) and line separators have no place in an address: they
// make lookalikes of real ones.
const CONTROL_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
/** Longest local part (RFC 5321). */
const LOCAL_PART_MAX_LENGTH = 64;
// A dot-atom local part: letters and digits of any script plus RFC 5322's atom symbols; no
// quotes, brackets, angle brackets or spaces, no leading, trailing or doubled dot.
const LOCAL_PART = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// A host name label: 1-63 letters, digits or inner hyphens. No address literals (`[127.0.0.1]`).
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;
const TOP_LEVEL_LABEL = /^(?=.*\p{L})[\p{L}\p{M}\p{N}-]{2,63}$/u;

/** Whether `value` is `local@domain` with a dot-atom local part and a dotted host name. */
function hasEmailShape(value: string): boolean {
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

/**
 * An email address: trimmed, at most 254 characters, no control or invisible characters, a
 * dot-atom local part of at most 64 characters and a host name of valid labels.
 * Each failure carries a message key from the `validation` catalog, never an English sentence.
 *
 * @example
 * emailSchema.parse('  ada@example.com ') // 'ada@example.com'
 */
export const emailSchema = z
  .string()
  .trim()
  .min(1, { error: 'emailRequired', abort: true })
  .max(EMAIL_MAX_LENGTH, { error: 'emailTooLong', abort: true })
  .refine((value) => !CONTROL_CHARACTERS.test(value), { error: 'emailControlCharacters', abort: true })
  .refine(hasEmailShape, { error: 'emailInvalid' });
