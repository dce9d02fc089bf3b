import { startPostgresCluster } from '../../scripts/start-postgres-cluster.js';

/** Names the variables the PostgreSQL tests read (see use-postgres.ts). */
export const POSTGRES_UNAVAILABLE = 'EMAIL_GUARD_TEST_POSTGRES_UNAVAILABLE';

/**
 * Global setup of the test run: one throwaway PostgreSQL cluster for the whole run, on a Unix
 * socket in a temporary folder, stopped and removed at the end. The tests (and the child processes
 * and documentation examples they start) find it through the standard libpq variables PGHOST and
 * PGUSER, which `pg` reads. Where PostgreSQL cannot be started, the run goes on and every
 * PostgreSQL test fails with the one line saying why (use-postgres.ts): never a silent skip.
 *
 * Listed before isolate-temp-folder.ts in vitest.config.ts: the cluster lives in the system's
 * temporary folder, which the postgres user can enter, not in the run's own.
 */
export default function postgresCluster(): () => void {
  let cluster: ReturnType<typeof startPostgresCluster>;
  try {
    cluster = startPostgresCluster();
  } catch (error) {
    process.env[POSTGRES_UNAVAILABLE] = error instanceof Error ? error.message : String(error);
    return () => {
      delete process.env[POSTGRES_UNAVAILABLE];
    };
  }
  const saved = {
    PGHOST: process.env.PGHOST,
    PGUSER: process.env.PGUSER,
    PGDATABASE: process.env.PGDATABASE,
  };
  process.env.PGHOST = cluster.socketFolder;
  process.env.PGUSER = cluster.user;
  process.env.PGDATABASE = 'postgres';
  return () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    cluster.stop();
  };
}
