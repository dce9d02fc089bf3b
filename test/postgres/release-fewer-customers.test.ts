import { beforeAll, describe, expect, it } from 'vitest';
import type { AsyncDirectory } from '../../src/contacts/async-directory.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { migrate, migrateTo } from '../../src/postgres/migrate.js';
import {
  ALL_CUSTOMERS,
  holdOrderToOtherCustomer,
  KARINS,
  ONLY_THE_CUSTOMER,
  RELEASED_BY,
  releaseToKarin,
  withStore,
} from '../support/fewer-customers.js';
import { heldOrder, holdMessage, transportChecking } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const fixture = usePipelineFixture();
const SCHEMA = 'fewer';

let store: HoldStore;
beforeAll(async () => {
  await migrate(database.pool, { schema: SCHEMA });
  store = createPostgresHoldStore({ pool: database.pool, schema: SCHEMA, auditLog: false });
});

describe('the PostgreSQL hold store, released against fewer customers than the hold knew', () => {
  it('keeps the count the check that held the message knew, listed and read back', async () => {
    const id = await holdOrderToOtherCustomer(fixture, store);
    expect((await store.get(id))?.customersKnown).toBe(3);
    expect((await store.list()).find((held) => held.id === id)?.customersKnown).toBe(3);
  });

  it('refuses a correction to a customer the partial file lacks, sending nothing and keeping the row', async () => {
    const id = await holdOrderToOtherCustomer(fixture, store);
    const release = releaseToKarin(fixture, store, id, ONLY_THE_CUSTOMER());
    await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', holdId: id, whenHeld: 3, now: 1 });
    expect(fixture.sink.received).toEqual([]);
    expect((await store.get(id))?.state).toBe('held');
  });

  it("counts a PostgreSQL directory's customers at release", async () => {
    await migrate(database.pool, { schema: 'partial' });
    const partial = createPostgresDirectory({ pool: database.pool, schema: 'partial' });
    await partial.upsert([customers['C-1001'] as (typeof customers)[string]]);
    const id = await holdOrderToOtherCustomer(fixture, store);
    const release = releaseToKarin(fixture, store, id, partial);
    await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', whenHeld: 3, now: 1 });
    expect(fixture.sink.received).toEqual([]);
  });

  it("keeps a PostgreSQL directory's count when its guard holds a message, and refuses a release against fewer", async () => {
    await migrate(database.pool, { schema: 'everyone' });
    const everyone = createPostgresDirectory({ pool: database.pool, schema: 'everyone' });
    await everyone.upsert(ALL_CUSTOMERS);
    const id = await holdMessage(withStore(fixture, store), 'erik.lind@telia.com', { directory: everyone });
    expect((await store.get(id))?.customersKnown).toBe(3);
    const release = releaseToKarin(fixture, store, id, ONLY_THE_CUSTOMER());
    await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', whenHeld: 3, now: 1 });
    expect(fixture.sink.received).toEqual([]);
  });

  const stores: [string, () => HoldStore][] = [
    ['the PostgreSQL store', () => store],
    ['the folder store', () => fixture.holdStore],
  ];
  for (const [which, holdStore] of stores)
    it(`holds a message whose directory could not count its customers in ${which}, and refuses its release saying so`, async () => {
      const store = holdStore();
      await migrate(database.pool, { schema: 'everyone' });
      const everyone = createPostgresDirectory({ pool: database.pool, schema: 'everyone' });
      await everyone.upsert(ALL_CUSTOMERS);
      // A directory of the caller's own, whose count asks a table that is not there.
      const countFails: AsyncDirectory & { size(): Promise<number> } = {
        asynchronous: true,
        get: (id) => everyone.get(id),
        findAddress: (input, options) => everyone.findAddress(input, options),
        findPhone: (input) => everyone.findPhone(input),
        size: async () => {
          const { rows } = await database.pool.query(
            'SELECT count(*)::integer AS count FROM missing.customer',
          );
          return rows[0].count as number;
        },
      };
      const id = await holdMessage(withStore(fixture, store), 'erik.lind@telia.com', {
        directory: countFails,
      });
      const held = await store.get(id);
      expect(held?.customersCountFailed).toBe(true);
      expect(held?.customersKnown).toBeUndefined();
      const release = releaseToKarin(fixture, store, id, createDirectory(ALL_CUSTOMERS));
      await expect(release).rejects.toMatchObject({ code: 'FEWER_CUSTOMERS', whenHeld: undefined, now: 3 });
      await expect(release).rejects.toMatchObject({
        message: expect.stringContaining('the customers could not be counted when it was held'),
      });
      expect(fixture.sink.received).toEqual([]);
      expect(fixture.audit.entries.at(-1)).toMatchObject({
        outcome: 'release-refused',
        release: { refusal: { code: 'FEWER_CUSTOMERS' } },
      });
      await store.release(id, transportChecking(withStore(fixture, store), createDirectory(ALL_CUSTOMERS)), {
        ...RELEASED_BY,
        to: 'anna@svenssonbygg.se',
        fewerCustomers: true,
      });
      expect(fixture.sink.received.map((message) => message.to)).toEqual([['anna@svenssonbygg.se']]);
    });

  it('releases with fewerCustomers, and a message held before the count was kept as before', async () => {
    const id = await holdOrderToOtherCustomer(fixture, store);
    await store.release(id, transportChecking(withStore(fixture, store), ONLY_THE_CUSTOMER()), {
      ...RELEASED_BY,
      to: 'anna@svenssonbygg.se',
      fewerCustomers: true,
    });
    const older = await store.hold(heldOrder('Order 12', 'anna.svensson185@gmail.com'));
    expect(older.customersKnown).toBeUndefined();
    await store.release(older.id, transportChecking(withStore(fixture, store), ONLY_THE_CUSTOMER()), {
      ...RELEASED_BY,
      to: 'anna@svenssonbygg.se',
    });
    expect(fixture.sink.received.map((message) => message.to)).toEqual([
      ['anna@svenssonbygg.se'],
      ['anna@svenssonbygg.se'],
    ]);
  });

  it('adds the count to a schema at the previous version, keeping the rows held before without one', async () => {
    await migrateTo(database.pool, '"upgraded"', 10);
    await database.pool.query(
      `INSERT INTO upgraded.held_message (id, held_at, raw, subject, details)
       VALUES ('20260101T000000000Z-1', now(), 'x', 'Order', '{"envelope":{"to":["a@example.se"]},"action":"block","recipients":[]}')`,
    );
    expect(await migrateTo(database.pool, '"upgraded"', 11)).toEqual({ from: 10, to: 11 });
    const upgraded = createPostgresHoldStore({ pool: database.pool, schema: 'upgraded', auditLog: false });
    const [before] = await upgraded.list();
    expect(before?.id).toBe('20260101T000000000Z-1');
    expect(before && 'customersKnown' in before).toBe(false);
    const after = await upgraded.hold({ ...heldOrder('Order 13', KARINS), customersKnown: 3 });
    expect((await upgraded.get(after.id))?.customersKnown).toBe(3);
    // A count that is no count is refused by the column, not kept.
    await expect(
      database.pool.query('UPDATE upgraded.held_message SET customers_known = -1 WHERE id = $1', [after.id]),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
