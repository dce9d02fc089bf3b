/**
 * How long schema version 8's rebuild of the variant table takes (`rebuildMailboxVariants`, what
 * `migrate` runs on a schema at version 7): wall time, Node's CPU and the server's, on a directory
 * loaded with the given number of customers.
 *
 * Run alone: `npx tsx bench/postgres-rebuild.ts [customers]` (default 100000).
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { indexMailboxRules } from '../src/address/mailbox-key.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrateTo } from '../src/postgres/migrate.js';
import { rebuildMailboxVariants } from '../src/postgres/rebuild-mailbox-variants.js';
import { serverCpu, serverCpuBetween, settle } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 100_000);
const cluster = startPostgresCluster({ settings: { shared_buffers: '256MB' } });
const pool = new pg.Pool({ host: cluster.socketFolder, user: cluster.user, database: 'postgres', max: 2 });
try {
  await migrateTo(pool, 'email_guard', 6);
  await createPostgresDirectory({ pool }).upsert(syntheticCustomers(n, 1));
  await settle(pool);
  const { rows } = await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const stat = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
  const postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  const client = await pool.connect();
  try {
    const server = serverCpu(postmaster) ?? new Map<number, number>();
    const node = process.cpuUsage();
    const began = performance.now();
    await client.query('BEGIN');
    await rebuildMailboxVariants(client, 'email_guard', indexMailboxRules());
    await client.query('COMMIT');
    const wall = (performance.now() - began) / 1000;
    const nodeUsed = process.cpuUsage(node);
    const serverUsed = serverCpuBetween(server, serverCpu(postmaster) ?? server);
    const size = await pool.query<{ size: string }>(
      `SELECT pg_total_relation_size('email_guard.mailbox_variant') AS size`,
    );
    console.log(
      `${n} customers: rebuilt in ${wall.toFixed(1)} s, Node CPU ${((nodeUsed.user + nodeUsed.system) / 1e6).toFixed(1)} s, server CPU ${serverUsed.toFixed(1)} s; ${Math.round(Number(size.rows[0]?.size) / n)} bytes per customer`,
    );
  } finally {
    client.release();
  }
} finally {
  await pool.end();
  cluster.stop();
}
