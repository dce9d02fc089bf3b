import type { Session } from '../session-store.js';

/** Options of {@link createSearchBudget}. */
export interface SearchBudgetOptions {
  /**
   * The searches a session may make in a row before it waits.
   * @default 10
   */
  readonly searches?: number;
  /**
   * How often a session earns one more search once the first are spent, in milliseconds.
   * @default 30_000 (two a minute: a salesperson finds a customer in two or three)
   */
  readonly refillMs?: number;
  /** The clock, for the caller that has its own. @default Date.now */
  readonly now?: () => number;
}

/** A search spent, or how long the session waits for the next. */
export type SearchSpent =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Each session's searches of the order form, and the customers it was shown. */
export interface SearchBudget {
  /** Spends one of the session's searches, when it has one left. */
  take(session: Session): SearchSpent;
  /** Records the customers a search showed the session: the only records it may then fetch. */
  offer(session: Session, ids: Iterable<string>): void;
  /** Whether a search showed the session this customer. */
  offered(session: Session, id: string): boolean;
}

// The most customer ids remembered per session; the oldest are forgotten first. A salesperson
// fetches the record of a customer found minutes ago, not hours.
const OFFERED_MAX = 500;

interface Account {
  tokens: number;
  at: number;
  readonly offered: Set<string>;
}

/**
 * A token bucket per session (RFC 6585 §4 answers a spent one with 429 and `Retry-After`): a
 * session may search `searches` times in a row, then once per `refillMs`. With at most ten
 * customers a search, a session is shown at most `10 × searches` names at once and twenty more a
 * minute at the default rate; a customer found by a guessed id costs a whole search, so guessing
 * ids names ten customers at once and two a minute. The accounts are
 * held by the session object, so an ended session's account goes with it.
 *
 * @example
 * ```ts
 * const budget = createSearchBudget({ searches: 10, refillMs: 30_000 });
 * budget.take(session); // { allowed: true }
 * ```
 */
export function createSearchBudget(options: SearchBudgetOptions = {}): SearchBudget {
  const searches = options.searches ?? 10;
  const refillMs = options.refillMs ?? 30_000;
  const now = options.now ?? Date.now;
  const accounts = new WeakMap<Session, Account>();
  const account = (session: Session): Account => {
    let found = accounts.get(session);
    if (!found) {
      found = { tokens: searches, at: now(), offered: new Set() };
      accounts.set(session, found);
    }
    return found;
  };
  return {
    take(session) {
      const held = account(session);
      const time = now();
      held.tokens = Math.min(searches, held.tokens + (time - held.at) / refillMs);
      held.at = time;
      if (held.tokens >= 1) {
        held.tokens -= 1;
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(((1 - held.tokens) * refillMs) / 1000)),
      };
    },
    offer(session, ids) {
      const { offered } = account(session);
      for (const id of ids) {
        offered.delete(id);
        offered.add(id);
        if (offered.size > OFFERED_MAX) offered.delete(offered.values().next().value as string);
      }
    },
    offered(session, id) {
      return accounts.get(session)?.offered.has(id) ?? false;
    },
  };
}
