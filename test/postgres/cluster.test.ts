import { describe, expect, it } from 'vitest';
import { INSTALL_POSTGRES, startPostgresCluster } from '../../scripts/start-postgres-cluster.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

describe('the PostgreSQL cluster of the test run', () => {
  it('answers on its Unix socket, at version 15 or later', async () => {
    expect(process.env.PGHOST).toMatch(/email-guard-pg-/);
    const { rows } = await database.pool.query<{ version: number }>(
      "SELECT current_setting('server_version_num')::integer AS version",
    );
    expect(rows[0]?.version).toBeGreaterThanOrEqual(150000);
  });

  it('says in one line how to install PostgreSQL where initdb cannot be found', () => {
    const error = (() => {
      try {
        startPostgresCluster({ searchPath: '', versionsFolder: '/nonexistent-postgresql' });
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message).toBe(INSTALL_POSTGRES);
    expect(INSTALL_POSTGRES).not.toContain('\n');
    expect(INSTALL_POSTGRES).toContain('apt-get install postgresql-15');
  });
});
