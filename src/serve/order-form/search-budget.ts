import type { Session } from '../session-store.js';
import { createShownCustomers, type ShownCustomers } from '../shown-customers.js';
import { createTokenBuckets } from '../token-buckets.js';

/** Options of {@link createSearchBudget}. */
export interface SearchBudgetOptions {
  /**
   * The searches showing new customers that may be made in a row before they wait: for the server's
   * token as a whole, every session and client address together.
   * @default 20 (a salesperson picking ten customers in a row spends one or two for each)
   */
  readonly searches?: number;
  /**
   * How often one more search is earned once the first are spent, in milliseconds.
   * @default 20_000 (three a minute: a salesperson takes an order in a few minutes, not seconds)
   */
  readonly refillMs?: number;
  /** The clock, for the caller that has its own. @default Date.now */
  readonly now?: () => number;
}

/** A search allowed, or how long to wait for the next. */
export type SearchSpent =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** The order form's searches, for the token as a whole, and the customers each session was shown. */
export interface SearchBudget {
  /** Whether a search may run now (without spending one). */
  allows(): SearchSpent;
  /**
   * Records the customers a search showed the session (the only records it may then fetch), and
   * spends one search unless it showed some and all of them were shown to the session before.
   */
  spend(session: Session, ids: Iterable<string>): void;
  /** Whether a search showed the session this customer. */
  offered(session: Session, id: string): boolean;
}

/**
 * The budget when `createSearchBudget` is given none: the one source of the figures README.md and
 * docs/serve.md state (test/serve/order-form/search-budget.test.ts compares them).
 */
export const SEARCH_BUDGET_DEFAULTS = { searches: 20, refillMs: 20_000 } as const;

// The one key of the shared bucket: the server has one token, and every session is a login with it.
const TOKEN = 'token';

/**
 * One token bucket for the server's token as a whole (RFC 6585 §4 answers a spent one with 429
 * and `Retry-After`), so logging in again does not earn more: `searches` in a row, then one per
 * `refillMs`. A search that shows the session only customers it was shown before (typing more of
 * the same name) spends none; any other, one that finds nobody too, spends one. With at most ten customers a search, the token is so shown at most `10 × searches` names
 * at once, and a guessed id that hits costs a whole search.
 *
 * @example
 * ```ts
 * const budget = createSearchBudget({ searches: 20, refillMs: 20_000 });
 * if (budget.allows().allowed) budget.spend(session, ['C-1001']);
 * ```
 */
export function createSearchBudget(
  options: SearchBudgetOptions = {},
  shown: ShownCustomers = createShownCustomers(),
): SearchBudget {
  const shared = createTokenBuckets({
    burst: options.searches ?? SEARCH_BUDGET_DEFAULTS.searches,
    refillMs: options.refillMs ?? SEARCH_BUDGET_DEFAULTS.refillMs,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    allows() {
      return shared.peek(TOKEN);
    },
    spend(session, ids) {
      const list = [...ids];
      // A search that found nobody costs one too: else guessing ids or names would be free.
      if (shown.show(session, list) || list.length === 0) shared.take(TOKEN);
    },
    offered(session, id) {
      return shown.has(session, id);
    },
  };
}
