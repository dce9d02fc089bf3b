import type { Pool, PoolClient } from 'pg';
import { withPoolClient } from './with-pool-client.js';

/**
 * The first key of every advisory lock a release or a forced discard holds on a held message:
 * `0x45470001`, "EG" and 1, so they share no key with the caller's own two-key locks by chance. The
 * second key is `hashtext('<schema>.<hold id>')`. Two-key locks and one-key (bigint) locks are
 * separate key spaces (PostgreSQL manual 9.27.10, "Advisory Lock Functions"), so the `migrate` and
 * audit-log locks never meet these. `SELECT * FROM pg_locks WHERE locktype = 'advisory' AND classid
 * = 1162280961` lists the releases under way.
 */
export const RELEASE_LOCK_NAMESPACE = 0x45470001;

/**
 * Runs `work` on a client of its own that holds the session-level advisory lock of held message
 * `holdId` for as long as `work` runs, or calls `busy` (with the same client) without running it
 * when another session holds that lock. A session-level lock outlives transactions and ends with the session: when the process
 * holding it dies (kill -9, a lost host), the server ends its backend and frees the lock (PostgreSQL
 * manual 13.3.5, "Advisory Locks"), so a forced release can tell a live release from one that stopped.
 * `failed` turns a failure to connect or to ask for the lock into the caller's error.
 */
export async function withReleaseLock<T>(
  pool: Pool,
  lock: { readonly schema: string; readonly holdId: string },
  work: (client: PoolClient) => Promise<T>,
  busy: (client: PoolClient) => Promise<never>,
  failed: (error: unknown) => never,
): Promise<T> {
  const key = [RELEASE_LOCK_NAMESPACE, `${lock.schema}.${lock.holdId}`];
  return withPoolClient(
    pool,
    async (client, unsound) => {
      const { rows } = await client
        .query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS locked', key)
        .catch(failed);
      if (!rows[0]?.locked) return busy(client);
      try {
        return await work(client);
      } finally {
        // A lock that cannot be let go stays with its session: that connection must not go back to
        // the pool, where the next release on it would find the message still locked by itself.
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', key).catch(unsound);
      }
    },
    failed,
  );
}
