import * as z from 'zod/mini';

/** The error codes a problem body may carry: the same codes `AdapterError` has. */
export const problemCodeSchema = /* @__PURE__ */ z.enum([
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
export const fieldIssueSchema = /* @__PURE__ */ z.object({
  path: /* @__PURE__ */ z
    .array(
      /* @__PURE__ */ z.union([
        /* @__PURE__ */ z.string(),
        /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
      ]),
    )
    .check(/* @__PURE__ */ z.maxLength(16)),
  code: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(64)),
});

/**
 * Every error body of the REST contract: RFC 9457 problem details (`application/problem+json`),
 * extended with the adapter's error `code` and what a screen needs to recover.
 *
 * @example
 * { "type": "https://account-billing-kit.dev/problems/conflict", "title": "Conflict", "status": 412,
 *   "code": "conflict", "current": { "version": 8, … } }
 */
export const problemDetailsSchema = /* @__PURE__ */ z.object({
  type: /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.minLength(1)),
  title: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.gte(400), /* @__PURE__ */ z.lte(599)),
  detail: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  instance: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  code: problemCodeSchema,
  fieldIssues: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.array(fieldIssueSchema).check(/* @__PURE__ */ z.maxLength(200)),
  ),
  /** For `conflict`: the current state of what was edited (e.g. the contacts). */
  current: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.unknown()),
  /** For `payment_declined`: the processor's reason, e.g. `insufficient_funds`. */
  declineCode: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(64))),
  /** For `rate_limited`: seconds until a retry may succeed (also sent as `Retry-After`). */
  retryAfterSeconds: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.int().check(/* @__PURE__ */ z.nonnegative()),
  ),
});
export type ProblemDetails = z.infer<typeof problemDetailsSchema>;
