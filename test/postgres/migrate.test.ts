import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { InvalidInputError, MigrateFailedError } from '../../src/errors.js';
import { createPostgresDirectory } from '../../src/postgres/create-postgres-directory.js';
import { createPostgresHoldStore } from '../../src/postgres/create-postgres-hold-store.js';
import { LATEST_VERSION, migrate, migrateTo } from '../../src/postgres/migrate.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

async function tables(schema: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ table_name: string }>(
    'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
    [schema],
  );
  return rows.map((row) => row.table_name);
}

/** The collation of each index-key column of the directory's tables, as `table.column collation`. */
async function keyCollations(schema: string): Promise<string[]> {
  const { rows } = await database.pool.query<{ key: string }>(
    `SELECT c.relname || '.' || a.attname || ' ' || co.collname AS key
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_collation co ON co.oid = a.attcollation
      WHERE n.nspname = $1 AND a.attnum > 0
        AND (c.relname, a.attname) IN (('customer', 'id'), ('mailbox_variant', 'variant'),
          ('mailbox_variant', 'customer_id'), ('customer_phone', 'phone'), ('customer_phone', 'customer_id'),
          ('domain_variant', 'variant'), ('domain_variant', 'domain'))
      ORDER BY 1`,
    [schema],
  );
  return rows.map((row) => row.key);
}

/** Runs `work` and gives its result with the process warnings emitted meanwhile. */
async function collectWarnings<T>(
  work: () => Promise<T>,
): Promise<{ result: T; emitted: { code: string | undefined; message: string }[] }> {
  const emitted: { code: string | undefined; message: string }[] = [];
  const listen = (warning: Error & { code?: string }) =>
    void emitted.push({ code: warning.code, message: warning.message });
  process.on('warning', listen);
  try {
    const result = await work();
    // A warning is emitted on the next tick (Node "process.emitWarning").
    await new Promise((resolve) => setImmediate(resolve));
    return { result, emitted };
  } finally {
    process.off('warning', listen);
  }
}

const BYTEWISE_KEYS = [
  'customer.id C',
  'customer_phone.customer_id C',
  'customer_phone.phone C',
  'domain_variant.domain C',
  'domain_variant.variant C',
  'mailbox_variant.customer_id C',
  'mailbox_variant.variant C',
];

describe('migrate', () => {
  it('keys the directory\'s indexes byte by byte (collation "C"), fresh and upgraded', async () => {
    await migrate(database.pool, { schema: 'keys_fresh' });
    expect(await keyCollations('keys_fresh')).toEqual(BYTEWISE_KEYS);
    await migrateTo(database.pool, '"keys_upgraded"', 5);
    await database.pool.query(
      `INSERT INTO keys_upgraded.customer (id, emails, phones) VALUES ('C-1', '{ana@x.se}', '{}');
       INSERT INTO keys_upgraded.mailbox_variant (variant, customer_id) VALUES ('ana@x.se', 'C-1')`,
    );
    await migrate(database.pool, { schema: 'keys_upgraded' });
    expect(await keyCollations('keys_upgraded')).toEqual(BYTEWISE_KEYS);
    const { rows } = await database.pool.query(
      `SELECT customer_id FROM keys_upgraded.mailbox_variant WHERE variant = ANY($1::text[])`,
      [['ana@x.se']],
    );
    expect(rows).toEqual([{ customer_id: 'C-1' }]);
  });

  it('creates every table in its own schema from an empty database, once', async () => {
    expect(await migrate(database.pool, { schema: 'from_empty' })).toEqual({ from: 0, to: LATEST_VERSION });
    expect(await tables('from_empty')).toEqual([
      'audit_log',
      'customer',
      'customer_count',
      'customer_phone',
      'domain_variant',
      'held_message',
      'last_release_line',
      'mailbox_domain',
      'mailbox_variant',
      'schema_version',
      'verification_key',
      'verification_record',
    ]);
    expect(await migrate(database.pool, { schema: 'from_empty' })).toEqual({
      from: LATEST_VERSION,
      to: LATEST_VERSION,
    });
  });

  it('upgrades a schema at the previous version and keeps its rows', async () => {
    await migrateTo(database.pool, '"previous"', LATEST_VERSION - 1);
    await database.pool.query(
      `INSERT INTO previous.customer (id, emails, phones) VALUES ('C-1', '{anna@x.se}', '{}')`,
    );
    expect(await migrate(database.pool, { schema: 'previous' })).toEqual({
      from: LATEST_VERSION - 1,
      to: LATEST_VERSION,
    });
    const { rows } = await database.pool.query('SELECT id FROM previous.customer');
    expect(rows).toEqual([{ id: 'C-1' }]);
    const versions = await database.pool.query(
      'SELECT version FROM previous.schema_version ORDER BY version',
    );
    expect(versions.rows.map((row) => row.version)).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, index) => index + 1),
    );
  });

  it("adds the held message's subject to a schema at version 6, keeping the messages held before without one", async () => {
    await migrateTo(database.pool, '"holds_upgraded"', 6);
    const before = '20260101T120000000Z-00000000-0000-4000-8000-000000000001';
    await database.pool.query(
      `INSERT INTO holds_upgraded.held_message (id, held_at, raw, details) VALUES ($1, now(), $2, $3)`,
      [
        before,
        Buffer.from('Subject: Order 4711\r\n\r\nTack.\r\n'),
        JSON.stringify({
          envelope: { from: 'order@butiken.se', to: ['anna@x.se'] },
          action: 'block',
          recipients: [],
        }),
      ],
    );
    expect(await migrate(database.pool, { schema: 'holds_upgraded' })).toEqual({
      from: 6,
      to: LATEST_VERSION,
    });
    const store = createPostgresHoldStore({ pool: database.pool, schema: 'holds_upgraded' });
    const after = await store.hold({
      raw: Buffer.from('Subject: Order 4712\r\n\r\nTack.\r\n'),
      envelope: { from: 'order@butiken.se', to: ['anna@x.se'] },
      subject: 'Order 4712',
      action: 'block',
      recipients: [],
    });
    expect(after.subject).toBe('Order 4712');
    const listed = await store.list();
    expect(listed.map((entry) => [entry.id, entry.subject])).toEqual([
      [before, undefined],
      [after.id, 'Order 4712'],
    ]);
    expect(listed[0]).not.toHaveProperty('subject');
    expect((await store.get(after.id))?.subject).toBe('Order 4712');
  });

  it('files a directory filled at version 7 again, finding its folded and near-miss spellings', async () => {
    const customers = [
      { id: 'C-1', name: 'Åsa Öberg', emails: ['åsa.öberg@telia.se'] },
      { id: 'C-2', name: 'Anna Svensson', emails: ['anna.svensson@gmail.com', 'not an address'] },
      { id: 'C-3', name: 'Jörgen Ström', emails: ['jorgen.strom@outlook.com', 'joergen.stroem@firma.se'] },
    ];
    await migrateTo(database.pool, '"filled_before"', 7);
    const directory = createPostgresDirectory({ pool: database.pool, schema: 'filled_before' });
    await directory.upsert(customers);
    // As the directory filed customers before the folded key: without it.
    await database.pool.query(`DELETE FROM filled_before.mailbox_variant WHERE variant = ANY($1::text[])`, [
      ['asa.oberg@telia.se', 'jorgen.strom@firma.se'],
    ]);
    const entered = [
      'aasa.oeberg@telia.se',
      'asa.oberg@telia.se',
      'aasa.öberg@telia.se',
      'jorgen.strom@firma.se',
      'jörgen.strom@firma.se',
      'anna.svenson@gmail.com',
      'åsa.öberg@telia.se',
    ];
    const found = async () =>
      Promise.all(
        entered.map(async (address) =>
          (await directory.findAddress({ entered: address })).map(
            (match) => `${match.customerId}:${match.distance}`,
          ),
        ),
      );
    const memory = createDirectory(customers);
    const expected = entered.map((address) =>
      memory.findAddress({ entered: address }).map((match) => `${match.customerId}:${match.distance}`),
    );
    expect(await found()).not.toEqual(expected);
    expect(await migrate(database.pool, { schema: 'filled_before' })).toEqual({
      from: 7,
      to: LATEST_VERSION,
    });
    expect(expected.slice(0, 5).every((matches) => matches.length > 0)).toBe(true);
    expect(await found()).toEqual(expected);
    // The rebuilt table is the one later writes and first loads keep up (its key's name included).
    await directory.upsert([{ id: 'C-1', name: 'Åsa Öberg', emails: ['asa@telia.se'] }]);
    expect(await directory.findAddress({ entered: 'aasa.oeberg@telia.se' })).toEqual([]);
    const { rows } = await database.pool.query(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'filled_before.mailbox_variant'::regclass`,
    );
    expect(rows).toEqual([{ conname: 'mailbox_variant_pkey' }]);
  });

  it('applies each version once when instances migrate at the same time', async () => {
    const pools = Array.from({ length: 4 }, () => database.newPool({ max: 1 }));
    const results = await Promise.all(pools.map((pool) => migrate(pool, { schema: 'at_once' })));
    expect(results.filter((result) => result.from === 0)).toHaveLength(1);
    expect(results.filter((result) => result.from === LATEST_VERSION)).toHaveLength(3);
    const versions = await database.pool.query('SELECT count(*)::integer AS n FROM at_once.schema_version');
    expect(versions.rows[0].n).toBe(LATEST_VERSION);
  });

  it('files the customers again once when instances migrate a filled directory at the same time as one writes', async () => {
    await migrateTo(database.pool, '"filled_at_once"', 7);
    const writer = createPostgresDirectory({ pool: database.newPool({ max: 1 }), schema: 'filled_at_once' });
    await writer.upsert(
      Array.from({ length: 3000 }, (_, index) => ({
        id: `C-${index}`,
        emails: [`kund.${index}@exempel.se`],
      })),
    );
    const pools = Array.from({ length: 2 }, () => database.newPool({ max: 1 }));
    const [results] = await Promise.all([
      Promise.all(pools.map((pool) => migrate(pool, { schema: 'filled_at_once' }))),
      writer.upsert([
        { id: 'C-1', emails: ['åsa.öberg@telia.se'] },
        { id: 'C-new', emails: ['jörgen.ström@telia.se'] },
      ]),
    ]);
    expect(results.map((result) => result.from).sort((a, b) => a - b)).toEqual([7, LATEST_VERSION]);
    const found = async (entered: string) =>
      (await writer.findAddress({ entered })).map((match) => `${match.customerId}:${match.distance}`);
    expect(await found('aasa.oeberg@telia.se')).toEqual(['C-1:1']);
    expect(await found('joergen.stroem@telia.se')).toEqual(['C-new:1']);
    expect(await found('kund.1@exempel.se')).not.toContain('C-1:0');
    expect((await found('kund.2999@exempel.se'))[0]).toBe('C-2999:0');
    const { rows } = await database.pool.query(
      'SELECT count(*)::integer AS n FROM filled_at_once.mailbox_variant WHERE customer_id = $1',
      ['C-1'],
    );
    // Its key, the key's nine deletions and its folded key: the old rows were not filed again beside them.
    expect(rows[0].n).toBe(11);
  });

  it('refuses a schema name that is no plain identifier, naming the option', async () => {
    const error = await migrate(database.pool, { schema: 'x; DROP TABLE y' }).catch((caught) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.field).toBe('options.schema');
  });

  it('refuses a schema a newer email-guard migrated, and leaves it as it was', async () => {
    await migrate(database.pool, { schema: 'from_newer' });
    const newer = LATEST_VERSION + 1;
    await database.pool.query('INSERT INTO from_newer.schema_version (version) VALUES ($1)', [newer]);
    const error = await migrate(database.pool, { schema: 'from_newer' }).catch((caught) => caught);
    expect(error).toBeInstanceOf(MigrateFailedError);
    expect(error.code).toBe('MIGRATE_FAILED');
    expect(error.message).toBe(
      `schema from_newer is at version ${newer}, this email-guard knows up to ${LATEST_VERSION}, and version ${newer} does not say which older builds may run on it: upgrade email-guard, or run the older one`,
    );
    const { rows } = await database.pool.query(
      'SELECT max(version) AS version FROM from_newer.schema_version',
    );
    expect(rows[0].version).toBe(newer);
  });

  it('records which older builds each version lets run on the schema', async () => {
    await migrate(database.pool, { schema: 'compatibility' });
    const { rows } = await database.pool.query(
      'SELECT version, compatible_from FROM compatibility.schema_version ORDER BY version',
    );
    // Version 8 files the customers under a key older builds do not write, and version 11 keeps a
    // count older builds would release without comparing; the others only add.
    expect(rows).toEqual(
      Array.from({ length: LATEST_VERSION }, (_, index) => ({
        version: index + 1,
        compatible_from: index + 1 === 8 || index + 1 === 11 ? index + 1 : 1,
      })),
    );
  });

  it('runs a build that knows fewer versions on a newer schema whose later versions allow it, with a warning', async () => {
    // Version 10 lets builds before it run (11 does not: the next test).
    await migrateTo(database.pool, '"rolled_back"', 10);
    const warnings = await collectWarnings(() => migrateTo(database.pool, '"rolled_back"', 9));
    expect(warnings.result).toEqual({ from: 10, to: 10 });
    expect(warnings.emitted).toEqual([
      {
        code: 'EMAIL_GUARD_SCHEMA_NEWER',
        message:
          'email-guard: schema rolled_back is at version 10, this email-guard knows up to 9; the versions after 9 let it run unchanged, so it does (upgrade it to use what they add)',
      },
    ]);
    // Nothing was applied or recorded again.
    const { rows } = await database.pool.query(
      'SELECT count(*)::integer AS n FROM rolled_back.schema_version',
    );
    expect(rows[0].n).toBe(10);
  });

  it('refuses a build older than a later version allows, naming that version, and leaves the schema', async () => {
    await migrate(database.pool, { schema: 'rolled_too_far' });
    const tooOld = await migrateTo(database.pool, '"rolled_too_far"', 7).catch((caught) => caught);
    expect(tooOld).toBeInstanceOf(MigrateFailedError);
    expect(tooOld.message).toBe(
      `schema rolled_too_far is at version ${LATEST_VERSION}, this email-guard knows up to 7, and version 8 needs a build of version 8 or later: upgrade email-guard, or run the older one`,
    );
    // A build of version 10 would release a message held with a customer count without comparing it.
    const beforeCount = await migrateTo(database.pool, '"rolled_too_far"', 10).catch((caught) => caught);
    expect(beforeCount.message).toBe(
      `schema rolled_too_far is at version ${LATEST_VERSION}, this email-guard knows up to 10, and version 11 needs a build of version 11 or later: upgrade email-guard, or run the older one`,
    );
    // A later version marked incompatible with the builds before it.
    const newer = LATEST_VERSION + 1;
    await database.pool.query(
      'INSERT INTO rolled_too_far.schema_version (version, compatible_from) VALUES ($1, $1)',
      [newer],
    );
    const refused = await collectWarnings(() =>
      migrate(database.pool, { schema: 'rolled_too_far' }).catch((caught) => caught),
    );
    expect(refused.result).toBeInstanceOf(MigrateFailedError);
    expect(refused.result.message).toBe(
      `schema rolled_too_far is at version ${newer}, this email-guard knows up to ${LATEST_VERSION}, and version ${newer} needs a build of version ${newer} or later: upgrade email-guard, or run the older one`,
    );
    expect(refused.emitted).toEqual([]);
  });

  it("fails with a typed error naming the database's cause, the driver's error as cause", async () => {
    // A server out of reach (a socket folder that is not there) and one that refuses the session.
    const unreachable = database.newPool({ host: '/nonexistent-socket-folder' });
    const notThere = await migrate(unreachable).catch((caught) => caught);
    expect(notThere).toBeInstanceOf(MigrateFailedError);
    expect(notThere.message).toMatch(
      /^schema email_guard could not be migrated: the database could not be reached \(ENOENT\)/,
    );
    expect(notThere.cause.code).toBe('ENOENT');
    const noDatabase = database.newPool({ database: `${database.name}_missing` });
    const refused = await migrate(noDatabase).catch((caught) => caught);
    expect(refused).toBeInstanceOf(MigrateFailedError);
    expect(refused.message).toBe(
      `schema email_guard could not be migrated (3D000 database "${database.name}_missing" does not exist)`,
    );
    expect(refused.cause.code).toBe('3D000');
  });
});
