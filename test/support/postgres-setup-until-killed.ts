// A child process for the test of a test run stopped by a signal: runs the run's PostgreSQL setup
// (postgres-cluster.ts), prints the cluster's folder, then waits to be killed. With `--runner`, a
// listener like the test runner's own (vitest ends the process itself on SIGINT and SIGTERM, after
// its own clean-up) is in place before the setup, as it is in a real run.
import postgresCluster from './postgres-cluster.js';

if (process.argv.includes('--runner')) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => setTimeout(() => process.exit(130), 1));
  }
}
postgresCluster();
process.stdout.write(`${process.env.PGHOST}\n`);
setInterval(() => undefined, 60_000);
