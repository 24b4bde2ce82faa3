import * as z from 'zod';

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
  path: z.array(z.union([z.string(), z.number().int().nonnegative()])).max(16),
  code: z.string().min(1).max(64),
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
  type: z.string().min(1),
  title: z.string(),
  status: z.number().int().min(400).max(599),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: problemCodeSchema,
  fieldIssues: z.array(fieldIssueSchema).max(200).optional(),
  /** For `conflict`: the current state of what was edited (e.g. the contacts). */
  current: z.unknown().optional(),
  /** For `payment_declined`: the processor's reason, e.g. `insufficient_funds`. */
  declineCode: z.string().max(64).optional(),
  /** For `rate_limited`: seconds until a retry may succeed (also sent as `Retry-After`). */
  retryAfterSeconds: z.number().int().nonnegative().optional(),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
