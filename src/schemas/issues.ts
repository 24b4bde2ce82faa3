import type * as z from 'zod/mini';

/** A message key of the `validation` catalog: `userDeactivated`, never a sentence. */
const MESSAGE_KEY = /^[a-z][A-Za-z0-9]*$/;

/**
 * The issues of a failed parse as field issues: each with its path and a message key. The
 * schemas' own messages are keys already; zod's built-in ones (a type error's "Invalid input:
 * expected string, received number") become `invalid`, so no adapter ever reports English.
 *
 * @example
 * const parsed = contactsUpdateSchema.safeParse(body);
 * if (!parsed.success) throw new AdapterError('validation', { fieldIssues: fieldIssuesOf(parsed.error) });
 */
export function fieldIssuesOf(error: z.core.$ZodError): { path: (string | number)[]; code: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
    code: MESSAGE_KEY.test(issue.message) ? issue.message : 'invalid',
  }));
}
