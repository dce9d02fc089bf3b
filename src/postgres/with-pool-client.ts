import type { Pool, PoolClient } from 'pg';
import { isEmailGuardError } from '../errors.js';

/**
 * Runs `work` on a client checked out of `pool`, and gives it back. While the client is held it has
 * an 'error' listener: pg-pool listens only on idle clients (pg-pool index.js, `_acquireClient`
 * removes its listener), so a session the server ends mid-transaction (`pg_ctl stop -m fast`,
 * SQLSTATE 57P01, or a reset socket) would otherwise be an unhandled 'error' event and end the
 * process (Node.js "Events", "Error events"). The call fails with its own error instead, and the
 * client goes back with the error (`client.release(error)`), so the pool destroys it rather than
 * handing a broken connection to the next caller. A refusal email-guard raised itself, with no
 * cause underneath (bad input, a claimed message), leaves the connection sound and it is reused.
 * `connectFailed` turns a client that could not be had into the caller's error. `work` calls
 * `unsound(error)` for a connection left in a state the next caller must not inherit, though the
 * work itself succeeded: the pool then destroys it.
 */
export async function withPoolClient<T>(
  pool: Pool,
  work: (client: PoolClient, unsound: (error: Error) => void) => Promise<T>,
  connectFailed: (error: unknown) => never = (error) => {
    throw error;
  },
): Promise<T> {
  const client = await pool.connect().catch(connectFailed);
  let lost: Error | undefined;
  const onError = (error: Error) => {
    lost = error;
  };
  client.on('error', onError);
  let failure: Error | undefined;
  try {
    return await work(client, (error) => {
      failure = error;
    });
  } catch (error) {
    const cause = isEmailGuardError(error) ? error.cause : error;
    if (cause !== undefined) failure = cause instanceof Error ? cause : new Error(String(cause));
    throw error;
  } finally {
    client.release(lost ?? failure);
    client.off('error', onError);
  }
}
