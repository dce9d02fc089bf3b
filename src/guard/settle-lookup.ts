import { LookupFailedError } from '../errors.js';

/** How a lookup ended when it found nothing usable: it threw, did not answer in time, or found nobody. */
export interface LookupFailure {
  readonly reason: 'error' | 'timeout' | 'not-found';
  /** The lookup's error message, or what timed out, for the audit trail. */
  readonly error?: string;
}

/** A lookup's outcome: what it found, or why it found nothing. */
export type LookupOutcome<T> = { readonly found: T } | LookupFailure;

/**
 * Runs a caller's lookup with a deadline and turns every way it can end into data: a value, an
 * error, a timeout (the signal aborts so the caller can stop its request) or nothing found. Never
 * rejects, so a failing customer system becomes a finding instead of a crash.
 *
 * @example
 * ```ts
 * const outcome = await settleLookup((signal) => crm.byId('C-1001', { signal }), 2000);
 * if ('found' in outcome) outcome.found;
 * else outcome.reason; // 'error' | 'timeout' | 'not-found'
 * ```
 */
export async function settleLookup<T>(
  lookup: (signal: AbortSignal) => T | undefined | Promise<T | undefined>,
  timeoutMs: number,
): Promise<LookupOutcome<T>> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<LookupOutcome<T>>((resolve) => {
    timer = setTimeout(() => {
      controller.abort(new LookupFailedError(`customer lookup timed out after ${timeoutMs} ms`));
      resolve({ reason: 'timeout', error: `no answer within ${timeoutMs} ms` });
    }, timeoutMs);
  });
  const answer = (async (): Promise<LookupOutcome<T>> => {
    try {
      const found = await lookup(controller.signal);
      return found === undefined || found === null ? { reason: 'not-found' } : { found };
    } catch (error) {
      return { reason: 'error', error: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
