import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import {
  createPostgresAuditLog,
  findPostgresReleasesInDoubt,
  verifyAuditLog,
} from '../../src/postgres/create-postgres-audit-log.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { heldOrder, releaseStarted } from '../support/hold-message.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const fixture = usePipelineFixture();

const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const SCHEMA = 'audited';

let store: HoldStore;
beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
  store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
});

const sampleInput = (text: string) => heldOrder(text, TYPO);

/** The schema's audit log lines about one held message, in order. */
async function linesAbout(holdId: string): Promise<AuditEntry[]> {
  const { rows } = await database.pool.query<{ entry: string }>(
    `SELECT entry FROM ${SCHEMA}.audit_log ORDER BY seq`,
  );
  return rows.map((row) => JSON.parse(row.entry) as AuditEntry).filter((entry) => entry.holdId === holdId);
}

describe("the PostgreSQL hold store's own discard", () => {
  it('writes a discarded line with who, why and where to the schema audit log', async () => {
    const held = await store.hold(sampleInput('discard-audited'));
    expect(await store.discard(held.id, { by: 'lena@butiken.se', reason: 'a duplicate' })).toBe(true);
    const lines = await linesAbout(held.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      outcome: 'discarded',
      holdId: held.id,
      customerId: 'C-1001',
      envelope: { to: [TYPO] },
      discard: { by: 'lena@butiken.se', reason: 'a duplicate', where: 'library' },
    });
    expect(lines[0]?.discard?.force).toBeUndefined();
    // Without who and why it is recorded all the same, saying they were not given.
    const other = await store.hold(sampleInput('discard-unnamed'));
    expect(await store.discard(other.id)).toBe(true);
    expect((await linesAbout(other.id))[0]?.discard).toEqual({
      by: 'not given',
      reason: 'not given',
      where: 'library',
    });
    expect(await verifyAuditLog(database.pool, { schema: SCHEMA })).toMatchObject({ ok: true });
  });

  it('writes no line when nothing was discarded, and none with auditLog: false', async () => {
    const held = await store.hold(sampleInput('discard-twice'));
    expect(await store.discard(held.id)).toBe(true);
    expect(await store.discard(held.id)).toBe(false);
    expect(await linesAbout(held.id)).toHaveLength(1);
    const unlogged = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA, auditLog: false });
    const quiet = await unlogged.hold(sampleInput('discard-unlogged'));
    expect(await unlogged.discard(quiet.id)).toBe(true);
    expect(await linesAbout(quiet.id)).toEqual([]);
  });

  it('refuses empty who or why, naming the field, and discards nothing', async () => {
    const held = await store.hold(sampleInput('discard-empty-by'));
    await expect(store.discard(held.id, { by: ' ' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'options.by',
    });
    expect(await store.get(held.id)).toBeDefined();
    await store.discard(held.id);
  });

  it('ends a release in doubt: a forced discard after a release-started records force', async () => {
    const auditLog = createPostgresAuditLog({ pool: database.pool, schema: SCHEMA });
    const held = await store.hold(sampleInput('in-doubt'));
    // A release that stopped after its start was logged and its claim committed (a process killed mid-send).
    await auditLog.record(releaseStarted(held.id));
    await database.pool.query(
      `UPDATE ${SCHEMA}.held_message SET state = 'releasing', releasing_since = now() WHERE id = $1`,
      [held.id],
    );
    expect(await findPostgresReleasesInDoubt(database.pool, { schema: SCHEMA })).toContain(held.id);

    await expect(store.discard(held.id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    expect(await store.discard(held.id, { force: true, by: 'ops', reason: 'not in the server log' })).toBe(
      true,
    );
    expect((await linesAbout(held.id)).map((line) => line.outcome)).toEqual(['release-started', 'discarded']);
    expect((await linesAbout(held.id))[1]?.discard).toEqual({
      by: 'ops',
      reason: 'not in the server log',
      where: 'library',
      force: true,
    });
    expect(await findPostgresReleasesInDoubt(database.pool, { schema: SCHEMA })).not.toContain(held.id);
  });

  it('records force on a forced release', async () => {
    const auditLog = createPostgresAuditLog({ pool: database.pool, schema: SCHEMA });
    const transporter = guardedTransport(fixture, undefined, { holdStore: store, auditLog });
    const held = await store.hold(sampleInput('forced-release'));
    await database.pool.query(
      `UPDATE ${SCHEMA}.held_message SET state = 'releasing', releasing_since = now() WHERE id = $1`,
      [held.id],
    );
    await store.release(held.id, transporter, { to: GOOD, by: 'ops', reason: 'not delivered', force: true });
    const lines = await linesAbout(held.id);
    expect(lines.map((line) => line.outcome)).toEqual(['release-started', 'released']);
    for (const line of lines) expect(line.release).toMatchObject({ by: 'ops', force: true });
  });
});

describe('the PostgreSQL audit log and NUL', () => {
  it('never writes a NUL escape, so entry::jsonb reads every row', async () => {
    const auditLog = createPostgresAuditLog({ pool: database.pool, schema: SCHEMA });
    await auditLog.record({ ...releaseStarted('nul-line'), customerId: 'K-8298\u0000' });
    const { rows } = await database.pool.query<{ customer: string }>(
      `SELECT entry::jsonb ->> 'customerId' AS customer FROM ${SCHEMA}.audit_log WHERE entry LIKE '%nul-line%'`,
    );
    expect(rows).toEqual([{ customer: 'K-8298\uFFFD' }]);
    expect(await verifyAuditLog(database.pool, { schema: SCHEMA })).toMatchObject({ ok: true });
  });
});
