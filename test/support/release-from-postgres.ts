// A child process for the PostgreSQL hold store tests: another instance of the application, which
// releases one held message through its own pool and transporter, then prints what happened.
//   node --import tsx release-from-postgres.ts <schema> <hold id> <smtp port> [force] [audited]
// `audited`: the guard records its release lines in the schema's audit log (else in none).
// Connects with PGHOST, PGUSER and PGDATABASE from the environment. Prints `ready` once set up and
// waits for a line on its standard input, so that two instances start their releases together.
import nodemailer from 'nodemailer';
import pg from 'pg';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { createPostgresAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';

const [schema, id, port, ...flags] = process.argv.slice(2) as [string, string, string, ...string[]];
const pool = new pg.Pool({ max: 2 });
const holdStore = createPostgresHoldStore({ pool, schema });
const transporter = nodemailer.createTransport({
  host: '127.0.0.1',
  port: Number(port),
  secure: false,
  ignoreTLS: true,
  // Long enough that a server which never answers keeps the release hanging until the test kills it.
  greetingTimeout: 60_000,
});
const customer = { id: 'C-1001', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] };
transporter.use(
  'compile',
  nodemailerGuard({
    guard: createGuard({ lookupCustomer: async (wanted) => (wanted === customer.id ? customer : undefined) }),
    holdStore,
    auditLog: flags.includes('audited')
      ? createPostgresAuditLog({ pool, schema })
      : { record: async () => undefined },
  }),
);
await pool.query('SELECT 1');
process.stdout.write('ready\n');
await new Promise((go) => process.stdin.once('data', go));
process.stdin.pause();
try {
  await holdStore.release(id, transporter, {
    to: 'anna.svensson1985@gmail.com',
    by: 'lena@butiken.se',
    reason: `instance ${process.pid}`,
    force: flags.includes('force'),
  });
  process.stdout.write('released\n');
} catch (error) {
  process.stdout.write(`refused ${(error as { code?: string }).code} ${(error as Error).name}\n`);
} finally {
  await pool.end();
}
