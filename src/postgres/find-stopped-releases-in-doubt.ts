import type { Pool } from 'pg';
import { findPostgresReleasesInDoubt, type PostgresAuditLogOptions } from './create-postgres-audit-log.js';
import { findReleaseSessions } from './find-release-sessions.js';

/**
 * The holds whose release is in doubt by the audit log ({@link findPostgresReleasesInDoubt}: a
 * `release-started` line with no end) and whose release lock no live session holds: a release
 * under way has the same line until its end is logged, and showing it in doubt would send a
 * second reviewer to `force` while it sends. What `holds list --database` tells apart with the
 * same sessions (find-release-sessions.ts), for the review service. Where the sessions cannot be
 * read, every release in doubt by the log is kept: one refused as in doubt sends nothing, the
 * safer mistake. A log that cannot be read throws, as {@link findPostgresReleasesInDoubt} does.
 */
export async function findStoppedReleasesInDoubt(
  pool: Pool,
  options: PostgresAuditLogOptions = {},
): Promise<Set<string>> {
  const inDoubt = await findPostgresReleasesInDoubt(pool, options);
  if (inDoubt.size === 0) return inDoubt;
  const sessions = await findReleaseSessions(pool, [...inDoubt], options).catch(() => undefined);
  if (!sessions) return inDoubt;
  return new Set([...inDoubt].filter((id) => !sessions.has(id)));
}
