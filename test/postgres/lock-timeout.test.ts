import type pg from 'pg';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { sentAuditEntry } from '../support/sent-audit-entry.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const SCHEMA = 'locked';
const LOCK_TIMEOUT_MS = 300;
const WHO = { by: 'lena@butiken.se', reason: 'checked by phone' };

/** A second session, as an operator's migration or maintenance: it holds a table until the test ends. */
let locker: pg.PoolClient | undefined;
async function lockTable(table: string): Promise<void> {
  locker = await database.pool.connect();
  await locker.query('BEGIN');
  await locker.query(`LOCK TABLE ${SCHEMA}.${table} IN ACCESS EXCLUSIVE MODE`);
}
afterEach(async () => {
  await locker?.query('ROLLBACK');
  locker?.release();
  locker = undefined;
});

beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
});

function stores() {
  const options = { pool: database.pool, schema: SCHEMA, lockTimeoutMs: LOCK_TIMEOUT_MS };
  return {
    directory: createPostgresDirectory(options),
    holdStore: createPostgresHoldStore(options),
    auditLog: createPostgresAuditLog(options),
    verification: createPostgresVerificationStore(options),
  };
}

async function caught(
  work: () => Promise<unknown>,
): Promise<Error & { code?: string; cause?: { code?: string } }> {
  try {
    await work();
  } catch (error) {
    return error as Error & { code?: string; cause?: { code?: string } };
  }
  throw new Error('expected a rejection');
}

function expectLockTimeout(
  error: Error & { code?: string; cause?: { code?: string } },
  code: string,
  name: string,
) {
  expect(error.code, name).toBe(code);
  expect(error.message, name).toMatch(
    /not granted within the lock timeout \(SQLSTATE 55P03, lockTimeoutMs 300 ms\)/,
  );
  expect(error.cause?.code, name).toBe('55P03');
}

const held = {
  raw: Buffer.from('Subject: x\r\n\r\nx'),
  envelope: { to: ['anna@example.se'] },
  action: 'block' as const,
  recipients: [],
};

describe('a write on a table another session has locked', () => {
  it('fails a directory write with DIRECTORY_WRITE_FAILED naming the lock timeout, instead of waiting', async () => {
    const { directory } = stores();
    await directory.upsert([{ id: 'C-1', emails: ['anna@example.se'] }]);
    await lockTable('customer');
    for (const [name, work] of [
      ['upsert', () => directory.upsert([{ id: 'C-1', emails: ['anna.s@example.se'] }])],
      ['remove', () => directory.remove('C-1')],
    ] as const) {
      expectLockTimeout(await caught(work), 'DIRECTORY_WRITE_FAILED', name);
    }
  });

  it('fails a hold, a release and a discard with HOLD_STORE_FAILED naming the lock timeout, and keeps the message', async () => {
    const { holdStore } = stores();
    const message = await holdStore.hold(held);
    await lockTable('held_message');
    const transporter = {} as never;
    for (const [name, work] of [
      ['hold', () => holdStore.hold(held)],
      ['release', () => holdStore.release(message.id, transporter, WHO)],
      ['release with force', () => holdStore.release(message.id, transporter, { ...WHO, force: true })],
      ['discard', () => holdStore.discard(message.id)],
      ['discard with force', () => holdStore.discard(message.id, { force: true })],
      [
        'discardWithRecord',
        () => holdStore.discardWithRecord?.(message.id, async () => undefined) ?? Promise.resolve(),
      ],
    ] as const) {
      expectLockTimeout(await caught(work), 'HOLD_STORE_FAILED', name);
    }
    await locker?.query('ROLLBACK');
    locker?.release();
    locker = undefined;
    expect(await holdStore.get(message.id)).toMatchObject({ id: message.id, state: 'held' });
  });

  it('fails an audit line with AUDIT_LOG_FAILED naming the lock timeout', async () => {
    const { auditLog } = stores();
    await lockTable('audit_log');
    const error = await caught(() => auditLog.record(sentAuditEntry('C-1')));
    expectLockTimeout(error, 'AUDIT_LOG_FAILED', 'record');
  });

  it('fails a verification update with VERIFICATION_STORE_FAILED naming the lock timeout', async () => {
    const { verification } = stores();
    await lockTable('verification_record');
    const error = await caught(() => verification.update('customer-C-1', () => ({ seen: true })));
    expectLockTimeout(error, 'VERIFICATION_STORE_FAILED', 'update');
  });

  it('refuses a lock timeout that is not a whole number of milliseconds, naming it', () => {
    for (const lockTimeoutMs of [0, 1.5, -1]) {
      expect(() => createPostgresHoldStore({ pool: database.pool, schema: SCHEMA, lockTimeoutMs })).toThrow(
        expect.objectContaining({ code: 'INVALID_INPUT', field: 'options.lockTimeoutMs' }),
      );
    }
  });
});
