import { randomUUID } from 'node:crypto';
import type { SentMessageInfo, Transporter } from 'nodemailer';
import type { Pool, PoolClient } from 'pg';

/** Where a query can go: the pool, or a client already checked out of it. */
type Queryable = Pool | PoolClient;

import { z } from 'zod';
import { HeldMessageClaimedError, HoldStoreFailedError, InvalidInputError } from '../errors.js';
import { parseInput } from '../internal/parse-input.js';
import type { AuditLog } from '../nodemailer/audit-log.js';
import { withRecordedDiscards } from '../nodemailer/discard-and-record.js';
import {
  checkRelease,
  type DiscardOptions,
  describeReleaseProgress,
  type HeldEnvelope,
  type HeldMessage,
  type HoldInput,
  type HoldStore,
  type HoldStoreProblem,
  type ReleaseOptions,
  type ReleaseProgress,
  type ReleaseResult,
  releaseProgressOf,
  sendHeldMessage,
} from '../nodemailer/hold-store.js';
import { messageDigest, type RecordSeal, recordSeal, sameHex } from '../nodemailer/record-seal.js';
import { createPostgresAuditLog } from './create-postgres-audit-log.js';
import { jsonWithoutNul } from './json-without-nul.js';
import {
  beginWithLockTimeout,
  DEFAULT_LOCK_TIMEOUT_MS,
  inLockTimeout,
  LockTimeoutMsSchema,
  type LockTimeoutOption,
} from './lock-timeout.js';
import { explainPostgresFailure, failureMessage } from './postgres-failure.js';
import { schemaName } from './schema-name.js';
import { withPoolClient } from './with-pool-client.js';

import { RELEASE_LOCK_NAMESPACE, withReleaseLock } from './with-release-lock.js';

// <UTC time to the millisecond>-<random>, as the file hold store: sorts by time as text, never collides.
const ID = /^\d{8}T\d{9}Z-[0-9a-f]{8}(?:-[0-9a-f]{4}){3}-[0-9a-f]{12}$/;

/** Options of {@link createPostgresHoldStore}. */
export interface PostgresHoldStoreOptions extends LockTimeoutOption {
  /** Where the `held_message` table is (`migrate` made it). */
  readonly pool: Pool;
  /** The schema `migrate` was given. @default 'email_guard' */
  readonly schema?: string;
  /**
   * Where `discard` records its `discarded` line (who, why, `force`) before the row goes: the same
   * log the guard's releases write to, so every release and discard is accounted for and a forced
   * discard ends an in-doubt `release-started`. `false` writes none (`discardAndRecord` records its own).
   * The store also reads it (`lastReleaseOutcomes`) for a row left `releasing`: `list()` and `get()`
   * say what became of its send (`releaseProgress`), and delete a row whose message the log says
   * was sent, whichever instance sent it. With `false`, or a log that cannot be read, they say
   * nothing of it (`releaseProgress` absent) and only the instance that sent a message deletes its
   * row left behind.
   * @default createPostgresAuditLog({ pool, schema }), the schema's audit_log table
   */
  readonly auditLog?: AuditLog | false;
}

const OptionsSchema = z.object({
  pool: z.custom<Pool>(
    (value) => typeof (value as Pool | undefined)?.query === 'function',
    'a pg Pool (new pg.Pool())',
  ),
  schema: z.string().optional(),
  lockTimeoutMs: LockTimeoutMsSchema,
  auditLog: z
    .union([
      z.literal(false),
      z.custom<AuditLog>(
        (value) => typeof (value as AuditLog | undefined)?.record === 'function',
        'an AuditLog (createPostgresAuditLog({ pool })) or false',
      ),
    ])
    .optional(),
});

const DiscardOptionsSchema = z.object({ force: z.boolean().optional() });

/** Everything of a held message but its id, time, state, subject, customer count and bytes: the `details` column. */
type Details = Omit<HeldMessage, 'id' | 'heldAt' | 'size' | 'state' | 'subject' | 'customersKnown'>;

interface Row {
  readonly id: string;
  readonly held_at: Date;
  readonly state: 'held' | 'releasing';
  /** When a release claimed the row; NULL while it is held. */
  readonly releasing_since: Date | null;
  readonly size: number;
  /** NULL for a message held before version 7 of the schema, or sent without a subject. */
  readonly subject: string | null;
  /**
   * How many customers the check that held it knew; NULL for a message held before version 11 of
   * the schema, or by a guard whose directory could not say.
   */
  readonly customers_known: number | null;
  readonly details: SealedDetails;
  readonly raw?: Buffer;
}

/**
 * The `details` column as written since rows are sealed: the details, the SHA-256 of the raw
 * message and the seal over the row's record (see {@link sealedRecord}). Kept inside the JSON
 * column, so sealing needs no migration; a row held before has neither.
 */
type SealedDetails = Details & { readonly sha256?: string; readonly seal?: RecordSeal };

/** A PostgreSQL hold store, which also names the rows it cannot list whole. */
export interface PostgresHoldStore extends HoldStore {
  /**
   * The rows left out of `list()` because they were changed after they were held (`digest-mismatch`:
   * the row no longer matches the seal written at hold, or its message its digest), as the folder
   * store's `listProblems()` names its damaged entries. Such a row is refused by `get` and `release`;
   * `discard` removes it.
   */
  listProblems(): Promise<HoldStoreProblem[]>;
}

/**
 * A hold store in PostgreSQL, shared by every instance of the application: each held message is
 * one row, the raw message (`bytea`) and its verdicts (`jsonb`) together, so an entry is whole or
 * not there. A release claims the row by moving its `state` from `held` to `releasing` in one
 * `UPDATE` (a row lock: of two instances releasing at once, the second finds the state changed and
 * is refused), sends it, and deletes the row once the transport accepted it; a failed send puts it
 * back to `held`. A process that stops mid-send leaves the row `releasing`: it is never sent again
 * by itself, only by a release or discard with `{ force: true }` once someone has checked that the
 * first send did not arrive. Each release holds the message's advisory lock on a connection of its
 * own while it sends (withReleaseLock): a force is refused while a live process holds it, and of two
 * forces at once one sends. Run `migrate(pool)` first.
 *
 * @example
 * ```ts
 * const holdStore = createPostgresHoldStore({ pool });
 * transporter.use('compile', nodemailerGuard({ guard, holdStore }));
 * const [first] = await holdStore.list();
 * if (first) await holdStore.release(first.id, transporter, { by: 'lena@butiken.se', reason: 'checked by phone' });
 * ```
 */
export function createPostgresHoldStore(options: PostgresHoldStoreOptions): PostgresHoldStore {
  const {
    pool,
    schema,
    lockTimeoutMs = DEFAULT_LOCK_TIMEOUT_MS,
    auditLog,
  } = parseInput(OptionsSchema, options, ['options']);
  const s = schemaName(schema, ['options', 'schema']);
  const table = `${s}.held_message`;
  const discardLog =
    auditLog ?? createPostgresAuditLog({ pool, ...(schema === undefined ? {} : { schema }) });
  // The list reads no message: its size is the stored length (octet_length reads a TOASTed value's
  // header, PostgreSQL manual 73.2 "TOAST"), the subject and the customer count their own columns.
  const columns =
    'id, held_at, state, releasing_since, octet_length(raw) AS size, subject, customers_known, details';

  // An ended pool or an unmigrated schema is named, as the directory and the audit log name them.
  const failed = (message: string) => (error: unknown) => {
    if (error instanceof HoldStoreFailedError || error instanceof InvalidInputError) throw error;
    throw new HoldStoreFailedError(failureMessage(message, error, pool, s, lockTimeoutMs), { cause: error });
  };

  /** Why a release or discard found nothing to claim: gone, or being released. */
  async function refusal(
    id: string,
    on: Queryable,
    refused: 'release' | 'discard',
  ): Promise<HoldStoreFailedError> {
    const { rows } = await on
      .query<{ state: string; releasing_since: Date | null }>(
        `SELECT state, releasing_since FROM ${table} WHERE id = $1`,
        [id],
      )
      .catch(failed(`held message ${id} could not be read from PostgreSQL`));
    const row = rows[0];
    if (!row) return new HoldStoreFailedError(`there is no held message ${id}: it was released or discarded`);
    // A release of another instance (or this one) claimed it first, and may be sending it now.
    const since = row.releasing_since ? ` at ${row.releasing_since.toISOString()}` : '';
    const claimed = new HeldMessageClaimedError(
      refused === 'release'
        ? `held message ${id} is being released: another release claimed it${since}; use { force: true } only if the process of that release stopped without sending it (check the mail server's log)`
        : `held message ${id} cannot be discarded: a release claimed it${since} and may be sending it to the recipient; discard it with { force: true } only once the process of that release has stopped`,
      { holdId: id, claimedAt: row.releasing_since?.toISOString() },
    );
    claims.add(claimed);
    return claimed;
  }

  // The refusals of a claimed row, to which sayingProgress adds what the audit log knows.
  const claims = new WeakSet<HeldMessageClaimedError>();

  /**
   * `work`, a refusal of a claimed row told with what the audit log says of its send. Read once the
   * refusing connection is back in the pool: a pool of one would otherwise wait for itself.
   */
  async function sayingProgress<T>(id: string, work: Promise<T>): Promise<T> {
    try {
      return await work;
    } catch (error) {
      if (!(error instanceof HeldMessageClaimedError) || !claims.has(error)) throw error;
      const known = describeReleaseProgress((await progressOf([id])).get(id));
      if (known === '') throw error;
      throw new HeldMessageClaimedError(`${error.message}${known}`, error, { cause: error });
    }
  }

  /** The refusal while another live session holds the message's release lock. */
  async function busy(id: string, on: Queryable): Promise<never> {
    const { rows } = await on
      .query<{ releasing_since: Date | null }>(`SELECT releasing_since FROM ${table} WHERE id = $1`, [id])
      .catch(failed(`held message ${id} could not be read from PostgreSQL`));
    const since = rows[0]?.releasing_since ?? undefined;
    throw new HeldMessageClaimedError(
      `held message ${id} is being released or discarded by a live process (a session connected to PostgreSQL holds its release lock${since ? `, claimed at ${since.toISOString()}` : ''}): { force: true } is refused while it runs; wait for it to end`,
      { holdId: id, claimedAt: since?.toISOString() },
    );
  }

  /**
   * `work` on a connection of its own. A forced discard's holds the release lock first, so it never
   * deletes a message a live release is sending (it would be delivered and recorded as discarded).
   * A plain one needs no lock: it deletes only a row still `held`, and a live release has moved its
   * row to `releasing`.
   */
  function discardOn<T>(id: string, force: boolean, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const discardFailed = failed(`held message ${id} could not be discarded`);
    if (!force) return withPoolClient(pool, work, discardFailed);
    return withReleaseLock(
      pool,
      { schema: s, holdId: id },
      work,
      (client) => busy(id, client),
      discardFailed,
    );
  }

  // Messages this store sent whose row could not be deleted (the server went away after the send):
  // left `releasing`, and deleted on the store's next list() or get(). Without a log to read, only
  // this process knows; with one, every instance finds them by the log's `released` line (settle).
  const sentNotDeleted = new Set<string>();
  const progressLog = discardLog === false ? undefined : discardLog.lastReleaseOutcomes?.bind(discardLog);

  /** What the audit log says of the send of each of `ids` (nothing without a log it can read). */
  async function progressOf(ids: readonly string[]): Promise<ReadonlyMap<string, ReleaseProgress>> {
    if (!progressLog || ids.length === 0) return new Map();
    const outcomes = await progressLog(ids).catch(
      failed('the release lines could not be read from the audit log'),
    );
    return new Map(ids.map((id) => [id, releaseProgressOf(outcomes.get(id))]));
  }

  /**
   * The rows as listed: each one `releasing` with what the audit log says of its send, and none
   * whose message the log says was sent: such a row is deleted, unless a live session holds its
   * release lock (a forced release sending it again) or the delete fails; then it is listed `sent`.
   */
  async function settle(rows: readonly Row[]): Promise<HeldMessage[]> {
    const progress = await progressOf(rows.filter((row) => row.state === 'releasing').map((row) => row.id));
    const sent = [...progress].filter(([, known]) => known === 'sent').map(([id]) => id);
    const deleted = new Set<string>();
    if (sent.length > 0) {
      // pg_try_advisory_xact_lock conflicts with the session lock a live release holds
      // (PostgreSQL manual 9.27.10), so a row being sent now is left to its release.
      const { rows: gone } = await pool
        .query<{ id: string }>(
          `DELETE FROM ${table} WHERE id = ANY($1::text[]) AND state = 'releasing'
             AND pg_try_advisory_xact_lock($2, hashtext($3 || id)) RETURNING id`,
          [sent, RELEASE_LOCK_NAMESPACE, `${s}.`],
        )
        .catch(() => ({ rows: [] as { id: string }[] }));
      for (const row of gone) deleted.add(row.id);
    }
    return rows
      .filter((row) => !deleted.has(row.id))
      .map((row) => {
        const held = toHeldMessage(row);
        const known = progress.get(row.id);
        return known === undefined ? held : { ...held, releaseProgress: known };
      });
  }

  /** Says that a sent message's row is left `releasing`, and remembers it to delete again. */
  function leftReleasing(id: string, error: unknown): void {
    sentNotDeleted.add(id);
    const why =
      explainPostgresFailure(error, pool, s) ?? (error instanceof Error ? error.message : String(error));
    process.emitWarning(
      `email-guard: held message ${id} WAS sent, but its row could not be deleted from PostgreSQL (${why}): it is left releasing; this store deletes it on its next list() or get() (as does every store that reads its released line in the audit log), else discard it with { force: true } (never release it again)`,
      { code: 'EMAIL_GUARD_SENT_ROW_LEFT' },
    );
  }

  /** Deletes the rows of messages sent whose delete failed; they stay remembered while it fails. */
  async function deleteSent(): Promise<void> {
    if (sentNotDeleted.size === 0) return;
    const ids = [...sentNotDeleted];
    await pool
      .query(`DELETE FROM ${table} WHERE id = ANY($1::text[]) AND state = 'releasing'`, [ids])
      .then(() => {
        for (const id of ids) sentNotDeleted.delete(id);
      })
      .catch(() => undefined);
  }

  const store: PostgresHoldStore & Required<Pick<HoldStore, 'discardWithRecord'>> = {
    async hold(input: HoldInput) {
      const heldAt = new Date();
      const id = `${heldAt.toISOString().replace(/[-:.]/g, '')}-${randomUUID()}`;
      const raw = Buffer.from(input.raw.buffer, input.raw.byteOffset, input.raw.byteLength);
      // As it will read back from jsonb (what JSON cannot hold is dropped). A NUL in a display name
      // or customer id is kept as U+FFFD in the row's fields (jsonWithoutNul), and as it was in the
      // raw message, so the message is held.
      const details: Details = JSON.parse(
        jsonWithoutNul({
          envelope: input.envelope,
          action: input.action,
          recipients: input.recipients,
          ...(input.messageId === undefined ? {} : { messageId: input.messageId }),
          ...(input.customerId === undefined ? {} : { customerId: input.customerId }),
          ...(input.customerLookup === undefined ? {} : { customerLookup: input.customerLookup }),
          // In the JSON column, as the rest of what the check said: no column of its own is needed.
          ...(input.verifiedAddressesChecked ? { verifiedAddressesChecked: true } : {}),
          ...(input.verificationStoreId === undefined
            ? {}
            : { verificationStoreId: input.verificationStoreId }),
          ...(input.awaitingCode ? { awaitingCode: input.awaitingCode } : {}),
          ...(input.customersCountFailed ? { customersCountFailed: true } : {}),
        }),
      );
      // A text column cannot hold NUL (PostgreSQL manual 8.3): the message is held all the same.
      const subject = input.subject?.replaceAll('\u0000', '\uFFFD') ?? null;
      // Sealed as the row will read back, over the fields the folder store seals, so a row changed
      // after it was held (another recipient in its envelope) no longer matches and is refused.
      const unsealed = { ...details, sha256: messageDigest(raw) };
      const sealed: SealedDetails = {
        ...unsealed,
        seal: recordSeal(
          sealedRecord({
            id,
            held_at: heldAt,
            size: raw.byteLength,
            subject,
            customers_known: input.customersKnown ?? null,
            details: unsealed,
          }),
        ),
      };
      const holdFailed = failed('the message was neither sent nor held in PostgreSQL (send it again)');
      await withPoolClient(
        pool,
        (client) =>
          inLockTimeout(client, lockTimeoutMs, () =>
            client.query(
              `INSERT INTO ${table} (id, held_at, raw, subject, customers_known, details)
               VALUES ($1, $2, $3, $4, $5, $6)`,
              [id, heldAt, raw, subject, input.customersKnown ?? null, JSON.stringify(sealed)],
            ),
          ),
        holdFailed,
      ).catch(holdFailed);
      return {
        ...details,
        ...(input.subject === undefined ? {} : { subject: input.subject }),
        ...(input.customersKnown === undefined ? {} : { customersKnown: input.customersKnown }),
        id,
        heldAt: heldAt.toISOString(),
        size: raw.byteLength,
        state: 'held',
      };
    },

    async list() {
      await deleteSent();
      const { rows } = await pool
        .query<Row>(`SELECT ${columns} FROM ${table} ORDER BY id`)
        .catch(failed('the held messages could not be read from PostgreSQL'));
      // A row changed after it was held is left out here and named by listProblems().
      return settle(rows.filter((row) => sealProblem(row) === undefined));
    },

    async listProblems() {
      const { rows } = await pool
        .query<Row>(`SELECT ${columns}, raw FROM ${table} ORDER BY id`)
        .catch(failed('the held messages could not be read from PostgreSQL'));
      return rows.flatMap((row) => {
        const problem = sealProblem(row, row.raw);
        return problem === undefined
          ? []
          : [
              {
                id: row.id,
                file: `${table} row ${row.id}`,
                code: 'digest-mismatch' as const,
                message: problem,
              },
            ];
      });
    },

    async get(id) {
      checkId(id);
      await deleteSent();
      const { rows } = await pool
        .query<Row>(`SELECT ${columns}, raw FROM ${table} WHERE id = $1`, [id])
        .catch(failed(`held message ${id} could not be read from PostgreSQL`));
      const row = rows[0];
      refuseChanged(row);
      const [held] = row ? await settle([row]) : [];
      return row && held ? { ...held, raw: row.raw as Buffer } : undefined;
    },

    async dropAwaitingCode(id: string): Promise<void> {
      checkId(id);
      const updateFailed = failed(`held message ${id} could not be updated in PostgreSQL`);
      const { rows } = await pool
        .query<Row>(`SELECT ${columns} FROM ${table} WHERE id = $1 AND details ? 'awaitingCode'`, [id])
        .catch(updateFailed);
      const row = rows[0];
      // Gone, or changed after it was held: a changed row is not sealed again as if it were whole.
      if (!row || sealProblem(row) !== undefined) return;
      const { awaitingCode: _awaitingCode, seal, ...kept } = row.details;
      const details: SealedDetails =
        seal === undefined ? kept : { ...kept, seal: recordSeal(sealedRecord({ ...row, details: kept })) };
      // Only the row as read is updated: one changed in between is left as it is.
      await pool
        .query(`UPDATE ${table} SET details = $2 WHERE id = $1 AND details = $3::jsonb`, [
          id,
          JSON.stringify(details),
          JSON.stringify(row.details),
        ])
        .catch(updateFailed);
    },

    async release(
      id: string,
      transporter: Transporter,
      releaseOptions: ReleaseOptions,
    ): Promise<ReleaseResult> {
      checkId(id);
      const release = checkRelease(releaseOptions);
      const { settings } = release;
      const claimFailed = failed(`held message ${id} could not be claimed for release`);
      // The release lock first, held on its own connection until the send has ended: while it is
      // held, no other release, and no forced one, claims the row (withReleaseLock).
      return sayingProgress(
        id,
        withReleaseLock(
          pool,
          { schema: s, holdId: id },
          async (client) => {
            // The claim: one UPDATE, which locks the row, so of two releases at once only the first
            // sees `held`. A forced one takes a row left `releasing` too: holding the release lock, it
            // knows that no live session is sending it.
            const claimed = await inLockTimeout(client, lockTimeoutMs, () =>
              client.query<Row>(
                `UPDATE ${table} SET state = 'releasing', releasing_since = now()
               WHERE id = $1 AND (state = 'held' OR $2)
               RETURNING ${columns}, raw`,
                [id, settings.force ?? false],
              ),
            ).catch(claimFailed);
            const row = claimed.rows[0];
            if (!row) throw await refusal(id, client, 'release');
            if (sealProblem(row, row.raw) !== undefined) {
              // Changed after it was held: never sent, and put back as it was, to be looked at or discarded.
              await inLockTimeout(client, lockTimeoutMs, () =>
                client.query(
                  `UPDATE ${table} SET state = 'held', releasing_since = NULL WHERE id = $1 AND state = 'releasing'`,
                  [id],
                ),
              ).catch(() => undefined);
              refuseChanged(row);
            }
            const entry = toHeldMessage(row);
            let sent: { envelope: HeldEnvelope; info: SentMessageInfo };
            try {
              sent = await sendHeldMessage(
                transporter,
                entry,
                row.raw as Buffer,
                release,
                discardLog || undefined,
              );
            } catch (error) {
              // Not sent: held again, to be released again.
              await inLockTimeout(client, lockTimeoutMs, () =>
                client.query(
                  `UPDATE ${table} SET state = 'held', releasing_since = NULL WHERE id = $1 AND state = 'releasing'`,
                  [id],
                ),
              ).catch(() => undefined);
              throw error;
            }
            // Sent. If the row cannot be deleted it stays `releasing`: never sent again without { force: true }.
            await inLockTimeout(client, lockTimeoutMs, () =>
              client.query(`DELETE FROM ${table} WHERE id = $1`, [id]),
            ).catch((error) => leftReleasing(id, error));
            return { id, ...(entry.messageId === undefined ? {} : { messageId: entry.messageId }), ...sent };
          },
          (client) => busy(id, client),
          claimFailed,
        ),
      );
    },

    async discard(id: string, discardOptions: DiscardOptions = {}) {
      checkId(id);
      const settings = parseInput(DiscardOptionsSchema, discardOptions, ['options']);
      const force = settings.force ?? false;
      return sayingProgress(
        id,
        discardOn(id, force, async (client) => {
          const { rows } = await inLockTimeout(client, lockTimeoutMs, () =>
            client.query(`DELETE FROM ${table} WHERE id = $1 AND (state = 'held' OR $2) RETURNING id`, [
              id,
              force,
            ]),
          ).catch(failed(`held message ${id} could not be discarded`));
          if (rows.length > 0) return true;
          const refused = await refusal(id, client, 'discard');
          // Gone already is `false`; being released is an error: it may be on its way to the recipient.
          if (!(refused instanceof HeldMessageClaimedError)) return false;
          throw refused;
        }),
      );
    },

    async discardWithRecord(
      id: string,
      record: (held: HeldMessage) => Promise<void>,
      discardOptions: DiscardOptions = {},
    ): Promise<HeldMessage | undefined> {
      checkId(id);
      const settings = parseInput(DiscardOptionsSchema, discardOptions, ['options']);
      const force = settings.force ?? false;
      const inTransaction = async (client: PoolClient): Promise<HeldMessage | undefined> => {
        try {
          // The row stays locked (FOR UPDATE) while the discard is recorded: a release's claim, an
          // UPDATE of the same row, waits for the commit and then finds nothing to send.
          await beginWithLockTimeout(client, lockTimeoutMs);
          const { rows } = await client.query<Row>(
            `SELECT ${columns} FROM ${table} WHERE id = $1 AND (state = 'held' OR $2) FOR UPDATE`,
            [id, force],
          );
          const row = rows[0];
          if (!row) {
            await client.query('ROLLBACK');
            const refused = await refusal(id, client, 'discard');
            if (!(refused instanceof HeldMessageClaimedError)) return undefined;
            throw refused;
          }
          const held = toHeldMessage(row);
          await record(held);
          await client.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
          await client.query('COMMIT');
          return held;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (
            error instanceof Error &&
            'code' in error &&
            typeof error.code === 'string' &&
            /^[0-9A-Z]{5}$/.test(error.code)
          )
            return failed(`held message ${id} could not be discarded`)(error);
          throw error;
        }
      };
      // A forced discard records on the connection that holds the release lock: one connection,
      // so it cannot wait for a second one from a pool its own lock holds full.
      return sayingProgress(id, discardOn(id, force, inTransaction));
    },
  };
  return discardLog === false ? store : withRecordedDiscards(store, discardLog);
}

/**
 * The record a row's seal is computed over: the fields the folder store seals (its format 2
 * record: id, time, size, the message's digest, the subject, the customer count and the details),
 * as the row holds them.
 */
function sealedRecord(
  row: Pick<Row, 'subject' | 'customers_known' | 'size'> & {
    readonly id: string;
    readonly held_at: Date;
    readonly details: SealedDetails;
  },
): object {
  const { seal: _seal, ...details } = row.details;
  return {
    format: 2,
    id: row.id,
    heldAt: row.held_at.toISOString(),
    size: row.size,
    ...details,
    ...(row.subject === null ? {} : { subject: row.subject }),
    ...(row.customers_known === null ? {} : { customersKnown: row.customers_known }),
  };
}

/**
 * Why a row cannot be trusted, or `undefined`: it no longer matches the seal written at hold, or
 * (given its `raw`) its message no longer matches its digest. A row held before rows were sealed
 * has no seal and is read as before, as the folder store reads an entry of its format 1.
 */
function sealProblem(row: Row, raw?: Buffer): string | undefined {
  const { seal, sha256 } = row.details;
  if (seal === undefined) return undefined;
  const changed = `held message ${row.id} was changed after it was held (digest-mismatch)`;
  if (
    seal?.algorithm !== 'sha256' ||
    typeof seal.value !== 'string' ||
    !sameHex(recordSeal(sealedRecord(row)).value, seal.value)
  )
    return `${changed}: its row does not match the seal written when it was held`;
  if (raw !== undefined && (typeof sha256 !== 'string' || !sameHex(messageDigest(raw), sha256)))
    return `${changed}: its raw message does not match its digest`;
  return undefined;
}

/** Refuses a row changed after it was held: nothing of it is listed as held or released. */
function refuseChanged(row: Row | undefined): void {
  const problem = row && sealProblem(row, row.raw);
  if (problem !== undefined) throw new HoldStoreFailedError(`${problem}; it is not released: discard it`);
}

function toHeldMessage(row: Row): HeldMessage {
  const { seal: _seal, sha256: _sha256, ...details } = row.details;
  return {
    ...details,
    ...(row.subject === null ? {} : { subject: row.subject }),
    ...(row.customers_known === null ? {} : { customersKnown: row.customers_known }),
    id: row.id,
    heldAt: row.held_at.toISOString(),
    size: row.size,
    state: row.state,
    ...(row.state === 'releasing' && row.releasing_since !== null
      ? { releasingSince: row.releasing_since.toISOString() }
      : {}),
  };
}

function checkId(id: unknown): string {
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new InvalidInputError([{ path: ['id'], message: 'not an id this store gave out' }]);
  }
  return id;
}
