import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type PostgresCluster, startPostgresCluster } from '../../scripts/start-postgres-cluster.js';
import { migrate } from '../../src/postgres/migrate.js';

/** A cluster of a test file's own, migrated, and a pool on it; read them inside a test. */
export interface OwnPostgresCluster {
  readonly cluster: PostgresCluster;
  readonly pool: pg.Pool;
}

/**
 * Starts a cluster of its own before the file's first test and stops it after the last: a test that
 * stops the server (`cluster.stopServer()`) would fail every other file running on the run's cluster.
 */
export function useOwnPostgresCluster(): OwnPostgresCluster {
  let cluster: PostgresCluster | undefined;
  let pool: pg.Pool | undefined;
  beforeAll(async () => {
    cluster = startPostgresCluster();
    pool = new pg.Pool({
      host: cluster.socketFolder,
      user: cluster.user,
      database: 'postgres',
      max: 4,
      connectionTimeoutMillis: 2000,
    });
    // An idle client whose session the stop ends is reported here; unheard, it would end the process.
    pool.on('error', () => undefined);
    await migrate(pool);
  }, 120_000);
  afterAll(async () => {
    await pool?.end();
    cluster?.stop();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the cluster is used outside a test');
    return value;
  };
  return {
    get cluster() {
      return ready(cluster);
    },
    get pool() {
      return ready(pool);
    },
  };
}
