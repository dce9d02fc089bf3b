import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { LATEST_VERSION, migrate, migrateTo } from '../../src/postgres/migrate.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

/** The customers as the table holds them, counted the slow way. */
async function counted(schema: string): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>(
    `SELECT count(*)::integer AS n FROM ${schema}.customer`,
  );
  return rows[0]?.n ?? -1;
}

const customer = (id: string): Customer => ({ id, emails: [`${id.toLowerCase()}@example.se`] });
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from }, (_, i) => customer(`${prefix}-${from + i}`));

/**
 * Runs a write again when PostgreSQL aborted it as one of two transactions waiting on each other
 * (SQLSTATE 40P01): the aborted one is rolled back whole, and its caller runs it again (PostgreSQL
 * manual, "Explicit Locking", 13.3.4 "Deadlocks"). Two multi-batch writes of overlapping customers
 * can lock them in opposite orders; the count must hold whichever is retried.
 */
async function retryingDeadlock(write: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await write();
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
      if (code !== '40P01' || attempt === 5) throw error;
    }
  }
}

describe("the PostgreSQL directory's customer count", () => {
  it('equals count(*) after upserts and removes from two pools at once, small batches and COPY ones', async () => {
    await migrate(database.pool, { schema: 'counted_race' });
    const first = createPostgresDirectory({ pool: database.newPool({ max: 4 }), schema: 'counted_race' });
    const second = createPostgresDirectory({ pool: database.newPool({ max: 4 }), schema: 'counted_race' });
    // Overlapping ids: both pools insert, replace and remove some of the same customers. The
    // loads through COPY first, then the small batches: a small upsert that comes while a first load
    // into an empty directory holds its table locks (beginBulkLoad) waits for them, and fails with
    // SQLSTATE 55P03 once lockTimeoutMs has passed when the load takes longer; that is not counted here.
    await Promise.all([
      retryingDeadlock(() => first.upsert(range('C', 0, 12_000))),
      retryingDeadlock(() => second.upsert(range('C', 6_000, 18_000))),
    ]);
    await Promise.all([
      ...Array.from({ length: 8 }, (_, round) =>
        retryingDeadlock(() => first.upsert(range('D', round * 10, round * 10 + 30))),
      ),
      ...Array.from({ length: 8 }, (_, round) =>
        retryingDeadlock(() => second.upsert(range('D', round * 10 + 5, round * 10 + 40))),
      ),
    ]);
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) => retryingDeadlock(() => first.remove(`D-${i}`))),
      ...Array.from({ length: 40 }, (_, i) => retryingDeadlock(() => second.remove(`D-${i + 20}`))),
      ...Array.from({ length: 20 }, (_, i) => retryingDeadlock(() => second.remove(`C-${i * 500}`))),
      retryingDeadlock(() => first.upsert(range('E', 0, 25))),
    ]);
    const truth = await counted('counted_race');
    expect(truth).toBe(18_000 - 20 + 25 + (110 - 60));
    expect(await first.size()).toBe(truth);
    expect(await second.size()).toBe(truth);
  });

  it('counts what a rolled-back transaction wrote as nothing, and what a committed one wrote once', async () => {
    await migrate(database.pool, { schema: 'counted_rollback' });
    const directory = createPostgresDirectory({ pool: database.pool, schema: 'counted_rollback' });
    await directory.upsert(range('C', 0, 3));
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await directory.upsert(range('C', 3, 10), { client });
      await directory.remove('C-0', { client });
      await client.query('ROLLBACK');
      await client.query('BEGIN');
      await directory.upsert(range('C', 3, 5), { client });
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await directory.size()).toBe(5);
    expect(await counted('counted_rollback')).toBe(5);
  });

  it('counts the customers of a table filled at the previous version, and keeps counting', async () => {
    await migrateTo(database.pool, '"counted_upgraded"', 11);
    const old = createPostgresDirectory({ pool: database.pool, schema: 'counted_upgraded' });
    await old.upsert(range('C', 0, 10_500));
    await old.remove('C-7');
    expect(await migrate(database.pool, { schema: 'counted_upgraded' })).toEqual({
      from: 11,
      to: LATEST_VERSION,
    });
    const directory = createPostgresDirectory({ pool: database.pool, schema: 'counted_upgraded' });
    expect(await directory.size()).toBe(10_499);
    await directory.upsert(range('C', 10_000, 10_600));
    await directory.remove('C-8');
    expect(await directory.size()).toBe(await counted('counted_upgraded'));
    expect(await directory.size()).toBe(10_598);
    // A TRUNCATE (a reset by hand) leaves none counted.
    await database.pool.query('TRUNCATE counted_upgraded.customer');
    expect(await directory.size()).toBe(0);
  });

  it('answers size() without reading the customer table, even while a writer holds it locked', async () => {
    await migrate(database.pool, { schema: 'counted_locked' });
    const directory = createPostgresDirectory({ pool: database.pool, schema: 'counted_locked' });
    await directory.upsert(range('C', 0, 4));
    // A count(*) would wait for this lock; lock_timeout turns that wait into an error.
    const impatient = createPostgresDirectory({
      pool: database.newPool({ max: 1, lock_timeout: 2_000 }),
      schema: 'counted_locked',
    });
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('LOCK TABLE counted_locked.customer IN ACCESS EXCLUSIVE MODE');
      expect(await impatient.size()).toBe(4);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
  it("counts a write in the caller's REPEATABLE READ transaction after another writer folded the count meanwhile", async () => {
    await migrate(database.pool, { schema: 'counted_repeatable' });
    const directory = createPostgresDirectory({ pool: database.pool, schema: 'counted_repeatable' });
    await directory.upsert(range('C', 0, 2));
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      // The snapshot is taken by the transaction's first statement: the count's rows as they are now.
      await client.query('SELECT count(*) FROM counted_repeatable.customer_count');
      // Another writer commits, folding those rows into one of its own.
      await directory.upsert(range('C', 2, 4));
      await directory.upsert(range('C', 4, 5), { client });
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
    expect(await counted('counted_repeatable')).toBe(5);
    expect(await directory.size()).toBe(5);
    // A later writer at READ COMMITTED folds the rows that were only appended.
    await directory.upsert(range('C', 5, 6));
    expect(await directory.size()).toBe(6);
    const { rows } = await database.pool.query<{ n: number }>(
      'SELECT count(*)::integer AS n FROM counted_repeatable.customer_count',
    );
    expect(rows[0]?.n).toBe(1);
  });
});
