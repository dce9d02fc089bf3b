import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { createPostgresAuditLog, verifyAuditLog } from '../../src/postgres/create-postgres-audit-log.js';
import { LATEST_VERSION, migrate, migrateTo } from '../../src/postgres/migrate.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

function entry(index: number): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 11, 1, 12, 0, index)).toISOString(),
    messageId: `<${index}@butiken.se>`,
    customerId: 'C-1001',
    mode: 'enforce',
    outcome: index % 2 === 0 ? 'sent' : 'held',
    action: index % 2 === 0 ? 'send' : 'block',
    recipients: [
      { field: 'to', address: 'anna.svensson1985@gmail.com', action: 'send', codes: ['exact-match'] },
    ],
  };
}

let schemas = 0;
/** A log of ten rows, written by two instances at once, in a fresh schema. */
async function filledLog(): Promise<string> {
  const schema = `audit_${++schemas}`;
  await migrate(database.pool, { schema });
  const instances = [database.pool, database.newPool({ max: 2 })].map((pool) =>
    createPostgresAuditLog({ pool, schema }),
  );
  await Promise.all(Array.from({ length: 10 }, (_, index) => instances[index % 2]?.record(entry(index + 1))));
  return schema;
}

/** Changes a row as someone with the table owner's rights could: past the append-only trigger. */
async function tamper(schema: string, sql: string): Promise<void> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`ALTER TABLE ${schema}.audit_log DISABLE TRIGGER audit_log_append_only`);
    await client.query(sql);
    await client.query(`ALTER TABLE ${schema}.audit_log ENABLE TRIGGER audit_log_append_only`);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('createPostgresAuditLog', () => {
  let schema: string;
  beforeAll(async () => {
    schema = await filledLog();
  });

  it('chains every row, numbered without gaps, from two instances appending at once', async () => {
    const verification = await verifyAuditLog(database.pool, { schema });
    expect(verification).toMatchObject({ ok: true, rows: 10, head: { seq: '10' } });
    const { rows } = await database.pool.query(
      `SELECT seq, entry::jsonb AS entry FROM ${schema}.audit_log ORDER BY seq`,
    );
    expect(rows.map((row) => Number(row.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(rows.map((row) => row.entry.messageId).sort()).toEqual(
      Array.from({ length: 10 }, (_, index) => `<${index + 1}@butiken.se>`).sort(),
    );
  });

  it('refuses an UPDATE or DELETE of a row', async () => {
    await expect(
      database.pool.query(`UPDATE ${schema}.audit_log SET entry = '{}' WHERE seq = 3`),
    ).rejects.toThrow(/append-only/);
    await expect(database.pool.query(`DELETE FROM ${schema}.audit_log WHERE seq = 3`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('refuses a TRUNCATE of the log', async () => {
    await expect(database.pool.query(`TRUNCATE ${schema}.audit_log`)).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(database.pool, { schema })).toMatchObject({ ok: true, rows: 10 });
  });

  it('refuses a TRUNCATE in a log upgraded from the previous version, keeping its rows', async () => {
    const upgraded = `audit_upgraded_${++schemas}`;
    // Version 4: the last without the TRUNCATE trigger.
    await migrateTo(database.pool, `"${upgraded}"`, 4);
    await createPostgresAuditLog({ pool: database.pool, schema: upgraded }).record(entry(1));
    expect(await migrate(database.pool, { schema: upgraded })).toEqual({
      from: 4,
      to: LATEST_VERSION,
    });
    await expect(database.pool.query(`TRUNCATE ${upgraded}.audit_log`)).rejects.toThrow(/append-only/);
    expect(await verifyAuditLog(database.pool, { schema: upgraded })).toMatchObject({ ok: true, rows: 1 });
  });

  it('reports rows removed from the end, against the head kept from an earlier check', async () => {
    const cut = await filledLog();
    const before = await verifyAuditLog(database.pool, { schema: cut });
    if (!before.ok) throw new Error('the fresh log should verify');
    expect(await verifyAuditLog(database.pool, { schema: cut, expectHead: before.head })).toEqual(before);
    // Kept as JSON elsewhere, with seq a string as reported or turned into a number on the way.
    const kept = JSON.parse(JSON.stringify(before.head));
    expect(typeof kept.seq).toBe('string');
    expect(await verifyAuditLog(database.pool, { schema: cut, expectHead: kept })).toEqual(before);
    const asNumber = JSON.parse(JSON.stringify({ ...before.head, seq: Number(before.head.seq) }));
    expect(await verifyAuditLog(database.pool, { schema: cut, expectHead: asNumber })).toEqual(before);
    for (const seq of [-1, 1.5, 2 ** 53, '1e3', '']) {
      const refused = await verifyAuditLog(database.pool, {
        schema: cut,
        expectHead: { ...before.head, seq },
      }).catch((error) => error);
      expect(refused.code, String(seq)).toBe('INVALID_INPUT');
      expect(refused.field, String(seq)).toBe('options.expectHead.seq');
    }
    // Past the triggers, as the table's owner could: the last rows, then every row.
    await tamper(cut, `DELETE FROM ${cut}.audit_log WHERE seq > 8`);
    expect(await verifyAuditLog(database.pool, { schema: cut })).toMatchObject({ ok: true, rows: 8 });
    expect(await verifyAuditLog(database.pool, { schema: cut, expectHead: before.head })).toEqual({
      ok: false,
      rows: 8,
      seq: '9',
      reason: 'truncated',
    });
    await tamper(cut, `DELETE FROM ${cut}.audit_log`);
    expect(await verifyAuditLog(database.pool, { schema: cut, expectHead: before.head })).toEqual({
      ok: false,
      rows: 0,
      seq: '1',
      reason: 'truncated',
    });
  });

  it('reports a log rewritten with a consistent chain, against the head kept from an earlier check', async () => {
    const rewritten = await filledLog();
    const before = await verifyAuditLog(database.pool, { schema: rewritten });
    if (!before.ok) throw new Error('the fresh log should verify');
    // Every row's entry and hash recomputed in order: the chain itself checks out.
    await tamper(
      rewritten,
      `DO $$ DECLARE r record; prev text := repeat('0', 64); h text; BEGIN
         FOR r IN SELECT seq, entry FROM ${rewritten}.audit_log ORDER BY seq LOOP
           h := encode(sha256(convert_to(prev || E'\n' || r.seq || E'\n' || replace(r.entry, 'C-1001', 'C-2002'), 'UTF8')), 'hex');
           UPDATE ${rewritten}.audit_log SET entry = replace(entry, 'C-1001', 'C-2002'), previous_hash = prev, hash = h WHERE seq = r.seq;
           prev := h;
         END LOOP; END $$`,
    );
    expect(await verifyAuditLog(database.pool, { schema: rewritten })).toMatchObject({ ok: true, rows: 10 });
    expect(await verifyAuditLog(database.pool, { schema: rewritten, expectHead: before.head })).toEqual({
      ok: false,
      rows: 9,
      seq: '10',
      reason: 'rewritten',
    });
  });

  it('reports the first row where an UPDATE broke the chain', async () => {
    const changed = await filledLog();
    await tamper(
      changed,
      `UPDATE ${changed}.audit_log SET entry = replace(entry, 'C-1001', 'C-2002') WHERE seq = 4`,
    );
    expect(await verifyAuditLog(database.pool, { schema: changed })).toEqual({
      ok: false,
      rows: 3,
      seq: '4',
      reason: 'changed',
    });
    // Its hash recomputed as well: the next row no longer links to it.
    await tamper(
      changed,
      `UPDATE ${changed}.audit_log SET hash = encode(sha256(convert_to(previous_hash || E'\\n' || seq || E'\\n' || entry, 'UTF8')), 'hex') WHERE seq = 4`,
    );
    expect(await verifyAuditLog(database.pool, { schema: changed })).toMatchObject({
      ok: false,
      seq: '5',
      reason: 'unlinked',
    });
  });

  it('reports a deleted row', async () => {
    const deleted = await filledLog();
    await tamper(deleted, `DELETE FROM ${deleted}.audit_log WHERE seq = 7`);
    expect(await verifyAuditLog(database.pool, { schema: deleted })).toEqual({
      ok: false,
      rows: 6,
      seq: '8',
      reason: 'missing',
    });
  });

  it('reports a release line added while the trigger that keeps last_release_line was off, naming the row and the hold', async () => {
    const schema = await filledLog();
    const log = createPostgresAuditLog({ pool: database.pool, schema });
    const holdId = '20261201T152856518Z-0ed9a29a-89c7-48b7-a7e9-e186e8d013f7';
    await log.record({ ...entry(11), outcome: 'release-started', holdId });
    expect(await verifyAuditLog(database.pool, { schema })).toMatchObject({ ok: true, rows: 11 });
    // Its end written with the trigger off: the chain is whole, but the table still says it was
    // started, so findPostgresReleasesInDoubt would call a message that was sent in doubt.
    await database.pool.query(`ALTER TABLE ${schema}.audit_log DISABLE TRIGGER audit_log_release_line`);
    await log.record({ ...entry(12), outcome: 'released', holdId });
    await database.pool.query(`ALTER TABLE ${schema}.audit_log ENABLE TRIGGER audit_log_release_line`);
    expect(await verifyAuditLog(database.pool, { schema })).toEqual({
      ok: false,
      rows: 12,
      seq: '12',
      reason: 'stale-release-line',
      holdId,
    });
  });

  it('reports a last_release_line changed by hand to hide a release in doubt', async () => {
    const schema = await filledLog();
    const holdId = '20261201T152856518Z-0ed9a29a-89c7-48b7-a7e9-e186e8d013f7';
    await createPostgresAuditLog({ pool: database.pool, schema }).record({
      ...entry(11),
      outcome: 'release-started',
      holdId,
    });
    await database.pool.query(`UPDATE ${schema}.last_release_line SET outcome = 'released'`);
    expect(await verifyAuditLog(database.pool, { schema })).toMatchObject({
      ok: false,
      seq: '11',
      reason: 'stale-release-line',
      holdId,
    });
    // A hold the log never released, put in the table by hand: named by the row the table claims.
    await database.pool.query(`UPDATE ${schema}.last_release_line SET outcome = 'release-started'`);
    await database.pool.query(
      `INSERT INTO ${schema}.last_release_line (hold_id, seq, outcome) VALUES ('made-up', 5, 'released')`,
    );
    expect(await verifyAuditLog(database.pool, { schema })).toMatchObject({
      ok: false,
      seq: '5',
      reason: 'stale-release-line',
      holdId: 'made-up',
    });
  });

  it('rejects with AuditLogFailedError when the row cannot be written', async () => {
    const log = createPostgresAuditLog({ pool: database.pool, schema: 'no_such_schema' });
    await expect(log.record(entry(1))).rejects.toMatchObject({ code: 'AUDIT_LOG_FAILED' });
  });
});
