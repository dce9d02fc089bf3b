import type { PoolClient } from 'pg';
import { z } from 'zod';

/** How long a write waits for a lock another session holds, when the store is not told. */
export const DEFAULT_LOCK_TIMEOUT_MS = 5000;

/** The option every PostgreSQL store that writes takes. */
export interface LockTimeoutOption {
  /**
   * How long one of the store's writes waits for a lock another session holds (a `LOCK TABLE`, a
   * long `ALTER TABLE`, a row another transaction changed) before it fails with the store's typed
   * error naming SQLSTATE 55P03, instead of waiting without end. Set with `SET LOCAL lock_timeout`
   * in the store's own transactions only (PostgreSQL manual 20.11, "lock_timeout"), so the
   * session's own setting is left as it was; a write in the caller's transaction (`{ client }`)
   * keeps the caller's setting.
   * @default 5000
   */
  readonly lockTimeoutMs?: number;
}

/** A whole number of milliseconds from 1 to PostgreSQL's largest (INT_MAX). */
export const LockTimeoutMsSchema = z.number().int().min(1).max(2_147_483_647).optional();

/**
 * Opens a transaction on `client` whose waits for locks end after `lockTimeoutMs`: `BEGIN` and
 * `SET LOCAL` (the setting ends with the transaction) in one round trip, as one simple query. The
 * number is a checked whole number of milliseconds, lock_timeout's unit, so it is written in as is.
 */
export async function beginWithLockTimeout(client: PoolClient, lockTimeoutMs: number): Promise<void> {
  if (!Number.isInteger(lockTimeoutMs)) throw new TypeError('lockTimeoutMs is a whole number');
  await client.query(`BEGIN; SET LOCAL lock_timeout = ${lockTimeoutMs}`);
}

/** `work` in a transaction of its own on `client`, whose waits for locks end after `lockTimeoutMs`. */
export async function inLockTimeout<T>(
  client: PoolClient,
  lockTimeoutMs: number,
  work: () => Promise<T>,
): Promise<T> {
  await beginWithLockTimeout(client, lockTimeoutMs);
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
