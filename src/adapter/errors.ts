/** Every way an adapter call can fail, as the screens distinguish them. */
export type AdapterErrorCode =
  | 'conflict'
  | 'forbidden'
  | 'validation'
  | 'not_found'
  | 'rate_limited'
  | 'network'
  | 'payment_declined'
  | 'unknown';

/**
 * A problem with one field of a write. `path` names the field (`['billingContactIds', 1]`),
 * `code` is a key of the `validation` message catalog.
 */
export interface FieldIssue {
  path: (string | number)[];
  code: string;
}

export interface AdapterErrorOptions {
  /** Developer-facing detail; never shown to end users (they see the catalog's message). */
  message?: string;
  fieldIssues?: FieldIssue[];
  /** Seconds to wait before retrying (`rate_limited`). */
  retryAfterSeconds?: number;
  /** For `conflict`: the current server state, so the UI can show what changed. */
  current?: unknown;
  /** For `payment_declined`: the processor's decline reason, e.g. `insufficient_funds`. */
  declineCode?: string;
  cause?: unknown;
}

/**
 * The one error type adapters throw. Screens switch on `code` to choose the message and the
 * recovery (retry, reload, fix a field); hosts can do the same in `onError`.
 *
 * @example
 * throw new AdapterError('conflict', { current: latestContacts });
 */
export class AdapterError extends Error {
  override readonly name = 'AdapterError';
  readonly code: AdapterErrorCode;
  readonly fieldIssues: FieldIssue[];
  readonly retryAfterSeconds: number | undefined;
  readonly current: unknown;
  readonly declineCode: string | undefined;

  constructor(code: AdapterErrorCode, options: AdapterErrorOptions = {}) {
    super(options.message ?? code, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.fieldIssues = options.fieldIssues ?? [];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.current = options.current;
    this.declineCode = options.declineCode;
  }

  /** Whether trying the same call again may succeed. */
  get retryable(): boolean {
    return isRetryableError(this);
  }
}

// The error policy, in one place: every screen and adapter decides retry and ambiguity here.
const TRANSIENT_CODES: ReadonlySet<AdapterErrorCode> = new Set(['network', 'rate_limited']);
const RETRYABLE_CODES: ReadonlySet<AdapterErrorCode> = new Set([...TRANSIENT_CODES, 'unknown']);
const AMBIGUOUS_CODES: ReadonlySet<AdapterErrorCode> = new Set(['network', 'rate_limited', 'unknown']);

function codeOf(error: AdapterError | AdapterErrorCode): AdapterErrorCode {
  return typeof error === 'string' ? error : error.code;
}

/**
 * Whether a read may be retried automatically, without asking: the connection or a rate limit
 * failed, not the request. An `unknown` failure (e.g. a malformed answer) is left to the user.
 */
export function isTransientError(error: AdapterError | AdapterErrorCode): boolean {
  return TRANSIENT_CODES.has(codeOf(error));
}

/**
 * Whether the same call may succeed when tried again unchanged (a lost connection, a rate
 * limit, an unexplained failure). Conflicts, refusals and invalid input need a change first.
 *
 * @example
 * if (isRetryableError(error)) showRetryButton();
 */
export function isRetryableError(error: AdapterError | AdapterErrorCode): boolean {
  return RETRYABLE_CODES.has(codeOf(error));
}

/**
 * Whether a failed write may still have been applied (the answer, not the request, was lost):
 * only a retry with the same idempotency key, or a fresh read, can tell.
 *
 * @example
 * if (isAmbiguousError(error)) offerRetryWithSameKey();
 */
export function isAmbiguousError(error: AdapterError | AdapterErrorCode): boolean {
  return AMBIGUOUS_CODES.has(codeOf(error));
}

/** Narrows anything thrown to an `AdapterError`, wrapping foreign errors as `unknown`. */
export function toAdapterError(error: unknown): AdapterError {
  if (error instanceof AdapterError) return error;
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new AdapterError('network', { message: 'aborted', cause: error });
  }
  return new AdapterError('unknown', {
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

export function isAdapterError(error: unknown, code?: AdapterErrorCode): error is AdapterError {
  return error instanceof AdapterError && (code === undefined || error.code === code);
}
