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
  /**
   * With `kind: 'threw'`: the code of the error's cause, when the error wraps one that has a code:
   * a PostgreSQL SQLSTATE (`42P01`, `57P01`, `55P03`) or a Node.js errno (`ENOENT`,
   * `ECONNREFUSED`). It tells a missing table from a stopped server from a lock wait.
   */
  readonly causeCode?: string;
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

  return new Promise<LookupOutcome<T>>((resolve) => {
    const waiting: Waiting = {
      deadline: Date.now() + timeoutMs,
      done: false,
      expire() {
        controller ??= new AbortController();
        controller.abort(new LookupFailedError(`customer lookup timed out after ${timeoutMs} ms`));
        resolve({ reason: 'timeout', error: `no answer within ${timeoutMs} ms` });
      },
    };
    const queue = awaitDeadline(timeoutMs, waiting);
    (answer as PromiseLike<T | undefined | null>).then(
      (value) => {
        if (waiting.done) return;
        endWait(timeoutMs, queue, waiting);
        resolve(found(value));
      },
      (error: unknown) => {
        if (waiting.done) return;
        endWait(timeoutMs, queue, waiting);
        resolve(failed(error));
      },
    );
  });
}

/** A lookup waited on: its deadline, whether it has ended, and what to do when the deadline passes first. */
interface Waiting {
  readonly deadline: number;
  done: boolean;
  expire(): void;
}

// One timer for every lookup under way instead of one each: a timer, a promise and a race per check
// cost about 1.7 KB of allocation, one wait here about 0.8 KB (V8 sampling heap profiler, 16,000
// checks 16 in flight, each answered at once). Lookups with the same timeout end their waits in the order they began, so each
// timeout has a queue whose head has the earliest deadline, and the timer is set for the earliest head.
const queues = new Map<number, Waiting[]>();
let sweepAt = Number.POSITIVE_INFINITY;
const MAX_TIMER_DELAY_MS = 2 ** 31 - 1;
let sweepTimer: ReturnType<typeof setTimeout> | undefined;

function awaitDeadline(timeoutMs: number, waiting: Waiting): Waiting[] {
  let queue = queues.get(timeoutMs);
  if (queue === undefined) {
    queue = [];
    queues.set(timeoutMs, queue);
  }
  queue.push(waiting);
  if (waiting.deadline < sweepAt) scheduleSweep(waiting.deadline);
  return queue;
}

/**
 * A lookup answered in time: its wait, and every ended one before it, leave the queue now, so
 * nothing is kept until the deadline; with none left the timer goes too, and keeps no process alive.
 */
function endWait(timeoutMs: number, queue: Waiting[], waiting: Waiting): void {
  waiting.done = true;
  while (queue[0]?.done) queue.shift();
  if (queue.length > 0 || queues.get(timeoutMs) !== queue) return;
  queues.delete(timeoutMs);
  if (queues.size === 0 && sweepTimer !== undefined) {
    clearTimeout(sweepTimer);
    sweepTimer = undefined;
    sweepAt = Number.POSITIVE_INFINITY;
  }
}

function scheduleSweep(at: number): void {
  if (sweepTimer !== undefined) clearTimeout(sweepTimer);
  sweepAt = at;
  // Node fires a longer delay than 2^31 - 1 ms at once (Node.js "Timers", setTimeout).
  sweepTimer = setTimeout(sweep, Math.min(MAX_TIMER_DELAY_MS, Math.max(0, at - Date.now())));
}

/** Ends every wait whose deadline has passed, drops the ones that ended, and sets the timer for the next. */
function sweep(): void {
  sweepTimer = undefined;
  sweepAt = Number.POSITIVE_INFINITY;
  const now = Date.now();
  let next = Number.POSITIVE_INFINITY;
  for (const [timeoutMs, queue] of queues) {
    let ended = 0;
    for (; ended < queue.length; ended += 1) {
      const waiting = queue[ended] as Waiting;
      if (waiting.done) continue;
      if (waiting.deadline > now) break;
      waiting.done = true;
      waiting.expire();
    }
    queue.splice(0, ended);
    const head = queue.find((waiting) => !waiting.done);
    if (head === undefined) queues.delete(timeoutMs);
    else if (head.deadline < next) next = head.deadline;
  }
  if (next !== Number.POSITIVE_INFINITY) scheduleSweep(next);
}

function found<T>(value: T | undefined | null): LookupOutcome<T> {
  return value === undefined || value === null ? { reason: 'not-found' } : { found: value };
}

// A class name is an identifier (`TypeError`); a code is one too (`ECONNREFUSED`, `ETIMEDOUT`) or a
// SQLSTATE, five letters and digits that may start with a digit (`42P01`, PostgreSQL manual,
// appendix A). Anything else in those properties is text, and text is not copied.
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
// How far down a chain of causes to look for a code: a store's error wraps the driver's, which may
// wrap the socket's.
const CAUSE_DEPTH = 3;

function failed(error: unknown): LookupFailure {
  const name = codeOf(error) ?? read(error, 'name', IDENTIFIER);
  const causeCode = causeCodeOf(error);
  const named = [name, causeCode && `cause ${causeCode}`].filter(Boolean).join(', ');
  return {
    reason: 'error',
    kind: 'threw',
    error: named ? `the lookup threw an error (${named})` : 'the lookup threw an error',
    ...(causeCode ? { causeCode } : {}),
  };
}

function codeOf(error: unknown): string | undefined {
  return read(error, 'code', CODE);
}

/** The first code found down the error's causes. */
function causeCodeOf(error: unknown): string | undefined {
  let current = read<unknown>(error, 'cause');
  for (let depth = 0; depth < CAUSE_DEPTH && current !== undefined; depth += 1) {
    const code = codeOf(current);
    if (code) return code;
    current = read<unknown>(current, 'cause');
  }
  return undefined;
}

function read<T = string>(value: unknown, property: string, pattern?: RegExp): T | undefined {
  try {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return undefined;
    const found: unknown = (value as Record<string, unknown>)[property];
    if (!pattern) return found as T | undefined;
    return typeof found === 'string' && pattern.test(found) ? (found as T) : undefined;
  } catch {
    // A getter that throws tells nothing more.
    return undefined;
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
