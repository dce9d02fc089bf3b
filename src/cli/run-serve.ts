import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Transporter } from 'nodemailer';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import type { LoadProblem } from '../contacts/load-customers.js';
import { isEmailGuardError } from '../errors.js';
import { createGuard } from '../guard/create-guard.js';
import type { AuditEntry, AuditLog } from '../nodemailer/audit-log.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import { findReleasesInDoubt, readReleaseStarts } from '../nodemailer/find-releases-in-doubt.js';
import type { HoldStore } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { isLoopbackHost } from '../serve/is-loopback-host.js';
import { createOrderForm } from '../serve/order-form/create-order-form.js';
import { MIN_TOKEN_LENGTH, tokenStrength } from '../serve/token-strength.js';
import { unreadableHolds } from '../serve/unreadable-holds.js';
import { createFileVerificationStore } from '../verification/create-file-verification-store.js';
import { createVerifier, type Verifier } from '../verification/create-verifier.js';
import type { VerificationRecord, VerificationStore } from '../verification/verification-store.js';
import { auditLogBeside } from './audit-log-beside.js';
import { type CliTexts, cliTexts } from './cli-texts.js';
import {
  DATABASE_CONNECT_TIMEOUT_MS,
  describeConnectionFailure,
  describeDatabaseServer,
} from './describe-database-server.js';
import { unreadableFailure, usageFailure } from './exit-codes.js';
import { openKeyedFileHoldStore } from './open-keyed-file-hold-store.js';
import { openVerifiedAddresses, verifiedAddressesIn } from './open-verified-addresses.js';
import { parseColumns } from './parse-columns.js';
import type { CommandContext } from './program-context.js';
import { readCustomers } from './read-customers.js';

/** The options of `email-guard serve`, as commander parsed them. */
export interface ServeFlags {
  readonly customers?: string;
  /** `--columns id=Kundnr,email=E-post` (parse-columns.ts). */
  readonly columns?: string;
  readonly database?: string;
  readonly schema?: string;
  readonly holds?: string;
  readonly smtp?: string;
  readonly auditLog?: string;
  /** `--verifications DIR`: the verifier's folder store; with `--database` the schema's is the default. */
  readonly verifications?: string;
  /** `--verify-from SENDER`: the sender of the codes `POST /v1/verifications` sends (`createVerifier({ from })`). */
  readonly verifyFrom?: string;
  readonly port: string;
  readonly host: string;
  readonly allowedHost?: string[];
  readonly trustProxy?: string[];
  readonly locale: 'sv' | 'en';
}

/** The environment variable that holds the token every route but /healthz requires. */
const TOKEN_VARIABLE = 'EMAIL_GUARD_TOKEN';
/** How to make a token that is long and random enough. */
const MAKE_TOKEN = `${TOKEN_VARIABLE}=$(openssl rand -hex 32) (or node -e "console.log(require('node:crypto').randomBytes(32).toString('hex'))")`;

/**
 * Runs `email-guard serve` with its parsed options: opens the directory, the hold store and the
 * SMTP transport, listens with `createServer`, and stops on SIGINT or SIGTERM.
 */
export async function runServe(flags: ServeFlags, context: CommandContext): Promise<void> {
  const text = cliTexts[flags.locale].serve;
  if (flags.customers !== undefined && flags.database !== undefined)
    throw usageFailure(text.customersOrDatabase);
  if (flags.schema !== undefined && flags.database === undefined)
    throw usageFailure(text.schemaNeedsDatabase);
  // A code goes out through the SMTP server and is kept in a verification store: without either,
  // the routes would answer 503 behind a flag that looked taken.
  if (
    flags.verifyFrom !== undefined &&
    (flags.smtp === undefined || (flags.verifications === undefined && flags.database === undefined))
  )
    throw usageFailure(text.verifyFromNeeds);
  const port = Number(flags.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw usageFailure(text.notPort(flags.port));
  const token = process.env[TOKEN_VARIABLE] || undefined;
  // Without a token anyone who reaches the port may read held mail: only this machine may then.
  if (token === undefined && !isLoopbackHost(flags.host))
    throw usageFailure(text.refuseWithoutToken(flags.host, TOKEN_VARIABLE));
  // A token a person made up can be guessed; 32 characters of `openssl rand -hex 32` (64 hex
  // digits, 256 bits) cannot (OWASP ASVS 4.0 V2.9, V3.5: secrets of at least 128 bits of entropy).
  // Length alone lets `aaaa…` or `abcd1234abcd1234…` through: `tokenStrength` also looks at the
  // kinds of characters and at repetition.
  const weakness = token === undefined ? undefined : tokenStrength(token).weakness;
  if (token !== undefined && weakness === 'too-short') {
    if (!isLoopbackHost(flags.host))
      throw usageFailure(
        text.refuseShortToken(flags.host, TOKEN_VARIABLE, token.length, MIN_TOKEN_LENGTH, MAKE_TOKEN),
      );
    context.warn(text.warnShortToken(TOKEN_VARIABLE, token.length, MIN_TOKEN_LENGTH, MAKE_TOKEN));
  } else if (weakness !== undefined && weakness !== 'too-short') {
    const why = text.tokenWeakness[weakness];
    if (!isLoopbackHost(flags.host))
      throw usageFailure(text.refuseWeakToken(flags.host, TOKEN_VARIABLE, why, MAKE_TOKEN));
    context.warn(text.warnWeakToken(TOKEN_VARIABLE, why, MAKE_TOKEN));
  }

  const closers: (() => Promise<unknown> | unknown)[] = [];
  // The addresses verified by code, which /v1/check and a release check their recipients against too.
  let verifiedAddresses =
    flags.verifications === undefined
      ? undefined
      : await openVerifiedAddresses(flags.verifications, flags.locale);
  // The same store, for the verifier `--verify-from` makes: its codes and the addresses they prove.
  let verificationStore: VerificationStore | undefined =
    flags.verifications === undefined ? undefined : createFileVerificationStore(flags.verifications);
  let directory: Directory | AsyncDirectory | undefined;
  let holdStore: HoldStore | undefined;
  // With --database (and neither --holds nor --audit-log), the schema's audit_log: every instance
  // writes one chain verifyAuditLog covers, and each sees the releases in doubt the others left.
  let databaseAudit:
    | {
        auditLog: AuditLog;
        releasesInDoubt: () => Promise<Set<string>>;
        releaseStarts: (ids: readonly string[]) => Promise<ReadonlyMap<string, AuditEntry>>;
      }
    | undefined;
  if (flags.customers !== undefined) {
    const file = await readCustomers(
      flags.customers,
      context.progress(flags.locale),
      flags.locale,
      parseColumns(flags.columns, flags.locale),
    );
    // Rows and reasons only: the reasons of `readCustomers` quote the value, and a server's
    // output goes to a log that must never hold an address in clear.
    context.reportProblems(
      flags.customers,
      file.problems.map((problem) => withoutValues(problem, text)),
      flags.locale,
    );
    directory = file.directory;
  }
  if (flags.database !== undefined) {
    const { default: pg } = await import('pg');
    const server = describeDatabaseServer(pg, flags.database);
    // A server that stops answering after the start is reported after the connect timeout, the
    // check failing closed and a hold route answering 503, instead of each request waiting for the
    // system's TCP timeout.
    const pool = new pg.Pool({
      connectionString: flags.database,
      connectionTimeoutMillis: DATABASE_CONNECT_TIMEOUT_MS,
    });
    // An idle connection the server ends (pg_terminate_backend, idle_session_timeout, a restart) is
    // an 'error' on the pool, which unheard ends the process (node-postgres "Pool" docs, "events").
    // The pool has already dropped that client and opens another for the next check.
    pool.on('error', (error) =>
      context.warn(text.idleConnectionEnded(server, describeConnectionFailure(error))),
    );
    closers.push(() => pool.end());
    const { createPostgresDirectory } = await import('../postgres/create-postgres-directory.js');
    const schema = flags.schema !== undefined ? { schema: flags.schema } : {};
    let postgresDirectory: ReturnType<typeof createPostgresDirectory>;
    try {
      postgresDirectory = createPostgresDirectory({ pool, ...schema });
    } catch (error) {
      await pool.end();
      if (isEmailGuardError(error, 'INVALID_INPUT'))
        throw usageFailure(text.notSchema(flags.schema ?? '', error.message));
      throw error;
    }
    // Ask once before listening: a database that cannot be reached (or a schema never migrated)
    // would otherwise answer every check with 500 behind a healthy /healthz.
    try {
      await pool.query('SELECT 1');
    } catch (error) {
      await pool.end();
      throw unreadableFailure(text.databaseUnreachable(server, describeConnectionFailure(error)));
    }
    try {
      await postgresDirectory.size();
    } catch (error) {
      await pool.end();
      // The directory's own error says what to mend (run migrate) in words of its own.
      const why = isEmailGuardError(error) ? error.message : describeConnectionFailure(error);
      throw unreadableFailure(text.databaseUnreadable(server, why));
    }
    directory = postgresDirectory;
    if (!verifiedAddresses) {
      const { createPostgresVerificationStore } = await import(
        '../postgres/create-postgres-verification-store.js'
      );
      verificationStore = createPostgresVerificationStore<VerificationRecord>({ pool, ...schema });
      verifiedAddresses = verifiedAddressesIn(verificationStore);
    }
    if (flags.holds === undefined) {
      const { createPostgresHoldStore } = await import('../postgres/create-postgres-hold-store.js');
      holdStore = createPostgresHoldStore({ pool, ...schema });
      if (flags.auditLog === undefined) {
        const { createPostgresAuditLog, findPostgresReleasesInDoubt, readPostgresReleaseStarts } =
          await import('../postgres/create-postgres-audit-log.js');
        databaseAudit = {
          auditLog: createPostgresAuditLog({ pool, ...schema }),
          // As `holds list --database`: a release whose session still holds its lock is under way,
          // not in doubt. As from the file: a log that cannot be read shows none in doubt, and a
          // release cannot log its start there either, so it sends nothing.
          releasesInDoubt: () => findPostgresReleasesInDoubt(pool, schema).catch(() => new Set<string>()),
          releaseStarts: (ids) => readPostgresReleaseStarts(pool, ids, schema),
        };
      }
    }
  }
  const auditFile = flags.auditLog ?? auditLogBeside(flags.holds ?? 'held-mail');
  if (flags.holds !== undefined) {
    const info = await stat(flags.holds).catch(() => undefined);
    if (!info?.isDirectory()) throw unreadableFailure(`${flags.holds}: ${text.noHoldStore}`);
    // The log the releases write to: the store reads from it how far the release of an entry left
    // releasing went (its releaseProgress), for the list and each message alike, as `holds` does.
    holdStore = openKeyedFileHoldStore(flags.holds, flags.locale, {
      auditLog: databaseAudit?.auditLog ?? createJsonLinesAuditLog(auditFile),
    });
  }
  let transporter: Transporter | undefined;
  let verifier: Verifier | undefined;
  // Discards are recorded with or without --smtp: every discard has its line.
  const auditLog: AuditLog | undefined = holdStore
    ? (databaseAudit?.auditLog ?? createJsonLinesAuditLog(auditFile))
    : undefined;
  if (flags.smtp !== undefined) {
    if (!holdStore || !auditLog) throw usageFailure(text.smtpNeedsHolds);
    const { default: nodemailer } = await import('nodemailer');
    try {
      transporter = nodemailer.createTransport(flags.smtp);
    } catch (error) {
      throw usageFailure(cliTexts[flags.locale].smtp.notUsable((error as Error).message));
    }
    if (flags.verifyFrom !== undefined && verificationStore) {
      try {
        // The codes go out through the release transporter, whose guard lets the verifier's own
        // message through; a confirmation releases through it what was held for the address.
        verifier = createVerifier({
          store: verificationStore,
          transporter,
          from: flags.verifyFrom,
          locale: flags.locale,
        });
      } catch (error) {
        transporter.close();
        if (isEmailGuardError(error, 'INVALID_INPUT')) throw usageFailure(text.notSender(error.message));
        throw error;
      }
    }
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({
          ...(directory ? { directory } : {}),
          ...(verifiedAddresses ? { verifiedAddresses } : {}),
        }),
        holdStore,
        auditLog,
        // Given its hold store and guard here: a code goes only where this guard would ask for one.
        ...(verifier ? { verifier } : {}),
      }),
    );
    const opened = transporter;
    closers.push(() => opened.close());
  }

  const reviewedStore = holdStore;
  // Loaded here, not at the top: the other commands never pay for starting Fastify.
  const { createServer } = await import('../serve/create-server.js');
  const app = createServer({
    ...(directory ? { directory } : {}),
    // The check answers as the pipeline's guard and the release do: an address verified for
    // another customer is theirs in /v1/check too.
    ...(verifiedAddresses ? { verifiedAddresses } : {}),
    ...(holdStore ? { holdStore } : {}),
    ...(transporter ? { transporter } : {}),
    ...(verifier ? { verifier } : {}),
    // Discards go to the same log as releases.
    ...(auditLog ? { auditLog } : {}),
    // As `holds list` reads it: a log that cannot be read shows no release in doubt, and a release
    // then cannot log its start there either, so it sends nothing.
    ...(reviewedStore
      ? {
          releasesInDoubt:
            databaseAudit?.releasesInDoubt ??
            (() =>
              findReleasesInDoubt(auditFile)
                .then((inDoubt) => withoutReleasesUnderWay(reviewedStore, inDoubt))
                .catch(() => new Set<string>())),
          // Where a release in doubt went, from the same log, as `holds show` names it.
          releaseStarts:
            databaseAudit?.releaseStarts ??
            ((ids: readonly string[]) => readReleaseStarts(auditFile, new Set(ids))),
        }
      : {}),
    ...(token ? { token } : {}),
    locale: flags.locale,
    // The address listened on is a name requests may use; a wildcard (0.0.0.0, ::) is not.
    allowedHosts: [
      ...(flags.allowedHost ?? []),
      ...(/^(0\.0\.0\.0|::|\[::\]|0)$/.test(flags.host) ? [] : [flags.host]),
    ],
    ...(flags.trustProxy ? { trustProxy: flags.trustProxy } : {}),
    logger: { level: 'info', stream: { write: (line) => context.out(line) } },
    // The order form: existing customers are searched in the directory, its findings come from /v1/check.
    registerOrderForm: createOrderForm(),
  });
  try {
    await app.listen({ port, host: flags.host });
  } catch (error) {
    for (const close of closers) await close();
    throw unreadableFailure(text.cannotListen(`${flags.host}:${port}`, (error as Error).message));
  }
  const address = app.server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  context.warn(text.listening(`http://${shown}:${address.port}`));
  if (token === undefined) context.warn(text.noToken(TOKEN_VARIABLE));
  // What the store cannot read may be held messages: said once at start, not left for a reviewer to miss.
  for (const problem of await unreadableHolds(holdStore).catch(() => []))
    context.warn(text.unreadableHold(problem.id, problem.code, problem.message));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await app.close();
  for (const close of closers) await close();
}

/** A load problem with the values it quotes (an address, a phone number) left out. */
function withoutValues(problem: LoadProblem, text: CliTexts['serve']): LoadProblem {
  const reason =
    problem.field === 'emails'
      ? text.addressNotUsable
      : problem.field === 'phones'
        ? text.phoneNotRead
        : problem.reason.replace(/"[^"]*"/g, text.valueNotShown);
  return { ...problem, reason: problem.field === undefined ? reason : `${problem.field}: ${reason}` };
}

/**
 * The releases in doubt by the audit log file but those under way: a folder entry whose lock names
 * a process still running on this host is being sent now, its start logged with no end yet as a
 * stopped one's is, and marking it in doubt would send a reviewer to `force` while it sends (what
 * `findPostgresReleasesInDoubt` leaves out with a database). An entry whose lock names a process on
 * another host, which this one cannot see, stays in doubt: refused as such, it sends nothing.
 */
async function withoutReleasesUnderWay(store: HoldStore, inDoubt: Set<string>): Promise<Set<string>> {
  const underWay = await Promise.all(
    [...inDoubt].map(
      async (id) => (await store.get(id).catch(() => undefined))?.releasingBy?.running === true,
    ),
  );
  return new Set([...inDoubt].filter((_, index) => !underWay[index]));
}
