import { beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import type { VerificationRecord } from '../../src/verification/verification-store.js';
import { databaseReleaseArgs, databaseUrl } from '../support/database-release.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { usePostgres } from '../support/use-postgres.js';
import { receivedFor } from '../support/verification.js';
import { holdWhileKarinIsVerified, KARINS, NEW_ADDRESS } from '../support/verified-elsewhere.js';
import { verificationCustomers } from '../support/verifying-transport.js';

// `holds release --database`: the order waits for its customer's code in the database, Karin's
// address is verified in the same schema's verification store, and the database's directory has
// not learnt it. The release must read the schema's verified addresses without being told to.
const fixture = usePipelineFixture();
const database = usePostgres();
const SCHEMA = 'verifying_shop';

beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
  await createPostgresDirectory({ pool: database.pool, schema: SCHEMA }).upsert(
    Object.values(verificationCustomers),
  );
}, 120_000);

describe('email-guard holds release --database of a message held by a guard with a verifier', () => {
  it("refuses an address verified for another customer, and a slip of one, from the schema's store", async () => {
    const holdStore = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });
    const store = createPostgresVerificationStore<VerificationRecord>({
      pool: database.pool,
      schema: SCHEMA,
    });
    const { id } = await holdWhileKarinIsVerified(fixture, { holdStore, store });
    const where = { port: fixture.sink.port, url: databaseUrl(database.name), schema: SCHEMA };
    for (const to of [KARINS, 'karin.bergg@outlook.com']) {
      const run = await runCliInProcess(databaseReleaseArgs(id, where, ['--to', to, '--confirm-new']));
      expect(run.stderr).toContain(`${id} stays held`);
      expect(run.stderr).toMatch(/belongs-to-other-customer|near-miss-other-(customer|name)/);
      expect(run.status).toBe(1);
    }
    expect(fixture.sink.received).toEqual([]);
    expect(await holdStore.get(id)).toMatchObject({
      state: 'held',
      verifiedAddressesChecked: true,
      awaitingCode: [NEW_ADDRESS],
    });
  }, 120_000);

  /**
   * An order held waiting for its code in the schema `schema` (its own: Karin is verified afresh),
   * checked against the verification store of `verifiedIn`.
   */
  async function heldIn(schema: string, verifiedIn = schema) {
    for (const each of new Set([schema, verifiedIn])) await migrate(database.pool, { schema: each });
    await createPostgresDirectory({ pool: database.pool, schema }).upsert(
      Object.values(verificationCustomers),
    );
    const holdStore = createPostgresHoldStore({ pool: database.pool, schema });
    const store = createPostgresVerificationStore<VerificationRecord>({
      pool: database.pool,
      schema: verifiedIn,
    });
    const { id } = await holdWhileKarinIsVerified(fixture, { holdStore, store });
    const where = { port: fixture.sink.port, url: databaseUrl(database.name), schema };
    return { id, holdStore, store, where };
  }

  it("releases through the schema's store the check read, which the held row names", async () => {
    const { id, holdStore, store, where } = await heldIn('verified_same');
    expect((await holdStore.get(id))?.verificationStoreId).toBe(await store.id());
    const run = await runCliInProcess(databaseReleaseArgs(id, where, ['--to', NEW_ADDRESS, '--confirm-new']));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(receivedFor(fixture.sink.received, NEW_ADDRESS)).toHaveLength(1);
  }, 120_000);

  it("refuses a message checked against another schema's store, naming --verifications and both ids", async () => {
    const { id, holdStore, store, where } = await heldIn('verified_held', 'verified_other');
    const schemaStore = createPostgresVerificationStore({ pool: database.pool, schema: 'verified_held' });
    const run = await runCliInProcess(databaseReleaseArgs(id, where, ['--to', NEW_ADDRESS, '--confirm-new']));
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--verifications');
    expect(run.stderr).toContain(await store.id());
    expect(run.stderr).toContain(await schemaStore.id());
    expect(fixture.sink.received).toEqual([]);
    expect((await holdStore.get(id))?.state).toBe('held');
  }, 120_000);

  it('releases as before a message held before the store’s id was kept', async () => {
    const { id, where } = await heldIn('verified_old', 'verified_old_other');
    await database.pool.query(
      // Held before the id was kept, and so before rows were sealed: neither is in the row.
      `UPDATE verified_old.held_message SET details = details - 'verificationStoreId' - 'seal' WHERE id = $1`,
      [id],
    );
    const run = await runCliInProcess(databaseReleaseArgs(id, where, ['--to', NEW_ADDRESS, '--confirm-new']));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(receivedFor(fixture.sink.received, NEW_ADDRESS)).toHaveLength(1);
  }, 120_000);
});
