import type { Pool } from 'pg';
import { HoldStoreFailedError } from '../errors.js';
import { withPostgresFailures } from './postgres-failure.js';
import { schemaName } from './schema-name.js';
import { RELEASE_LOCK_NAMESPACE } from './with-release-lock.js';

/** The PostgreSQL session that holds a held message's release lock: a release or forced discard running now. */
export interface ReleaseSession {
  /** The server process of the session (`pg_backend_pid()`, `pg_stat_activity.pid`). */
  readonly pid: number;
  /**
   * Where the session connects from: the client's host name where the server looks it up
   * (`log_hostname`), else its address; absent for a local (Unix-domain) socket, and where the
   * server does not show it to this role (pg_stat_activity shows another role's sessions' client
   * only to members of pg_read_all_stats).
   */
  readonly client?: string;
}

/**
 * The sessions that hold the release lock (withReleaseLock) of each of `holdIds`, by hold id; a
 * message no live session holds is absent. The lock is a session's, which the server frees when
 * the session ends, however its process stopped (PostgreSQL manual 13.3.5, "Advisory Locks"): a
 * row `releasing` with no session is one a stopped process left. Read from `pg_locks`, where a
 * two-key advisory lock shows its first key as `classid`, its second as `objid` and `objsubid` 2
 * (PostgreSQL manual 53.12, "pg_locks"); the keys are `int4`, the columns `oid`, so a negative
 * key is compared by its 32 bits.
 */
export async function findReleaseSessions(
  pool: Pool,
  holdIds: readonly string[],
  options: { readonly schema?: string } = {},
): Promise<Map<string, ReleaseSession>> {
  if (holdIds.length === 0) return new Map();
  const s = schemaName(options.schema, ['options', 'schema']);
  const { rows } = await withPostgresFailures(
    pool,
    s,
    (message, cause) =>
      new HoldStoreFailedError(`the sessions releasing held messages could not be read: ${message}`, cause),
    () =>
      pool.query<{ hold_id: string; pid: number; client: string | null }>(
        `SELECT held.id AS hold_id, lock.pid,
                coalesce(activity.client_hostname, host(activity.client_addr)) AS client
           FROM unnest($1::text[]) AS held (id)
           JOIN pg_locks lock
             ON lock.locktype = 'advisory' AND lock.granted AND lock.objsubid = 2
            -- Advisory locks are server-wide: only this database's count (the same schema and hold id
            -- may exist in another database on the server).
            AND lock.database = (SELECT oid FROM pg_database WHERE datname = current_database())
            AND lock.classid::bigint = $2::bigint & 4294967295
            AND lock.objid::bigint = hashtext($3 || held.id)::bigint & 4294967295
           LEFT JOIN pg_stat_activity activity ON activity.pid = lock.pid`,
        [holdIds, RELEASE_LOCK_NAMESPACE, `${s}.`],
      ),
  );
  return new Map(
    rows.map((row) => [
      row.hold_id,
      { pid: row.pid, ...(row.client === null ? {} : { client: row.client }) },
    ]),
  );
}
