import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import {
  createPostgresVerificationStore,
  VERIFIED_PAGE_SIZE,
} from '../../src/postgres/create-postgres-verification-store.js';
import { migrate } from '../../src/postgres/migrate.js';
import { createVerifier } from '../../src/verification/create-verifier.js';
import type { VerificationRecord } from '../../src/verification/verification-store.js';
import { countStatements } from '../support/count-statements.js';
import { memoryVerificationStore, outboxTransport, proveAddresses } from '../support/prove-addresses.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();
const SCHEMA = 'verified_slips';

const pairs = (from: number, to: number) =>
  Array.from({ length: to - from }, (_, index) => ({
    customerId: `C-${from + index}`,
    address: `kund.${from + index}@outlook.com`,
  }));

/** The verification store's key in `schema`, made by the first caller. */
const keyOf = (schema: string) =>
  createPostgresVerificationStore<VerificationRecord>({ pool: database.pool, schema }).key();

/** An address record's name, as the verifier names it: HMAC-SHA-256 of the mailbox under the key. */
const addressNameOf = (key: Uint8Array, address: string) =>
  `a-${createHmac('sha256', key).update(`address:${address}`).digest('hex')}`;

/**
 * `kund.{from..to-1}@outlook.com` verified for `C-{n}`, as an earlier version left them (no index),
 * written directly under the names the verifier gives them.
 */
async function writeVerified(schema: string, key: Uint8Array, from: number, to: number): Promise<void> {
  const addresses = Array.from({ length: to - from }, (_, index) => `kund.${from + index}@outlook.com`);
  await database.pool.query(
    `INSERT INTO ${schema}.verification_record (name, record)
     SELECT name, jsonb_build_object(
       'kind', 'address', 'address', address, 'starts', '[]'::jsonb,
       'challenges', jsonb_build_array(jsonb_build_object(
         'id', 'challenge-' || address, 'customerId', 'C-' || split_part(split_part(address, '@', 1), '.', 2),
         'codeHash', 'ab', 'createdAt', 0, 'expiresAt', 1, 'attempts', 1, 'maxAttempts', 5,
         'verifiedAt', 1)))
     FROM unnest($1::text[], $2::text[]) AS verified(name, address) ON CONFLICT (name) DO NOTHING`,
    [addresses.map((address) => addressNameOf(key, address)), addresses],
  );
}

describe('slips of verified addresses in PostgreSQL', () => {
  beforeAll(async () => {
    await migrate(database.pool, { schema: SCHEMA });
  });

  it('answers as the in-memory store does, in as many statements with four times the addresses', async () => {
    const counted = countStatements(database.pool);
    const inPostgres = outboxTransport();
    const inMemory = outboxTransport();
    const postgres = createVerifier({
      store: createPostgresVerificationStore<VerificationRecord>({ pool: counted.pool, schema: SCHEMA }),
      transporter: inPostgres.transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    const memory = createVerifier({
      store: memoryVerificationStore(),
      transporter: inMemory.transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    const entered = [
      'kund.3x@outlook.com',
      'kund.13@outlook.com',
      'knud.7@outlook.com',
      'kund.99@outlook.com',
      'kund.3@outlok.com',
      'kund.13@outlook.co',
    ];
    const statementsFor = async () => {
      counted.statements = 0;
      await postgres.findVerified('kund.3x@outlook.com', { maxDistance: 1 });
      return counted.statements;
    };

    await proveAddresses(postgres, inPostgres.outbox, pairs(0, 5));
    await proveAddresses(memory, inMemory.outbox, pairs(0, 5));
    // The first look-up of slips reads the index's version mark (and files what it lacks) once.
    await postgres.findVerified('kund.3x@outlook.com', { maxDistance: 1 });
    const few = await statementsFor();
    await proveAddresses(postgres, inPostgres.outbox, pairs(5, 20));
    await proveAddresses(memory, inMemory.outbox, pairs(5, 20));
    // The key, the variants and their candidates: one query each, however many records the table holds.
    expect(await statementsFor()).toBe(few);
    expect(few).toBeLessThanOrEqual(4);
    for (const address of entered) {
      expect(await postgres.findVerified(address, { maxDistance: 1 }), address).toEqual(
        await memory.findVerified(address, { maxDistance: 1 }),
      );
    }
    expect(await postgres.findVerified('kunnd.3@outlook.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-3', address: 'kund.3@outlook.com', distance: 1 },
    ]);
    expect(await postgres.findVerified('kund.3@outlok.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-3', address: 'kund.3@outlook.com', distance: 1 },
    ]);

    const guard = createGuard({ verifiedAddresses: postgres });
    const verdict = await guard.check({
      entered: 'kunnd.3@outlook.com',
      customer: { id: 'C-900', name: 'Olle Ström' },
    });
    expect(verdict.findings.map((finding) => finding.code)).toContain('near-miss-other-customer');
    // Twenty verifications make a few hundred transactions: slow on a shared machine, not a hang.
  }, 120_000);

  it('lists every verified address record page by page, and reindex files them for a new verifier', async () => {
    const schema = 'verified_pages';
    await migrate(database.pool, { schema });
    const earlier = outboxTransport();
    await proveAddresses(
      createVerifier({
        store: createPostgresVerificationStore<VerificationRecord>({ pool: database.pool, schema }),
        transporter: earlier.transporter,
        from: 'Butiken AB <order@butiken.se>',
      }),
      earlier.outbox,
      [
        { customerId: 'C-2001', address: 'karin.berg@outlook.se' },
        { customerId: 'C-2002', address: 'nils.ek@gmail.com' },
      ],
    );
    await database.pool.query(
      `DELETE FROM ${schema}.verification_record WHERE name LIKE 'v-%' OR name LIKE 'd-%' OR name = 'index-version'`,
    );
    // Two addresses verified, then the index removed, as a version from before it left them; and
    // enough verified address records written beside them to fill more than one page, with records
    // that are not listed: an address with only a pending code, a customer's list and a variant.
    const verified = VERIFIED_PAGE_SIZE + 18;
    await database.pool.query(
      `INSERT INTO ${schema}.verification_record (name, record)
       SELECT 'a-' || lpad(n::text, 6, '0'), jsonb_build_object(
         'kind', 'address', 'address', 'kund.' || n || '@outlook.com', 'starts', '[]'::jsonb,
         'challenges', jsonb_build_array(jsonb_build_object(
           'id', 'challenge-' || n, 'customerId', 'C-' || n, 'codeHash', 'ab', 'createdAt', 0,
           'expiresAt', 1, 'attempts', 1, 'maxAttempts', 5, 'verifiedAt', 1)))
       FROM generate_series(1, $1) AS n`,
      [verified],
    );
    const store = createPostgresVerificationStore<VerificationRecord>({ pool: database.pool, schema });
    await store.update('a-pending', () => ({
      kind: 'address',
      address: 'ny.kund@outlook.com',
      starts: [0],
      challenges: [
        {
          id: 'p',
          customerId: 'C-0',
          codeHash: 'ab',
          createdAt: 0,
          expiresAt: 1,
          attempts: 0,
          maxAttempts: 5,
        },
      ],
    }));
    await store.update('c-list', () => ({ kind: 'customer', customerId: 'C-1', verified: [] }));
    await store.update('v-variant', () => ({ kind: 'variant', addresses: ['kund.1@outlook.com'] }));

    const counted = countStatements(database.pool);
    const listing = createPostgresVerificationStore<VerificationRecord>({ pool: counted.pool, schema });
    const listed: string[] = [];
    for await (const record of listing.verifiedRecords())
      if (record.kind === 'address') listed.push(record.address);
    expect(listed.length).toBe(verified + 2);
    expect(new Set(listed).size).toBe(verified + 2);
    expect(listed).toContain('karin.berg@outlook.se');
    expect(listed).not.toContain('ny.kund@outlook.com');
    // Two pages: a full one, and the rest.
    expect(counted.statements).toBe(2);

    // The index was never filed: a new verifier files every verified address before its first look-up.
    const verifier = createVerifier({
      store: createPostgresVerificationStore<VerificationRecord>({ pool: database.pool, schema }),
      transporter: outboxTransport().transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    expect(await verifier.findVerified('karin.berg@outlok.se', { maxDistance: 1 })).toEqual([
      { customerId: 'C-2001', address: 'karin.berg@outlook.se', distance: 1 },
    ]);
    expect(await verifier.findVerified('nils.ek1@gmail.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-2002', address: 'nils.ek@gmail.com', distance: 1 },
    ]);
    expect(await store.read('index-version')).toMatchObject({ kind: 'index', version: 2 });
    // Filing again writes nothing: every entry is there.
    const before = await database.pool.query(`SELECT count(*)::int AS n FROM ${schema}.verification_record`);
    expect(await verifier.reindex()).toEqual({ addresses: verified + 2 });
    const after = await database.pool.query(`SELECT count(*)::int AS n FROM ${schema}.verification_record`);
    expect(after.rows[0]).toEqual(before.rows[0]);
  }, 180_000);

  it('files a page of verified addresses in one transaction, as one address at a time files them', async () => {
    const schema = 'verified_batch';
    await migrate(database.pool, { schema });
    const key = await keyOf(schema);
    const counted = countStatements(database.pool);
    const verifier = createVerifier({
      store: createPostgresVerificationStore<VerificationRecord>({ pool: counted.pool, schema }),
      transporter: outboxTransport().transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    const roundTrips = async (to: number) => {
      await writeVerified(schema, key, 0, to);
      counted.statements = 0;
      counted.connections = 0;
      expect(await verifier.reindex()).toEqual({ addresses: to });
      return counted.statements + counted.connections;
    };
    // A page, then four: the transactions grow with the pages (a few per 500 addresses), where one
    // address at a time took a transaction per index entry (about 20 per address).
    const one = await roundTrips(VERIFIED_PAGE_SIZE - 1);
    // The lock's client, the mark read, a listing, a filing and the mark written: 8 at most.
    expect(one).toBeLessThanOrEqual(8);
    const four = await roundTrips(4 * VERIFIED_PAGE_SIZE - 1);
    expect(four).toBeLessThanOrEqual(4 * one);

    // The index filed in pages answers as the one filed address by address (the in-memory store).
    const { rows } = await database.pool.query<{ record: VerificationRecord }>(
      `SELECT record FROM ${schema}.verification_record WHERE record->>'address' ~ '^kund[.][0-9]{1,2}@'`,
    );
    expect(rows.length).toBe(100);
    const memory = memoryVerificationStore();
    for (const { record } of rows)
      if (record.kind === 'address') memory.records.set(addressNameOf(key, record.address), record);
    const byAddress = createVerifier({
      store: {
        ...memory,
        key: async () => key,
        async *verifiedRecords() {
          for (const { record } of rows) yield record;
        },
      },
      transporter: outboxTransport().transporter,
      from: 'Butiken AB <order@butiken.se>',
    });
    await byAddress.reindex();
    for (const entered of [
      'kund.3x@outlook.com',
      'knud.7@outlook.com',
      'kund.13@outlok.com',
      'kund.1@outlook.co',
    ]) {
      expect(await verifier.findVerified(entered, { maxDistance: 1 }), entered).toEqual(
        await byAddress.findVerified(entered, { maxDistance: 1 }),
      );
    }
    expect(await verifier.findVerified('kund.1@outlok.com', { maxDistance: 1 })).toEqual([
      { customerId: 'C-1', address: 'kund.1@outlook.com', distance: 1 },
    ]);
    // Filing again changes no row: every entry is listed.
    const rowsNow = () =>
      database.pool.query(`SELECT name, record FROM ${schema}.verification_record ORDER BY name`);
    const before = await rowsNow();
    await verifier.reindex();
    expect((await rowsNow()).rows).toEqual(before.rows);
  }, 180_000);

  it('files the index once when two instances start at once: the second waits for the first', async () => {
    const schema = 'verified_twice';
    await migrate(database.pool, { schema });
    await writeVerified(schema, await keyOf(schema), 0, VERIFIED_PAGE_SIZE + 100);
    let pagesFiled = 0;
    const instance = () => {
      const store = createPostgresVerificationStore<VerificationRecord>({ pool: database.pool, schema });
      return createVerifier({
        store: {
          ...store,
          fileMany: (entries) => {
            pagesFiled++;
            return store.fileMany(entries);
          },
        },
        transporter: outboxTransport().transporter,
        from: 'Butiken AB <order@butiken.se>',
      });
    };
    const [first, second] = await Promise.all([
      instance().findVerified('kund.1@outlok.com', { maxDistance: 1 }),
      instance().findVerified('kund.2@outlok.com', { maxDistance: 1 }),
    ]);
    expect(first).toEqual([{ customerId: 'C-1', address: 'kund.1@outlook.com', distance: 1 }]);
    expect(second).toEqual([{ customerId: 'C-2', address: 'kund.2@outlook.com', distance: 1 }]);
    // Two pages, filed once: the second instance found the mark written when the lock was its turn.
    expect(pagesFiled).toBe(2);
  }, 180_000);

  it('reads many records in their order, and refuses a name it cannot hold', async () => {
    const store = createPostgresVerificationStore<{ n: number }>({ pool: database.pool, schema: SCHEMA });
    await store.update('many-1', () => ({ n: 1 }));
    await store.update('many-3', () => ({ n: 3 }));
    expect(await store.readMany(['many-3', 'many-2', 'many-1'])).toEqual([{ n: 3 }, undefined, { n: 1 }]);
    expect(await store.readMany([])).toEqual([]);
    await expect(store.readMany(['../x'])).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
  });
});
