import { randomBytes } from 'node:crypto';

/** The name of the signed cookie that carries a session's id. */
export const SESSION_COOKIE = 'email_guard_session';

/** A reviewer logged in to the pages. */
export interface Session {
  readonly id: string;
  /** Who the reviewer said they are: recorded as who released a message. */
  readonly user: string;
  /**
   * The token every form POST of this session must carry, and the order form's calls to the check
   * routes in the `X-CSRF-Token` header (the synchronizer token pattern).
   */
  readonly csrf: string;
  readonly expires: number;
}

/** Sessions of the review page, kept in this process. */
export interface SessionStore {
  create(user: string): Session;
  get(id: string | undefined): Session | undefined;
  remove(id: string): void;
}

/**
 * The review page's sessions, in memory: a random id (256 bits, the cookie's value, signed by
 * @fastify/cookie) to the reviewer and the session's CSRF token. A session lasts `ttlMs`; a restart
 * ends every session.
 *
 * @example
 * ```ts
 * const sessions = createSessionStore();
 * const session = sessions.create('lena@butiken.se');
 * sessions.get(session.id)?.user; // 'lena@butiken.se'
 * ```
 */
export function createSessionStore(ttlMs = 8 * 60 * 60 * 1000): SessionStore {
  const sessions = new Map<string, Session>();
  return {
    create(user) {
      const now = Date.now();
      // Sessions that ran out are dropped as new ones are made, so the map never grows without end.
      for (const [id, session] of sessions) if (session.expires <= now) sessions.delete(id);
      const session: Session = {
        id: randomBytes(32).toString('base64url'),
        user,
        csrf: randomBytes(32).toString('base64url'),
        expires: now + ttlMs,
      };
      sessions.set(session.id, session);
      return session;
    },
    get(id) {
      if (id === undefined) return undefined;
      const session = sessions.get(id);
      if (!session) return undefined;
      if (session.expires <= Date.now()) {
        sessions.delete(id);
        return undefined;
      }
      return session;
    },
    remove(id) {
      sessions.delete(id);
    },
  };
}
