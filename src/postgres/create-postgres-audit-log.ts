import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import { AuditLogFailedError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import type { AuditEntry, AuditLog, ReleaseOutcome } from '../nodemailer/audit-log.js';
import { findReleaseSessions, type ReleaseSession } from './find-release-sessions.js';
import { jsonWithoutNul } from './json-without-nul.js';
import {
  beginWithLockTimeout,
  DEFAULT_LOCK_TIMEOUT_MS,
  LockTimeoutMsSchema,
  type LockTimeoutOption,
} from './lock-timeout.js';
import { failureMessage, withPostgresFailures } from './postgres-failure.js';
import { RELEASE_LINE_PATTERNS, releaseLineField } from './release-line-patterns.js';
import { schemaName } from './schema-name.js';
import { withPoolClient } from './with-pool-client.js';

/** Options of {@link createPostgresAuditLog} and {@link verifyAuditLog}. */
export interface PostgresAuditLogOptions {
  /** The schema `migrate` was given. @default 'email_guard' */
  readonly schema?: string;
}

/** The last row of the audit log: its number and its hash, as {@link verifyAuditLog} reports it. */
export interface AuditLogHead {
  /**
   * The row's number, in decimal; `'0'` for an empty log. A string, because the column is a
   * `bigint`, which can exceed `Number.MAX_SAFE_INTEGER` (2^53 - 1); `expectHead` takes it back as
   * a string or as a number.
   */
  readonly seq: string;
  /** The row's hash; {@link GENESIS_HASH} for an empty log. */
  readonly hash: string;
}

/** Options of {@link verifyAuditLog}. */
export interface VerifyAuditLogOptions extends PostgresAuditLogOptions {
  /**
   * The `head` an earlier verification reported, kept outside the database (a file elsewhere, a
   * ticket, a second system): the log must still reach that row with that hash. The hash chain
   * alone cannot show rows removed from its end, nor a log rewritten from the first row by someone
   * who can compute hashes; a head kept elsewhere can.
   * `seq` is the reported string, or a number (a head that went through a system keeping it as
   * one): a whole number from 0 to `Number.MAX_SAFE_INTEGER`.
   * @default undefined (the chain is checked only against itself)
   */
  readonly expectHead?: Omit<AuditLogHead, 'seq'> & { readonly seq: string | number };
}

const OptionsSchema = z.object({
  pool: z.custom<Pool>(
    (value) => typeof (value as Pool | undefined)?.connect === 'function',
    'a pg Pool (new pg.Pool())',
  ),
  schema: z.string().optional(),
});

const VerifyOptionsSchema = OptionsSchema.extend({
  expectHead: z
    .object({
      seq: z.union([
        z.string().regex(/^\d{1,19}$/, 'a row number as verifyAuditLog reports it (head.seq)'),
        z
          .number()
          .int('a whole row number')
          .min(0)
          .max(Number.MAX_SAFE_INTEGER, 'a row number above 2^53 - 1: pass head.seq as the string reported')
          .transform(String),
      ]),
      hash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex as verifyAuditLog reports it (head.hash)'),
    })
    .optional(),
});

/** The hash the first row follows. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hash of a row: SHA-256 over the previous row's hash, the row's number and its entry as stored. */
export function auditRowHash(previousHash: string, seq: number | string, entry: string): string {
  return createHash('sha256').update(`${previousHash}\n${seq}\n${entry}`).digest('hex');
}

/**
 * An audit log in PostgreSQL that shows tampering: rows are only ever added (a trigger refuses
 * UPDATE and DELETE), numbered without gaps, and each carries the SHA-256 of the previous row's hash,
 * its own number and its entry, so a row changed, removed or inserted afterwards by someone who can
 * get past the trigger breaks the chain at that row, and {@link verifyAuditLog} names it. Appends
 * from every instance take turns on an advisory lock. `record` resolves once the row is committed;
 * if it cannot be, it rejects with `AuditLogFailedError` and the message is not sent. Run
 * `migrate(pool)` first.
 *
 * @example
 * ```ts
 * const auditLog = createPostgresAuditLog({ pool });
 * transporter.use('compile', nodemailerGuard({ guard, holdStore, auditLog }));
 * ```
 */
export function createPostgresAuditLog(
  options: { readonly pool: Pool } & PostgresAuditLogOptions & LockTimeoutOption,
): AuditLog {
  const {
    pool,
    schema,
    lockTimeoutMs = DEFAULT_LOCK_TIMEOUT_MS,
  } = parseInput(OptionsSchema.extend({ lockTimeoutMs: LockTimeoutMsSchema }), options, ['options']);
  const s = schemaName(schema, ['options', 'schema']);
  return {
    async record(entry: AuditEntry) {
      // One NUL escape in a row would make `entry::jsonb` fail for every query over the table.
      const text = jsonWithoutNul(entry);
      try {
        await withPoolClient(pool, async (client) => {
          try {
            // The turn's wait counts too: an advisory lock is a lock lock_timeout ends.
            await beginWithLockTimeout(client, lockTimeoutMs);
            await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`email-guard audit ${s}`]);
            const { rows } = await client.query<{ seq: string; hash: string }>(
              `SELECT seq, hash FROM ${s}.audit_log ORDER BY seq DESC LIMIT 1`,
            );
            const last = rows[0];
            const seq = last ? BigInt(last.seq) + 1n : 1n;
            const previousHash = last?.hash ?? GENESIS_HASH;
            await client.query(
              `INSERT INTO ${s}.audit_log (seq, entry, previous_hash, hash) VALUES ($1, $2, $3, $4)`,
              [seq.toString(), text, previousHash, auditRowHash(previousHash, seq.toString(), text)],
            );
            await client.query('COMMIT');
          } catch (error) {
            await client.query('ROLLBACK').catch(() => undefined);
            throw error;
          }
        });
      } catch (error) {
        throw new AuditLogFailedError(
          failureMessage(
            'the decision could not be recorded in the PostgreSQL audit log',
            error,
            pool,
            s,
            lockTimeoutMs,
          ),
          { cause: error },
        );
      }
    },

    async lastReleaseOutcomes(holdIds) {
      if (holdIds.length === 0) return new Map();
      // The table the log's trigger keeps (migrate, version 9): one primary-key read per id.
      const { rows } = await readAuditLog(pool, s, (on) =>
        on.query<{ hold_id: string; outcome: ReleaseOutcome }>(
          `SELECT hold_id, outcome FROM ${s}.last_release_line WHERE hold_id = ANY($1::text[])`,
          [holdIds],
        ),
      );
      return new Map(rows.map((row) => [row.hold_id, row.outcome]));
    },
  };
}

/** Reads the audit log, a failure named as the log's. */
function readAuditLog<T>(pool: Pool, s: string, read: (on: Pool) => Promise<T>): Promise<T> {
  return withPostgresFailures(
    pool,
    s,
    (message, cause) => new AuditLogFailedError(`the audit log could not be read: ${message}`, cause),
    () => read(pool),
  );
}

/** What {@link verifyAuditLog} found. */
export type AuditLogVerification =
  | {
      readonly ok: true;
      /** Rows checked. */
      readonly rows: number;
      /** The last row: keep it outside the database and pass it as `expectHead` next time. */
      readonly head: AuditLogHead;
    }
  | {
      readonly ok: false;
      /** Rows that checked out before the break. */
      readonly rows: number;
      /**
       * The number (`seq`) of the first row where the chain breaks; with `stale-release-line`, the
       * hold's last release line in the log (or, for a hold the log has no release line of, the
       * row the table names).
       */
      readonly seq: string;
      /**
       * `changed`: the row does not match its own hash (its entry or hash was edited);
       * `unlinked`: it does not carry the previous row's hash (a row before it was changed, or
       * inserted); `missing`: rows before it are gone (numbers skipped). With `expectHead`:
       * `truncated`: the log ends before the expected head's row (`seq` is the first row gone:
       * rows were removed from its end, or all of them); `rewritten`: the row at the expected
       * head's number has another hash (the log was rewritten up to there). With a whole chain:
       * `stale-release-line`: the `last_release_line` table the log's trigger keeps does not name
       * the hold's last release line (`holdId`): rows were added with the trigger disabled, or the
       * table was changed by hand, so a release in doubt may not show as one.
       */
      readonly reason: 'changed' | 'unlinked' | 'missing' | 'truncated' | 'rewritten' | 'stale-release-line';
      /** With `stale-release-line`: the hold whose last release line the table does not name. */
      readonly holdId?: string;
    };

/**
 * Reads the whole audit log in order and checks its hash chain: every row's hash over the previous
 * row's hash, its number and its entry, numbers running from 1 without gaps. Reports the first row
 * where the chain breaks, or, when all is well, the `head` (the last row's number and hash). The
 * chain cannot show rows cut from its end: keep each `head` outside the database and pass it as
 * `expectHead` the next time. Reads in pages, so a long log costs time, not memory.
 *
 * @example
 * ```ts
 * const verification = await verifyAuditLog(pool, { expectHead: keptElsewhere });
 * if (!verification.ok) console.log(`the audit log was changed at row ${verification.seq} (${verification.reason})`);
 * else keptElsewhere = verification.head;
 * ```
 */
export async function verifyAuditLog(
  pool: Pool,
  options: VerifyAuditLogOptions = {},
): Promise<AuditLogVerification> {
  const { schema, expectHead } = parseInput(VerifyOptionsSchema, { pool, ...options }, ['options']);
  const s = schemaName(schema, ['options', 'schema']);
  return readAuditLog(pool, s, (on) => verifyChain(on, s, expectHead));
}

async function verifyChain(
  pool: Pool,
  s: string,
  expectHead: AuditLogHead | undefined,
): Promise<AuditLogVerification> {
  const expectSeq = expectHead ? BigInt(expectHead.seq) : undefined;
  let previousHash = GENESIS_HASH;
  let expected = 1n;
  let rows = 0;
  for (;;) {
    const page = await pool.query<{ seq: string; entry: string; previous_hash: string; hash: string }>(
      `SELECT seq, entry, previous_hash, hash FROM ${s}.audit_log WHERE seq >= $1 ORDER BY seq LIMIT 1000`,
      [expected.toString()],
    );
    for (const row of page.rows) {
      if (BigInt(row.seq) !== expected) return { ok: false, rows, seq: row.seq, reason: 'missing' };
      if (row.previous_hash !== previousHash) return { ok: false, rows, seq: row.seq, reason: 'unlinked' };
      if (row.hash !== auditRowHash(row.previous_hash, row.seq, row.entry))
        return { ok: false, rows, seq: row.seq, reason: 'changed' };
      if (expected === expectSeq && row.hash !== expectHead?.hash)
        return { ok: false, rows, seq: row.seq, reason: 'rewritten' };
      previousHash = row.hash;
      expected++;
      rows++;
    }
    if (page.rows.length < 1000) {
      if (expectSeq !== undefined && expected <= expectSeq)
        return { ok: false, rows, seq: expected.toString(), reason: 'truncated' };
      const stale = await staleReleaseLine(pool, s);
      if (stale)
        return { ok: false, rows, seq: stale.seq, reason: 'stale-release-line', holdId: stale.hold_id };
      return { ok: true, rows, head: { seq: (expected - 1n).toString(), hash: previousHash } };
    }
  }
}

/**
 * The first hold, by the log's order, whose last release line in the log is not the one the
 * `last_release_line` table names (its row or its outcome), or that the table names with no such
 * line in the log. The table is kept by a trigger (migrate, version 9), which whoever can disable
 * triggers can bypass, and is not chained: read again from the log here with the trigger's own
 * patterns (RELEASE_LINE_PATTERNS), it must agree row for row, or a release in doubt could be hidden from
 * findPostgresReleasesInDoubt. One pass over the log on the server.
 */
async function staleReleaseLine(
  pool: Pool,
  s: string,
): Promise<{ readonly hold_id: string; readonly seq: string } | undefined> {
  const { rows } = await pool.query<{ hold_id: string; seq: string }>(
    `WITH line AS (
       SELECT DISTINCT ON (hold_id) hold_id, seq, outcome FROM (
         SELECT seq, ${releaseLineField('holdId', 'entry')} COLLATE "C" AS hold_id,
                ${releaseLineField('outcome', 'entry')} AS outcome
           FROM ${s}.audit_log
       ) lines
       WHERE hold_id IS NOT NULL AND outcome = ANY($1::text[])
       ORDER BY hold_id, seq DESC
     )
     SELECT coalesce(line.hold_id, kept.hold_id) AS hold_id, coalesce(line.seq, kept.seq) AS seq
       FROM line FULL JOIN ${s}.last_release_line kept ON kept.hold_id = line.hold_id
      WHERE line.seq IS DISTINCT FROM kept.seq OR line.outcome IS DISTINCT FROM kept.outcome
      ORDER BY coalesce(line.seq, kept.seq)
      LIMIT 1`,
    [RELEASE_LINE_PATTERNS.outcomes],
  );
  return rows[0];
}

/**
 * The hold ids whose release is in doubt: the last release line in the PostgreSQL audit log is
 * `release-started` with no end after it (`released`, `released-despite-block`, `release-failed`,
 * `release-refused` or `discarded`), and no live session holds the message's release lock, so the
 * process stopped after the send began: the message may have reached the recipient or not, and
 * only the mail server's log can say which. A release under way has the same line until its end is
 * logged, but its session still holds the lock: it is not in doubt, and is left out here
 * ({@link findPostgresReleasesUnderWay} names it), so no reviewer is sent to `force` while it sends.
 * Where the locks cannot be read (`pg_locks`), every open release is answered as in doubt: one
 * refused as in doubt sends nothing, the safer mistake. What `findReleasesInDoubt` reads from a
 * JSON-lines log, for every instance that shares the log. One indexed read of the releases still
 * open (the `last_release_line` table the log's trigger keeps): its cost does not grow with the
 * releases settled before.
 *
 * @example
 * ```ts
 * const inDoubt = await findPostgresReleasesInDoubt(pool);
 * inDoubt.has(held.id); // true: check the server's log before releasing or discarding it with { force: true }
 * ```
 */
export async function findPostgresReleasesInDoubt(
  pool: Pool,
  options: PostgresAuditLogOptions = {},
): Promise<Set<string>> {
  return (await openReleases(pool, options)).inDoubt;
}

/**
 * The hold ids whose release is under way: started in the PostgreSQL audit log with no end yet,
 * its release lock held by a live session (the release sending now, in this instance or another),
 * with that session (`pid`, and `client` where the server shows it). Those
 * {@link findPostgresReleasesInDoubt} leaves out. Empty where the locks cannot be read.
 *
 * @example
 * ```ts
 * const underWay = await findPostgresReleasesUnderWay(pool);
 * underWay.get(held.id)?.pid; // 4711: the server process of the session sending it now
 * ```
 */
export async function findPostgresReleasesUnderWay(
  pool: Pool,
  options: PostgresAuditLogOptions = {},
): Promise<Map<string, ReleaseSession>> {
  return (await openReleases(pool, options)).underWay;
}

/** The releases started and not ended, told apart by whether a live session holds their lock. */
async function openReleases(
  pool: Pool,
  options: PostgresAuditLogOptions,
): Promise<{ inDoubt: Set<string>; underWay: Map<string, ReleaseSession> }> {
  const { schema } = parseInput(OptionsSchema, { pool, ...options }, ['options']);
  const s = schemaName(schema, ['options', 'schema']);
  const { rows } = await readAuditLog(pool, s, (on) =>
    on.query<{ hold_id: string }>(
      `SELECT hold_id FROM ${s}.last_release_line WHERE outcome = 'release-started' ORDER BY hold_id`,
    ),
  );
  const open = rows.map((row) => row.hold_id);
  if (open.length === 0) return { inDoubt: new Set(), underWay: new Map() };
  const sessions = await findReleaseSessions(pool, open, options).catch(() => undefined);
  if (!sessions) return { inDoubt: new Set(open), underWay: new Map() };
  return { inDoubt: new Set(open.filter((id) => !sessions.has(id))), underWay: sessions };
}

/**
 * The `release-started` line of each of `holdIds` whose release was started and has not ended, in
 * the PostgreSQL audit log: when it began, who released it, to which recipients (the envelope it
 * was sent with) and the Message-ID, which is what the mail server's log is searched for. What
 * `readReleaseStarts` reads from a JSON-lines log ({@link readPostgresLastReleaseLines}).
 */
export async function readPostgresReleaseStarts(
  pool: Pool,
  holdIds: readonly string[],
  options: PostgresAuditLogOptions = {},
): Promise<Map<string, AuditEntry>> {
  const started = new Map<string, AuditEntry>();
  for (const [holdId, line] of await readPostgresLastReleaseLines(pool, holdIds, options))
    if (line.outcome === 'release-started') started.set(holdId, line);
  return started;
}

/**
 * The last release line, whole, of each of `holdIds` that has one in the PostgreSQL audit log: a
 * start, or the line that ended its release (`released`, `discarded` …) with who, why and when.
 * What `readLastReleaseLines` reads from a JSON-lines log; one primary-key read per id of the
 * table the log's trigger keeps (`last_release_line`, which names the line's row), and of that row.
 */
export async function readPostgresLastReleaseLines(
  pool: Pool,
  holdIds: readonly string[],
  options: PostgresAuditLogOptions = {},
): Promise<Map<string, AuditEntry>> {
  const { schema } = parseInput(OptionsSchema, { pool, ...options }, ['options']);
  const s = schemaName(schema, ['options', 'schema']);
  if (holdIds.length === 0) return new Map();
  const { rows } = await readAuditLog(pool, s, (on) =>
    on.query<{ hold_id: string; entry: string }>(
      `SELECT line.hold_id, log.entry FROM ${s}.last_release_line line
         JOIN ${s}.audit_log log ON log.seq = line.seq
        WHERE line.hold_id = ANY($1::text[])`,
      [holdIds],
    ),
  );
  const lines = new Map<string, AuditEntry>();
  for (const row of rows) {
    // A row that is not JSON was not written by this log (verifyAuditLog names it): passed over.
    try {
      lines.set(row.hold_id, JSON.parse(row.entry) as AuditEntry);
    } catch {}
  }
  return lines;
}
