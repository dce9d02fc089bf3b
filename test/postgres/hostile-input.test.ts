import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { DirectoryWriteFailedError, HoldStoreFailedError } from '../../src/errors.js';
import { createPostgresAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { heldOrder } from '../support/hold-message.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const fixture = usePipelineFixture();

beforeAll(async () => {
  await migrate(database.pool);
});

describe('the PostgreSQL stores and input PostgreSQL text cannot hold', () => {
  it('holds a message with a NUL in the display name and the customer id, the raw message intact', async () => {
    const holdStore = createPostgresHoldStore({ pool: database.pool });
    const auditLog = createPostgresAuditLog({ pool: database.pool });
    const transporter = guardedTransport(fixture, undefined, { holdStore, auditLog });
    const error = await transporter
      .sendMail({
        from: 'order@butiken.se',
        to: { name: 'Anna\u0000Svensson', address: 'anna.svensson185@gmail.com' },
        subject: 'Order 4714',
        text: 'Tack.',
        emailGuard: { customerId: 'C-1001\u0000' },
      })
      .catch((caught: unknown) => caught);
    expect((error as { holdId?: string }).holdId).toBeTruthy();
    const id = (error as { holdId: string }).holdId;
    const held = await holdStore.get(id);
    expect(held?.recipients.map((recipient) => recipient.name)).toContain('Anna\uFFFDSvensson');
    expect(held?.customerId).toBe('C-1001\uFFFD');
    // The raw message is kept byte for byte: nodemailer's encoding of the name, whatever it is.
    expect(held?.raw.toString('latin1')).toContain('Subject: Order 4714');
    expect(fixture.sink.received).toHaveLength(0);
    const { rows } = await database.pool.query<{ outcome: string }>(
      `SELECT entry::jsonb ->> 'outcome' AS outcome FROM email_guard.audit_log WHERE entry::jsonb ->> 'holdId' = $1`,
      [id],
    );
    expect(rows).toEqual([{ outcome: 'held' }]);
  });

  it('says a hold that failed was neither sent nor held, and to send it again', async () => {
    const pool = new pg.Pool({ database: database.name });
    const holdStore = createPostgresHoldStore({ pool, auditLog: false });
    await pool.end();
    const error = await holdStore
      .hold(heldOrder('Order 4715', 'anna.svensson185@gmail.com'))
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(HoldStoreFailedError);
    expect(error.message).toMatch(
      /^the message was neither sent nor held in PostgreSQL \(send it again\): the pg pool was ended/,
    );
  });

  it("names an aborted caller's transaction as the cause of a failed upsert", async () => {
    const directory = createPostgresDirectory({ pool: database.pool });
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT 1/0').catch(() => undefined);
      const error = await directory
        .upsert([{ id: 'N-6', emails: ['n6@telia.se'] }], { client })
        .catch((caught) => caught);
      expect(error).toBeInstanceOf(DirectoryWriteFailedError);
      expect(error.message).toMatch(
        /caller's transaction \(options\.client\) was aborted.*25P02.*roll it back/,
      );
      expect(error.cause).toMatchObject({ code: '25P02' });
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});
