import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import copyStreams from 'pg-copy-streams';
import { z } from 'zod';
import { composedForm } from '../address/composed-form.js';
import {
  indexMailboxRules,
  type MailboxKey,
  type MailboxRuleIndex,
  mailboxKey,
} from '../address/mailbox-key.js';
import { defaultMailboxRules, type MailboxRule } from '../address/mailbox-rules.js';
import { MailboxRulesSchema } from '../address/mailbox-rules-schema.js';
import { unquotedLocalPart } from '../address/normalized-address.js';
import { parseAddress } from '../address/parse-address.js';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import { createAddressMatcher, storedAddress } from '../contacts/create-address-matcher.js';
import {
  CustomerIdSchema,
  type DirectoryCustomer,
  type DirectoryPhoneMatch,
  FindAddressInputSchema,
  FindAddressOptionsSchema,
} from '../contacts/create-directory.js';
import { type Customer, CustomerSchema, fitsCustomerSchema } from '../contacts/customer.js';
import { domainVariants } from '../contacts/domain-variants.js';
import { foldedMailboxKey } from '../contacts/folded-mailbox-key.js';
import { DirectoryWriteFailedError, InvalidInputError, LookupFailedError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import { isE164 } from '../phone/is-e164.js';
import { RegionSchema } from '../phone/region-schema.js';
import { toE164 } from '../phone/to-e164.js';
import { copyLine } from './copy-line.js';
import { type CandidateBatcherOptions, createCandidateBatcher } from './create-candidate-batcher.js';
import {
  beginWithLockTimeout,
  DEFAULT_LOCK_TIMEOUT_MS,
  LockTimeoutMsSchema,
  type LockTimeoutOption,
} from './lock-timeout.js';
import { postgresFailure } from './postgres-failure.js';
import { schemaName } from './schema-name.js';
import { UNPARSED } from './unparsed-marker.js';
import { variantCopyChunks } from './variant-copy-chunks.js';
import { withPoolClient } from './with-pool-client.js';

/** Options of {@link createPostgresDirectory}. */
export interface PostgresDirectoryOptions extends LockTimeoutOption {
  /** Where the tables are (`migrate` made them). */
  readonly pool: Pool;
  /** The schema `migrate` was given. @default 'email_guard' */
  readonly schema?: string;
  /**
   * Which spellings reach the same mailbox. Every directory on one schema must use the same rules:
   * the index is written under them. @default defaultMailboxRules
   */
  readonly mailboxRules?: readonly MailboxRule[];
  /** ISO 3166-1 region for national phone numbers of customers without a `country`. @default 'SE' */
  readonly defaultCountry?: string;
}

/** Options of the writing calls: the caller's own transaction, when given. */
export interface PostgresWriteOptions {
  /**
   * A client in the caller's open transaction: the directory writes there, and the change commits
   * or rolls back with the caller's own (the customer row of the application, say). Without it
   * each call is a transaction of its own.
   * @default undefined
   */
  readonly client?: PoolClient;
}

/** The customer directory in PostgreSQL: the {@link AsyncDirectory} lookups, and its writes. */
export interface PostgresDirectory extends AsyncDirectory {
  /**
   * Adds customers, or replaces those with the same ids: all of them or, when one breaks the
   * schema (an `InvalidInputError` naming it, `customers.41.id`) or the database fails, none. A
   * repeated id keeps the last record. Thousands at a time go in batches through `COPY`.
   * `upserted` is the number of customers written: a repeated id counts once.
   */
  upsert(
    customers: Iterable<Customer> | AsyncIterable<Customer>,
    options?: PostgresWriteOptions,
  ): Promise<{ readonly upserted: number }>;
  /** Removes a customer; `false` when none has that id. */
  remove(customerId: string, options?: PostgresWriteOptions): Promise<boolean>;
  /**
   * Customers held: the count the database keeps beside the customer table in each writer's
   * transaction, a read of a few rows whatever the number of customers.
   */
  size(): Promise<number>;
}

const OptionsSchema = z.object({
  pool: z.custom<Pool>(
    (value) => typeof (value as Pool | undefined)?.connect === 'function',
    'a pg Pool (new pg.Pool())',
  ),
  schema: z.string().optional(),
  mailboxRules: MailboxRulesSchema.optional(),
  defaultCountry: RegionSchema.optional(),
  lockTimeoutMs: LockTimeoutMsSchema,
});

const WriteOptionsSchema = z.object({
  client: z
    .custom<PoolClient>(
      (value) => typeof (value as PoolClient | undefined)?.query === 'function',
      'a pg client (pool.connect()) in an open transaction',
    )
    .optional(),
});

const FindPhoneInputSchema = z.object({
  entered: z.string(),
  region: RegionSchema.optional(),
  excludeCustomerId: CustomerIdSchema.optional(),
});

/**
 * The memory a first load's index build sorts in, at least: the server's `maintenance_work_mem`
 * when that is larger. Measured on a server left at its default of 64MB (200,000 customers, back
 * to back; see docs/postgres.md).
 */
const BUILD_MEMORY = '256MB';
/** Customers per batch; a full batch goes through COPY, a smaller one through one INSERT each table. */
const BATCH = 10_000;

/** One customer's rows, as written. */
interface CustomerRows {
  readonly id: string;
  readonly name: string | null;
  readonly emails: string[];
  readonly phones: string[];
  readonly birthDate: string | null;
  readonly country: string | null;
  /** The mailbox keys of its parsed addresses, each once: the index rows are written from them. */
  readonly keys: MailboxKey[];
  readonly indexedPhones: Set<string>;
  readonly domains: Set<string>;
}

/** How long a process trusts the near domains it read for an entered domain (see findAddress). */
const NEAR_DOMAINS_TTL_MS = 10_000;
/** Entered domains whose near domains are kept at most. */
const NEAR_DOMAINS_CACHE_SIZE = 10_000;

/**
 * The customer directory on PostgreSQL, for several application instances sharing one base. Each
 * address is filed in `mailbox_variant` under its mailbox key and each one-character deletion of
 * its local part (`mailboxVariants`); a lookup is one indexed query for the entered address's
 * variants and the few candidate customers, which are then matched exactly as the in-memory
 * directory matches them, so the answers are the same. The address at the directory's domains
 * one slip from the entered one (`gmial.com`) goes in the same query once those are known to the
 * process, in a second one when they are read by this check. Run `migrate(pool)` first.
 *
 * @example
 * ```ts
 * const pool = new pg.Pool();
 * await migrate(pool);
 * const directory = createPostgresDirectory({ pool });
 * await directory.upsert([{ id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson@gmail.com'] }]);
 * (await directory.findAddress({ entered: 'Anna.Svensson+x@googlemail.com' }))[0]?.customerId; // 'C-1'
 * const guard = createGuard({ directory });
 * ```
 */
export function createPostgresDirectory(options: PostgresDirectoryOptions): PostgresDirectory {
  return createTunedPostgresDirectory(options, {});
}

/** How the candidate look-ups of checks in flight are grouped (see createCandidateBatcher). */
export type CandidateBatching = Pick<
  CandidateBatcherOptions,
  'statements' | 'lookups' | 'domainsApart' | 'textArrays' | 'observe'
> & {
  /**
   * Looks the entered local part up at the near domains read by a check in a second statement,
   * always (how the directory did before it went in the first; the benchmarks compare the two).
   * @default false
   */
  readonly nearKeysApart?: boolean;
};

/**
 * {@link createPostgresDirectory} with the grouping of candidate look-ups set: the benchmarks
 * compare settings with it. Not part of the public API.
 */
export function createTunedPostgresDirectory(
  options: PostgresDirectoryOptions,
  batching: CandidateBatching,
): PostgresDirectory {
  const settings = parseInput(OptionsSchema, options, ['options']);
  const pool = settings.pool;
  const s = schemaName(settings.schema, ['options', 'schema']);
  const rules: MailboxRuleIndex = indexMailboxRules(options.mailboxRules ?? defaultMailboxRules);
  const defaultCountry = options.defaultCountry ?? 'SE';
  // A call on an ended pool, an unmigrated schema or a database out of reach says what to do,
  // translated where the queries are issued: a lookup with LookupFailedError, a write with
  // DirectoryWriteFailedError (nothing of it was written), so a sync tells its failure from a check's.
  const fail = postgresFailure(pool, s, (message, cause) => new LookupFailedError(message, cause));
  const lockTimeoutMs = settings.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS;
  const failWrite = postgresFailure(
    pool,
    s,
    (message, cause) => new DirectoryWriteFailedError(message, cause),
    lockTimeoutMs,
  );

  /**
   * The strings an address is filed under: its key, and each one-character deletion of its local
   * part. Into a set where each must be once (the rows written), or an array (a check's lookup,
   * where a repeat costs nothing and a set per check would be allocated only to be dropped).
   */
  function variantsOf(key: MailboxKey, into: Set<string> | string[]): void {
    put(into, key.key);
    const { local, domain } = key;
    for (let i = 0; i < local.length; i++) {
      // Deleting any character of a run of equal ones gives the same string: the first stands for all.
      if (i > 0 && local[i] === local[i - 1]) continue;
      put(into, `${local.slice(0, i)}${local.slice(i + 1)}@${domain}`);
    }
    // Å, ä, ö written another way, filed and looked up as the in-memory directory does.
    const folded = foldedMailboxKey(key);
    if (folded !== undefined) put(into, folded);
  }

  /**
   * The directory's domains that share a deletion variant with an entered domain, by entered
   * domain, as last read: a check of an address at a domain seen in the last
   * {@link NEAR_DOMAINS_TTL_MS} needs only the candidate customers from the database (the same few
   * domains are entered over and over). A domain new to the directory clears it in this process
   * (when written, and again when its own transaction commits; written in the caller's transaction,
   * whose commit it does not see, nothing is kept for one time to live); another process sees the
   * new domain within the time to live.
   */
  const nearDomainsCache = new Map<string, { readonly domains: readonly string[]; readonly until: number }>();
  /** Bumped when the cache is cleared: a read begun before that is not stored. */
  let nearDomainsGeneration = 0;
  /** Until then nothing is kept: a domain written in the caller's transaction may commit meanwhile. */
  let nearDomainsPausedUntil = 0;
  function forgetNearDomains(): void {
    nearDomainsCache.clear();
    nearDomainsGeneration++;
  }

  function rowsOf(
    customer: z.output<typeof CustomerSchema>,
    path: readonly (string | number)[],
  ): CustomerRows {
    refuseNul(customer, path);
    const country = customer.country?.toUpperCase() ?? '';
    const region = country || defaultCountry;
    const emails: string[] = [];
    const keys: MailboxKey[] = [];
    const domains = new Set<string>();
    for (const email of customer.emails ?? []) {
      const parsed = parseAddress(email);
      // Kept (it is the customer's data) but indexing nothing, as in the in-memory directory.
      emails.push(parsed.ok ? parsed.address.address : `${UNPARSED}${email.trim()}`);
      if (parsed.ok) {
        const key = mailboxKey(parsed.address, rules);
        // Kept as a copy made here, not as the object mailboxKey made: a batch keeps 10,000
        // customers' keys until it is written, and V8 then allocates every later object of the
        // literal in mailboxKey straight into the old generation (allocation-site pretenuring:
        // Clifford et al., "Memento Mori: Dynamic Allocation-Site-Based Optimizations", ISMM
        // 2015), the keys each check's look-up makes among them; the young strings those hold
        // then outlived every scavenge and were copied and promoted with them: 165 KB a scavenge
        // against 10 KB (bench/allocation.ts, docs/postgres.md).
        if (!keys.some((known) => known.key === key.key))
          keys.push({ local: key.local, domain: key.domain, key: key.key });
        domains.add(key.domain);
      }
    }
    const phones = (customer.phones ?? []).map((phone) => toE164(phone, region) ?? phone.trim());
    return {
      id: customer.id,
      name: customer.name ? customer.name : null,
      emails,
      phones,
      birthDate: customer.birthDate ? customer.birthDate : null,
      country: country || null,
      keys,
      indexedPhones: new Set(phones.filter(isE164)),
      domains,
    };
  }

  /** The rows a stored customer was filed under, to delete them by value. */
  function storedRows(row: { emails: string[]; phones: string[] }): {
    variants: Set<string>;
    phones: Set<string>;
  } {
    const variants = new Set<string>();
    for (const address of row.emails) {
      if (address.startsWith(UNPARSED)) continue;
      variantsOf(mailboxKey(storedAddress(address), rules), variants);
    }
    return { variants, phones: new Set(row.phones.filter(isE164)) };
  }

  /**
   * Locks the stored customers with these ids and deletes their index rows (variants and phones,
   * by value), returning the ids found. A writer of the same customer in another transaction waits
   * here for this one, or this one for it.
   */
  async function lockAndUnindex(client: PoolClient, ids: readonly string[]): Promise<string[]> {
    const { rows } = await client.query<{ id: string; emails: string[]; phones: string[] }>(
      `SELECT id, emails, phones FROM ${s}.customer WHERE id = ANY($1::text[]) FOR UPDATE`,
      [ids],
    );
    if (rows.length === 0) return [];
    const variantKeys: string[] = [];
    const variantIds: string[] = [];
    const phoneKeys: string[] = [];
    const phoneIds: string[] = [];
    for (const row of rows) {
      const stored = storedRows(row);
      for (const variant of stored.variants) {
        variantKeys.push(variant);
        variantIds.push(row.id);
      }
      for (const phone of stored.phones) {
        phoneKeys.push(phone);
        phoneIds.push(row.id);
      }
    }
    await client.query(
      `DELETE FROM ${s}.mailbox_variant WHERE (variant, customer_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [variantKeys, variantIds],
    );
    await client.query(
      `DELETE FROM ${s}.customer_phone WHERE (phone, customer_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [phoneKeys, phoneIds],
    );
    return rows.map((row) => row.id);
  }

  /** Deletes the customers with these ids, returning how many there were. */
  async function deleteCustomers(client: PoolClient, ids: string[]): Promise<number> {
    const found = await lockAndUnindex(client, ids);
    if (found.length > 0) await client.query(`DELETE FROM ${s}.customer WHERE id = ANY($1::text[])`, [found]);
    return found.length;
  }

  /**
   * Writes the batch's customer rows from `source` (a relation with the customer table's columns):
   * stored ones are locked, unindexed and updated; new ones inserted. A new one that another
   * instance inserted meanwhile (its transaction committed while this one waited on the primary
   * key) is then locked and replaced like a stored one: the last writer wins, and no upsert fails
   * on the key (INSERT ... ON CONFLICT, PostgreSQL manual, "INSERT").
   */
  async function placeCustomers(
    client: PoolClient,
    ids: readonly string[],
    source: string,
    parameters: unknown[],
  ): Promise<void> {
    const columns =
      'name = source.name, emails = source.emails, phones = source.phones, birth_date = source.birth_date, country = source.country';
    const next = parameters.length + 1;
    let pending = ids;
    while (pending.length > 0) {
      const stored = await lockAndUnindex(client, pending);
      if (stored.length > 0) {
        await client.query(
          `UPDATE ${s}.customer SET ${columns} FROM ${source} AS source
            WHERE customer.id = source.id AND source.id = ANY($${next}::text[])`,
          [...parameters, stored],
        );
      }
      const fresh = stored.length === 0 ? pending : without(pending, stored);
      if (fresh.length === 0) break;
      // The whole source when every id is new (a first load): no list to filter by.
      const all = fresh.length === ids.length;
      const { rows: conflicting } = await client.query<{ id: string }>(
        `WITH inserted AS (
           INSERT INTO ${s}.customer (id, name, emails, phones, birth_date, country)
           SELECT id, name, emails, phones, birth_date, country FROM ${source} AS source
            ${all ? '' : `WHERE source.id = ANY($${next}::text[])`}
           ON CONFLICT (id) DO NOTHING RETURNING id)
         SELECT fresh.id FROM unnest($${next}::text[]) AS fresh (id)
          WHERE fresh.id NOT IN (SELECT id FROM inserted)`,
        [...parameters, fresh],
      );
      // Written meanwhile by another instance: locked and replaced on the next round.
      pending = conflicting.map((row) => row.id);
    }
  }

  async function addDomains(client: PoolClient, batch: readonly CustomerRows[]): Promise<void> {
    const domains = new Set<string>();
    for (const rows of batch) for (const domain of rows.domains) domains.add(domain);
    if (domains.size === 0) return;
    const { rows } = await client.query<{ domain: string }>(
      `INSERT INTO ${s}.mailbox_domain (domain) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING RETURNING domain`,
      [[...domains]],
    );
    if (rows.length === 0) return;
    forgetNearDomains();
    const variants: string[] = [];
    const names: string[] = [];
    for (const { domain } of rows) {
      for (const variant of domainVariants(domain)) {
        variants.push(variant);
        names.push(domain);
      }
    }
    await client.query(
      `INSERT INTO ${s}.domain_variant (variant, domain) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
      [variants, names],
    );
  }

  /**
   * Writes one batch. `fresh`: a batch of a bulk load ({@link beginBulkLoad}) whose ids are new to
   * the load, so none is stored (the customer table was empty and no other writer can add to it):
   * its customer rows go straight into the table through COPY, with nothing to look up, lock or
   * replace first. On a million customers that look-up by id was the load's slowest statement
   * after the index build: on a table loaded in the same transaction the planner has no
   * statistics, so each batch's `id = ANY(...)` read the whole table, growing with the square of
   * the load.
   */
  async function writeBatch(
    client: PoolClient,
    batch: readonly CustomerRows[],
    fresh: boolean,
  ): Promise<void> {
    const ids = batch.map((rows) => rows.id);
    if (fresh) {
      await copyInto(
        client,
        `COPY ${s}.customer (id, name, emails, phones, birth_date, country) FROM STDIN`,
        function* () {
          for (const rows of batch) {
            yield copyLine([rows.id, rows.name, rows.emails, rows.phones, rows.birthDate, rows.country]);
          }
        },
      );
      await copyIndexRows(client, batch);
    } else if (batch.length >= BATCH) {
      // A large batch goes through COPY: into a staging table first, so the customer rows can be
      // placed with ON CONFLICT, which COPY has not; the index rows then straight into their tables.
      await client.query(
        `CREATE TEMP TABLE IF NOT EXISTS email_guard_customer_stage
           (id text, name text, emails text[], phones text[], birth_date text, country text) ON COMMIT DELETE ROWS`,
      );
      await client.query('TRUNCATE email_guard_customer_stage');
      await copyInto(
        client,
        'COPY email_guard_customer_stage (id, name, emails, phones, birth_date, country) FROM STDIN',
        function* () {
          for (const rows of batch) {
            yield copyLine([rows.id, rows.name, rows.emails, rows.phones, rows.birthDate, rows.country]);
          }
        },
      );
      await placeCustomers(client, ids, 'email_guard_customer_stage', []);
      await copyIndexRows(client, batch);
    } else {
      const json = JSON.stringify(
        batch.map((rows) => ({
          id: rows.id,
          name: rows.name,
          emails: rows.emails,
          phones: rows.phones,
          birth_date: rows.birthDate,
          country: rows.country,
        })),
      );
      await placeCustomers(client, ids, `jsonb_populate_recordset(NULL::${s}.customer, $1::jsonb)`, [json]);
      await insertIndexRows(client, batch);
    }
    await addDomains(client, batch);
  }

  async function insertIndexRows(client: PoolClient, batch: readonly CustomerRows[]): Promise<void> {
    const variants: string[] = [];
    const variantIds: string[] = [];
    const phones: string[] = [];
    const phoneIds: string[] = [];
    for (const rows of batch) {
      const filed = new Set<string>();
      for (const key of rows.keys) variantsOf(key, filed);
      for (const variant of filed) {
        variants.push(variant);
        variantIds.push(rows.id);
      }
      for (const phone of rows.indexedPhones) {
        phones.push(phone);
        phoneIds.push(rows.id);
      }
    }
    await client.query(
      `INSERT INTO ${s}.mailbox_variant (variant, customer_id) SELECT * FROM unnest($1::text[], $2::text[])`,
      [variants, variantIds],
    );
    await client.query(
      `INSERT INTO ${s}.customer_phone (phone, customer_id) SELECT * FROM unnest($1::text[], $2::text[])`,
      [phones, phoneIds],
    );
  }

  /** COPY (text format) of the index rows: the fastest way in for large loads. */
  async function copyIndexRows(client: PoolClient, batch: readonly CustomerRows[]): Promise<void> {
    const stream = client.query(
      copyStreams.from(`COPY ${s}.mailbox_variant (variant, customer_id) FROM STDIN`),
    );
    await pipeline(Readable.from(variantCopyChunks(batch)), stream);
    await copyInto(client, `COPY ${s}.customer_phone (phone, customer_id) FROM STDIN`, function* () {
      for (const rows of batch) for (const phone of rows.indexedPhones) yield copyLine([phone, rows.id]);
    });
  }

  /**
   * A large load into an empty directory (the first, or one after a reset) writes the index rows
   * without their primary keys and builds those once at the end: one sort instead of an index
   * insertion per row, several times faster (PostgreSQL manual, "Populating a Database", 14.4.3:
   * "Remove Indexes"). The index tables stay locked for the load's transaction; nothing could be
   * found in them before it commits anyway. `false`, holding none of these locks, when the directory
   * holds customers, also when another writer added some while the load waited for the locks. The customer rows of ids new to the load go straight in (see {@link writeBatch}). An id
   * repeated in a later batch of the same load still replaces the earlier record, but its index
   * rows are then deleted by a scan of the unindexed table: right, though slow, for a rare case.
   */
  async function beginBulkLoad(client: PoolClient): Promise<boolean> {
    const empty = `SELECT NOT EXISTS (SELECT 1 FROM ${s}.customer) AND NOT EXISTS (SELECT 1 FROM ${s}.mailbox_variant) AND NOT EXISTS (SELECT 1 FROM ${s}.customer_phone) AS empty`;
    // The first look is rolled back to its savepoint, which frees the share locks it took on the
    // index tables: kept to the end of the transaction, they made two loads starting at once
    // deadlock, each waiting for the other's lock below (one holding the customer table's, the
    // other a share lock on the index tables the first wants exclusively).
    await client.query('SAVEPOINT email_guard_bulk_look');
    const looked = (await client.query<{ empty: boolean }>(empty)).rows[0]?.empty;
    await client.query('ROLLBACK TO SAVEPOINT email_guard_bulk_look');
    await client.query('RELEASE SAVEPOINT email_guard_bulk_look');
    if (!looked) return false;
    // The locks are taken in a savepoint: rolling back to it releases them (PostgreSQL manual,
    // "Explicit Locking": a lock acquired after a savepoint is released when the savepoint is rolled
    // back), so a load that finds another writer came first holds none of them.
    await client.query('SAVEPOINT email_guard_bulk_load');
    // Against other writers only (`get` and the lookups still read it): no customer the load could
    // clash with appears meanwhile. A writer that added one first is waited for, then seen below.
    await client.query(`LOCK TABLE ${s}.customer IN SHARE ROW EXCLUSIVE MODE`);
    await client.query(`LOCK TABLE ${s}.mailbox_variant, ${s}.customer_phone IN ACCESS EXCLUSIVE MODE`);
    // Rows written between the look and the lock: an ordinary load then, without the locks, which
    // would hold up every lookup until the load commits.
    if (!(await client.query<{ empty: boolean }>(empty)).rows[0]?.empty) {
      await client.query('ROLLBACK TO SAVEPOINT email_guard_bulk_load');
      await client.query('RELEASE SAVEPOINT email_guard_bulk_load');
      return false;
    }
    await client.query('RELEASE SAVEPOINT email_guard_bulk_load');
    await client.query(`ALTER TABLE ${s}.mailbox_variant DROP CONSTRAINT mailbox_variant_pkey`);
    await client.query(`ALTER TABLE ${s}.customer_phone DROP CONSTRAINT customer_phone_pkey`);
    return true;
  }

  /** The primary keys dropped by {@link beginBulkLoad}, built again, and statistics for the planner. */
  async function endBulkLoad(client: PoolClient): Promise<void> {
    // The build's sort gets at least BUILD_MEMORY for this transaction only (set_config's
    // is_local: PostgreSQL manual, "System Administration Functions"): with the server's default
    // of 64MB the sort spills to disk and runs with one parallel worker at most, since each
    // participant needs 32MB of it ("Resource Consumption", max_parallel_maintenance_workers).
    // A server set higher keeps its own.
    await client.query(
      `SELECT set_config('maintenance_work_mem', $1, true)
        WHERE pg_size_bytes(current_setting('maintenance_work_mem')) < pg_size_bytes($1)`,
      [BUILD_MEMORY],
    );
    await client.query(
      `ALTER TABLE ${s}.mailbox_variant ADD CONSTRAINT mailbox_variant_pkey PRIMARY KEY (variant, customer_id)`,
    );
    await client.query(
      `ALTER TABLE ${s}.customer_phone ADD CONSTRAINT customer_phone_pkey PRIMARY KEY (phone, customer_id)`,
    );
    await client.query(`ANALYZE ${s}.customer, ${s}.mailbox_variant, ${s}.customer_phone`);
  }

  /** Runs `work` in the caller's transaction, or in one of its own. */
  async function inTransaction<T>(
    given: PoolClient | undefined,
    work: (client: PoolClient) => Promise<T>,
  ): Promise<T> {
    if (given) return work(given).catch(failWrite);
    return withPoolClient(pool, async (client) => {
      try {
        await beginWithLockTimeout(client, lockTimeoutMs);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }).catch(failWrite);
  }

  // Named statements: each connection parses and plans them once, then only binds the values
  // (PostgreSQL protocol, "Extended Query"; node-postgres "Prepared statements").
  const named = (name: string, text: string) => ({ name: `email-guard ${s} ${name}`, text });
  // The candidates of a check, with the domains one slip from the entered one when those are not
  // cached, and those of the second look-up at near domains: with many checks in flight, several
  // in one statement.
  const candidates = createCandidateBatcher({ ...batching, pool, schema: s });
  const findPhone = named(
    'find-phone',
    `SELECT id, name, phones FROM ${s}.customer WHERE id = ANY(ARRAY(SELECT customer_id FROM ${s}.customer_phone WHERE phone = $1))`,
  );

  const sizeQuery = named(
    'size',
    `SELECT coalesce(sum(change), 0)::bigint AS count FROM ${s}.customer_count`,
  );

  const directory: PostgresDirectory = {
    asynchronous: true,

    async upsert(customers, writeOptions = {}) {
      const { client } = parseInput(WriteOptionsSchema, writeOptions, ['options']);
      if (
        customers === null ||
        customers === undefined ||
        (typeof (customers as Iterable<Customer>)[Symbol.iterator] !== 'function' &&
          typeof (customers as AsyncIterable<Customer>)[Symbol.asyncIterator] !== 'function')
      ) {
        throw new InvalidInputError([{ path: ['customers'], message: 'an iterable of customers' }]);
      }
      const generation = nearDomainsGeneration;
      const result = await inTransaction(client, async (transaction) => {
        let batch = new Map<string, CustomerRows>();
        let index = 0;
        // The ids of earlier batches: one repeated in a later batch is one customer, counted once.
        const written = new Set<string>();
        let bulk: boolean | undefined;
        // The next batch is read and parsed while the server writes the last one.
        let writing: Promise<void> | undefined;
        const write = async (rows: CustomerRows[]) => {
          let repeated = false;
          for (const row of rows) {
            if (written.has(row.id)) repeated = true;
            else written.add(row.id);
          }
          if (writing) await writing;
          bulk ??= rows.length >= BATCH && (await beginBulkLoad(transaction));
          writing = writeBatch(transaction, rows, bulk && !repeated);
          writing.catch(() => undefined);
        };
        /** Adds one customer to the batch; `true` when the batch is full. */
        const take = (customer: Customer): boolean => {
          // A plain well-formed record is vouched for by hand, as CustomerSchema would return it
          // (test/guard/fits-check-recipient-input.test.ts holds the two to the same answers);
          // anything else goes through the schema, which names every fault.
          const parsed = fitsCustomerSchema(customer)
            ? customer
            : parseInput(CustomerSchema, customer, ['customers', index]);
          const rows = rowsOf(parsed, ['customers', index]);
          // A repeated id keeps the last record: the later one replaces it in the batch.
          batch.delete(rows.id);
          batch.set(rows.id, rows);
          index++;
          return batch.size >= BATCH;
        };
        try {
          if (typeof (customers as Iterable<Customer>)[Symbol.iterator] === 'function') {
            // Read without a promise per customer, which `for await` makes even for an array.
            for (const customer of customers as Iterable<Customer>) {
              if (take(customer)) {
                await write([...batch.values()]);
                batch = new Map();
              }
            }
          } else {
            for await (const customer of customers as AsyncIterable<Customer>) {
              if (take(customer)) {
                await write([...batch.values()]);
                batch = new Map();
              }
            }
          }
          if (batch.size > 0) {
            await write([...batch.values()]);
          }
          await writing;
        } catch (error) {
          // The client is free for the rollback only once its last write has ended.
          await writing?.catch(() => undefined);
          throw error;
        }
        if (bulk) await endBulkLoad(transaction);
        return { upserted: written.size };
      });
      // A domain new to the directory, read as missing by a check while the write was not yet
      // committed: read again now, and, when the caller commits, after it does.
      if (nearDomainsGeneration !== generation) {
        forgetNearDomains();
        if (client) nearDomainsPausedUntil = Date.now() + NEAR_DOMAINS_TTL_MS;
      }
      return result;
    },

    async remove(customerId, writeOptions = {}) {
      parseInput(CustomerIdSchema, customerId, ['customerId']);
      const { client } = parseInput(WriteOptionsSchema, writeOptions, ['options']);
      // PostgreSQL text cannot hold NUL, so no customer has such an id.
      if (customerId.includes('\u0000')) return false;
      return inTransaction(
        client,
        async (transaction) => (await deleteCustomers(transaction, [customerId])) > 0,
      );
    },

    async get(customerId) {
      parseInput(CustomerIdSchema, customerId, ['customerId']);
      if (customerId.includes('\u0000')) return undefined;
      const { rows } = await pool
        .query<{
          id: string;
          name: string | null;
          emails: string[];
          phones: string[];
          birth_date: string | null;
          country: string | null;
        }>(`SELECT id, name, emails, phones, birth_date, country FROM ${s}.customer WHERE id = $1`, [
          customerId,
        ])
        .catch(fail);
      const row = rows[0];
      if (!row) return undefined;
      const customer: DirectoryCustomer = {
        id: row.id,
        ...(row.name ? { name: row.name } : {}),
        emails: row.emails.map((address) => (address.startsWith(UNPARSED) ? address.slice(1) : address)),
        phones: row.phones,
        ...(row.birth_date ? { birthDate: row.birth_date } : {}),
        ...(row.country ? { country: row.country } : {}),
      };
      return customer;
    },

    async size() {
      // The count the customer table's triggers keep (migration 12), a few rows at READ COMMITTED
      // (more while every writer is REPEATABLE READ, docs/postgres.md): not a count(*),
      // which reads the whole table, for every hold.
      const { rows } = await pool.query<{ count: string }>(sizeQuery).catch(fail);
      return Number(rows[0]?.count ?? 0);
    },

    async findAddress(input, findOptions = {}) {
      // The usual call (an address as text) is vouched for by hand, as the schemas would accept it;
      // anything else goes through them, which name every fault.
      if (!isPlainFindInput(input)) parseInput(FindAddressInputSchema, input, ['input']);
      const { maxDistance = 1 } = isPlainFindOptions(findOptions)
        ? findOptions
        : parseInput(FindAddressOptionsSchema, findOptions, ['options']);
      const parsed =
        typeof input.entered === 'string'
          ? parseAddress(input.entered)
          : ({ ok: true, address: input.entered } as const);
      if (!parsed.ok) return [];
      const matcher = createAddressMatcher<string>(parsed.address, rules, {
        maxDistance,
        unparsed: UNPARSED,
        excludeCustomerId: input.excludeCustomerId,
      });
      const key = matcher.key;
      const variants: string[] = [];
      if (maxDistance === 0) variants.push(key.key);
      else variantsOf(key, variants);
      // One round trip: the candidate customers, and, unless cached, the directory's domains that
      // may be one slip from the entered one (their deletion variants meet, as for local parts),
      // in one statement; with cached domains, the candidates alone, maybe with other checks'.
      const cached = maxDistance === 0 ? undefined : nearDomainsCache.get(key.domain);
      const readDomains = maxDistance === 1 && (cached === undefined || cached.until <= Date.now());
      const generation = nearDomainsGeneration;
      let domains = cached?.domains ?? [];
      const slotOf = (id: string) => (index: number) => `${id}\u0000${index}`;
      if (readDomains) {
        // The entered local part as a domain without mailbox rules reads it (mailboxKey: quotes
        // dropped, case folded, NFC), looked up at every domain the statement reads as near, in
        // that statement: the rules of those domains are the process's (options.mailboxRules), not
        // the database's, so the statement cannot apply them; where a near domain's own rules read
        // the local part otherwise (gmail.com drops the dots of `anna.svensson`), that key was not
        // looked up, and a second statement asks it. PostgreSQL text cannot hold NUL (CandidateBatcher.find).
        const defaultLocal = composedForm(unquotedLocalPart(parsed.address.local).toLowerCase());
        const local = batching.nearKeysApart || defaultLocal.includes('\u0000') ? undefined : defaultLocal;
        const found = await candidates
          .findWithDomains(variants, new Set(domainVariants(key.domain)), local)
          .catch(fail);
        for (const candidate of found.customers) matcher.matchCandidate(candidate, slotOf(candidate.id));
        domains = found.domains;
        if (generation === nearDomainsGeneration && Date.now() >= nearDomainsPausedUntil) {
          // Bounded: entered domains are mostly a few, but a stream of new ones must not grow it.
          if (nearDomainsCache.size >= NEAR_DOMAINS_CACHE_SIZE) nearDomainsCache.clear();
          nearDomainsCache.set(key.domain, { domains, until: Date.now() + NEAR_DOMAINS_TTL_MS });
        }
        const nearDomains = domains.filter((domain) => matcher.isNearDomain(domain));
        if (nearDomains.length > 0) {
          // One slip in the domain with the local part intact: the entered local part as each of
          // those domains' rules read it, looked up by its exact key. The customers of the first
          // statement are matched against those keys too (as with near domains known beforehand,
          // below: each way finds only what its own look-up would have found); a key it did not
          // look up goes in a second statement.
          const rekeyed = matcher.rekey(nearDomains);
          const asked = new Set(local === undefined ? [] : domains.map((domain) => `${local}@${domain}`));
          const missing = [...rekeyed].filter((nearKey) => !asked.has(nearKey));
          for (const candidate of found.customers)
            matcher.matchRekeyed(candidate, rekeyed, slotOf(candidate.id));
          if (missing.length > 0) {
            for (const candidate of await candidates.find(missing).catch(fail)) {
              matcher.matchRekeyed(candidate, rekeyed, slotOf(candidate.id));
            }
          }
        }
      } else {
        // The near domains known beforehand: the entered local part at each of them goes in the
        // candidates' own look-up, one round trip instead of two in a row. Every customer found is
        // matched both ways; each way finds only what its own look-up would have found (an address
        // at the entered domain one slip away shares a variant with it; one at a near domain has
        // a rekeyed key), so the answer is the same.
        const nearDomains = domains.filter((domain) => matcher.isNearDomain(domain));
        const rekeyed = nearDomains.length > 0 ? matcher.rekey(nearDomains) : undefined;
        if (rekeyed) for (const rekey of rekeyed) variants.push(rekey);
        for (const candidate of await candidates.find(variants).catch(fail)) {
          const slot = slotOf(candidate.id);
          matcher.matchCandidate(candidate, slot);
          if (rekeyed) matcher.matchRekeyed(candidate, rekeyed, slot);
        }
      }
      return matcher.matches();
    },

    async findPhone(input) {
      if (!isPlainPhoneInput(input)) parseInput(FindPhoneInputSchema, input, ['input']);
      const e164 = toE164(input.entered, input.region ?? defaultCountry);
      if (e164 === undefined) return [];
      const { rows } = await pool
        .query<{ id: string; name: string | null; phones: string[] }>({
          ...findPhone,
          values: [e164],
        })
        .catch(fail);
      const matches: DirectoryPhoneMatch[] = [];
      for (const row of rows) {
        if (row.id === input.excludeCustomerId || !row.phones.includes(e164)) continue;
        matches.push({ customerId: row.id, ...(row.name ? { name: row.name } : {}), phone: e164 });
      }
      return matches.sort((a, b) => (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0));
    },
  };
  return directory;
}

/**
 * An object with `entered` as text or as `parseAddress` parsed it (what the guard passes) and
 * `excludeCustomerId` text or absent: what FindAddressInputSchema accepts.
 */
function isPlainFindInput(input: unknown): boolean {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const { entered, excludeCustomerId } = input as Record<string, unknown>;
  if (excludeCustomerId !== undefined && typeof excludeCustomerId !== 'string') return false;
  if (typeof entered === 'string') return true;
  if (typeof entered !== 'object' || entered === null) return false;
  const { address, local, domain } = entered as Record<string, unknown>;
  return typeof address === 'string' && typeof local === 'string' && typeof domain === 'string';
}

/** An object with `entered` as text, no `region` and `excludeCustomerId` text or absent: what FindPhoneInputSchema accepts. */
function isPlainPhoneInput(
  input: unknown,
): input is { readonly entered: string; readonly excludeCustomerId?: string } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const { entered, region, excludeCustomerId } = input as Record<string, unknown>;
  return (
    typeof entered === 'string' &&
    region === undefined &&
    (excludeCustomerId === undefined || typeof excludeCustomerId === 'string')
  );
}

/** An object with `maxDistance` 0, 1 or absent: what FindAddressOptionsSchema accepts. */
function isPlainFindOptions(options: unknown): options is { readonly maxDistance?: 0 | 1 } {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return false;
  const { maxDistance } = options as Record<string, unknown>;
  return maxDistance === undefined || maxDistance === 0 || maxDistance === 1;
}

/** PostgreSQL text cannot hold the NUL character: a customer with one is refused, naming the field. */
function refuseNul(customer: z.output<typeof CustomerSchema>, path: readonly (string | number)[]): void {
  const { id, name = '', birthDate = '', country = '', emails = [], phones = [] } = customer;
  // The usual customer has no NUL anywhere: one look at each field, nothing allocated.
  let clean = !id.includes('\u0000') && !name.includes('\u0000') && !birthDate.includes('\u0000');
  clean &&= !country.includes('\u0000');
  for (let i = 0; clean && i < emails.length; i++) clean = !(emails[i] as string).includes('\u0000');
  for (let i = 0; clean && i < phones.length; i++) clean = !(phones[i] as string).includes('\u0000');
  if (clean) return;
  const issues: { path: (string | number)[]; message: string }[] = [];
  const check = (value: string | undefined, field: (string | number)[]) => {
    if (value?.includes('\u0000'))
      issues.push({ path: [...path, ...field], message: 'PostgreSQL text cannot hold the NUL character' });
  };
  check(customer.id, ['id']);
  check(customer.name, ['name']);
  check(customer.birthDate, ['birthDate']);
  check(customer.country, ['country']);
  customer.emails?.forEach((email, index) => {
    check(email, ['emails', index]);
  });
  customer.phones?.forEach((phone, index) => {
    check(phone, ['phones', index]);
  });
  if (issues.length > 0) throw new InvalidInputError(issues);
}

/** Adds `value` to a set, or to the end of an array. */
function put(into: Set<string> | string[], value: string): void {
  if (Array.isArray(into)) into.push(value);
  else into.add(value);
}

/** `ids` but those in `drop`. */
function without(ids: readonly string[], drop: readonly string[]): string[] {
  const dropped = new Set(drop);
  return ids.filter((id) => !dropped.has(id));
}

async function copyInto(client: PoolClient, sql: string, lines: () => Iterable<string>): Promise<void> {
  const stream = client.query(copyStreams.from(sql));
  await pipeline(Readable.from(chunked(lines())), stream);
}

/** Lines joined into chunks of about 64 KiB: one write per line would cost more than the COPY. */
function* chunked(lines: Iterable<string>): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
