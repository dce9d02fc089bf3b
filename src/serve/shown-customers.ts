import type { Session } from './session-store.js';

/** The customers each page session was shown by the order form's search. */
export interface ShownCustomers {
  /** Records that a search showed the session these customers; answers whether any was new to it. */
  show(session: Session, ids: Iterable<string>): boolean;
  /** Whether a search showed the session this customer. */
  has(session: Session, id: string): boolean;
}

// The most customer ids remembered per session; the oldest are forgotten first. A salesperson
// fetches the record of a customer found minutes ago, not hours.
const SHOWN_MAX = 500;

/**
 * What each session was shown, so a session reaches only those customers: their record
 * (`GET /demo/customers/:id`) and their check by id (`POST /v1/check`, `/v1/check-phone`). Held by
 * the session object, so an ended session's list goes with it.
 *
 * @example
 * ```ts
 * const shown = createShownCustomers();
 * shown.show(session, ['C-1001']);
 * shown.has(session, 'C-1001'); // true
 * ```
 */
export function createShownCustomers(): ShownCustomers {
  const shown = new WeakMap<Session, Set<string>>();
  return {
    show(session, ids) {
      let offered = shown.get(session);
      if (!offered) {
        offered = new Set();
        shown.set(session, offered);
      }
      let fresh = false;
      for (const id of ids) {
        if (!offered.has(id)) fresh = true;
        offered.delete(id);
        offered.add(id);
        if (offered.size > SHOWN_MAX) offered.delete(offered.values().next().value as string);
      }
      return fresh;
    },
    has(session, id) {
      return shown.get(session)?.has(id) ?? false;
    },
  };
}
