import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { migrate } from '../../src/postgres/migrate.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

const customer = (id: string): Customer => ({
  id,
  emails: [`${id.toLowerCase()}@example.se`],
  phones: ['+46701234567'],
});
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => customer(`${prefix}-${from + i}`));

/** Waits until a session of `pool`'s database waits for a lock on `relation`, or holds one in `mode`. */
async function untilLock(pool: pg.Pool, relation: string, state: { granted: boolean; mode?: string }) {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::integer AS n FROM pg_locks
        WHERE relation = $1::regclass AND granted = $2 AND ($3::text IS NULL OR mode = $3)`,
      [relation, state.granted, state.mode ?? null],
    );
    if ((rows[0]?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function counted(schema: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM ${schema}.customer`,
  );
  return rows[0]?.n ?? -1;
}

// A first load into an empty directory locks the index tables (beginBulkLoad); a small upsert in
// another session, in either order, waits for the other's commit and is never aborted as a
// deadlock (SQLSTATE 40P01).
describe('a first load beside a small upsert in another session', () => {
  it('waits for a small upsert that wrote first in its own open transaction, then loads', async () => {
    await migrate(database.pool, { schema: 'load_after_small' });
    const directory = createPostgresDirectory({
      pool: database.newPool({ max: 2 }),
      schema: 'load_after_small',
      lockTimeoutMs: 60_000,
    });
    const small = await database.pool.connect();
    try {
      await small.query('BEGIN');
      await directory.upsert(range('S', 0, 3), { client: small });
      const load = directory.upsert(range('C', 0, 12_000));
      // The load waits for the small writer's lock on the customer table.
      await untilLock(database.pool, 'load_after_small.customer', { granted: false });
      await directory.upsert(range('S', 3, 5), { client: small });
      await directory.remove('S-0', { client: small });
      await small.query('COMMIT');
      await expect(load).resolves.toEqual({ upserted: 12_000 });
    } finally {
      small.release();
    }
    expect(await counted('load_after_small')).toBe(12_004);
    expect(await directory.size()).toBe(12_004);
    for (const id of ['S-4', 'C-11999']) {
      const matches = await directory.findAddress({ entered: `${id.toLowerCase()}@example.se` });
      expect(matches.filter((match) => match.distance === 0).map((match) => match.customerId)).toEqual([id]);
    }
  });

  it('lets a small upsert wait for a first load that holds the index tables, then writes', async () => {
    await migrate(database.pool, { schema: 'small_after_load' });
    const loader = createPostgresDirectory({
      pool: database.newPool({ max: 2 }),
      schema: 'small_after_load',
      lockTimeoutMs: 60_000,
    });
    const writer = createPostgresDirectory({
      pool: database.newPool({ max: 2 }),
      schema: 'small_after_load',
      lockTimeoutMs: 60_000,
    });
    async function* slowly(): AsyncGenerator<Customer> {
      yield* range('C', 0, 10_000);
      // The load holds its locks while the rest of its customers arrive.
      await untilLock(database.pool, 'small_after_load.customer', { granted: false });
      yield* range('C', 10_000, 12_000);
    }
    const load = loader.upsert(slowly());
    await untilLock(database.pool, 'small_after_load.mailbox_variant', {
      granted: true,
      mode: 'AccessExclusiveLock',
    });
    const small = await database.pool.connect();
    try {
      await small.query('BEGIN');
      const write = writer.upsert([...range('S', 0, 3), customer('C-5')], { client: small });
      await expect(load).resolves.toEqual({ upserted: 12_000 });
      await write;
      await writer.remove('C-6', { client: small });
      await small.query('COMMIT');
    } finally {
      small.release();
    }
    expect(await counted('small_after_load')).toBe(12_002);
    expect(await writer.size()).toBe(12_002);
  });
});
