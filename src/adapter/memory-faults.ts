import { AdapterError, type AdapterErrorCode } from './errors.js';
import type { AdapterOperation } from './types.js';

/** How slow and how unreliable the memory adapter pretends to be. */
export interface FaultOptions {
  /** Delay of every call in milliseconds, fixed or a range. */
  latency?: number | { min: number; max: number } | undefined;
  /** Probability (0-1) that any call fails with `failureCode`. */
  failureRate?: number | undefined;
  failureCode?: AdapterErrorCode | undefined;
  /** Seed for latency jitter and random failures, so runs are reproducible. */
  seed?: number | undefined;
}

/**
 * Latency and failures in front of every memory adapter call: scheduled faults (`failNext`)
 * first, then random ones drawn from a seeded generator.
 */
export interface FaultInjector {
  /**
   * Counts the call, waits out its latency, then throws the fault due for it, if any. `current`
   * is what an injected `conflict` reports as the server's state (default: the contacts).
   */
  begin(operation: AdapterOperation, signal?: AbortSignal, current?: () => unknown): Promise<void>;
  /** The next `count` calls (to `operations`, if given) fail with `code`. */
  failNext(count: number, code: AdapterErrorCode, operations?: AdapterOperation[]): void;
  /**
   * The next `count` writes (to `operations`, if given) are applied, then fail with `code`, as
   * when the connection drops after the server acted: "placed, answer lost".
   */
  failNextAfterApplying(count: number, code: AdapterErrorCode, operations?: AdapterOperation[]): void;
  /** Throws the after-applying fault due for a write that was just applied, if any. */
  end(operation: AdapterOperation, current?: () => unknown): void;
  /** From now on, calls (to `operations`, if given) take `latency` instead of the configured one. */
  setLatency(latency: number | { min: number; max: number }, operations?: AdapterOperation[]): void;
  /** Number of calls made to each operation. */
  calls(): Partial<Record<AdapterOperation, number>>;
}

interface ScheduledFault {
  remaining: number;
  code: AdapterErrorCode;
  operations?: AdapterOperation[];
}

/**
 * @param currentContacts what an injected `conflict` reports as the server's state, as a real
 * conflict would.
 */
export function createFaultInjector(options: FaultOptions, currentContacts: () => unknown): FaultInjector {
  const random = seededRandom(options.seed ?? 1);
  const scheduledFaults: ScheduledFault[] = [];
  const afterFaults: ScheduledFault[] = [];
  const calls: Partial<Record<AdapterOperation, number>> = {};
  let latencyOf: (operation: AdapterOperation) => NonNullable<FaultOptions['latency']> = () =>
    options.latency ?? 0;

  return {
    async begin(operation, signal, current = currentContacts) {
      calls[operation] = (calls[operation] ?? 0) + 1;
      const latency = latencyOf(operation);
      const ms = typeof latency === 'number' ? latency : latency.min + random() * (latency.max - latency.min);
      await wait(ms, signal);
      const scheduled = takeFault(scheduledFaults, operation);
      if (scheduled) throw injectedError(scheduled.code, current);
      if (options.failureRate && random() < options.failureRate) {
        throw injectedError(options.failureCode ?? 'network', current);
      }
    },
    failNext(count, code, operations) {
      scheduledFaults.push({ remaining: count, code, ...(operations ? { operations } : {}) });
    },
    failNextAfterApplying(count, code, operations) {
      afterFaults.push({ remaining: count, code, ...(operations ? { operations } : {}) });
    },
    end(operation, current = currentContacts) {
      const due = takeFault(afterFaults, operation);
      if (due) throw injectedError(due.code, current);
    },
    setLatency(latency, operations) {
      const before = latencyOf;
      latencyOf = (operation) =>
        !operations || operations.includes(operation) ? latency : before(operation);
    },
    calls: () => ({ ...calls }),
  };
}

/** The first fault scheduled for `operation`, counted down (and dropped when used up). */
function takeFault(faults: ScheduledFault[], operation: AdapterOperation): ScheduledFault | undefined {
  const fault = faults.find((candidate) => !candidate.operations || candidate.operations.includes(operation));
  if (!fault) return undefined;
  fault.remaining -= 1;
  if (fault.remaining <= 0) faults.splice(faults.indexOf(fault), 1);
  return fault;
}

/** The error an injected fault throws, shaped like the real one (retry hint, decline code). */
function injectedError(code: AdapterErrorCode, currentContacts: () => unknown): AdapterError {
  return new AdapterError(code, {
    message: `injected ${code}`,
    retryAfterSeconds: code === 'rate_limited' ? 2 : undefined,
    current: code === 'conflict' ? currentContacts() : undefined,
    declineCode: code === 'payment_declined' ? 'card_declined' : undefined,
  });
}

/** mulberry32: tiny, seeded, good enough for jitter and fault draws. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

function wait(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    function onAbort() {
      clearTimeout(timer);
      reject(abortError());
    }
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
