import type { AdapterErrorCode, FieldIssue } from '../../../src/adapter/errors.js';
import type { ProblemDetails } from '../../../src/schemas/index.js';

const TITLES: Record<AdapterErrorCode, string> = {
  validation: 'The request breaks a rule',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Someone else changed this',
  rate_limited: 'Too many requests',
  network: 'Service unavailable',
  payment_declined: 'Payment declined',
  unknown: 'Server error',
};

/** An error answer of the contract: an RFC 9457 problem with the adapter's error code. */
export class Problem extends Error {
  readonly status: number;
  readonly body: ProblemDetails;
  readonly headers: Record<string, string>;

  constructor(
    status: number,
    code: AdapterErrorCode,
    extra: Partial<ProblemDetails> = {},
    headers: Record<string, string> = {},
  ) {
    super(extra.detail ?? TITLES[code]);
    this.status = status;
    this.headers = headers;
    this.body = {
      type: `https://account-billing-kit.dev/problems/${code.replace(/_/g, '-')}`,
      title: TITLES[code],
      status,
      code,
      ...extra,
    };
  }

  static validation(fieldIssues: FieldIssue[], detail?: string, status = 422): Problem {
    return new Problem(status, 'validation', { fieldIssues, ...(detail ? { detail } : {}) });
  }

  static unauthenticated(detail = 'Sign in with a bearer token.'): Problem {
    return new Problem(401, 'forbidden', { detail }, { 'WWW-Authenticate': 'Bearer' });
  }

  static forbidden(permission: string): Problem {
    return new Problem(403, 'forbidden', {
      detail: `The signed-in user lacks the ${permission} permission.`,
    });
  }

  static notFound(detail: string): Problem {
    return new Problem(404, 'not_found', { detail });
  }

  static conflict(detail: string, current: unknown): Problem {
    return new Problem(412, 'conflict', { detail, current });
  }

  static paymentDeclined(declineCode: string): Problem {
    return new Problem(402, 'payment_declined', {
      declineCode,
      detail: `The card was declined (${declineCode}).`,
    });
  }
}
