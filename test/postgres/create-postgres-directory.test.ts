import fc from 'fast-check';
import type pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRandom, syntheticCustomers } from '../../eval/cases/synthetic-people.js';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { type Customer, CustomerSchema } from '../../src/contacts/customer.js';
import { InvalidInputError } from '../../src/errors.js';
import {
  createPostgresDirectory,
  type PostgresDirectory,
} from '../../src/postgres/create-postgres-directory.js';
import { migrate } from '../../src/postgres/migrate.js';
import { countStatements } from '../support/count-statements.js';
import { usePostgres } from '../support/use-postgres.js';

const database = usePostgres();

const anna = {
  id: 'C-1',
  name: 'Anna Svensson',
  emails: ['anna.svensson@gmail.com'],
  phones: ['070-123 45 67'],
};
const erik = {
  id: 'C-2',
  name: 'Erik Lind',
  emails: ['erik.lind1975@telia.com'],
  phones: ['+46 8 123 456 78'],
};
const karin = { id: 'C-3', name: 'Karin Berg', emails: ['karin@bergbygg.se', 'karin.berg@hotmail.com'] };

let schemas = 0;
/** A directory on a fresh schema of the file's database (through `pool`, a counted one, where given). */
async function freshDirectory(
  options: { readonly defaultCountry?: string; readonly pool?: pg.Pool } = {},
): Promise<PostgresDirectory> {
  const schema = `directory_${++schemas}`;
  await migrate(database.pool, { schema });
  return createPostgresDirectory({ pool: database.pool, schema, ...options });
}

async function ids(directory: PostgresDirectory, entered: string, excludeCustomerId?: string) {
  return (await directory.findAddress({ entered, ...(excludeCustomerId ? { excludeCustomerId } : {}) })).map(
    (match) => `${match.customerId}:${match.distance}`,
  );
}

describe('createPostgresDirectory', () => {
  let directory: PostgresDirectory;
  beforeAll(async () => {
    directory = await freshDirectory();
    await directory.upsert([anna, erik, karin]);
  });

  it('finds the customer whose mailbox another spelling reaches, and one slip away', async () => {
    expect(await directory.findAddress({ entered: 'Anna.Svensson+shop@googlemail.com' })).toEqual([
      {
        customerId: 'C-1',
        name: 'Anna Svensson',
        address: 'anna.svensson@gmail.com',
        key: 'annasvensson@gmail.com',
        distance: 0,
        // What tells two people of one name apart comes with the match (recordsContradict).
        phones: ['+46701234567'],
      },
    ]);
    expect(await ids(directory, 'erik.lind197@telia.com')).toEqual(['C-2:1']);
    expect(await ids(directory, 'karin@bergbyg.se')).toEqual(['C-3:1']);
    expect(await ids(directory, 'erik.lind1975@telia.com', 'C-2')).toEqual([]);
    expect(await ids(directory, 'erik.lind1975@telia.com', 'C-2')).toEqual([]);
    expect(await ids(directory, 'not an address')).toEqual([]);
  });

  it('finds phone numbers in any format, and gives customers back as it holds them', async () => {
    expect(await directory.findPhone({ entered: '+46 70 123 45 67' })).toEqual([
      { customerId: 'C-1', name: 'Anna Svensson', phone: '+46701234567' },
    ]);
    expect(await directory.findPhone({ entered: '08-123 456 78', excludeCustomerId: 'C-2' })).toEqual([]);
    expect(await directory.get('C-1')).toEqual({
      id: 'C-1',
      name: 'Anna Svensson',
      emails: ['anna.svensson@gmail.com'],
      phones: ['+46701234567'],
    });
    expect(await directory.get('C-404')).toBeUndefined();
    expect(await directory.size()).toBe(3);
  });

  it('replaces a customer upserted again, keeps the last of a repeated id and removes', async () => {
    const own = await freshDirectory();
    expect(await own.upsert([anna, { ...anna, emails: ['anna@bergbygg.se'] }, erik])).toEqual({
      upserted: 2,
    });
    expect(await own.get('C-1')).toMatchObject({ emails: ['anna@bergbygg.se'] });
    expect(await ids(own, 'anna.svensson@gmail.com')).toEqual([]);
    expect(await ids(own, 'anna@bergbygg.se')).toEqual(['C-1:0']);
    expect(await own.remove('C-1')).toBe(true);
    expect(await own.remove('C-1')).toBe(false);
    expect(await ids(own, 'anna@bergbygg.se')).toEqual([]);
    expect(await own.findPhone({ entered: '070-123 45 67' })).toEqual([]);
    expect(await own.size()).toBe(1);
    const { rows } = await database.pool.query(
      "SELECT count(*)::integer AS n FROM directory_2.mailbox_variant WHERE customer_id = 'C-1'",
    );
    expect(rows[0].n).toBe(0);
  });

  it('finds a customer at a domain new to the directory one slip from a domain it looked up before', async () => {
    const own = await freshDirectory();
    await own.upsert([anna]);
    // Looked up (and its near domains kept) while the directory has no domain near it.
    expect(await ids(own, 'erik.lind@tela.com')).toEqual([]);
    await own.upsert([erik]);
    expect(await ids(own, 'erik.lind1975@tela.com')).toEqual(['C-2:1']);
    // Written in the caller's transaction: seen once it commits.
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await own.upsert([{ id: 'C-4', emails: ['lisa@bergbyg.se'] }], { client });
      expect(await ids(own, 'lisa@bergbygg.se')).toEqual([]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await ids(own, 'lisa@bergbygg.se')).toEqual(['C-4:1']);
  });

  it('looks an address up at the near domains it knows of in the statement of its candidates', async () => {
    const counted = countStatements(database.pool);
    const own = await freshDirectory({ pool: counted.pool });
    await own.upsert([
      karin,
      { id: 'C-4', emails: ['lisa@bergbyg.se'] },
      { id: 'C-5', emails: ['lis@bergbygg.se'] },
    ]);
    // The first check at bergbygg.se reads its near domains (bergbyg.se) and looks lisa up there.
    expect(await ids(own, 'lisa@bergbygg.se')).toEqual(['C-4:1', 'C-5:1']);
    counted.statements = 0;
    // Known now: the candidates and the address at bergbyg.se in one statement.
    expect(await ids(own, 'lisa@bergbygg.se')).toEqual(['C-4:1', 'C-5:1']);
    expect(await ids(own, 'lisa@bergbygg.se', 'C-4')).toEqual(['C-5:1']);
    expect(counted.statements).toBe(2);
  });

  it('looks an address up at the near domains of its entered domain in its first statement', async () => {
    const counted = countStatements(database.pool);
    const own = await freshDirectory({ pool: counted.pool });
    await own.upsert([
      anna,
      karin,
      { id: 'C-4', emails: ['lisa@bergbyg.se'] },
      { id: 'C-5', emails: ['lis@bergbygg.se'] },
      { id: 'C-6', emails: ['karin@gmail.com'] },
    ]);
    counted.statements = 0;
    // The first check at bergbygg.se: its near domain bergbyg.se read, and lisa looked up there, at once.
    expect(await ids(own, 'lisa@bergbygg.se')).toEqual(['C-4:1', 'C-5:1']);
    expect(counted.statements).toBe(1);
    // gmail.com reads karin as any domain does: one statement too.
    counted.statements = 0;
    expect(await ids(own, 'karin@gmal.com')).toEqual(['C-6:1']);
    expect(counted.statements).toBe(1);
    // It reads anna.svensson as annasvensson (dots do not count there): a key the first statement
    // did not look up, asked in a second.
    counted.statements = 0;
    expect(await ids(own, 'anna.svensson@gmaill.com')).toEqual(['C-1:1']);
    expect(counted.statements).toBe(2);
  });

  it('writes nothing when one customer breaks the schema, and names it', async () => {
    const own = await freshDirectory();
    const error = await own
      .upsert([anna, { id: 'C-9', emails: ['x@y.se'], phones: 'none' } as unknown as Customer])
      .catch((caught) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.field).toBe('customers.1.phones');
    const nul = await own.upsert([{ id: 'C-\u0000' }]).catch((caught) => caught);
    expect(nul.field).toBe('customers.0.id');
    expect(await own.size()).toBe(0);
  });

  it('accepts and refuses the records CustomerSchema accepts and refuses, naming the same field', async () => {
    const own = await freshDirectory();
    const stray = fc.constantFrom<unknown>(undefined, null, 42, '', [], {}, new Date(0));
    const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
      fc.oneof({ weight: 30, arbitrary }, { weight: 1, arbitrary: stray });
    const fields = fc.record(
      {
        id: maybe(fc.constantFrom('C-1', 'C-2', 'C-3', 'C-4', '', '\uD800')),
        name: maybe(fc.constantFrom('Anna Svensson', 'Erik Lind', 'x'.repeat(301))),
        emails: maybe(
          fc.array(maybe(fc.constantFrom('anna@example.se', 'not an address')), { maxLength: 3 }),
        ),
        phones: maybe(fc.array(maybe(fc.constantFrom('070-123 45 67', '')), { maxLength: 2 })),
        birthDate: maybe(fc.constantFrom('1985-04-12', '1990-01-01', '1985-02-30')),
        country: maybe(fc.constantFrom('SE', 'SE', 'SE', 'XX')),
      },
      { requiredKeys: ['id'] },
    );
    // Now and then a misspelt field, which the schema names.
    const record = fc
      .tuple(fields, fc.nat({ max: 9 }))
      .map(([value, roll]) => (roll === 0 ? { ...value, emial: 'anna@example.se' } : value));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(record, async (value) => {
        const schema = CustomerSchema.safeParse(value);
        const outcome = await own.upsert([value as Customer]).catch((caught: unknown) => caught);
        if (schema.success) {
          accepted++;
          expect(outcome).toEqual({ upserted: 1 });
        } else {
          expect(outcome).toBeInstanceOf(InvalidInputError);
          expect((outcome as InvalidInputError).field).toBe(
            ['customers', 0, ...(schema.error.issues[0]?.path ?? [])].join('.'),
          );
        }
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBeGreaterThan(10);
  });

  it("writes in the caller's transaction: rolled back with it, or committed with it", async () => {
    const own = await freshDirectory();
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await own.upsert([anna], { client });
      await client.query('ROLLBACK');
      expect(await own.size()).toBe(0);
      await client.query('BEGIN');
      await own.upsert([anna, erik], { client });
      await own.remove('C-2', { client });
      // Not seen outside the transaction before it commits.
      expect(await own.size()).toBe(0);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await ids(own, 'anna.svensson@gmail.com')).toEqual(['C-1:0']);
    expect(await own.size()).toBe(1);
  });

  /**
   * Two instances write the same new customer at once: the first in a transaction still open, the
   * second waiting on it. Once the first commits, the second must replace its record (the last
   * write wins), not fail on the primary key, and leave no index rows of the first behind.
   */
  async function raceFirstUpserts(customers: (version: number) => Customer[]): Promise<PostgresDirectory> {
    const schema = `directory_${++schemas}`;
    await migrate(database.pool, { schema });
    const first = createPostgresDirectory({ pool: database.newPool(), schema });
    const second = createPostgresDirectory({ pool: database.newPool(), schema });
    const client = await database.pool.connect();
    try {
      await client.query('BEGIN');
      await first.upsert(customers(1), { client });
      const racing = second.upsert(customers(2)).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      );
      // The second instance's transaction waits for the first's: then the first commits.
      for (let tries = 0; tries < 600; tries++) {
        const waiting = await database.pool.query(
          "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()",
        );
        if (waiting.rows.length > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await client.query('COMMIT');
      expect(await racing).toEqual({ result: { upserted: customers(2).length } });
    } finally {
      client.release();
    }
    return second;
  }

  it('lets the last of two instances upserting the same new customer at once win', async () => {
    const directory = await raceFirstUpserts((version) => [
      { ...anna, emails: [version === 1 ? 'anna.svensson@gmail.com' : 'anna@bergbygg.se'] },
    ]);
    expect(await directory.get('C-1')).toMatchObject({ emails: ['anna@bergbygg.se'] });
    expect(await ids(directory, 'anna.svensson@gmail.com')).toEqual([]);
    expect(await ids(directory, 'anna@bergbygg.se')).toEqual(['C-1:0']);
    expect(await directory.size()).toBe(1);
  });

  it('lets the last of two instances loading the same new customers through COPY at once win', async () => {
    const batch = (version: number) =>
      Array.from({ length: 10_000 }, (_, i) => ({
        id: `C-${i}`,
        emails: [`customer${i}@${version === 1 ? 'first' : 'second'}.example.se`],
        phones: [`+4670${String(1_000_000 + i).slice(1)}${version}`],
      }));
    const directory = await raceFirstUpserts(batch);
    expect(await directory.size()).toBe(10_000);
    expect(await ids(directory, 'customer42@first.example.se')).toEqual([]);
    expect((await ids(directory, 'customer42@second.example.se'))[0]).toBe('C-42:0');
    expect(await directory.findPhone({ entered: '+46700000421' })).toEqual([]);
    expect(await directory.findPhone({ entered: '+46700000422' })).toEqual([
      { customerId: 'C-42', phone: '+46700000422' },
    ]);
  }, 120_000);

  it('loads an empty directory in bulk, a repeated id across batches included and counted once, and keeps its keys', async () => {
    const own = await freshDirectory();
    const many = Array.from({ length: 10_050 }, (_, i) => ({
      id: `C-${i}`,
      emails: [`customer${i}@old.example.se`],
    }));
    const { upserted } = await own.upsert([...many, { id: 'C-7', emails: ['seven@new.example.se'] }]);
    expect(upserted).toBe(10_050);
    expect(await own.size()).toBe(10_050);
    expect(await ids(own, 'customer7@old.example.se')).not.toContain('C-7:0');
    expect(await ids(own, 'seven@new.example.se')).toEqual(['C-7:0']);
    const schema = `directory_${schemas}`;
    const { rows } = await database.pool.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE contype = 'p' AND connamespace = $1::regnamespace ORDER BY conname`,
      [schema],
    );
    expect(rows.map((row) => row.conname)).toEqual(
      expect.arrayContaining(['customer_phone_pkey', 'mailbox_variant_pkey']),
    );
    const { rows: duplicates } = await database.pool.query(
      `SELECT variant FROM ${schema}.mailbox_variant GROUP BY variant, customer_id HAVING count(*) > 1`,
    );
    expect(duplicates).toEqual([]);
  }, 120_000);

  it('holds no lock of a bulk load when another writer filled the directory first', async () => {
    const own = await freshDirectory();
    const schema = `directory_${schemas}`;
    const first = await database.pool.connect();
    const load = await database.pool.connect();
    try {
      // Another writer's customer, not yet committed when the load looks at the empty directory.
      await first.query('BEGIN');
      await own.upsert([anna], { client: first });
      await load.query('BEGIN');
      const pid = (await load.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
      const loading = own.upsert(
        Array.from({ length: 10_000 }, (_, i) => ({ id: `L-${i}`, emails: [`customer${i}@example.se`] })),
        { client: load },
      );
      // The load waits for the other writer's lock on the customer table, then finds it not empty.
      for (let waited = 0; ; waited++) {
        const { rows } = await database.pool.query('SELECT 1 FROM pg_locks WHERE pid = $1 AND NOT granted', [
          pid,
        ]);
        if (rows.length > 0) break;
        if (waited > 600) throw new Error('the load never waited for the other writer');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await first.query('COMMIT');
      expect(await loading).toEqual({ upserted: 10_000 });
      // An ordinary load then: row locks only, nothing that would hold up a lookup until it commits.
      const { rows: held } = await database.pool.query<{ relname: string; mode: string }>(
        `SELECT c.relname, l.mode FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE l.pid = $1 AND c.relnamespace = $2::regnamespace
            AND l.mode NOT IN ('AccessShareLock', 'RowShareLock', 'RowExclusiveLock')
          ORDER BY c.relname`,
        [pid, schema],
      );
      expect(held).toEqual([]);
      await load.query('COMMIT');
    } finally {
      first.release();
      load.release();
    }
    expect(await own.size()).toBe(10_001);
    expect(await ids(own, 'anna.svensson@gmail.com')).toEqual(['C-1:0']);
  }, 120_000);

  it("sorts a first load's index in at least 256MB, for the load's transaction only", async () => {
    const own = await freshDirectory();
    const client = await database.pool.connect();
    const memory = async () =>
      (await client.query<{ m: string }>(`SELECT current_setting('maintenance_work_mem') AS m`)).rows[0]?.m;
    try {
      const before = await memory();
      await client.query('BEGIN');
      await own.upsert(
        Array.from({ length: 10_000 }, (_, i) => ({ id: `C-${i}`, emails: [`customer${i}@example.se`] })),
        { client },
      );
      // The server's default (64MB) raised for the build, within the caller's transaction...
      expect(await memory()).toBe('256MB');
      await client.query('COMMIT');
      // ...and the session's own setting back once it ends.
      expect(await memory()).toBe(before);
    } finally {
      client.release();
    }
    expect(await own.size()).toBe(10_000);
  }, 120_000);

  it('throws an InvalidInputError naming the field of a lookup that breaks its schema', async () => {
    const error = await directory
      .findAddress({ entered: 42 as unknown as string })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('input.entered');
    expect(() => createPostgresDirectory({ pool: database.pool, defaultCountry: 'XX' })).toThrow(
      InvalidInputError,
    );
  });
});

/**
 * The same customers in both directories: households sharing a mailbox, customers registered twice
 * with a typo, addresses at domains one slip from each other, unparsable addresses, shared phones.
 */
function differentialCustomers(count: number): Customer[] {
  const random = seededRandom(12);
  const customers: Customer[] = [...syntheticCustomers(count, 12)];
  const extra: Customer[] = [];
  for (let i = 0; i < count / 10; i++) {
    const other = customers[Math.floor(random() * customers.length)] as Customer;
    const email = other.emails?.[0] as string;
    const at = email.lastIndexOf('@');
    const kind = i % 5;
    extra.push({
      id: `X${i}`,
      ...(i % 3 === 0 ? {} : { name: other.name as string }),
      emails:
        kind === 0
          ? [email.toUpperCase()]
          : kind === 1
            ? [`${email.slice(0, at - 1)}@${email.slice(at + 1)}`]
            : kind === 2
              ? [`${email.slice(0, at)}@${email.slice(at + 1).replace('.', 'x.')}`]
              : kind === 3
                ? ['not an address', email]
                : [`${email.slice(0, at)}+tag@${email.slice(at + 1)}`],
      phones: other.phones ?? [],
    });
  }
  return [...customers, ...extra];
}

describe('createPostgresDirectory against createDirectory', () => {
  const customers = differentialCustomers(20_000);
  const memory = createDirectory(customers);
  let postgres: PostgresDirectory;
  let schema: string;
  beforeAll(async () => {
    postgres = await freshDirectory();
    schema = `directory_${schemas}`;
    // 22,000 customers: two full batches through COPY and the rest through INSERT.
    await postgres.upsert(customers);
  }, 120_000);

  const known = customers.flatMap((customer) => customer.emails ?? []);
  const phones = customers.flatMap((customer) => customer.phones ?? []);
  const customerIds = customers.map((customer) => customer.id);
  const slip = (text: string, at: number, kind: number, character: string) => {
    const position = at % (text.length + 1);
    return kind === 0
      ? text.slice(0, position) + text.slice(position + 1)
      : kind === 1
        ? text.slice(0, position) + character + text.slice(position)
        : kind === 2
          ? text.slice(0, position) + character + text.slice(position + 1)
          : text.slice(0, position) +
            text.slice(position + 1, position + 2) +
            text.slice(position, position + 1) +
            text.slice(position + 2);
  };
  const entered = fc.oneof(
    // Another customer's address as it is.
    fc.constantFrom(...known.slice(0, 5000)),
    // A slip anywhere in a known address, the domain included.
    fc
      .record({
        address: fc.constantFrom(...known),
        at: fc.nat({ max: 60 }),
        kind: fc.nat({ max: 3 }),
        character: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789._@+'),
      })
      .map(({ address, at, kind, character }) => slip(address, at, kind, character)),
    // Anything at all.
    fc.string({ maxLength: 30 }),
  );
  const exclude = fc.option(fc.constantFrom(...customerIds), { nil: undefined });

  it('answers findAddress as the in-memory directory does, on thousands of queries', async () => {
    await fc.assert(
      fc.asyncProperty(entered, exclude, fc.constantFrom<0 | 1>(0, 1, 1), async (address, excludeId, max) => {
        const input = { entered: address, ...(excludeId ? { excludeCustomerId: excludeId } : {}) };
        expect(await postgres.findAddress(input, { maxDistance: max })).toEqual(
          memory.findAddress(input, { maxDistance: max }),
        );
      }),
      { numRuns: 3000 },
    );
  }, 120_000);

  it('answers findAddress calls asked together as the in-memory directory answers each, on hundreds of groups', async () => {
    // A directory of its own per group: some of the group read their entered domain's near domains
    // in the shared statements, others find them cached by an earlier one of the same group.
    const query = fc.record({
      address: entered,
      excludeId: exclude,
      max: fc.constantFrom<0 | 1>(0, 1, 1),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(query, { minLength: 2, maxLength: 40 }), async (group) => {
        const own = createPostgresDirectory({ pool: database.pool, schema });
        const inputs = group.map(({ address, excludeId, max }) => ({
          input: { entered: address, ...(excludeId ? { excludeCustomerId: excludeId } : {}) },
          options: { maxDistance: max },
        }));
        const warmed = inputs[0] as (typeof inputs)[number];
        await own.findAddress(warmed.input, warmed.options);
        const answers = await Promise.all(
          inputs.map(({ input, options }) => own.findAddress(input, options)),
        );
        expect(answers).toEqual(inputs.map(({ input, options }) => memory.findAddress(input, options)));
      }),
      { numRuns: 200 },
    );
  }, 120_000);

  it('answers many findAddress calls in flight as the in-memory directory does, in fewer statements', async () => {
    // Every statement the directory sends goes through this count.
    const counted = countStatements(database.pool);
    const own = createPostgresDirectory({ pool: counted.pool, schema });
    const random = seededRandom(5);
    const inputs = Array.from({ length: 600 }, (_, i) => {
      const address = known[Math.floor(random() * known.length)] as string;
      const excludeId = i % 4 === 0 ? customerIds[Math.floor(random() * customerIds.length)] : undefined;
      return {
        entered: i % 3 === 0 ? address : slip(address, Math.floor(random() * 60), i % 4, 'e'),
        ...(excludeId ? { excludeCustomerId: excludeId } : {}),
      };
    });
    // The near domains of each entered domain read first, so the lookups below need only candidates.
    for (const input of inputs) await own.findAddress(input);
    counted.statements = 0;
    const answers = await Promise.all(inputs.map((input) => own.findAddress(input)));
    expect(answers).toEqual(inputs.map((input) => memory.findAddress(input)));
    expect(counted.statements).toBeLessThan(inputs.length / 4);
    // An address parsed by the caller may hold a NUL character, which no stored address has
    // (PostgreSQL text cannot hold it): it finds nothing, and the checks beside it are answered.
    const nul = {
      input: 'an\u0000na@gmail.com',
      address: 'an\u0000na@gmail.com',
      local: 'an\u0000na',
      domain: 'gmail.com',
      unicodeDomain: 'gmail.com',
      trimmed: false,
    };
    const beside = await Promise.all([
      ...inputs.slice(0, 20).map((input) => own.findAddress(input)),
      own.findAddress({ entered: nul }),
      own.findAddress({ entered: nul }, { maxDistance: 0 }),
    ]);
    expect(beside).toEqual([
      ...inputs.slice(0, 20).map((input) => memory.findAddress(input)),
      memory.findAddress({ entered: nul }),
      memory.findAddress({ entered: nul }, { maxDistance: 0 }),
    ]);
  }, 120_000);

  it('answers addresses whose keys hold quotes, backslashes and braces as in memory, alone and in flight together', async () => {
    const quoted = [
      { id: 'Q-1', emails: ['"an\\"na"@kund.se'] },
      { id: 'Q-2', emails: ['"an\\\\na"@kund.se'] },
      { id: 'Q-3', emails: ['"a,{b}"@kund.se'] },
      { id: 'Q-4', emails: ['anna@kund.se'] },
    ];
    const own = await freshDirectory();
    await own.upsert(quoted);
    const inMemory = createDirectory(quoted);
    const asked = [
      '"an\\"na"@kund.se',
      '"an\\"nna"@kund.se',
      '"an\\\\na"@kund.se',
      '"a,{b}"@kund.se',
      '"a,{bc}"@kund.se',
      'ana@kund.se',
    ];
    const expected = asked.map((entered) => inMemory.findAddress({ entered }));
    expect(expected.every((matches) => matches.length > 0)).toBe(true);
    for (const [index, entered] of asked.entries())
      expect(await own.findAddress({ entered })).toEqual(expected[index]);
    expect(
      await Promise.all(
        asked.flatMap((entered) => [entered, entered]).map((entered) => own.findAddress({ entered })),
      ),
    ).toEqual(expected.flatMap((matches) => [matches, matches]));
  });

  it('reads the near domains of many entered domains in flight in the statements of their candidates', async () => {
    const counted = countStatements(database.pool);
    // A directory of its own: no entered domain's near domains read yet, so every lookup reads them.
    const own = createPostgresDirectory({ pool: counted.pool, schema });
    const random = seededRandom(11);
    const inputs = Array.from({ length: 400 }, (_, i) => {
      const address = known[Math.floor(random() * known.length)] as string;
      return { entered: i % 2 === 0 ? address : slip(address, Math.floor(random() * 60), i % 4, 'e') };
    });
    const answers = await Promise.all(inputs.map((input) => own.findAddress(input)));
    expect(answers).toEqual(inputs.map((input) => memory.findAddress(input)));
    expect(counted.statements).toBeLessThan(inputs.length / 4);
  }, 120_000);

  it('answers findPhone and get as the in-memory directory does', async () => {
    const phone = fc.oneof(
      fc.constantFrom(...phones),
      fc
        .record({ phone: fc.constantFrom(...phones), at: fc.nat({ max: 20 }), digit: fc.nat({ max: 9 }) })
        .map(({ phone: known, at, digit }) => slip(known, at, 2, String(digit))),
    );
    await fc.assert(
      fc.asyncProperty(
        phone,
        exclude,
        fc.constantFrom('SE', 'NO', 'GB'),
        async (number, excludeId, region) => {
          const input = { entered: number, region, ...(excludeId ? { excludeCustomerId: excludeId } : {}) };
          expect(await postgres.findPhone(input)).toEqual(memory.findPhone(input));
        },
      ),
      { numRuns: 1000 },
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...customerIds, 'C-404'), async (id) => {
        expect(await postgres.get(id)).toEqual(memory.get(id));
      }),
      { numRuns: 300 },
    );
    expect(await postgres.size()).toBe(memory.size);
  }, 120_000);
});
