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
 *
 * A run stopped by SIGINT (Ctrl-C) or SIGTERM never reaches its teardown, so the cluster is stopped
 * on those signals too; otherwise its server would run on until the next run's start found it.
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
  const stopOnSignal = stopBeforeSignalEnds(cluster);
  return () => {
    stopOnSignal.remove();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    cluster.stop();
  };
}

/** The signals that end a run without its teardown: Ctrl-C in a terminal, and `kill` or a CI timeout. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Stops the cluster when the process gets one of {@link ENDING_SIGNALS}, then lets the process end
 * as it would have. A listener on a signal takes away Node's default of ending the process
 * (Node.js "process" docs, "Signal events"), so where no other listener ends it (vitest's does,
 * after its own clean-up) the signal is sent again with this one removed. The listener goes first,
 * so the server is stopped before another listener can end the process.
 */
function stopBeforeSignalEnds(cluster: { stop(): void }): { remove(): void } {
  const onSignal = (signal: NodeJS.Signals) => {
    remove();
    cluster.stop();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const remove = () => {
    for (const signal of ENDING_SIGNALS) process.off(signal, onSignal);
  };
  for (const signal of ENDING_SIGNALS) process.prependListener(signal, onSignal);
  return { remove };
}
