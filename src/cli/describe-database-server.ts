/**
 * The server a connection string names, as it can be printed: host (or socket folder), port and
 * database, never the password. pg's own reading of it, defaults and PG* variables included.
 */
export function describeDatabaseServer(pg: typeof import('pg').default, connectionString: string): string {
  try {
    const client = new pg.Client({ connectionString });
    return `${client.host}:${client.port}${client.database ? `/${client.database}` : ''}`;
  } catch {
    return '--database';
  }
}

/**
 * Why a connection failed, on one line: the server's or the system's words and code. Node gives an
 * AggregateError with no message when every address of a name refused (localhost: ::1 and 127.0.0.1).
 */
export function describeConnectionFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const message = (error.message || (error instanceof AggregateError ? String(error.errors[0]) : '')).split(
    '\n',
  )[0];
  if (typeof code !== 'string') return message || error.name;
  return message?.includes(code) ? message : `${message ? `${message} ` : ''}(${code})`.trim();
}

/**
 * How long the command's pools wait for a connection to the server: one that does not answer at
 * all (a dropped packet, a host gone) is reported after this, not after the system's TCP timeout
 * of minutes (node-postgres `connectionTimeoutMillis`; without it a connect waits without end).
 */
export const DATABASE_CONNECT_TIMEOUT_MS = 10_000;
