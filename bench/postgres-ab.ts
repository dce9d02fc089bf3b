/**
 * Node's and the server's CPU per `guard.check` with the PostgreSQL directory, this checkout's
 * code against another copy of `src/` (an earlier commit's, `git archive <commit> src | tar -x -C
 * <folder>` in a folder whose parents' node_modules hold the dependencies), in rounds alternated in one process against
 * one cluster and one loaded directory, 16 checks in flight: CPU per check compared this way is
 * less sensitive than wall time to other load on a shared machine.
 *
 * Run alone: `npx tsx bench/postgres-ab.ts <folder holding the other src> [customers] [checks per round] [rounds]`
 * (default 100000, 4000, 6).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import { serverCpu, serverCpuBetween, settle, workload } from './postgres.bench.js';

const base = resolve(process.argv[2] ?? '');
const n = Number(process.argv[3] ?? 100_000);
const checks = Number(process.argv[4] ?? 4000);
const rounds = Number(process.argv[5] ?? 6);
const inFlight = 16;

type Guard = { check(input: unknown): Promise<unknown> };
const other = {
  createGuard: (await import(`${base}/src/guard/create-guard.ts`)).createGuard as (o: unknown) => Guard,
  createPostgresDirectory: (await import(`${base}/src/postgres/create-postgres-directory.ts`))
    .createPostgresDirectory as (o: unknown) => unknown,
};

const cluster = startPostgresCluster({
  settings: { shared_buffers: '256MB', maintenance_work_mem: '256MB' },
});
const pool = new pg.Pool({ host: cluster.socketFolder, user: cluster.user, database: 'postgres', max: 16 });
try {
  await migrate(pool);
  await createPostgresDirectory({ pool }).upsert(syntheticCustomers(n, 1));
  await settle(pool);
  const entries = workload(checks, n).map(({ entered, customer }) => ({ entered, customer }));
  const guards: Record<'A (other)' | 'B (this)', Guard> = {
    'A (other)': other.createGuard({ directory: other.createPostgresDirectory({ pool }) }),
    'B (this)': createGuard({ directory: createPostgresDirectory({ pool }) }) as Guard,
  };
  const run = async (guard: Guard) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < checks; i = next++) await guard.check(entries[i]);
      }),
    );
  };
  for (const guard of Object.values(guards)) for (let warm = 0; warm < 2; warm++) await run(guard);
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
  const postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  const used = new Map<string, { node: number[]; server: number[] }>();
  for (let round = 0; round < rounds; round++) {
    const names = Object.keys(guards) as (keyof typeof guards)[];
    for (const name of round % 2 === 0 ? names : names.reverse()) {
      const server = serverCpu(postmaster) ?? new Map<number, number>();
      const node = process.cpuUsage();
      await run(guards[name]);
      const nodeUsed = process.cpuUsage(node);
      const serverUsed = serverCpuBetween(server, serverCpu(postmaster) ?? server);
      const entry = used.get(name) ?? { node: [], server: [] };
      entry.node.push((nodeUsed.user + nodeUsed.system) / checks);
      entry.server.push((serverUsed * 1e6) / checks);
      used.set(name, entry);
    }
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  console.log(`${n} customers, ${checks} checks a round, ${rounds} rounds each, ${inFlight} in flight`);
  for (const [name, { node, server }] of used) {
    console.log(
      `${name}: node µs per check ${node.map((v) => v.toFixed(0)).join(' ')} (median ${median(node).toFixed(0)}); server ${server.map((v) => v.toFixed(0)).join(' ')} (median ${median(server).toFixed(0)})`,
    );
  }
} finally {
  await pool.end();
  cluster.stop();
}
