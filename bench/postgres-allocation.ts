/**
 * Bytes allocated per check with the PostgreSQL directory, and by which part of it: the whole
 * `guard.check`, the directory's `findAddress` and `findPhone` alone, and the in-memory directory's
 * check on the same customers, at 1 and 16 in flight, with the garbage collections per 20,000 checks
 * (bench/allocation.ts). What `npm run bench` prints at 1,000,000 customers in one line, here split
 * up, on a smaller directory: a check's candidates are a few customers whatever the directory's
 * size, so its allocation hardly depends on it.
 *
 * Run alone: `npx tsx bench/postgres-allocation.ts [customers] [checks]` (default 100000, 20000);
 * `node --max-semi-space-size=16 --import tsx bench/postgres-allocation.ts` for a larger young
 * generation.
 */
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createDirectory } from '../src/contacts/create-directory.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import { allocationPerCall, describeAllocation } from './allocation.js';
import { checkInputs, settle, workload } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 100_000);
const checks = Number(process.argv[3] ?? 20_000);

const cluster = startPostgresCluster({ settings: { shared_buffers: '256MB' } });
const pool = new pg.Pool({ host: cluster.socketFolder, user: cluster.user, database: 'postgres', max: 16 });
try {
  await migrate(pool);
  const directory = createPostgresDirectory({ pool });
  await directory.upsert(syntheticCustomers(n, 1));
  await settle(pool);
  // Each check's input made when it is due, from the workload's strings (checkInputs).
  const entry = checkInputs(workload(checks * 2, n));
  const guard = createGuard({ directory });
  console.log(
    `Allocation per check, ${n.toLocaleString('en-US')} customers, ${checks.toLocaleString('en-US')} checks`,
  );
  const parts: [string, number, (i: number) => Promise<unknown>][] = [
    ['guard.check, PostgreSQL', 16, (i) => guard.check(entry(i))],
    ['guard.check, PostgreSQL', 1, (i) => guard.check(entry(i))],
    ['findAddress, PostgreSQL', 16, (i) => directory.findAddress({ entered: entry(i).entered })],
    ['findPhone, PostgreSQL', 16, () => directory.findPhone({ entered: '070-123 45 67' })],
  ];
  for (const [name, inFlight, work] of parts) {
    const allocation = await allocationPerCall(checks, inFlight, work);
    console.log(`  ${name}, ${inFlight} in flight: ${describeAllocation(allocation)}`);
  }
  // Built only now, so the measurements above do not carry its customers.
  const memory = createGuard({ directory: createDirectory(syntheticCustomers(n, 1)) });
  await memory.check(entry(0));
  const allocation = await allocationPerCall(checks, 1, (i) => memory.check(entry(i)));
  console.log(`  guard.check, in memory, 1 in flight: ${describeAllocation(allocation)}`);
} finally {
  await pool.end();
  cluster.stop();
}
