import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createPostgresVerificationStore } from '../../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const SCHEMA = 'verification';

/** Another instance adding 1 to `name` `count` times; `killAfter` kills it (SIGKILL) after that many. */
function counter(name: string, count: number, killAfter?: number): Promise<number[]> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve(__dirname, '../support/update-verification-record.ts'),
      SCHEMA,
      name,
      String(count),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, PGDATABASE: database.name } },
  );
  const printed: number[] = [];
  let buffered = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    printed.push(...lines.map(Number));
    if (killAfter !== undefined && printed.length >= killAfter) child.kill('SIGKILL');
  });
  return new Promise((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('exit', () => resolvePromise(printed));
  });
}

describe('createPostgresVerificationStore', () => {
  beforeAll(async () => {
    await migrate(database.pool, { schema: SCHEMA });
  });

  it('reads and updates records, keeps one key and tells the time on the database clock', async () => {
    const store = createPostgresVerificationStore<{ kind: string; n: number }>({
      pool: database.pool,
      schema: SCHEMA,
    });
    expect(await store.read('address-1')).toBeUndefined();
    expect(await store.update('address-1', () => undefined)).toBeUndefined();
    expect(await store.update('address-1', () => ({ kind: 'address', n: 1 }))).toEqual({
      kind: 'address',
      n: 1,
    });
    expect(await store.read('address-1')).toEqual({ kind: 'address', n: 1 });
    const other = createPostgresVerificationStore({ pool: database.newPool(), schema: SCHEMA });
    const [a, b] = await Promise.all([store.key(), other.key()]);
    expect(a.byteLength).toBe(32);
    expect(Buffer.from(a).equals(Buffer.from(b ?? []))).toBe(true);
    expect(Math.abs((await store.now()) - Date.now())).toBeLessThan(60_000);
    await expect(store.read('../x')).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
  });

  it('refuses to file the index under its lock on a pool of one connection, naming the option, instead of waiting for ever', async () => {
    const store = createPostgresVerificationStore({ pool: database.newPool({ max: 1 }), schema: SCHEMA });
    let ran = false;
    // The lock's session takes the pool's only connection; the filing under it would wait for
    // another one without end.
    const refused = await store
      .withIndexLock(async () => {
        ran = true;
        return store.read('index-version');
      })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).message).toContain('options.pool');
    expect((refused as InvalidInputError).message).toContain('max: 2');
    expect(ran).toBe(false);
    // Everything else works on one connection.
    expect(await store.update('one-connection', () => ({ n: 1 }))).toEqual({ n: 1 });
  });

  it('files the index under its lock on a pool of two connections', async () => {
    const store = createPostgresVerificationStore({ pool: database.newPool({ max: 2 }), schema: SCHEMA });
    expect(await store.withIndexLock(() => store.read('index-version'))).toBeUndefined();
  });

  it('has one id for the cluster, database and schema, the same for every instance and role', async () => {
    const store = createPostgresVerificationStore({ pool: database.pool, schema: SCHEMA });
    const id = await store.id();
    expect(id).toMatch(new RegExp(`^postgresql:[0-9]+/${database.name}/${SCHEMA}$`));
    expect(await createPostgresVerificationStore({ pool: database.newPool(), schema: SCHEMA }).id()).toBe(id);
    // Another schema of the same database is another store: its addresses are not these.
    expect(await createPostgresVerificationStore({ pool: database.pool, schema: 'other_shop' }).id()).toBe(
      `${id.slice(0, -SCHEMA.length)}other_shop`,
    );
    // The application's own role, no superuser, reads it too (pg_control_system is granted to all).
    const role = `shop_${process.pid}`;
    await database.pool.query(`DROP ROLE IF EXISTS ${role}`);
    await database.pool.query(`CREATE ROLE ${role} LOGIN`);
    const asShop = new pg.Pool({ database: database.name, user: role, max: 1 });
    try {
      expect(await createPostgresVerificationStore({ pool: asShop, schema: SCHEMA }).id()).toBe(id);
    } finally {
      await asShop.end();
      await database.pool.query(`DROP ROLE ${role}`);
    }
  });

  it('refuses a NUL character in a record, naming where it is, and keeps the stored record', async () => {
    const store = createPostgresVerificationStore<{ pending: { address: string }[] }>({
      pool: database.pool,
      schema: SCHEMA,
    });
    await store.update('address-nul', () => ({ pending: [{ address: 'anna@example.se' }] }));
    const error = await store
      .update('address-nul', () => ({
        pending: [{ address: 'anna@example.se' }, { address: 'a\u0000@b.se' }],
      }))
      .catch((caught) => caught);
    expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'record.pending.1.address' });
    expect(error.message).toMatch(/NUL/);
    const key = await store
      .update('address-nul', () => ({ pending: [], 'x\u0000': 1 }) as never)
      .catch((caught) => caught);
    expect(key).toMatchObject({ code: 'INVALID_INPUT', field: 'record.x\u0000' });
    expect(await store.read('address-nul')).toEqual({ pending: [{ address: 'anna@example.se' }] });
    // The row is not left locked: the next update goes through.
    expect(await store.update('address-nul', () => ({ pending: [] }))).toEqual({ pending: [] });
  });

  it('loses no update when two instances update one record at the same time', async () => {
    const [first, second] = await Promise.all([counter('race', 25), counter('race', 25)]);
    const store = createPostgresVerificationStore<{ count: number }>({ pool: database.pool, schema: SCHEMA });
    expect((await store.read('race'))?.count).toBe(50);
    // Each count was seen by exactly one instance.
    expect([...(first ?? []), ...(second ?? [])].sort((x, y) => x - y)).toEqual(
      Array.from({ length: 50 }, (_, index) => index + 1),
    );
  }, 120_000);

  it('leaves the record whole and unlocked when an instance is killed mid-update', async () => {
    const printed = await counter('killed', 10_000, 5);
    const store = createPostgresVerificationStore<{ count: number }>({ pool: database.pool, schema: SCHEMA });
    const count = (await store.read('killed'))?.count ?? 0;
    // Every update it confirmed is there; one more may have committed as it was killed.
    expect(count).toBeGreaterThanOrEqual(printed.length);
    expect(count).toBeLessThanOrEqual(printed.length + 1);
    expect(await store.update('killed', (current) => ({ count: (current?.count ?? 0) + 1 }))).toEqual({
      count: count + 1,
    });
  }, 120_000);
});
