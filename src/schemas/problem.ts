import * as z from 'zod/mini';

/** The error codes a problem body may carry: the same codes `AdapterError` has. */
export const problemCodeSchema = z.enum([
  'conflict',
  'forbidden',
  'validation',
  'not_found',
  'rate_limited',
  'network',
  'payment_declined',
  'unknown',
]);

/** One broken rule of a write, on the field it belongs to; `code` is a `validation` catalog key. */
export const fieldIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.int().check(z.nonnegative())])).check(z.maxLength(16)),
  code: z.string().check(z.minLength(1), z.maxLength(64)),
});

/**
 * Every error body of the REST contract: RFC 9457 problem details (`application/problem+json`),
 * extended with the adapter's error `code` and what a screen needs to recover.
 *
 * @example
 * { "type": "https://account-billing-kit.dev/problems/conflict", "title": "Conflict", "status": 412,
 *   "code": "conflict", "current": { "version": 8, … } }
 */
export const problemDetailsSchema = z.object({
  type: z.string().check(z.minLength(1)),
  title: z.string(),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: problemCodeSchema,
  fieldIssues: z.optional(z.array(fieldIssueSchema).check(z.maxLength(200))),
  /** For `conflict`: the current state of what was edited (e.g. the contacts). */
  current: z.optional(z.unknown()),
  /** For `payment_declined`: the processor's reason, e.g. `insufficient_funds`. */
  declineCode: z.optional(z.string().check(z.maxLength(64))),
  /** For `rate_limited`: seconds until a retry may succeed (also sent as `Retry-After`). */
  retryAfterSeconds: z.optional(z.int().check(z.nonnegative())),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
