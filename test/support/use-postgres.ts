import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { POSTGRES_UNAVAILABLE } from './postgres-cluster.js';

/** A database of its own for one test file, on the run's cluster (postgres-cluster.ts). */
export interface TestDatabase {
  /** A pool on the file's database; read it inside a test or a hook. */
  readonly pool: pg.Pool;
  /** The database's name, for child processes (PGDATABASE). */
  readonly name: string;
  /** A fresh pool on the same database (another instance of the application); ended with the file. */
  newPool(config?: pg.PoolConfig): pg.Pool;
}

/**
 * Creates a database for the test file before its first test and drops it after the last, so test
 * files run side by side without seeing each other's tables. Fails every test of the file, with
 * the one line saying how to install PostgreSQL, when the run could not start it.
 */
/**
 * node-postgres emits an idle client's error on its pool, and an unheard one ends the process
 * (node-postgres "Pool" docs, `error` event). The server ending an idle connection on shutdown or
 * on `DROP DATABASE ... WITH (FORCE)` (SQLSTATE 57P01, admin_shutdown) is expected at the end of a
 * file; any other error is thrown, so it still fails the run.
 */
function ignoreAdminShutdown(error: Error & { code?: string }): void {
  if (error.code !== '57P01') throw error;
}

export function usePostgres(): TestDatabase {
  let pool: pg.Pool | undefined;
  const pools: pg.Pool[] = [];
  const name = `test_${randomBytes(6).toString('hex')}`;
  beforeAll(async () => {
    const unavailable = process.env[POSTGRES_UNAVAILABLE];
    if (unavailable !== undefined) throw new Error(unavailable);
    if (!process.env.PGHOST)
      throw new Error('PGHOST is not set: run the tests with vitest, whose global setup starts PostgreSQL');
    const admin = new pg.Client({ database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    pool = new pg.Pool({ database: name, max: 4 });
    pool.on('error', ignoreAdminShutdown);
    pools.push(pool);
  });
  afterAll(async () => {
    await Promise.all(pools.map((each) => each.end()));
    if (pool === undefined) return;
    const admin = new pg.Client({ database: 'postgres' });
    await admin.connect();
    try {
      // A pool's end() resolves before the server has closed every backend; dropping with FORCE
      // then would end a connection still closing, and its client would raise 57P01 unheard.
      for (let tries = 0; tries < 50; tries++) {
        const { rows } = await admin.query<{ open: number }>(
          'SELECT count(*)::integer AS open FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0]?.open === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  });
  return {
    name,
    get pool() {
      if (pool === undefined) throw new Error('usePostgres: the pool exists only inside a test or a hook');
      return pool;
    },
    newPool(config = {}) {
      const another = new pg.Pool({ database: name, max: 4, ...config });
      another.on('error', ignoreAdminShutdown);
      pools.push(another);
      return another;
    },
  };
}
