import { LookupFailedError } from '../errors.js';

/**
 * What kind of error a failed lookup was (with `reason: 'error'`): it threw, answered with
 * something that is no customer record, answered with another customer than the one asked for, or
 * no lookup was configured at all.
 */
export type LookupErrorKind = 'threw' | 'invalid-record' | 'other-customer' | 'not-configured';

/** How a lookup ended when it found nothing usable: it threw, did not answer in time, or found nobody. */
export interface LookupFailure {
  readonly reason: 'error' | 'timeout' | 'not-found';
  /** With `reason: 'error'`: what kind of error it was. */
  readonly kind?: LookupErrorKind;
  /**
   * What went wrong, in the library's own words, for the audit trail. Never the text of an error a
   * lookup threw: that can carry personal data or a system's internals (a connection string, a
   * query with an address in it), so only its code or class name is kept (`ECONNREFUSED`,
   * `TypeError`). Log the error itself inside the lookup when it is needed.
   */
  readonly error?: string;
}

/** A lookup's outcome: what it found, or why it found nothing. */
export type LookupOutcome<T> = { readonly found: T } | LookupFailure;

/** What a lookup is given: a signal that aborts when its deadline passes. */
export interface LookupContext {
  readonly signal: AbortSignal;
}

/**
 * Runs a caller's lookup with a deadline and turns every way it can end into data: a value, an
 * error, a timeout (the signal aborts so the caller can stop its request) or nothing found. Never
 * rejects, so a failing customer system becomes a finding instead of a crash.
 *
 * A lookup that answers synchronously costs no timer, and the signal is only made for a lookup
 * that reads it: this runs once per message in the mail pipeline.
 *
 * @example
 * ```ts
 * const outcome = await settleLookup(({ signal }) => crm.byId('C-1001', { signal }), 2000);
 * if ('found' in outcome) outcome.found;
 * else outcome.reason; // 'error' | 'timeout' | 'not-found'
 * ```
 */
export async function settleLookup<T>(
  lookup: (context: LookupContext) => T | undefined | null | Promise<T | undefined | null>,
  timeoutMs: number,
): Promise<LookupOutcome<T>> {
  let controller: AbortController | undefined;
  const context: LookupContext = {
    get signal() {
      controller ??= new AbortController();
      return controller.signal;
    },
  };
  let answer: T | undefined | null | Promise<T | undefined | null>;
  try {
    answer = lookup(context);
  } catch (error) {
    return failed(error);
  }
  if (!isPromiseLike(answer)) return found(answer);

  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<LookupOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      controller ??= new AbortController();
      controller.abort(new LookupFailedError(`customer lookup timed out after ${timeoutMs} ms`));
      resolve({ reason: 'timeout', error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  try {
    return await Promise.race([Promise.resolve(answer).then(found, failed), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function found<T>(value: T | undefined | null): LookupOutcome<T> {
  return value === undefined || value === null ? { reason: 'not-found' } : { found: value };
}

// A code or class name is an identifier (`ECONNREFUSED`, `ETIMEDOUT`, `TypeError`); anything else
// in those properties is text, and text is not copied.
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

function failed(error: unknown): LookupFailure {
  let name: string | undefined;
  try {
    const { code, name: className } = (error ?? {}) as { code?: unknown; name?: unknown };
    if (typeof code === 'string' && IDENTIFIER.test(code)) name = code;
    else if (typeof className === 'string' && IDENTIFIER.test(className)) name = className;
  } catch {
    // A getter that throws tells nothing more.
  }
  return {
    reason: 'error',
    kind: 'threw',
    error: name ? `the lookup threw an error (${name})` : 'the lookup threw an error',
  };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
