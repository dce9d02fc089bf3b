import { stat } from 'node:fs/promises';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import { isEmailGuardError } from '../errors.js';
import type { AuditLog } from '../nodemailer/audit-log.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import { findReleasesInDoubt } from '../nodemailer/find-releases-in-doubt.js';
import type { HoldStore, HoldStoreProblem } from '../nodemailer/hold-store.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { describeConnectionFailure, describeDatabaseServer } from './describe-database-server.js';
import { unreadableFailure, usageFailure } from './exit-codes.js';
import { openFileHoldStore } from './open-file-hold-store.js';

/** Where the held messages are: a folder (`--store`) or a PostgreSQL database (`--database`). */
export interface HoldStoreFlags {
  readonly store?: string;
  /** A connection string, as `serve --database` takes it: postgres://user:pass@host:5432/db. */
  readonly database?: string;
  /** The schema `migrate` made the tables in (default email_guard); only with `database`. */
  readonly schema?: string;
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
  /** The entries the store cannot list whole (a folder's; a database has none). */
  problems(): Promise<readonly HoldStoreProblem[]>;
  /** The customer directory beside the held messages, where the store has one (the database's). */
  readonly directory?: AsyncDirectory;
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
  if (flags.database !== undefined) return openDatabase(flags.database, flags);
  if (flags.store === undefined) throw usageFailure(text.noStoreGiven);
  return openFolder(flags.store, flags);
}

async function openFolder(folder: string, flags: HoldStoreFlags): Promise<OpenedHoldStore> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw unreadableFailure(`${folder}: ${cliTexts[flags.locale].holds.noStore}`);
  const store = openFileHoldStore(folder, flags.locale);
  return {
    store,
    name: folder,
    ...fileAuditLog(flags.auditLog ?? `${folder.replace(/[/\\]+$/, '')}.audit.jsonl`),
    problems: () => store.listProblems(),
    close: async () => undefined,
  };
}

/** The JSON-lines audit log at `file`, and the releases in doubt it shows. */
function fileAuditLog(file: string) {
  return {
    auditLogName: file,
    auditLog: () => createJsonLinesAuditLog(file, { sync: true }),
    releasesInDoubt: () => findReleasesInDoubt(file),
  };
}

async function openDatabase(connectionString: string, flags: HoldStoreFlags): Promise<OpenedHoldStore> {
  const text = cliTexts[flags.locale].holds;
  const { default: pg } = await import('pg');
  const server = describeDatabaseServer(pg, connectionString);
  // A server that does not answer at all (a dropped packet) is reported, not waited on for ever.
  const pool = new pg.Pool({ connectionString, connectionTimeoutMillis: 10_000 });
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
    const [{ createPostgresHoldStore }, { createPostgresDirectory }, audit] = await Promise.all([
      import('../postgres/create-postgres-hold-store.js'),
      import('../postgres/create-postgres-directory.js'),
      import('../postgres/create-postgres-audit-log.js'),
    ]);
    const store = createPostgresHoldStore({ pool, ...schema });
    const schemaShown = flags.schema ?? 'email_guard';
    // As `serve --database`: the schema's audit_log, which every instance writes, unless a file is named.
    const auditLog =
      flags.auditLog === undefined
        ? {
            auditLogName: `${schemaShown}.audit_log`,
            auditLog: () => audit.createPostgresAuditLog({ pool, ...schema }),
            releasesInDoubt: () => audit.findPostgresReleasesInDoubt(pool, schema),
          }
        : fileAuditLog(flags.auditLog);
    return {
      store,
      name: `${server} (${schemaShown})`,
      ...auditLog,
      problems: async () => [],
      directory: createPostgresDirectory({ pool, ...schema }),
      close: () => pool.end(),
    };
  } catch (error) {
    await pool.end();
    if (isEmailGuardError(error, 'INVALID_INPUT'))
      throw usageFailure(cliTexts[flags.locale].serve.notSchema(flags.schema ?? '', error.message));
    throw error;
  }
}
