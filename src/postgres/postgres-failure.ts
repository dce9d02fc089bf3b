import type { Pool } from 'pg';
import { isEmailGuardError } from '../errors.js';

/** What node-postgres puts on an error from the server: the SQLSTATE. */
interface ServerError {
  readonly code?: unknown;
}

/**
 * What to tell the caller about a failed query, when the cause is one they can mend: the pool
 * was ended, the schema was never migrated, a lock was not granted within `lockTimeoutMs`, the
 * caller's transaction was aborted, or the database could not be reached. `undefined` for any
 * other failure, which is passed
 * on as it came. SQLSTATE 42P01 is undefined_table and 3F000 invalid_schema_name (PostgreSQL
 * manual, Appendix A, "PostgreSQL Error Codes").
 */
export function explainPostgresFailure(
  error: unknown,
  pool: Pool,
  schema: string,
  lockTimeoutMs?: number,
): string | undefined {
  // node-postgres sets `ending` once `end()` is called, and refuses every query after it with this
  // error (pg-pool index.js, `connect`). A query already under way meanwhile fails, when it does,
  // for a reason of its own, told below.
  if ((pool as Pool & { ending?: boolean }).ending && isPoolEndedError(error))
    return 'the pg pool was ended (pool.end() was called): give the store a pool that is open';
  const code = (error as ServerError | undefined)?.code;
  // lock_not_available: the write's SET LOCAL lock_timeout ran out (PostgreSQL manual, Appendix A).
  if (code === '55P03')
    return `a lock was not granted within the lock timeout (SQLSTATE 55P03, lockTimeoutMs ${lockTimeoutMs ?? 'unset'} ms): another session holds a lock on the table or row; find it with SELECT * FROM pg_locks WHERE NOT granted, and pg_stat_activity`;
  if (code === '42P01' || code === '3F000') {
    const name = schema.replace(/^"|"$/g, '');
    return `schema ${name} has no email-guard tables: run migrate(pool, { schema: '${name}' }) first`;
  }
  // 25P02 in_failed_sql_transaction: the transaction the caller handed in (`{ client }`) had a
  // statement fail before, and PostgreSQL ignores every command in it until it is rolled back.
  if (code === '25P02')
    return "the caller's transaction (options.client) was aborted by an earlier failed statement (SQLSTATE 25P02): roll it back, then write again";
  // pg-pool gives this when `connectionTimeoutMillis` passed while the call waited for a client
  // (pg-pool index.js, `connect`): every client was checked out, or a new one's connection to the
  // server was not made in time. Naming only the server would send on-call to a database that is up.
  if (error instanceof Error && error.message === POOL_WAIT_TIMED_OUT) {
    const { max, connectionTimeoutMillis } = (pool as Pool & { options: PoolSettings }).options;
    return `no connection came free in the pg pool within connectionTimeoutMillis (${connectionTimeoutMillis} ms, pool max ${max}): the pool is full (clients not released, or max too low for the load) or the server did not answer in time`;
  }
  const unreachable = unreachableBecause(error);
  if (unreachable !== undefined)
    return `the database could not be reached (${unreachable}): check that PostgreSQL is running and the pool's connection settings`;
  // 42501 insufficient_privilege: the role the pool connects as was not granted (or was revoked)
  // USAGE on the schema or a right on a table (PostgreSQL manual, 5.7 "Privileges").
  if (code === '42501') {
    const name = schema.replace(/^"|"$/g, '');
    return `the pool's database role lacks a privilege: grant it USAGE on schema ${name} and SELECT, INSERT, UPDATE, DELETE on its tables ${serverCause(error)}`;
  }
  return undefined;
}

/**
 * The SQLSTATE and the server's own words, in brackets (`(42501 permission denied for table
 * held_message)`), for an error the server gave; `undefined` for any other (a SQLSTATE is five
 * digits or capital letters, PostgreSQL manual, Appendix A).
 */
export function serverCause(error: unknown): string | undefined {
  const code = (error as ServerError | undefined)?.code;
  if (!(error instanceof Error) || typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  return `(${code} ${error.message})`;
}

/**
 * A store's message for a failed query: what to do when {@link explainPostgresFailure} knows,
 * else the server's SQLSTATE and words, so the line names its cause without the stack.
 */
export function failureMessage(
  message: string,
  error: unknown,
  pool: Pool,
  schema: string,
  lockTimeoutMs?: number,
): string {
  const why = explainPostgresFailure(error, pool, schema, lockTimeoutMs);
  if (why !== undefined) return `${message}: ${why}`;
  const cause = serverCause(error);
  return cause === undefined ? message : `${message} ${cause}`;
}

/** pg-pool's message for a wait for a client that outlasted `connectionTimeoutMillis`. */
const POOL_WAIT_TIMED_OUT = 'timeout exceeded when trying to connect';

/** The pool settings the pool-wait message names (pg-pool keeps them on `options`). */
interface PoolSettings {
  readonly max?: number;
  readonly connectionTimeoutMillis?: number;
}

/**
 * Node's codes for a connection that could not be made or was lost (Node.js "Errors", common
 * system errors): a socket folder or file that is not there is ENOENT, a server stopped under a
 * connection EPIPE or ECONNRESET.
 */
const UNREACHABLE_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOENT',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * SQLSTATEs of a server that is going away or not taking connections (PostgreSQL manual,
 * Appendix A): 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300
 * too_many_connections; class 08 is connection_exception.
 */
const UNREACHABLE_SERVER_CODES = new Set(['57P01', '57P02', '57P03', '53300']);

/**
 * The messages node-postgres gives, without a code, for a connection that timed out or ended
 * (pg-pool index.js, pg client.js).
 */
const UNREACHABLE_MESSAGES = [
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
];

/** The code or words that say the database could not be reached, when they do. */
function unreachableBecause(error: unknown): string | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as ServerError).code;
  if (typeof code === 'string') {
    if (UNREACHABLE_SYSTEM_CODES.has(code) || UNREACHABLE_SERVER_CODES.has(code) || code.startsWith('08'))
      return code;
  }
  return UNREACHABLE_MESSAGES.find((message) => error.message === message);
}

/** The error pg-pool gives for a query or a `connect` after `end()`. */
function isPoolEndedError(error: unknown): boolean {
  return error instanceof Error && error.message === 'Cannot use a pool after calling end on the pool';
}

/**
 * A handler for `.catch` and `catch` blocks, made once per store: it rethrows a failure that
 * {@link explainPostgresFailure} explains as the store's typed error (`make`), the original as its
 * cause, and any other as it came. Errors email-guard threw pass as they are. Translating where the
 * queries are issued, not around each call, keeps a lookup to the promises its queries make.
 */
export function postgresFailure(
  pool: Pool,
  schema: string,
  make: (message: string, options: { cause: unknown }) => Error,
  lockTimeoutMs?: number,
): (error: unknown) => never {
  return (error) => {
    if (isEmailGuardError(error)) throw error;
    const message = explainPostgresFailure(error, pool, schema, lockTimeoutMs);
    throw message === undefined ? error : make(message, { cause: error });
  };
}

/** `work`, with its failure passed through {@link postgresFailure}. */
export async function withPostgresFailures<T>(
  pool: Pool,
  schema: string,
  make: (message: string, options: { cause: unknown }) => Error,
  work: () => Promise<T>,
): Promise<T> {
  return work().catch(postgresFailure(pool, schema, make));
}
