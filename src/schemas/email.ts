import * as z from 'zod';

/** Longest address RFC 5321 lets through a mail system (local part + domain). */
export const EMAIL_MAX_LENGTH = 254;

// Control characters and bidi overrides have no place in an address and can disguise one.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Pragmatic shape check: one @, no spaces, a dotted domain with a 2+ letter top-level label.
const EMAIL_SHAPE = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/u;

/**
 * An email address: trimmed, at most 254 characters, no control characters.
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
  .refine((value) => EMAIL_SHAPE.test(value), { error: 'emailInvalid' });
