/**
 * Whether a larger `shared_buffers` takes the blocks a check reads from outside PostgreSQL's own
 * buffers away, and what that does to the open loop's tail: one cluster and one loaded directory,
 * the server restarted with each size in turn (ALTER SYSTEM and a restart), in rounds alternated in
 * one process, so a machine shared with other load weighs on each alike. After each restart the
 * variant table's index and the customer table with its index are read into the buffers with
 * pg_prewarm, as far as they fit (what `pg_prewarm.autoprewarm` does for a server that restarts),
 * and 2,000 checks warm the rest; then per round: the blocks hit and read into shared buffers per
 * check at 16 in flight (pg_stat_statements), the server's CPU per check, and the checks arriving on
 * a schedule (open loop) with their p50, p99 and p99.9 from each check's due time.
 *
 * Run alone: `npx tsx bench/postgres-buffers.ts [customers] [checks per round] [rounds]`
 * (default 1000000, 8000, 3); `SIZES='1GB 2GB'` the sizes, `OPEN_RATE` the checks due per second
 * (default 2000).
 */
import os from 'node:os';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import {
  postmasterPid,
  relationSizes,
  scheduled,
  serverCpu,
  serverCpuBetween,
  settle,
  timed,
  workload,
} from './postgres.bench.js';

const n = Number(process.argv[2] ?? 1_000_000);
const checks = Number(process.argv[3] ?? 8000);
const rounds = Number(process.argv[4] ?? 3);
const sizes = (process.env.SIZES ?? '1GB 2GB').split(/\s+/).filter(Boolean);
const openRate = Number(process.env.OPEN_RATE ?? 2000);
const warmChecks = 2000;

// shared_buffers is set by ALTER SYSTEM, which a setting on the server's command line would override.
const cluster = startPostgresCluster({
  settings: {
    maintenance_work_mem: '1GB',
    max_wal_size: '8GB',
    shared_preload_libraries: 'pg_stat_statements',
  },
});
/**
 * Shared buffers hit and read by the directory's statements so far (pg_stat_statements, counted as
 * each statement ends; pg_stat_database's counters reach the view up to a second or more later).
 */
async function statementBlocks(on: pg.Pool): Promise<{ hit: number; read: number }> {
  const { rows } = await on.query<{ hit: number; read: number }>(
    `SELECT coalesce(sum(shared_blks_hit), 0)::float AS hit, coalesce(sum(shared_blks_read), 0)::float AS read
       FROM pg_stat_statements WHERE query LIKE '%mailbox_variant%'`,
  );
  return rows[0] ?? { hit: 0, read: 0 };
}
const connect = () =>
  new pg.Pool({
    host: cluster.socketFolder,
    user: cluster.user,
    database: 'postgres',
    max: 16,
    idleTimeoutMillis: 0,
  });
let pool = connect();
try {
  await pool.query(`ALTER SYSTEM SET shared_buffers = '${sizes[0]}'`);
  await pool.end();
  cluster.stopServer();
  cluster.startServer();
  pool = connect();
  await migrate(pool);
  const loadStart = performance.now();
  await createPostgresDirectory({ pool }).upsert(syntheticCustomers(n, 1));
  console.log(`${n} customers loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  await settle(pool);
  console.log(`sizes (MB): ${await relationSizes(pool)}`);
  const perRound = warmChecks + 2 * checks;
  const entries = workload(perRound * rounds * sizes.length, n).map(({ entered, customer }) => ({
    entered,
    customer,
  }));
  let offset = 0;
  for (let round = 0; round < rounds; round++) {
    for (const size of round % 2 === 0 ? sizes : [...sizes].reverse()) {
      await pool.query(`ALTER SYSTEM SET shared_buffers = '${size}'`);
      await pool.end();
      cluster.stopServer();
      cluster.startServer();
      pool = connect();
      await pool.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
      await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
      await pool.query(
        `SELECT pg_prewarm(name) FROM unnest(ARRAY['email_guard.mailbox_variant_pkey', 'email_guard.customer', 'email_guard.customer_pkey']) AS name`,
      );
      const guard = createGuard({ directory: createPostgresDirectory({ pool }) });
      const first = offset;
      offset += perRound;
      const check = (i: number) => guard.check(entries[first + i] as (typeof entries)[number]);
      await timed(warmChecks, 16, check);
      const postmaster = (await postmasterPid(pool)) ?? 0;
      const before = await statementBlocks(pool);
      const server = serverCpu(postmaster) ?? new Map<number, number>();
      const closed = await timed(checks, 16, (i) => check(warmChecks + i));
      const serverUs = (serverCpuBetween(server, serverCpu(postmaster) ?? server) * 1e6) / checks;
      const after = await statementBlocks(pool);
      const open = await scheduled(checks, openRate, (i) => check(warmChecks + checks + i));
      const line = `blocks per check hit ${((after.hit - before.hit) / checks).toFixed(1)} read ${((after.read - before.read) / checks).toFixed(2)}; server ${serverUs.toFixed(0)} µs per check; 16 in flight ${Math.round(closed.perSecond)}/s p99 ${closed.p99.toFixed(2)} ms; open ${Math.round(open.perSecond)}/s p50 ${open.p50.toFixed(2)} p99 ${open.p99.toFixed(2)} p99.9 ${open.p999.toFixed(2)} ms; load average ${os.loadavg()[0]?.toFixed(1)}`;
      console.log(`round ${round + 1}, shared_buffers ${size}: ${line}`);
    }
  }
} finally {
  await pool.end();
  cluster.stop();
}
