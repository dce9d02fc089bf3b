import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { InvalidInputError } from '../../src/errors.js';
import { createGuard } from '../../src/guard/create-guard.js';
import { createPostgresAuditLog, verifyAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { explainPostgresFailure, failureMessage } from '../../src/postgres/postgres-failure.js';
import { sentAuditEntry } from '../support/sent-audit-entry.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

/** An id as the hold store gives them out, held nowhere. */
const HOLD_ID = '20261201T120000000Z-00000000-0000-4000-8000-000000000000';

/** Every write of the directory and every call of the hold and verification stores that reaches the database. */
function writesAndStores(pool: pg.Pool, schema: string): [string, () => Promise<unknown>][] {
  const directory = createPostgresDirectory({ pool, schema });
  const holdStore = createPostgresHoldStore({ pool, schema });
  const verification = createPostgresVerificationStore({ pool, schema });
  const transporter = {} as never;
  return [
    ['directory.upsert', () => directory.upsert([{ id: 'C-1', emails: ['anna@example.se'] }])],
    ['directory.remove', () => directory.remove('C-1')],
    [
      'holdStore.hold',
      () =>
        holdStore.hold({
          raw: Buffer.from('Subject: x\r\n\r\nx'),
          envelope: { to: ['anna@example.se'] },
          action: 'block',
          recipients: [],
        }),
    ],
    ['holdStore.list', () => holdStore.list()],
    ['holdStore.get', () => holdStore.get(HOLD_ID)],
    [
      'holdStore.release',
      () => holdStore.release(HOLD_ID, transporter, { by: 'lena@butiken.se', reason: 'checked' }),
    ],
    ['holdStore.discard', () => holdStore.discard(HOLD_ID)],
    ['verification.key', () => verification.key()],
    ['verification.read', () => verification.read('customer-C-1')],
    ['verification.update', () => verification.update('customer-C-1', () => ({ seen: true }))],
  ];
}

/** The typed error each store gives for a failure the caller can mend: the directory's writes their own. */
const CODES: Record<string, string> = {
  directory: 'LOOKUP_FAILED',
  'directory.upsert': 'DIRECTORY_WRITE_FAILED',
  'directory.remove': 'DIRECTORY_WRITE_FAILED',
  holdStore: 'HOLD_STORE_FAILED',
  verification: 'VERIFICATION_STORE_FAILED',
};

/** The code a call named `store.call` fails with. */
const codeOf = (name: string) => CODES[name] ?? CODES[name.split('.')[0] as string];

async function caught(work: () => Promise<unknown>): Promise<Error & { code?: string; field?: string }> {
  try {
    await work();
  } catch (error) {
    return error as Error & { code?: string; field?: string };
  }
  throw new Error('expected a rejection');
}

describe('the PostgreSQL stores used wrongly', () => {
  it('refuses a system schema and public in migrate, naming options.schema', async () => {
    for (const schema of ['public', 'pg_catalog', 'pg_toast', 'pg_temp_1', 'information_schema']) {
      const error = await caught(() => migrate(database.pool, { schema }));
      expect(error, schema).toBeInstanceOf(InvalidInputError);
      expect(error.field).toBe('options.schema');
      expect(error.message).toMatch(/schema of its own/);
      expect(error.message).toMatch(/options\.schema/);
    }
    const { rows } = await database.pool.query(
      "SELECT count(*)::integer AS n FROM pg_catalog.pg_class WHERE relname = 'schema_version'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses a schema holding tables it did not make, and leaves them alone', async () => {
    await database.pool.query('CREATE SCHEMA shop');
    await database.pool.query('CREATE TABLE shop.customer (id integer PRIMARY KEY, email text)');
    const error = await caught(() => migrate(database.pool, { schema: 'shop' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.field).toBe('options.schema');
    expect(error.message).toMatch(/not made by email-guard.*customer.*choose another schema/);
    const { rows } = await database.pool.query(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'shop' ORDER BY table_name",
    );
    expect(rows.map((row) => row.table_name)).toEqual(['customer']);
  });

  it('says to run migrate first when the schema was never migrated', async () => {
    const directory = createPostgresDirectory({ pool: database.pool, schema: 'never_migrated' });
    for (const work of [
      () => directory.size(),
      () => directory.findAddress({ entered: 'anna@example.se' }),
      () => directory.findPhone({ entered: '070-123 45 67' }),
      () => directory.get('C-1'),
      () => verifyAuditLog(database.pool, { schema: 'never_migrated' }),
      () =>
        createPostgresAuditLog({ pool: database.pool, schema: 'never_migrated' }).record(
          sentAuditEntry('C-1'),
        ),
    ]) {
      const error = await caught(work);
      expect(error.code).toMatch(/^(LOOKUP_FAILED|AUDIT_LOG_FAILED)$/);
      expect(error.message).toMatch(/run migrate\(pool, \{ schema: 'never_migrated' \}\) first/);
    }
    // Through the guard the check fails closed: a failed lookup, blocking.
    const guard = createGuard({ directory });
    const verdict = await guard.check({ entered: 'anna@example.se', customer: { id: 'C-1' } });
    expect(verdict.action).toBe('block');
    expect(verdict.findings[0]).toMatchObject({
      code: 'lookup-failed',
      // The store's own code and the SQLSTATE of its cause: 42P01, undefined table.
      error: 'the lookup threw an error (LOOKUP_FAILED, cause 42P01)',
      causeCode: '42P01',
    });
    expect(createDirectory().size).toBe(0);
  });

  it('says to run migrate first when a directory write, the hold store or the verification store meets a schema never migrated', async () => {
    for (const [name, work] of writesAndStores(database.pool, 'never_migrated_writes')) {
      const error = await caught(work);
      expect(error.code, name).toBe(codeOf(name));
      expect(error.message, name).toMatch(/run migrate\(pool, \{ schema: 'never_migrated_writes' \}\) first/);
      expect(error.cause, name).toBeDefined();
    }
  });

  it('names the ended pool in a directory write, the hold store and the verification store', async () => {
    const pool = new pg.Pool({ database: database.name, max: 1 });
    await migrate(pool, { schema: 'ended_writes' });
    const calls = writesAndStores(pool, 'ended_writes');
    await pool.end();
    for (const [name, work] of calls) {
      const error = await caught(work);
      expect(error.code, name).toBe(codeOf(name));
      expect(error.message, name).toMatch(/pool was ended/);
    }
  });

  it('ends every store error with the SQLSTATE and words of a privilege the role lacks', async () => {
    // Roles belong to the cluster, not the database: named after the file's database.
    const noUsage = `${database.name}_no_usage`;
    const selectOnly = `${database.name}_select_only`;
    await migrate(database.pool, { schema: 'revoked' });
    const { id } = await createPostgresHoldStore({ pool: database.pool, schema: 'revoked' }).hold({
      raw: Buffer.from('Subject: x\r\n\r\nx'),
      envelope: { to: ['anna@example.se'] },
      action: 'block',
      recipients: [],
    });
    await database.pool.query(`CREATE ROLE ${noUsage} LOGIN`);
    await database.pool.query(`CREATE ROLE ${selectOnly} LOGIN`);
    await database.pool.query(`GRANT USAGE ON SCHEMA revoked TO ${selectOnly}`);
    await database.pool.query(`GRANT SELECT ON ALL TABLES IN SCHEMA revoked TO ${selectOnly}`);

    const withoutUsage = database.newPool({ user: noUsage });
    const auditLog = createPostgresAuditLog({ pool: withoutUsage, schema: 'revoked' });
    for (const [name, work] of [
      ...writesAndStores(withoutUsage, 'revoked'),
      ['auditLog.record', () => auditLog.record(sentAuditEntry('C-1'))] as const,
      ['verifyAuditLog', () => verifyAuditLog(withoutUsage, { schema: 'revoked' })] as const,
    ]) {
      const error = await caught(work);
      expect(error.code, name).toBe(codeOf(name) ?? 'AUDIT_LOG_FAILED');
      expect(error.message, name).toMatch(/grant it USAGE on schema revoked/);
      expect(error.message, name).toMatch(/\(42501 permission denied for schema revoked\)$/);
    }

    const readOnly = database.newPool({ user: selectOnly });
    const holdStore = createPostgresHoldStore({ pool: readOnly, schema: 'revoked', auditLog: false });
    expect((await holdStore.list()).map((held) => held.id)).toEqual([id]);
    const discard = await caught(() => holdStore.discard(id));
    expect(discard.code).toBe('HOLD_STORE_FAILED');
    expect(discard.message).toMatch(
      new RegExp(
        `^held message ${id} could not be discarded: .*\\(42501 permission denied for table held_message\\)$`,
      ),
    );
    const record = await caught(() =>
      createPostgresAuditLog({ pool: readOnly, schema: 'revoked' }).record(sentAuditEntry('C-1')),
    );
    expect(record.code).toBe('AUDIT_LOG_FAILED');
    expect(record.message).toMatch(/\(42501 permission denied for table audit_log\)$/);
    // Nothing the role could not write was lost: the message is still held.
    expect((await createPostgresHoldStore({ pool: database.pool, schema: 'revoked' }).list()).length).toBe(1);
  });

  it('ends a store message with the SQLSTATE and words of any other server error', async () => {
    const error = await caught(() => database.pool.query('SELECT 1 / 0'));
    expect(
      failureMessage('held message X could not be read from PostgreSQL', error, database.pool, 'email_guard'),
    ).toBe('held message X could not be read from PostgreSQL (22012 division by zero)');
    // An error the server did not give adds nothing of its own.
    expect(
      failureMessage('the held messages could not be read', new Error('boom'), database.pool, 'email_guard'),
    ).toBe('the held messages could not be read');
  });

  it('keeps the cause of a query that failed while the pool was ending', async () => {
    const pool = new pg.Pool({ database: database.name, max: 1 });
    const directory = createPostgresDirectory({ pool, schema: 'never_migrated_ending' });
    // The lookup is under way when end() is called: its own failure is the one to report.
    const lookup = caught(() => directory.size());
    const ended = pool.end();
    const error = await lookup;
    await ended;
    expect(error.code).toBe('LOOKUP_FAILED');
    expect(error.message).toMatch(/run migrate\(pool, \{ schema: 'never_migrated_ending' \}\) first/);
    // A failure the database gives that the caller cannot mend passes as it came.
    const other = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    expect(explainPostgresFailure(other, pool, 'email_guard')).toBeUndefined();
  });

  it('names the pool when it was ended', async () => {
    // A pool of its own: the file's pools are ended once, after the last test.
    const pool = new pg.Pool({ database: database.name, max: 1 });
    await migrate(pool, { schema: 'ended' });
    const directory = createPostgresDirectory({ pool, schema: 'ended' });
    await pool.end();
    for (const work of [
      () => directory.size(),
      () => directory.findAddress({ entered: 'anna@example.se' }),
      () => verifyAuditLog(pool, { schema: 'ended' }),
    ]) {
      const error = await caught(work);
      expect(error.code).toMatch(/^(LOOKUP_FAILED|AUDIT_LOG_FAILED)$/);
      expect(error.message).toMatch(/pool was ended/);
    }
  });

  it('says the database could not be reached, the driver error as cause, from every store', async () => {
    const pool = database.newPool({ host: '/no/such/socket/folder', max: 1 });
    const directory = createPostgresDirectory({ pool, schema: 'unreachable' });
    const calls: [string, () => Promise<unknown>][] = [
      ...writesAndStores(pool, 'unreachable'),
      ['directory.size', () => directory.size()],
      ['directory.get', () => directory.get('C-1')],
      ['directory.findPhone', () => directory.findPhone({ entered: '070-123 45 67' })],
      ['auditLog.verify', () => verifyAuditLog(pool, { schema: 'unreachable' })],
    ];
    for (const [name, work] of calls) {
      const error = await caught(work);
      expect(error.code, name).toBe(codeOf(name) ?? 'AUDIT_LOG_FAILED');
      expect(error.message, name).toMatch(/database could not be reached \(ENOENT\)/);
      expect((error.cause as { code?: string }).code, name).toBe('ENOENT');
    }
  });

  it('says the pool had no connection free in time when the pool is full, not that the database is down', async () => {
    const pool = database.newPool({ max: 1, connectionTimeoutMillis: 200 });
    const held = await pool.connect();
    try {
      for (const [name, work] of writesAndStores(pool, 'email_guard')) {
        const error = await caught(work);
        expect(error.code, name).toBe(codeOf(name));
        expect(error.message, name).toMatch(
          /no connection came free in the pg pool within connectionTimeoutMillis \(200 ms, pool max 1\)/,
        );
        expect(error.message, name).not.toMatch(/could not be reached/);
      }
    } finally {
      held.release();
    }
  });
});
