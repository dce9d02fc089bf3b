// A child process for the PostgreSQL verification store tests: another instance of the
// application, adding 1 to a counter record `count` times (or until killed), printing each count
// once its update resolved.
//   node --import tsx update-verification-record.ts <schema> <name> <count>
import pg from 'pg';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';

const [schema, name, count] = process.argv.slice(2) as [string, string, string];
const pool = new pg.Pool({ max: 1 });
const store = createPostgresVerificationStore<{ count: number }>({ pool, schema });
for (let i = 0; i < Number(count); i++) {
  const record = await store.update(name, (current) => ({ count: (current?.count ?? 0) + 1 }));
  process.stdout.write(`${record?.count}\n`);
}
await pool.end();
