import { stat } from 'node:fs/promises';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import { isEmailGuardError } from '../errors.js';
import type { AuditEntry, AuditLog } from '../nodemailer/audit-log.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import {
  findReleasesInDoubt,
  readLastReleaseLines,
  readReleaseStarts,
} from '../nodemailer/find-releases-in-doubt.js';
import type { HoldStore, HoldStoreProblem } from '../nodemailer/hold-store.js';
import type { ReleaseSession } from '../postgres/find-release-sessions.js';
import type { VerificationRecord, VerificationStore } from '../verification/verification-store.js';
import { auditLogBeside } from './audit-log-beside.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import {
  DATABASE_CONNECT_TIMEOUT_MS,
  describeConnectionFailure,
  describeDatabaseServer,
} from './describe-database-server.js';
import { type CliFailure, unreadableFailure, usageFailure } from './exit-codes.js';
import { openKeyedFileHoldStore } from './open-keyed-file-hold-store.js';

/** Where the held messages are: a folder (`--store`) or a PostgreSQL database (`--database`). */
export interface HoldStoreFlags {
  readonly store?: string;
  /** A connection string, as `serve --database` takes it: postgres://user:pass@host:5432/db. */
  readonly database?: string;
  /** The schema `migrate` made the tables in (default email_guard); only with `database`. */
  readonly schema?: string;
  /**
   * With `database`: the seconds a query may wait for a lock or run (`--timeout`), so a table
   * another session has locked fails the command instead of holding it for ever. @default '30'
   */
  readonly timeout?: string;
  /** A JSON-lines audit log file, instead of the store's own log. */
  readonly auditLog?: string;
  readonly locale: CliLocale;
}

/** A hold store opened for one command, with the audit log its releases and discards go to. */
export interface OpenedHoldStore {
  readonly store: HoldStore;
  /** The store as messages name it: its folder, or the database server and schema. */
  readonly name: string;
  /** The audit log as messages name it: its file, or the schema's table. */
  readonly auditLogName: string;
  /** The audit log; a file's is flushed to the disk at each line, as a release's start must survive a power cut. */
  auditLog(): AuditLog;
  /** The holds whose release was started and never ended, by the audit log; rejects when it cannot be read. */
  releasesInDoubt(): Promise<Set<string>>;
  /**
   * The `release-started` line (when, who, to whom, the Message-ID) of each of `ids` whose release
   * has not ended, from the audit log (a file's, or the database's audit_log).
   */
  releaseStarts(ids: readonly string[]): Promise<ReadonlyMap<string, AuditEntry>>;
  /**
   * The last release line of each of `ids` that has one, whole, from the audit log: its start, or
   * the line that ended it (who released or discarded it, and when).
   */
  lastReleaseLines(ids: readonly string[]): Promise<ReadonlyMap<string, AuditEntry>>;
  /**
   * The PostgreSQL session holding the release lock of each of `ids` (a database's only: a folder
   * store names the process in its lock, `releasingBy`); an id no live session holds is absent.
   */
  readonly releaseSessions?: (ids: readonly string[]) => Promise<ReadonlyMap<string, ReleaseSession>>;
  /** The entries the store cannot list whole (a folder's; a database has none). */
  problems(): Promise<readonly HoldStoreProblem[]>;
  /** Moves a damaged entry's files into the store's `damaged` folder (a folder store's only). */
  readonly setAside?: (id: string, record: () => Promise<void>) => Promise<string[]>;
  /** The customer directory beside the held messages, where the store has one (the database's). */
  readonly directory?: AsyncDirectory;
  /** The verifier's store beside the held messages, where the store has one (the database's). */
  readonly verifications?: VerificationStore;
  /** Lets go of what was opened (the database's connections), so the command can end. */
  close(): Promise<void>;
}

/**
 * Opens the store the flags name: exactly one of `--store` and `--database`. A database is asked
 * once before anything else, so a server that cannot be reached is one line naming it (3), not a
 * failure of whichever query came first.
 */
export async function openHoldStore(flags: HoldStoreFlags): Promise<OpenedHoldStore> {
  const text = cliTexts[flags.locale].holds;
  if (flags.store !== undefined && flags.database !== undefined) throw usageFailure(text.storeOrDatabase);
  if (flags.schema !== undefined && flags.database === undefined)
    throw usageFailure(cliTexts[flags.locale].serve.schemaNeedsDatabase);
  if (flags.timeout !== undefined && flags.database === undefined)
    throw usageFailure(text.timeoutNeedsDatabase);
  if (flags.database !== undefined) return openDatabase(flags.database, flags);
  if (flags.store === undefined) throw usageFailure(text.noStoreGiven);
  return openFolder(flags.store, flags);
}

async function openFolder(folder: string, flags: HoldStoreFlags): Promise<OpenedHoldStore> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw unreadableFailure(`${folder}: ${cliTexts[flags.locale].holds.noStore}`);
  const log = fileAuditLog(flags.auditLog ?? auditLogBeside(folder));
  // The log the releases write to: the store reads from it how far the release of an entry left
  // releasing went (its releaseProgress), which list and show print.
  const store = openKeyedFileHoldStore(folder, flags.locale, { auditLog: log.auditLog() });
  return {
    store,
    name: folder,
    ...log,
    problems: () => store.listProblems(),
    setAside: (id: string, record: () => Promise<void>) => store.setAside(id, record),
    close: async () => undefined,
  };
}

/** The JSON-lines audit log at `file`, and the releases in doubt it shows. */
function fileAuditLog(file: string) {
  return {
    auditLogName: file,
    auditLog: () => createJsonLinesAuditLog(file, { sync: true }),
    releasesInDoubt: () => findReleasesInDoubt(file),
    releaseStarts: (ids: readonly string[]) => readReleaseStarts(file, new Set(ids)),
    lastReleaseLines: (ids: readonly string[]) => readLastReleaseLines(file, new Set(ids)),
  };
}

async function openDatabase(connectionString: string, flags: HoldStoreFlags): Promise<OpenedHoldStore> {
  const text = cliTexts[flags.locale].holds;
  const { default: pg } = await import('pg');
  const server = describeDatabaseServer(pg, connectionString);
  const timeoutMs = queryTimeoutMs(flags);
  // A server that does not answer at all (a dropped packet) is reported, not waited on for ever;
  // so is a query behind another session's lock (a LOCK TABLE or ALTER TABLE in an open
  // transaction): lock_timeout and statement_timeout, sent with each connection's start-up
  // (PostgreSQL manual, 20.11.1), end it with SQLSTATE 55P03 or 57014. A store's own writes set a
  // shorter lock_timeout of their own (lockTimeoutMs) in their transaction.
  const pool = new pg.Pool({
    connectionString,
    connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
    lock_timeout: timeoutMs,
    statement_timeout: timeoutMs,
  });
  // An idle connection the server ends is an 'error' on the pool, which unheard ends the process
  // (node-postgres "Pool" docs); the query under way, if any, fails and says why.
  pool.on('error', () => undefined);
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw unreadableFailure(text.databaseUnreachable(server, describeConnectionFailure(error)));
  }
  const schema = flags.schema === undefined ? {} : { schema: flags.schema };
  try {
    const [
      { createPostgresHoldStore },
      { createPostgresDirectory },
      audit,
      { findReleaseSessions },
      { createPostgresVerificationStore },
    ] = await Promise.all([
      import('../postgres/create-postgres-hold-store.js'),
      import('../postgres/create-postgres-directory.js'),
      import('../postgres/create-postgres-audit-log.js'),
      import('../postgres/find-release-sessions.js'),
      import('../postgres/create-postgres-verification-store.js'),
    ]);
    const store = waitsBounded(createPostgresHoldStore({ pool, ...schema }), (error) =>
      lockWaitFailure(error, `${server} (${flags.schema ?? 'email_guard'})`, timeoutMs, flags.locale),
    );
    const schemaShown = flags.schema ?? 'email_guard';
    // As `serve --database`: the schema's audit_log, which every instance writes, unless a file is named.
    const auditLog =
      flags.auditLog === undefined
        ? {
            auditLogName: `${schemaShown}.audit_log`,
            auditLog: () => audit.createPostgresAuditLog({ pool, ...schema }),
            releasesInDoubt: () => audit.findPostgresReleasesInDoubt(pool, schema),
            releaseStarts: (ids: readonly string[]) => audit.readPostgresReleaseStarts(pool, ids, schema),
            lastReleaseLines: (ids: readonly string[]) =>
              audit.readPostgresLastReleaseLines(pool, ids, schema),
          }
        : fileAuditLog(flags.auditLog);
    return {
      store,
      name: `${server} (${schemaShown})`,
      ...auditLog,
      // Rows changed after they were held (digest-mismatch), said as the folder's damaged entries are.
      problems: () => store.listProblems(),
      releaseSessions: (ids: readonly string[]) => findReleaseSessions(pool, ids, schema),
      directory: createPostgresDirectory({ pool, ...schema }),
      verifications: createPostgresVerificationStore<VerificationRecord>({ pool, ...schema }),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    if (isEmailGuardError(error, 'INVALID_INPUT'))
      throw usageFailure(cliTexts[flags.locale].serve.notSchema(flags.schema ?? '', error.message));
    throw error;
  }
}

/** The default of `--timeout`, in seconds: long enough for any list of held messages. */
const DEFAULT_TIMEOUT_SECONDS = 30;

/** `--timeout SECONDS` in milliseconds; a value that is not a positive number is a usage error. */
function queryTimeoutMs(flags: HoldStoreFlags): number {
  if (flags.timeout === undefined) return DEFAULT_TIMEOUT_SECONDS * 1000;
  const seconds = Number(flags.timeout);
  if (!/^\s*\d+(\.\d+)?\s*$/.test(flags.timeout) || !(seconds > 0) || seconds > 86_400)
    throw usageFailure(cliTexts[flags.locale].holds.timeoutNotSeconds(flags.timeout));
  return Math.ceil(seconds * 1000);
}

/**
 * The store, its reads answering a query ended by `--timeout` with one line (3) instead of the
 * store's error: the store's message names its own `lockTimeoutMs`, which a read does not use.
 */
function waitsBounded<Store extends HoldStore>(
  store: Store,
  failure: (error: unknown) => CliFailure | undefined,
): Store {
  const rethrow = (error: unknown): never => {
    throw failure(error) ?? error;
  };
  return {
    ...store,
    list: () => store.list().catch(rethrow),
    get: (id: string) => store.get(id).catch(rethrow),
  };
}

/**
 * One line for a query that waited `--timeout` behind a lock: lock_not_available (55P03) or
 * query_canceled (57014, statement_timeout), PostgreSQL manual, Appendix A; found on the error or
 * the store error's cause. `undefined` for any other failure.
 */
function lockWaitFailure(
  error: unknown,
  where: string,
  timeoutMs: number,
  locale: CliLocale,
): CliFailure | undefined {
  const cause = isEmailGuardError(error) ? (error as { cause?: unknown }).cause : error;
  const code = (cause as { code?: unknown } | undefined)?.code;
  if (code !== '55P03' && code !== '57014') return undefined;
  return unreadableFailure(cliTexts[locale].holds.lockWait(where, timeoutMs / 1000, code));
}
