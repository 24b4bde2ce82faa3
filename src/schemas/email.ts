import * as z from 'zod/mini';
import { CONTROL_CHARACTERS, EMAIL_MAX_LENGTH, hasEmailShape } from './email-rules.js';

export { EMAIL_MAX_LENGTH } from './email-rules.js';

/**
 * An email address: trimmed, at most 254 characters, no control or invisible characters, a
 * dot-atom local part of at most 64 characters and a host name of valid labels.
 * Each failure carries a message key from the `validation` catalog, never an English sentence.
 * The rules themselves are in `email-rules.ts` (`emailIssue` asks them without zod).
 *
 * @example
 * emailSchema.parse('  ada@example.com ') // 'ada@example.com'
 */
export const emailSchema = /* @__PURE__ */ z.string().check(
  /* @__PURE__ */ z.trim(),
  /* @__PURE__ */ z.minLength(1, { error: 'emailRequired', abort: true }),
  /* @__PURE__ */ z.maxLength(EMAIL_MAX_LENGTH, { error: 'emailTooLong', abort: true }),
  /* @__PURE__ */ z.refine((value) => !CONTROL_CHARACTERS.test(value), {
    error: 'emailControlCharacters',
    abort: true,
  }),
  /* @__PURE__ */ z.refine(hasEmailShape, { error: 'emailInvalid' }),
);
