import type { Pool } from 'pg';
import { isEmailGuardError } from '../errors.js';

/** What node-postgres puts on an error from the server: the SQLSTATE. */
interface ServerError {
  readonly code?: unknown;
}

/**
 * What to tell the caller about a failed query, when the cause is one they can mend: the pool
 * was ended, or the schema was never migrated. `undefined` for any other failure, which is passed
 * on as it came. SQLSTATE 42P01 is undefined_table and 3F000 invalid_schema_name (PostgreSQL
 * manual, Appendix A, "PostgreSQL Error Codes").
 */
export function explainPostgresFailure(error: unknown, pool: Pool, schema: string): string | undefined {
  // node-postgres sets `ending` once `end()` is called, and refuses every query after it with this
  // error (pg-pool index.js, `connect`). A query already under way meanwhile fails, when it does,
  // for a reason of its own, told below.
  if ((pool as Pool & { ending?: boolean }).ending && isPoolEndedError(error))
    return 'the pg pool was ended (pool.end() was called): give the store a pool that is open';
  const code = (error as ServerError | undefined)?.code;
  if (code === '42P01' || code === '3F000') {
    const name = schema.replace(/^"|"$/g, '');
    return `schema ${name} has no email-guard tables: run migrate(pool, { schema: '${name}' }) first`;
  }
  return undefined;
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
): (error: unknown) => never {
  return (error) => {
    if (isEmailGuardError(error)) throw error;
    const message = explainPostgresFailure(error, pool, schema);
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
