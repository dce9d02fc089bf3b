// Run: npx tsx examples/postgres-directory.ts
//
// The customer directory, held mail and the audit log in PostgreSQL (`email-guard/postgres`). Uses
// the server PGHOST names; without one, starts a throwaway local cluster (PostgreSQL's initdb and
// pg_ctl, on a Unix socket) and removes it at the end; without PostgreSQL installed, says so and stops.
import pg from 'pg';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { type Customer, createGuard } from '../src/index.js';
import {
  createPostgresAuditLog,
  createPostgresDirectory,
  createPostgresHoldStore,
  migrate,
  verifyAuditLog,
} from '../src/postgres/index.js';

let cluster: ReturnType<typeof startPostgresCluster> | undefined;
if (!process.env.PGHOST) {
  try {
    cluster = startPostgresCluster();
  } catch (error) {
    console.log(`Skipped: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(0);
  }
}
const pool = cluster
  ? new pg.Pool({ host: cluster.socketFolder, user: cluster.user, database: 'postgres' })
  : new pg.Pool();
// node-postgres emits an idle client's error (a restarted server) on the pool, and an unheard
// `error` event ends the process; the pool connects again on the next query (docs/postgres.md).
pool.on('error', (error) => console.error('PostgreSQL:', error.message));
try {
  // 1. Tables in their own schema; safe at every start of every instance.
  console.log('migrate:', await migrate(pool, { schema: 'example_shop' }));

  // 2. The customer base, loaded once (a CRM export, a cursor over the customer table).
  const directory = createPostgresDirectory({ pool, schema: 'example_shop' });
  await directory.upsert([
    { id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'], phones: ['070-123 45 67'] },
    { id: 'C-2', name: 'Erik Lind', emails: ['erik.lind@telia.com'] },
    { id: 'C-3', name: 'Karin Berg', emails: ['karin@bergbygg.se'] },
  ]);
  console.log('customers:', await directory.size());

  // 3. A new customer saved in the application's transaction, the directory row with it.
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await directory.upsert([{ id: 'C-4', name: 'Olle Holm', emails: ['olle.holm@spray.se'] }], { client });
    await client.query('COMMIT');
  } finally {
    client.release();
  }

  // 4. Checks against every customer, from any instance.
  const guard = createGuard({ directory, revealOtherCustomers: true });
  const checks: [string, Customer][] = [
    ['anna.svensson185@gmail.com', { id: 'NEW-1', name: 'Svensson, Anna' }],
    ['erik.lind@telia.com', { id: 'NEW-2', name: 'Sven Holm' }],
    ['olle.holm@spary.se', { id: 'C-4', name: 'Olle Holm', emails: ['olle.holm@spray.se'] }],
  ];
  for (const [entered, customer] of checks) {
    const verdict = await guard.check({ entered, customer });
    console.log(
      `${entered} for ${customer.id}: ${verdict.action} (${verdict.findings.map((f) => f.code).join(', ')})`,
    );
  }

  // 5. Held mail and the audit log, shared by every instance.
  const holdStore = createPostgresHoldStore({ pool, schema: 'example_shop' });
  const auditLog = createPostgresAuditLog({ pool, schema: 'example_shop' });
  const held = await holdStore.hold({
    raw: Buffer.from('To: anna.svensson185@gmail.com\r\nSubject: Order 4711\r\n\r\nTack!\r\n'),
    envelope: { from: 'order@butiken.se', to: ['anna.svensson185@gmail.com'] },
    action: 'block',
    recipients: [],
    customerId: 'C-1',
  });
  await auditLog.record({
    at: new Date().toISOString(),
    customerId: 'C-1',
    mode: 'enforce',
    outcome: 'held',
    action: 'block',
    holdId: held.id,
    recipients: [
      { field: 'to', address: 'anna.svensson185@gmail.com', action: 'block', codes: ['near-miss'] },
    ],
  });
  console.log(
    'held:',
    (await holdStore.list()).map((entry) => `${entry.id.slice(0, 15)}… ${entry.state}`),
  );
  console.log('audit log:', await verifyAuditLog(pool, { schema: 'example_shop' }));
  await holdStore.discard(held.id);
} finally {
  await pool.end();
  cluster?.stop();
}
