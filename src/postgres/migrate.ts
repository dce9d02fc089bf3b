import type { Pool, PoolClient } from 'pg';
import { z } from 'zod';
import { indexMailboxRules, type MailboxRuleIndex } from '../address/mailbox-key.js';
import { defaultMailboxRules, type MailboxRule } from '../address/mailbox-rules.js';
import { MailboxRulesSchema } from '../address/mailbox-rules-schema.js';
import { InvalidInputError, isEmailGuardError, MigrateFailedError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { failureMessage } from './postgres-failure.js';
import { rebuildMailboxVariants } from './rebuild-mailbox-variants.js';
import { RELEASE_LINE_OUTCOMES_SQL, releaseLineField } from './release-line-patterns.js';
import { schemaName } from './schema-name.js';
import { withPoolClient } from './with-pool-client.js';

/**
 * One version's change: SQL, or a step run in Node on the migration's client (one that computes
 * rows the way the library does, which SQL cannot), under the same lock and in the same transaction.
 * `compatibleFrom` is the oldest build (by its {@link LATEST_VERSION}) that may keep running on the
 * schema after this change: a build that knows less than the schema's version runs on it only when
 * every version above its own lets it (see {@link migrateTo}). A change an older build neither reads
 * nor writes, or that keeps itself up whoever writes (a nullable column, a trigger that fills a
 * table), keeps every build: 1.
 */
type Migration = { readonly compatibleFrom: number } & (
  | { readonly sql: (schema: string) => string }
  | { readonly run: (client: PoolClient, schema: string, rules: MailboxRuleIndex) => Promise<void> }
);

/**
 * The migrations, in order: version n is `migrations[n - 1]`. Only ever appended to: a released
 * version's SQL never changes, so a database at any version reaches the latest by the rest.
 */
const migrations: readonly Migration[] = [
  // 1: the customer directory. Variant rows are kept by the library, not by a foreign key: the
  // variants of a replaced or removed customer are deleted by value, so the only index the variant
  // table needs is its primary key (variant first: the lookup, and the distribution column when
  // sharded by variant).
  // Compatible with every build: nothing older exists.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE TABLE ${s}.customer (
      id         text PRIMARY KEY,
      name       text,
      emails     text[] NOT NULL,
      phones     text[] NOT NULL,
      birth_date text,
      country    text
    );
    CREATE TABLE ${s}.mailbox_variant (
      variant     text NOT NULL,
      customer_id text NOT NULL,
      PRIMARY KEY (variant, customer_id)
    );
    CREATE TABLE ${s}.customer_phone (
      phone       text NOT NULL,
      customer_id text NOT NULL,
      PRIMARY KEY (phone, customer_id)
    );
    CREATE TABLE ${s}.mailbox_domain (
      domain text PRIMARY KEY
    );
    CREATE TABLE ${s}.domain_variant (
      variant text NOT NULL,
      domain  text NOT NULL,
      PRIMARY KEY (variant, domain)
    );`,
  },
  // 2: held messages, the raw message and its verdicts in one row.
  // Compatible with every build: a new table, which an older build neither reads nor writes.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE TABLE ${s}.held_message (
      id              text PRIMARY KEY,
      held_at         timestamptz NOT NULL,
      state           text NOT NULL DEFAULT 'held' CHECK (state IN ('held', 'releasing')),
      releasing_since timestamptz,
      raw             bytea NOT NULL,
      details         jsonb NOT NULL
    );`,
  },
  // 3: the audit log, a hash chain; rows are only ever added (a trigger refuses UPDATE and DELETE).
  // Compatible with every build: a new table, which an older build neither reads nor writes.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE TABLE ${s}.audit_log (
      seq           bigint PRIMARY KEY,
      entry         text NOT NULL,
      previous_hash text NOT NULL,
      hash          text NOT NULL
    );
    CREATE FUNCTION ${s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log is append-only';
    END $$;
    CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON ${s}.audit_log
      FOR EACH ROW EXECUTE FUNCTION ${s}.audit_log_append_only();`,
  },
  // 4: the verification store: one record per name, and the key codes are hashed with.
  // Compatible with every build: new tables, which an older build neither reads nor writes.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE TABLE ${s}.verification_record (
      name   text PRIMARY KEY,
      record jsonb
    );
    CREATE TABLE ${s}.verification_key (
      id  boolean PRIMARY KEY DEFAULT true CHECK (id),
      key bytea NOT NULL
    );`,
  },
  // 5: TRUNCATE fires no row trigger, so version 3's trigger let it empty the audit log; a
  // statement-level trigger refuses it too (PostgreSQL manual, "CREATE TRIGGER": TRUNCATE triggers
  // are FOR EACH STATEMENT only).
  // Compatible with every build: none empties the audit log.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${s}.audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_log_append_only();`,
  },
  // 6: the index keys compare byte by byte (the "C" collation), whatever the database's own: a
  // lookup asks only for equality, which a deterministic collation answers the same either way,
  // but a first load builds the variant table's primary key by one sort of its keys, and a
  // linguistic collation (an ICU or libc locale such as en_US.UTF-8) compares them about twice as
  // slowly (measured at 200,000 customers: 5.6 to 6.8 s of server CPU under "und-x-icu" against
  // 2.8 to 3.9 s under "C", the same rows). PostgreSQL manual, "Collation Support", 24.2: "C" and
  // "POSIX" compare by byte values. Same type, so the tables are not rewritten; their indexes are
  // rebuilt.
  // The customer's id goes with them: a lookup matches the variant table's customer ids against
  // it, and an index serves a comparison only under its own collation.
  // Compatible with every build: equality, all any build asks of these keys, answers the same under
  // either collation, and a parameter takes the column's collation (PostgreSQL manual, 24.2.1), so
  // an older build's lookups find the same rows by the same indexes.
  {
    compatibleFrom: 1,
    sql: (s) => `
    ALTER TABLE ${s}.customer ALTER COLUMN id TYPE text COLLATE "C";
    ALTER TABLE ${s}.mailbox_variant
      ALTER COLUMN variant TYPE text COLLATE "C",
      ALTER COLUMN customer_id TYPE text COLLATE "C";
    ALTER TABLE ${s}.customer_phone
      ALTER COLUMN phone TYPE text COLLATE "C",
      ALTER COLUMN customer_id TYPE text COLLATE "C";
    ALTER TABLE ${s}.domain_variant
      ALTER COLUMN variant TYPE text COLLATE "C",
      ALTER COLUMN domain TYPE text COLLATE "C";`,
  },
  // 7: a held message's subject (RFC 5322 §3.6.5, decoded, as `HoldInput.subject` gives it) in a
  // column of its own, so the review list names each message without reading the message itself.
  // Messages held before have none (NULL): their subject is only in `raw`, read when one is opened.
  // Compatible with every build: the column is nullable, an older build's insert leaves it NULL, and
  // a message held without it shows its subject from `raw` as one held before does.
  {
    compatibleFrom: 1,
    sql: (s) => `
    ALTER TABLE ${s}.held_message ADD COLUMN subject text;`,
  },
  // 8: the variant rows filed again from the customer rows: a directory filled before the folded
  // key of å, ä and ö written another way (`foldedMailboxKey`) was filed under it found those
  // spellings only once each customer was upserted again.
  // Not compatible with a build before it: such a build files the customers it upserts without
  // their folded key, so while it runs beside a newer one, the newer one's lookups miss those
  // spellings of them (a near miss not found), and its removals leave the folded rows behind.
  { compatibleFrom: 8, run: rebuildMailboxVariants },
  // 9: the last release or discard line of each held message, kept beside the audit log by a
  // trigger (so every writer keeps it, an instance of an older version too), filled from the log's
  // rows once. A release in doubt is then one indexed read of the open ones, whatever the number of
  // releases settled before, and a hold store reads what became of a claim by its id. The log is
  // still the record: verifyAuditLog checks it, not this table. The hold id and outcome are read
  // with RELEASE_LINE_PATTERNS, which verifyAuditLog reads the log again with.
  // Compatible with every build: the trigger fills the table whoever writes the log.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE TABLE ${s}.last_release_line (
      hold_id text COLLATE "C" PRIMARY KEY,
      seq     bigint NOT NULL,
      outcome text NOT NULL
    );
    CREATE INDEX last_release_line_open ON ${s}.last_release_line (hold_id)
      WHERE outcome = 'release-started';
    CREATE FUNCTION ${s}.audit_log_release_line() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      hold    text := ${releaseLineField('holdId', 'NEW.entry')};
      outcome text := ${releaseLineField('outcome', 'NEW.entry')};
    BEGIN
      IF hold IS NOT NULL AND outcome IN (${RELEASE_LINE_OUTCOMES_SQL}) THEN
        INSERT INTO ${s}.last_release_line (hold_id, seq, outcome) VALUES (hold, NEW.seq, outcome)
          ON CONFLICT (hold_id) DO UPDATE SET seq = EXCLUDED.seq, outcome = EXCLUDED.outcome
          WHERE ${s}.last_release_line.seq < EXCLUDED.seq;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER audit_log_release_line AFTER INSERT ON ${s}.audit_log
      FOR EACH ROW EXECUTE FUNCTION ${s}.audit_log_release_line();
    INSERT INTO ${s}.last_release_line (hold_id, seq, outcome)
      SELECT DISTINCT ON (hold_id) hold_id, seq, outcome FROM (
        SELECT seq, ${releaseLineField('holdId', 'entry')} AS hold_id,
               ${releaseLineField('outcome', 'entry')} AS outcome
        FROM ${s}.audit_log
      ) lines
      WHERE hold_id IS NOT NULL AND outcome IN (${RELEASE_LINE_OUTCOMES_SQL})
      ORDER BY hold_id, seq DESC;`,
  },
  // 10: each version's `compatibleFrom` beside it, so a build that knows fewer versions than the
  // schema's (an instance restarting or rolled back while a newer one runs) can tell whether the
  // versions it does not know let it run. Filled for the versions before from their declarations;
  // a version after is recorded with its own as it is applied.
  // Compatible with every build: a nullable column of the version table. (Builds before this one
  // refuse any newer schema whatever it says.)
  {
    compatibleFrom: 1,
    sql: (s) => `
    ALTER TABLE ${s}.schema_version ADD COLUMN compatible_from integer;
    UPDATE ${s}.schema_version v SET compatible_from = declared.compatible_from
      FROM (VALUES ${migrations
        .slice(0, COMPATIBILITY_RECORDED - 1)
        .map((migration, index) => `(${index + 1}, ${migration.compatibleFrom})`)
        .join(', ')}) AS declared (version, compatible_from)
      WHERE v.version = declared.version;`,
  },
  // 11: how many customers the check that held a message knew, so every release (the library's,
  // the review service's, `holds release --database`) refuses one checked against fewer
  // (fewerCustomersRefusal). A message held before it, or by an older build, has NULL and is
  // released as before.
  // Compatible from 11 only: an older build neither writes the count nor compares it, so one still
  // running would release a message held with a count against a partial customer file, the release
  // weaker than the hold, which is what this version exists to end. Safety over rollback here: a
  // rollback to a build before 11 restores the database from before the migration.
  {
    compatibleFrom: 11,
    sql: (s) => `
    ALTER TABLE ${s}.held_message ADD COLUMN customers_known integer
      CHECK (customers_known >= 0);`,
  },
  // 12: the number of customers kept beside the table, so `size()` (read by every hold, for the
  // count a release compares with) is a read of a few rows instead of a count(*) that scans the
  // whole customer table (PostgreSQL manual, "Aggregate Functions": count(*) reads every row).
  // Kept by statement-level triggers, with the rows each statement inserted or deleted as a
  // transition table (PostgreSQL manual, "CREATE TRIGGER", REFERENCING), in the writer's own
  // transaction, whichever build writes. Each statement adds a row of its change rather than
  // updating one counter: concurrent writers never wait for each other's counter row, which they
  // would hold to their commit (and a writer holding the counter while waiting for a customer
  // row another holds would deadlock with it). The same statement folds the committed rows no
  // other transaction is folding into its own (FOR UPDATE SKIP LOCKED, PostgreSQL manual,
  // "SELECT", The Locking Clause: it never waits), so the table stays a few rows long.
  // The customer table is locked against writers while it is counted, so no write is missed.
  // Compatible with every build: the triggers keep the count whoever writes.
  {
    compatibleFrom: 1,
    sql: (s) => `
    LOCK TABLE ${s}.customer IN SHARE ROW EXCLUSIVE MODE;
    CREATE TABLE ${s}.customer_count (
      id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      change bigint NOT NULL
    );
    CREATE FUNCTION ${s}.customer_count_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      delta bigint;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM ${s}.customer_count;
        RETURN NULL;
      ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO delta FROM added;
      ELSE
        SELECT -count(*) INTO delta FROM removed;
      END IF;
      IF delta <> 0 THEN
        WITH folded AS (
          DELETE FROM ${s}.customer_count WHERE id IN (
            SELECT id FROM ${s}.customer_count FOR UPDATE SKIP LOCKED)
          RETURNING change)
        INSERT INTO ${s}.customer_count (change)
          SELECT delta + coalesce(sum(folded.change), 0) FROM folded;
      END IF;
      RETURN NULL;
    END $$;
    CREATE TRIGGER customer_count_insert AFTER INSERT ON ${s}.customer
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION ${s}.customer_count_keep();
    CREATE TRIGGER customer_count_delete AFTER DELETE ON ${s}.customer
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION ${s}.customer_count_keep();
    CREATE TRIGGER customer_count_truncate AFTER TRUNCATE ON ${s}.customer
      FOR EACH STATEMENT EXECUTE FUNCTION ${s}.customer_count_keep();
    INSERT INTO ${s}.customer_count (change) SELECT count(*) FROM ${s}.customer;`,
  },
  // 13: the count's fold only at READ COMMITTED. In a caller's REPEATABLE READ or SERIALIZABLE
  // transaction (`upsert(customers, { client })`), the fold's FOR UPDATE on a row another writer
  // folded and committed after the transaction's snapshot fails with 40001 "could not serialize
  // access due to concurrent update" (PostgreSQL manual, "Transaction Isolation", 13.2.2: SKIP
  // LOCKED skips rows locked now, not rows changed since the snapshot), and the caller's whole
  // transaction with it. There the statement appends its change alone; the next writer at READ
  // COMMITTED folds it. Compatible with every build, as version 12.
  {
    compatibleFrom: 1,
    sql: (s) => `
    CREATE OR REPLACE FUNCTION ${s}.customer_count_keep() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
      delta bigint;
    BEGIN
      IF TG_OP = 'TRUNCATE' THEN
        DELETE FROM ${s}.customer_count;
        RETURN NULL;
      ELSIF TG_OP = 'INSERT' THEN
        SELECT count(*) INTO delta FROM added;
      ELSE
        SELECT -count(*) INTO delta FROM removed;
      END IF;
      IF delta = 0 THEN
        RETURN NULL;
      ELSIF current_setting('transaction_isolation') <> 'read committed' THEN
        INSERT INTO ${s}.customer_count (change) VALUES (delta);
      ELSE
        WITH folded AS (
          DELETE FROM ${s}.customer_count WHERE id IN (
            SELECT id FROM ${s}.customer_count FOR UPDATE SKIP LOCKED)
          RETURNING change)
        INSERT INTO ${s}.customer_count (change)
          SELECT delta + coalesce(sum(folded.change), 0) FROM folded;
      END IF;
      RETURN NULL;
    END $$;`,
  },
];

/** The version from which `schema_version` records each version's `compatibleFrom`. */
const COMPATIBILITY_RECORDED = 10;

/** The version {@link migrate} brings a schema to. */
export const LATEST_VERSION = migrations.length;

/**
 * The SQL version `version` runs on `schema`, or `undefined` for a version run in Node. A released
 * version's text never changes (a schema migrated by it would differ from one migrated by its
 * successor), so the tests pin each one's hash.
 */
export function migrationSql(version: number, schema: string): string | undefined {
  const migration = migrations[version - 1];
  return migration !== undefined && 'sql' in migration ? migration.sql(schema) : undefined;
}

const MigrateOptionsSchema = z.object({
  schema: z.string().optional(),
  mailboxRules: MailboxRulesSchema.optional(),
});

/** Options of {@link migrate}. */
export interface MigrateOptions {
  /** The schema the tables live in; created when missing. @default 'email_guard' */
  readonly schema?: string;
  /**
   * The rules the directories on this schema are given (`createPostgresDirectory`'s
   * `mailboxRules`): a version that files the customers again files them under these.
   * @default defaultMailboxRules
   */
  readonly mailboxRules?: readonly MailboxRule[];
}

/** What {@link migrate} did. */
export interface MigrateResult {
  /** The version the schema was at before. 0: it had no tables. */
  readonly from: number;
  /** The version it is at now. */
  readonly to: number;
}

/**
 * Creates or upgrades email-guard's tables in their own schema, to the latest version. Safe to
 * call at every start of every instance: a schema already at the latest version is left as it is,
 * and instances starting at once take turns on a transaction-level advisory lock, so each version
 * is applied once. Each run is one transaction: a migration that fails leaves the schema as it was.
 *
 * @example
 * ```ts
 * const pool = new pg.Pool();
 * await migrate(pool); // { from: 0, to: 13 } the first time, { from: 13, to: 13 } after
 * ```
 */
export async function migrate(pool: Pool, options: MigrateOptions = {}): Promise<MigrateResult> {
  const { schema } = parseInput(MigrateOptionsSchema, options, ['options']);
  return migrateTo(
    pool,
    schemaName(schema, ['options', 'schema']),
    LATEST_VERSION,
    indexMailboxRules(options.mailboxRules ?? defaultMailboxRules),
  );
}

/**
 * {@link migrate} to a given version, as a build whose latest version is `version` would (the tests
 * bring a schema to an earlier one first, and run a build that knows fewer versions than the
 * schema's).
 */
export async function migrateTo(
  pool: Pool,
  schema: string,
  version: number,
  rules: MailboxRuleIndex = indexMailboxRules(defaultMailboxRules),
): Promise<MigrateResult> {
  const known = version;
  const name = schema.replace(/^"|"$/g, '');
  return withPoolClient(pool, async (client) => {
    try {
      await client.query('BEGIN');
      // One lock per schema, held to the end of the transaction: a second instance waits here and
      // then finds the schema migrated.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email-guard migrate ${schema}`]);
      await refuseForeignTables(client, schema);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${schema}.schema_version (
         version    integer PRIMARY KEY,
         applied_at timestamptz NOT NULL DEFAULT now()
       )`,
      );
      const { rows } = await client.query<{ version: number | null }>(
        `SELECT max(version) AS version FROM ${schema}.schema_version`,
      );
      const from = rows[0]?.version ?? 0;
      // A newer email-guard migrated the schema: this build runs on it only if every version it
      // does not know says a build at its own version may (a rolling deploy, a rollback).
      if (from > known) await checkNewerSchema(client, schema, name, from, known);
      for (let next = from + 1; next <= version; next++) {
        const migration = migrations[next - 1] as Migration;
        if ('sql' in migration) await client.query(migration.sql(schema));
        else await migration.run(client, schema, rules);
        if (next < COMPATIBILITY_RECORDED)
          await client.query(`INSERT INTO ${schema}.schema_version (version) VALUES ($1)`, [next]);
        else
          await client.query(
            `INSERT INTO ${schema}.schema_version (version, compatible_from) VALUES ($1, $2)`,
            [next, migration.compatibleFrom],
          );
      }
      await client.query('COMMIT');
      return { from, to: Math.max(from, version) };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }).catch((error: unknown) => {
    // A refusal of email-guard's own (a foreign schema, a newer version) is already typed. Any
    // other is the database's: a server starting up (57P03) or out of reach, a role without a
    // right, named with its SQLSTATE so the one line at start says what to mend.
    if (isEmailGuardError(error)) throw error;
    throw new MigrateFailedError(
      failureMessage(`schema ${name} could not be migrated`, error, pool, schema),
      {
        cause: error,
      },
    );
  });
}

/**
 * Lets a build that knows up to `known` run on a schema at `from` > `known` when every version
 * above `known` declares `compatibleFrom` ≤ `known`, with a process warning
 * (`EMAIL_GUARD_SCHEMA_NEWER`) so the operator sees the instance is behind; refuses it otherwise,
 * naming the first version that does not let it. A version with no `compatible_from` (recorded by a
 * build before version 10, or a schema before it) lets no older build run.
 */
async function checkNewerSchema(
  client: PoolClient,
  schema: string,
  name: string,
  from: number,
  known: number,
): Promise<void> {
  // Read through to_jsonb so a schema_version without the column (before version 10) answers NULL.
  const { rows } = await client.query<{ version: number; compatible_from: number | null }>(
    `SELECT version, (to_jsonb(v) ->> 'compatible_from')::integer AS compatible_from
       FROM ${schema}.schema_version v WHERE version > $1 ORDER BY version`,
    [known],
  );
  const refusing = rows.find((row) => row.compatible_from === null || row.compatible_from > known);
  const state = `schema ${name} is at version ${from}, this email-guard knows up to ${known}`;
  if (refusing !== undefined)
    throw new MigrateFailedError(
      `${state}, and version ${refusing.version} ${
        refusing.compatible_from === null
          ? 'does not say which older builds may run on it'
          : `needs a build of version ${refusing.compatible_from} or later`
      }: upgrade email-guard, or run the older one`,
    );
  process.emitWarning(
    `email-guard: ${state}; the versions after ${known} let it run unchanged, so it does (upgrade it to use what they add)`,
    { code: 'EMAIL_GUARD_SCHEMA_NEWER' },
  );
}

/**
 * A schema that holds tables but no `schema_version` was not made by {@link migrate}: its tables
 * (a `customer` of the application's own, say) would clash with email-guard's or be mistaken for
 * them, so it is refused, naming the option, before anything is written.
 */
async function refuseForeignTables(client: PoolClient, schema: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      ORDER BY c.relname`,
    [schema.replace(/^"|"$/g, '')],
  );
  const names = rows.map((row) => row.name);
  if (names.length === 0 || names.includes('schema_version')) return;
  throw new InvalidInputError([
    {
      path: ['options', 'schema'],
      message: `schema ${schema} holds tables not made by email-guard (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', ...' : ''}): choose another schema`,
    },
  ]);
}
