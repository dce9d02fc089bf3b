import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import { InvalidInputError, VerificationStoreFailedError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import type { IndexEntry } from '../verification/index-entries.js';
import {
  beginWithLockTimeout,
  DEFAULT_LOCK_TIMEOUT_MS,
  LockTimeoutMsSchema,
  type LockTimeoutOption,
} from './lock-timeout.js';
import { postgresFailure } from './postgres-failure.js';
import { schemaName } from './schema-name.js';
import { withPoolClient } from './with-pool-client.js';

/** Options of {@link createPostgresVerificationStore}. */
export interface PostgresVerificationStoreOptions extends LockTimeoutOption {
  /** Where the verification tables are (`migrate` made them). */
  readonly pool: Pool;
  /** The schema `migrate` was given. @default 'email_guard' */
  readonly schema?: string;
}

/**
 * The verification store contract (`VerificationStore` of the verifier) over any JSON record:
 * the database's clock, a key made once and kept, and an atomic read-change-write per name.
 */
export interface PostgresVerificationStore<Record = unknown> {
  /**
   * The store's identity, `postgresql:<system identifier>/<database>/<schema>`: the cluster's
   * `system_identifier` (`pg_control_system()`, made by initdb and kept by every copy of the
   * cluster's files; PostgreSQL manual, "System Information Functions", Control Data Functions),
   * the database's name and the schema's. Every instance on the schema answers the same; another
   * schema, database or cluster answers another, so a release checked against it is refused.
   */
  id(): Promise<string>;
  /** The database's clock, in milliseconds since 1970: the same for every instance. */
  now(): Promise<number>;
  /** The key codes and tokens are hashed with: 32 random bytes, made by the first caller and kept. */
  key(): Promise<Uint8Array>;
  /** The record under `name`, or `undefined`. */
  read(name: string): Promise<Record | undefined>;
  /**
   * The records under `names`, in their order (`undefined` where there is none), in one query on
   * the table's primary key: the few dozen names the verifier reads for a near miss cost one
   * round trip, however many records the table holds.
   */
  readMany(names: readonly string[]): Promise<(Record | undefined)[]>;
  /**
   * Every address record with a verified challenge (`kind` `address`, a challenge with
   * `verifiedAt`), in pages of {@link VERIFIED_PAGE_SIZE} read in the order of the primary key
   * (each page starts after the last name of the one before), so memory stays bounded and no
   * transaction stays open between pages: what `verifier.reindex()` files again.
   */
  verifiedRecords(): AsyncIterable<Record>;
  /**
   * Files many index entries of the verifier at once (`verifier.reindex()` passes a page of verified
   * addresses' entries): each `value` added, once, to the `addresses` (kind `variant`) or `domains`
   * (kind `domain`) of the record under `name`, in one `INSERT ... SELECT FROM unnest(...) ON
   * CONFLICT DO UPDATE` in a transaction of its own. Rows are written in the order of their names,
   * as every filing writes them, so two filings at once wait for each other instead of deadlocking;
   * a row that lists every value already is not written.
   */
  fileMany(entries: readonly IndexEntry[]): Promise<void>;
  /**
   * Runs `work` holding a session-level advisory lock of the schema's verification index (on a
   * client of the pool of its own, so the pool needs two connections at least: on a pool of one,
   * `new pg.Pool({ max: 1 })`, it throws an `InvalidInputError` naming `options.pool` and runs
   * nothing, where it would otherwise wait for ever): a second instance
   * filing the index waits for the first. PostgreSQL ends the lock with the session, so an instance
   * that stops mid-filing holds nobody up.
   */
  withIndexLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Replaces the record under `name` with what `change` makes of it, in one transaction holding
   * the row's lock (`SELECT ... FOR UPDATE`), so no other update of that name, from any instance,
   * comes between the read and the write. `change` returns `undefined` to leave the record as it
   * is. A process that stops mid-update leaves the record as it was (the transaction is rolled back).
   */
  update(
    name: string,
    change: (current: Record | undefined) => Record | undefined,
  ): Promise<Record | undefined>;
}

const OptionsSchema = z.object({
  pool: z.custom<Pool>(
    (value) => typeof (value as Pool | undefined)?.connect === 'function',
    'a pg Pool (new pg.Pool())',
  ),
  schema: z.string().optional(),
  lockTimeoutMs: LockTimeoutMsSchema,
});

// As the verifier names its records: short ASCII.
const NAME = /^[A-Za-z0-9_-]{1,200}$/;

/** Records read by one query of `verifiedRecords`. */
export const VERIFIED_PAGE_SIZE = 500;

/**
 * PostgreSQL's jsonb cannot hold the NUL character (`\u0000`, SQLSTATE 22P05; PostgreSQL manual,
 * "JSON Types"): a record with one in a key or a string is refused before it is written, naming
 * where it is (`record.pending.0.address`), and the stored record stays as it was.
 */
function refuseNul(record: unknown): void {
  const path = nulPath(record, ['record']);
  if (path === undefined) return;
  throw new InvalidInputError([{ path, message: 'PostgreSQL jsonb cannot hold the NUL character' }]);
}

/** Where the first NUL in a JSON value is, or `undefined`. */
function nulPath(value: unknown, path: (string | number)[]): (string | number)[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = nulPath(item, [...path, key]);
    if (found) return found;
  }
  return undefined;
}

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw new InvalidInputError([
      { path: ['name'], message: 'a record name in A-Z, a-z, 0-9, _ and - (at most 200)' },
    ]);
  }
  return name;
}

/**
 * Verification challenges and verified addresses in PostgreSQL, shared by every instance: one
 * `jsonb` row per name, updated under the row's lock. Pass it where the verifier takes its store.
 * Run `migrate(pool)` first.
 *
 * @example
 * ```ts
 * const store = createPostgresVerificationStore({ pool });
 * await store.update('customer-C-1', (current) => ({ ...(current as object), seen: true }));
 * ```
 */
export function createPostgresVerificationStore<Record = unknown>(
  options: PostgresVerificationStoreOptions,
): PostgresVerificationStore<Record> {
  const {
    pool,
    schema,
    lockTimeoutMs = DEFAULT_LOCK_TIMEOUT_MS,
  } = parseInput(OptionsSchema, options, ['options']);
  const s = schemaName(schema, ['options', 'schema']);
  // An ended pool or an unmigrated schema is named, as the directory and the audit log name them;
  // only the queries' failures are translated, never one thrown by the caller's `change`.
  const fail = postgresFailure(
    pool,
    s,
    (message, cause) => new VerificationStoreFailedError(`the verification store failed: ${message}`, cause),
    lockTimeoutMs,
  );
  const schemaOnly = s.slice(1, -1);
  return {
    async id() {
      const { rows } = await pool
        .query<{ system: string; database: string }>(
          'SELECT system_identifier::text AS system, current_database() AS database FROM pg_control_system()',
        )
        .catch(fail);
      const [row] = rows;
      if (row === undefined) throw new VerificationStoreFailedError('the verification store failed: no id');
      return `postgresql:${row.system}/${row.database}/${schemaOnly}`;
    },

    async now() {
      const { rows } = await pool
        .query<{ now: string }>('SELECT floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now')
        .catch(fail);
      return Number(rows[0]?.now);
    },

    async key() {
      // The first caller's key wins; every later one reads it.
      await pool
        .query(`INSERT INTO ${s}.verification_key (key) VALUES ($1) ON CONFLICT (id) DO NOTHING`, [
          randomBytes(32),
        ])
        .catch(fail);
      const { rows } = await pool.query<{ key: Buffer }>(`SELECT key FROM ${s}.verification_key`).catch(fail);
      return new Uint8Array(rows[0]?.key as Buffer);
    },

    async read(name) {
      checkName(name);
      const { rows } = await pool
        .query<{ record: Record | null }>(`SELECT record FROM ${s}.verification_record WHERE name = $1`, [
          name,
        ])
        .catch(fail);
      return rows[0]?.record ?? undefined;
    },

    async readMany(names) {
      if (!Array.isArray(names)) {
        throw new InvalidInputError([{ path: ['names'], message: 'an array of record names' }]);
      }
      const asked = names.map(checkName);
      if (asked.length === 0) return [];
      const { rows } = await pool
        .query<{ name: string; record: Record | null }>(
          `SELECT name, record FROM ${s}.verification_record WHERE name = ANY($1::text[])`,
          [asked],
        )
        .catch(fail);
      const found = new Map(rows.map((row) => [row.name, row.record ?? undefined]));
      return asked.map((name) => found.get(name));
    },

    async *verifiedRecords() {
      let after = '';
      for (;;) {
        // Keyset pages on the primary key: each query is an index range scan, whatever the table's size.
        const { rows } = await pool
          .query<{ name: string; record: Record }>(
            `SELECT name, record FROM ${s}.verification_record
              WHERE name > $1 AND record->>'kind' = 'address'
                AND jsonb_path_exists(record, '$.challenges[*].verifiedAt')
              ORDER BY name LIMIT $2`,
            [after, VERIFIED_PAGE_SIZE],
          )
          .catch(fail);
        for (const row of rows) yield row.record;
        const last = rows.at(-1);
        if (last === undefined || rows.length < VERIFIED_PAGE_SIZE) return;
        after = last.name;
      }
    },

    async fileMany(entries) {
      if (!Array.isArray(entries)) {
        throw new InvalidInputError([{ path: ['entries'], message: 'an array of index entries' }]);
      }
      const names: string[] = [];
      const kinds: string[] = [];
      const values: string[] = [];
      entries.forEach((entry: IndexEntry, index) => {
        names.push(checkName(entry?.name));
        if (entry.kind !== 'variant' && entry.kind !== 'domain') {
          throw new InvalidInputError([
            { path: ['entries', index, 'kind'], message: "'variant' or 'domain'" },
          ]);
        }
        if (typeof entry.value !== 'string') {
          throw new InvalidInputError([{ path: ['entries', index, 'value'], message: 'a string' }]);
        }
        refuseNul(entry.value);
        kinds.push(entry.kind);
        values.push(entry.value);
      });
      if (names.length === 0) return;
      await withPoolClient(pool, async (client) => {
        try {
          await beginWithLockTimeout(client, lockTimeoutMs).catch(fail);
          await client.query(fileManySql(s), [names, kinds, values]).catch(fail);
          await client.query('COMMIT').catch(fail);
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }).catch(fail);
    },

    async withIndexLock(work) {
      // The lock's session keeps one connection for as long as `work` runs, and the filing under it
      // needs another: on a pool of one it would wait for ever, holding the lock (node-postgres
      // "Pool": `max`, default 10, is how many clients it opens at most).
      const max = (pool as { options?: { max?: number } }).options?.max;
      if (max !== undefined && max < 2)
        throw new InvalidInputError([
          {
            path: ['options', 'pool'],
            message: `a pool of ${max} connection: filing the verification index holds a lock on one connection while it writes on another, so the pool needs two at least (new pg.Pool({ max: 2 }))`,
          },
        ]);
      // PostgreSQL manual, "Advisory Locks": a session-level lock is held until released or the
      // session ends; hashtext keys it by the schema, so two schemas in one database do not wait.
      const client = await pool.connect().catch(fail);
      let locked = false;
      try {
        await client.query(`SELECT pg_advisory_lock(hashtext($1))`, [`${s}.verification-index`]).catch(fail);
        locked = true;
        return await work();
      } finally {
        if (locked) {
          const unlocked = await client
            .query(`SELECT pg_advisory_unlock(hashtext($1))`, [`${s}.verification-index`])
            .then(
              () => true,
              () => false,
            );
          // A session whose unlock failed may still hold the lock: it is closed, not reused.
          client.release(unlocked ? undefined : true);
        } else client.release(true);
      }
    },

    async update(name, change) {
      checkName(name);
      return withPoolClient(pool, async (client) => {
        try {
          await beginWithLockTimeout(client, lockTimeoutMs).catch(fail);
          // A row to lock even for a name not written yet: two first updates then take turns too.
          await client
            .query(
              `INSERT INTO ${s}.verification_record (name, record) VALUES ($1, NULL) ON CONFLICT (name) DO NOTHING`,
              [name],
            )
            .catch(fail);
          const { rows } = await client
            .query<{ record: Record | null }>(
              `SELECT record FROM ${s}.verification_record WHERE name = $1 FOR UPDATE`,
              [name],
            )
            .catch(fail);
          const current = rows[0]?.record ?? undefined;
          const next = change(current);
          if (next !== undefined) {
            refuseNul(next);
            await client
              .query(`UPDATE ${s}.verification_record SET record = $2 WHERE name = $1`, [
                name,
                JSON.stringify(next),
              ])
              .catch(fail);
          }
          await client.query('COMMIT').catch(fail);
          return next ?? current;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
      }).catch(fail);
    },
  };
}

/**
 * The entries grouped by name, each name's new values appended to what its row lists (a row of
 * another kind, or NULL, is replaced, as `update` replaces it): one statement for a page of
 * entries. The rows are written in the order of their names in every filing, so two filings at
 * once take the rows' locks in one order (PostgreSQL manual, "Explicit Locking", Deadlocks:
 * "acquire locks on multiple objects in a consistent order").
 */
function fileManySql(s: string): string {
  const list = (kind: string) => `(CASE ${kind} WHEN 'variant' THEN 'addresses' ELSE 'domains' END)`;
  // Parenthesised: PostgreSQL reads `a->b @> c->d` left to right, as `((a->b) @> c)->d`.
  const stored = `(stored.record->${list("excluded.record->>'kind'")})`;
  const added = `(excluded.record->${list("excluded.record->>'kind'")})`;
  return `INSERT INTO ${s}.verification_record AS stored (name, record)
    SELECT name, jsonb_build_object('kind', kind, ${list('kind')}, to_jsonb(filed))
      FROM (SELECT name, min(kind) AS kind, array_agg(DISTINCT value ORDER BY value) AS filed
              FROM unnest($1::text[], $2::text[], $3::text[]) AS entry(name, kind, value)
             GROUP BY name) AS page
     ORDER BY name
    ON CONFLICT (name) DO UPDATE SET record = CASE
        WHEN (stored.record->>'kind') = (excluded.record->>'kind') THEN jsonb_set(
          stored.record,
          ARRAY[${list("excluded.record->>'kind'")}],
          ${stored} || coalesce((
            SELECT jsonb_agg(item.value ORDER BY item.ordinal)
              FROM jsonb_array_elements(${added}) WITH ORDINALITY AS item(value, ordinal)
             WHERE NOT ${stored} @> jsonb_build_array(item.value)), '[]'::jsonb))
        ELSE excluded.record
      END
    WHERE NOT coalesce((stored.record->>'kind') = (excluded.record->>'kind') AND ${stored} @> ${added}, false)`;
}
