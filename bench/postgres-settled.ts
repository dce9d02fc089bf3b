/**
 * Why the server's CPU per check differs between runs of the same code: checks at 16 in flight
 * against one loaded directory, in phases of the database's life after a COPY load (as loaded;
 * after CHECKPOINT and a VACUUM (FREEZE, ANALYZE) committing asynchronously, as the benchmarks
 * settled it before; after `settle`, whose VACUUM commits synchronously; after pg_prewarm), each
 * phase in rounds alternating `jit` on and off (ALTER SYSTEM and a reload, so every backend of the
 * pool changes at once). Per round: the server's CPU per check split by process (backends,
 * autovacuum, checkpointer and the rest), and from pg_stat_statements (PostgreSQL 15) per check
 * the plans made, the functions JIT-compiled and the time spent compiling, and the shared buffers
 * hit, read and dirtied; per phase the variant table's pages marked all-visible (pg_class
 * relallvisible), which decides whether the look-up is an index-only scan or fetches the heap.
 *
 * Run alone: `npx tsx bench/postgres-settled.ts [customers] [checks per round] [rounds]`
 * (default 200000, 3000, 2).
 */
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import { relationSizes, settle, workload } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 200_000);
const checks = Number(process.argv[3] ?? 3000);
const rounds = Number(process.argv[4] ?? 2);
const inFlight = 16;
/** `JIT=ab` alternates jit on and off in each phase; by default the server's setting (on) is kept. */
const jits = process.env.JIT === 'ab' ? ['on', 'off'] : ['on'];

/** CPU seconds of each of the postmaster's children (proc(5) stat fields 14 and 15), by kind. */
function serverCpuByKind(postmaster: number): Map<string, number> {
  const byKind = new Map<string, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    let command: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[1]) !== postmaster) continue;
    const kind = /autovacuum worker/.test(command)
      ? 'autovacuum'
      : /\[local\]|postgres postgres/.test(command)
        ? 'backends'
        : (/postgres: (\S+)/.exec(command)?.[1] ?? 'other');
    byKind.set(`${kind}:${entry}`, (Number(fields[11]) + Number(fields[12])) / 100);
  }
  return byKind;
}

function cpuBetween(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  const used = new Map<string, number>();
  for (const [key, seconds] of after) {
    const kind = key.slice(0, key.lastIndexOf(':'));
    used.set(kind, (used.get(kind) ?? 0) + seconds - (before.get(key) ?? 0));
  }
  return used;
}

const cluster = startPostgresCluster({
  settings: {
    shared_buffers: process.env.SHARED_BUFFERS ?? '1GB',
    maintenance_work_mem: '1GB',
    max_wal_size: '8GB',
    shared_preload_libraries: 'pg_stat_statements',
    'pg_stat_statements.track_planning': 'on',
    track_io_timing: 'on',
  },
});
const pool = new pg.Pool({
  host: cluster.socketFolder,
  user: cluster.user,
  database: 'postgres',
  max: inFlight,
  idleTimeoutMillis: 0,
});
try {
  await migrate(pool);
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
  const loadStart = performance.now();
  await createPostgresDirectory({ pool }).upsert(syntheticCustomers(n, 1));
  console.log(`${n} customers loaded in ${((performance.now() - loadStart) / 1000).toFixed(1)} s`);
  // Each round checks entries of its own, as the main benchmark's 20,000 are all different: a
  // round repeating the last one's would find every page it reads already in shared buffers.
  const roundsInAll = 4 * rounds * jits.length;
  const entries = workload(checks * roundsInAll, n).map(({ entered, customer }) => ({ entered, customer }));
  let offset = 0;
  const guard = createGuard({ directory: createPostgresDirectory({ pool }) });
  const run = async () => {
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < checks; i = next++)
          await guard.check(entries[(offset + i) % entries.length] as (typeof entries)[number]);
      }),
    );
    offset += checks;
  };
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
  const postmaster = Number(backend.slice(backend.lastIndexOf(')') + 2).split(' ')[1]);
  const statements = async () => {
    const { rows: stats } = await pool.query<Record<string, number>>(
      `SELECT sum(calls)::float AS calls, sum(plans)::float AS plans, sum(jit_functions)::float AS jit_functions,
              sum(jit_generation_time + jit_inlining_time + jit_optimization_time + jit_emission_time)::float AS jit_ms,
              sum(total_plan_time)::float AS plan_ms, sum(total_exec_time)::float AS exec_ms,
              sum(shared_blks_hit)::float AS hit, sum(shared_blks_read)::float AS read,
              sum(shared_blks_dirtied)::float AS dirtied, sum(shared_blks_written)::float AS written
         FROM pg_stat_statements WHERE query LIKE '%mailbox_variant%'`,
    );
    return stats[0] as Record<string, number>;
  };
  const phase = async (name: string) => {
    const { rows: visible } = await pool.query<{ pages: number; visible: number; tuples: number }>(
      `SELECT relpages AS pages, relallvisible AS visible, reltuples::float AS tuples FROM pg_class
        WHERE oid = 'email_guard.mailbox_variant'::regclass`,
    );
    const { rows: av } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'`,
    );
    console.log(
      `${name}: mailbox_variant ${visible[0]?.visible} of ${visible[0]?.pages} pages all-visible (reltuples ${visible[0]?.tuples}), ${av[0]?.n} autovacuum workers running`,
    );
    for (let round = 0; round < rounds; round++) {
      for (const jit of jits) {
        if (jits.length > 1) {
          await pool.query(`ALTER SYSTEM SET jit = ${jit}`);
          await pool.query('SELECT pg_reload_conf()');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const statsBefore = await statements();
        const cpuBefore = serverCpuByKind(postmaster);
        const node = process.cpuUsage();
        const began = performance.now();
        await run();
        const wall = (performance.now() - began) / 1000;
        const nodeUsed = process.cpuUsage(node);
        const cpu = cpuBetween(cpuBefore, serverCpuByKind(postmaster));
        const statsAfter = await statements();
        const per = (key: string) => ((statsAfter[key] ?? 0) - (statsBefore[key] ?? 0)) / checks;
        const cpuText = [...cpu]
          .filter(([, seconds]) => seconds > 0)
          .map(([kind, seconds]) => `${kind} ${Math.round((seconds * 1e6) / checks)}`)
          .join(', ');
        console.log(
          `  jit ${jit.padEnd(3)} ${Math.round(checks / wall)}/s; µs per check: node ${Math.round((nodeUsed.user + nodeUsed.system) / checks)}, server ${cpuText}; per check: statements ${per('calls').toFixed(2)}, plans ${per('plans').toFixed(2)}, jit functions ${per('jit_functions').toFixed(1)}, jit ${(per('jit_ms') * 1000).toFixed(0)} µs, plan ${(per('plan_ms') * 1000).toFixed(0)} µs, exec ${(per('exec_ms') * 1000).toFixed(0)} µs, blocks hit ${per('hit').toFixed(1)} read ${per('read').toFixed(2)} dirtied ${per('dirtied').toFixed(2)} written ${per('written').toFixed(2)}`,
        );
      }
    }
  };
  await phase('as loaded');
  // How the benchmarks settled the database before: the VACUUM's own ANALYZE steps commit
  // asynchronously, as the cluster is set to.
  await pool.query('CHECKPOINT');
  await pool.query('VACUUM (FREEZE, ANALYZE)');
  await phase('after CHECKPOINT, VACUUM (FREEZE, ANALYZE) committing asynchronously');
  const settled = await settle(pool);
  await phase(`after settle() (${settled.allVisible} of ${settled.pages} pages all-visible)`);
  console.log(`sizes (MB): ${await relationSizes(pool)}`);
  await pool.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  await pool.query(
    `SELECT pg_prewarm(name) FROM unnest(ARRAY['email_guard.mailbox_variant_pkey', 'email_guard.customer_pkey', 'email_guard.customer']) AS name`,
  );
  await phase('after pg_prewarm of the variant index and the customer table');
} finally {
  await pool.end();
  cluster.stop();
}
