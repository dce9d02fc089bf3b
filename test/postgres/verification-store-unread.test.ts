import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { releaseNeedOf } from '../../src/nodemailer/release-needs.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { createFileVerificationStore } from '../../src/verification/create-file-verification-store.js';
import { heldOrder } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';
import { verifyingTransport } from '../support/verification.js';
import { holdWhileKarinIsVerified, NEW_ADDRESS } from '../support/verified-elsewhere.js';

// A hold whose check could not read its verification store's id keeps that as `{ unread }` (a
// failure, or no answer in time): the PostgreSQL hold store keeps the marker as the folder does,
// and no store can release the message afterwards.
const fixture = usePipelineFixture();
const database = usePostgres();
const SCHEMA = 'unread_store_id';
const store = () => createPostgresHoldStore({ pool: database.pool, schema: SCHEMA });

beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
}, 120_000);

describe('the PostgreSQL hold store and a verification store id that could not be read', () => {
  for (const unread of ['error', 'timeout'] as const)
    it(`keeps the marker { unread: '${unread}' } in get and list`, async () => {
      const { id } = await store().hold({
        ...heldOrder(`Orderbekräftelse ${unread}`, 'anna.svensson1985@gmail.com'),
        action: 'confirm',
        verifiedAddressesChecked: true,
        verificationStoreId: { unread },
      });
      expect(await store().get(id)).toMatchObject({ verificationStoreId: { unread } });
      expect((await store().list()).find((held) => held.id === id)).toMatchObject({
        verifiedAddressesChecked: true,
        verificationStoreId: { unread },
      });
    });

  it('holds a message whose store does not say its id in time as timeout, and refuses its release', async () => {
    const folder = createFileVerificationStore(join(fixture.dir, 'verification'));
    // A store that never answers its id: the check holds the message all the same, after the
    // guard's lookupTimeoutMs, marked so.
    const silent = { ...folder, id: () => new Promise<string>(() => undefined) };
    const holdStore = store();
    const { id } = await holdWhileKarinIsVerified(fixture, { holdStore, store: silent });
    expect(await holdStore.get(id)).toMatchObject({
      verifiedAddressesChecked: true,
      verificationStoreId: { unread: 'timeout' },
    });
    // The same folder answers its id now, but nothing shows it is the store the check read.
    const { transporter } = verifyingTransport(fixture, {}, {}, { holdStore, store: folder });
    const refused = await holdStore
      .release(id, transporter, {
        to: NEW_ADDRESS,
        confirmNew: true,
        by: 'lena@butiken.se',
        reason: 'read back on the phone',
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).issues[0]).toMatchObject({
      code: 'verification-store-unknown',
      message: expect.stringContaining('could not be read (no answer in time)'),
    });
    expect(releaseNeedOf(refused)).toEqual({
      code: 'verification-store',
      heldWith: { unread: 'timeout' },
      now: { id: expect.any(String) },
    });
    expect(fixture.sink.received).toEqual([]);
    expect((await holdStore.get(id))?.state).toBe('held');
  }, 60_000);
});
