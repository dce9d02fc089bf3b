import { describe, expect, it } from 'vitest';
import type { HoldStore, HoldStoreProblem } from '../../src/nodemailer/hold-store.js';
import { runBuiltCli } from '../support/built-cli.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { holdMessage } from '../support/hold-message.js';
import { memoryAuditLog, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';
import { usePostgresHolds } from '../support/use-postgres-holds.js';

// A row changed after it was held (another recipient written into its envelope) no longer matches
// the seal the store wrote at hold: it is reported `digest-mismatch` and never released.
const fixture = usePipelineFixture();
const database = usePostgres();
const SCHEMA = 'sealed';
const GOOD = 'anna.svensson1985@gmail.com';
const TYPO = 'anna.svensson185@gmail.com';
const OUTSIDER = 'outsider@evil-example.se';

let store: HoldStore & { listProblems(): Promise<HoldStoreProblem[]> };

usePostgresHolds(database, SCHEMA, (created) => {
  store = created;
});

const hold = () => holdMessage({ ...fixture, holdStore: store, audit: memoryAuditLog() }, TYPO);

/** Writes another envelope into the held row, as a person with access to the table could. */
const changeRow = (id: string) =>
  database.pool.query(
    `UPDATE ${SCHEMA}.held_message SET details = jsonb_set(details, '{envelope,to}', $2::jsonb) WHERE id = $1`,
    [id, JSON.stringify([GOOD, OUTSIDER])],
  );

describe('the PostgreSQL hold store seals each row', () => {
  it('lists and gets a row as held while it is unchanged', async () => {
    const id = await hold();
    expect((await store.list()).map((held) => held.id)).toEqual([id]);
    expect((await store.get(id))?.envelope.to).toEqual([TYPO]);
    expect(await store.listProblems()).toEqual([]);
  });

  it('reports a row changed after it was held as digest-mismatch and releases it to nobody', async () => {
    const id = await hold();
    await changeRow(id);
    expect(await store.list()).toEqual([]);
    expect(await store.listProblems()).toEqual([expect.objectContaining({ id, code: 'digest-mismatch' })]);
    await expect(store.get(id)).rejects.toMatchObject({ code: 'HOLD_STORE_FAILED' });
    const release = await runBuiltCli(
      databaseReleaseArgs(id, { port: fixture.sink.port, url: databaseUrl(database.name), schema: SCHEMA }, [
        '--confirm-new',
      ]),
      { cwd: fixture.dir },
    );
    expect(release.status).not.toBe(0);
    expect(release.stderr).toContain('digest-mismatch');
    expect(fixture.sink.received).toEqual([]);
    // Still there, to be looked at or discarded: nothing the operator gave is lost.
    const { rows } = await database.pool.query(`SELECT state FROM ${SCHEMA}.held_message WHERE id = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ state: 'held' }]);
    expect(await store.discard(id)).toBe(true);
  }, 120_000);
});
