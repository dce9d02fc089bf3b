/**
 * What one `guard.check` costs with the PostgreSQL directory, in work rather than time (wall-clock
 * latency says little on a machine shared with other load): Node CPU (process.cpuUsage), the
 * server's CPU (its processes' /proc/PID/stat), round trips (queries sent), and Node's garbage
 * collection (perf_hooks "gc" entries), per check, at 16 checks in flight.
 *
 * Run alone: `npx tsx bench/postgres-cost.ts [customers] [checks]` (default 100000, 4000).
 */

import { readFileSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import { countStatements } from '../test/support/count-statements.js';
import { serverCpu, serverCpuBetween, settle, workload } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 100_000);
const checks = Number(process.argv[3] ?? 4000);
const inFlight = Number(process.env.IN_FLIGHT ?? 16);
const poolSize = Number(process.env.POOL_MAX ?? 16);

async function run(count: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let i = next++; i < count; i = next++) await work(i);
    }),
  );
}

const cluster = startPostgresCluster({
  settings: {
    shared_buffers: '256MB',
    maintenance_work_mem: '256MB',
    ...(process.env.STATS ? { shared_preload_libraries: 'pg_stat_statements' } : {}),
  },
});
const pool = new pg.Pool({
  host: cluster.socketFolder,
  user: cluster.user,
  database: 'postgres',
  max: poolSize,
});
try {
  await migrate(pool);
  const counted = countStatements(pool);
  const directory = createPostgresDirectory({ pool: counted.pool });
  await directory.upsert(syntheticCustomers(n, 1));
  await settle(pool);
  const entries = workload(checks, n).map(({ entered, customer }) => ({ entered, customer }));
  const guard = createGuard({ directory });
  const check = (i: number) => guard.check(entries[i % entries.length] as (typeof entries)[number]);
  if (process.env.STATS) await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  await run(1000, check);
  if (process.env.STATS) await pool.query('SELECT pg_stat_statements_reset()');
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
  const postmaster = Number(backend.slice(backend.lastIndexOf(')') + 2).split(' ')[1]);
  const results: string[] = [];
  const session = process.env.PROFILE ? new (await import('node:inspector/promises')).Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  for (let round = 0; round < 3; round++) {
    let gcMs = 0;
    let gcs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        gcMs += entry.duration;
        gcs++;
      }
    });
    observer.observe({ entryTypes: ['gc'] });
    counted.statements = 0;
    const server = serverCpu(postmaster) ?? new Map<number, number>();
    const node = process.cpuUsage();
    await run(checks, check);
    const used = process.cpuUsage(node);
    const sys = used.system;
    const serverUsed = serverCpuBetween(server, serverCpu(postmaster) ?? server);
    await new Promise((resolve) => setTimeout(resolve, 10));
    observer.disconnect();
    results.push(
      `node ${Math.round((used.user + used.system) / checks)} µs (sys ${Math.round(sys / checks)}), server ${Math.round((serverUsed * 1e6) / checks)} µs, ` +
        `round trips ${(counted.statements / checks).toFixed(3)}, gc ${((gcMs * 1000) / checks).toFixed(1)} µs (${gcs} collections) per check`,
    );
  }
  if (session) {
    const { profile } = (await session.post('Profiler.stop')) as unknown as {
      profile: {
        nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
        samples: number[];
      };
    };
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const self = new Map<string, number>();
    for (const sample of profile.samples) {
      const frame = byId.get(sample)?.callFrame;
      const name = `${frame?.functionName || '(anon)'} ${frame?.url.replace(/.*node_modules\//, '').replace(/.*pg12e\//, '')}:${frame?.lineNumber}`;
      self.set(name, (self.get(name) ?? 0) + 1);
    }
    const total = profile.samples.length;
    for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 45))
      console.log(`${((100 * count) / total).toFixed(1).padStart(5)}% ${name}`);
  }
  if (process.env.STATS) {
    const stats = await pool.query<{ query: string; calls: string; mean: number }>(
      `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query, calls, round((total_exec_time / calls * 1000)::numeric, 1)::float AS mean
         FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 4`,
    );
    for (const row of stats.rows) console.log(`  ${row.calls} calls, ${row.mean} µs mean: ${row.query}`);
  }
  console.log(`${n} customers, ${checks} checks, ${inFlight} in flight, pool ${poolSize}`);
  for (const line of results) console.log(`  ${line}`);
} finally {
  await pool.end();
  cluster.stop();
}
