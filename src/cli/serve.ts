import { stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { Command, Option } from 'commander';
import type { Transporter } from 'nodemailer';
import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import type { LoadProblem } from '../contacts/load-customers.js';
import { createGuard } from '../guard/create-guard.js';
import type { AuditLog } from '../nodemailer/audit-log.js';
import { createFileHoldStore } from '../nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../nodemailer/create-json-lines-audit-log.js';
import type { HoldStore } from '../nodemailer/hold-store.js';
import { nodemailerGuard } from '../nodemailer/nodemailer-guard.js';
import { isLoopbackHost } from '../serve/is-loopback-host.js';
import { createOrderForm } from '../serve/order-form/create-order-form.js';
import { unreadableFailure, usageFailure } from './exit-codes.js';
import { type CommandContext, localeOption } from './program-context.js';
import { readCustomers } from './read-customers.js';

interface ServeFlags {
  readonly customers?: string;
  readonly database?: string;
  readonly holds?: string;
  readonly smtp?: string;
  readonly auditLog?: string;
  readonly port: string;
  readonly host: string;
  readonly allowedHost?: string[];
  readonly locale: 'sv' | 'en';
}

/** The environment variable that holds the token every route but /healthz requires. */
const TOKEN_VARIABLE = 'EMAIL_GUARD_TOKEN';
/** The environment variable that holds the hold store's sealing key, as for `email-guard holds`. */
const KEY_VARIABLE = 'EMAIL_GUARD_HOLD_KEY';

const examples = `
Examples:
  $ EMAIL_GUARD_TOKEN=$(openssl rand -hex 32) email-guard serve --customers customers.csv \\
      --holds ./held-mail --smtp smtp://mail.local:587 --port 8080
  $ curl -s -H "Authorization: Bearer $EMAIL_GUARD_TOKEN" -H 'content-type: application/json' \\
      -d '{"entered":"anna.svensson185@gmail.com","customerId":"C-1001"}' http://127.0.0.1:8080/v1/check

The API: POST /v1/check, POST /v1/check-phone, GET /v1/holds, GET /v1/holds/:id,
POST /v1/holds/:id/release, POST /v1/holds/:id/discard, GET /healthz, GET /openapi.json.
The review page for held messages: /holds (log in with the token).
Every route but /healthz requires the token in ${TOKEN_VARIABLE}; without it the server listens
only on a loopback address. A hold store sealed with a key is opened with the key in ${KEY_VARIABLE}.
Stops on SIGINT or SIGTERM.`;

/**
 * `email-guard serve`: the HTTP API and the review page (`createServer`), over a CRM export or
 * the PostgreSQL directory, until the process is told to stop.
 */
export function serveCommand(context: CommandContext): Command {
  return new Command('serve')
    .description('serve the check over HTTP for order systems, and the review page for held messages')
    .option('--customers <file>', 'a CRM export (.csv or .ndjson) to check against, held in memory')
    .option('--database <url>', 'the PostgreSQL directory (postgres://...), instead of --customers')
    .option(
      '--holds <dir>',
      'the hold store folder (createFileHoldStore); with --database, its tables by default',
    )
    .option('--smtp <url>', 'the SMTP server released messages go through: smtp://user:pass@host:587')
    .option('--audit-log <file>', 'the JSON-lines audit log of releases (default: <holds>.audit.jsonl)')
    .addOption(new Option('--port <port>', 'the TCP port; 0 picks a free one').default('8080'))
    .addOption(new Option('--host <host>', 'the address to listen on').default('127.0.0.1'))
    .option(
      '--allowed-host <name>',
      'a host name the service is reached by, besides the loopback ones (repeat for more)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .addOption(localeOption())
    .addHelpText('after', examples)
    .action(async (flags: ServeFlags) => {
      if (flags.customers !== undefined && flags.database !== undefined)
        throw usageFailure('give either --customers FILE or --database URL, not both');
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw usageFailure(`--port: ${flags.port} is not a TCP port (0-65535)`);
      const token = process.env[TOKEN_VARIABLE] || undefined;
      // Without a token anyone who reaches the port may read held mail: only this machine may then.
      if (token === undefined && !isLoopbackHost(flags.host))
        throw usageFailure(
          `refusing to listen on ${flags.host} without a token: set ${TOKEN_VARIABLE}, or listen on 127.0.0.1`,
        );

      const closers: (() => Promise<unknown> | unknown)[] = [];
      let directory: Directory | AsyncDirectory | undefined;
      let holdStore: HoldStore | undefined;
      if (flags.customers !== undefined) {
        const file = await readCustomers(flags.customers, context.progress());
        // Rows and reasons only: the reasons of `readCustomers` quote the value, and a server's
        // output goes to a log that must never hold an address in clear.
        context.reportProblems(flags.customers, file.problems.map(withoutValues));
        directory = file.directory;
      }
      if (flags.database !== undefined) {
        const { default: pg } = await import('pg');
        const pool = new pg.Pool({ connectionString: flags.database });
        closers.push(() => pool.end());
        const { createPostgresDirectory } = await import('../postgres/create-postgres-directory.js');
        directory = createPostgresDirectory({ pool });
        if (flags.holds === undefined) {
          const { createPostgresHoldStore } = await import('../postgres/create-postgres-hold-store.js');
          holdStore = createPostgresHoldStore({ pool });
        }
      }
      if (flags.holds !== undefined) {
        const info = await stat(flags.holds).catch(() => undefined);
        if (!info?.isDirectory()) throw unreadableFailure(`${flags.holds}: no hold store folder there`);
        const key = process.env[KEY_VARIABLE];
        holdStore = createFileHoldStore(flags.holds, key ? { key } : {});
      }
      let transporter: Transporter | undefined;
      let auditLog: AuditLog | undefined;
      if (flags.smtp !== undefined) {
        if (!holdStore) throw usageFailure('--smtp releases held messages: give --holds DIR too');
        const { default: nodemailer } = await import('nodemailer');
        try {
          transporter = nodemailer.createTransport(flags.smtp);
        } catch (error) {
          throw usageFailure(`--smtp: ${(error as Error).message}`);
        }
        const auditFile =
          flags.auditLog ?? `${(flags.holds ?? 'held-mail').replace(/[/\\]+$/, '')}.audit.jsonl`;
        auditLog = createJsonLinesAuditLog(auditFile);
        transporter.use(
          'compile',
          nodemailerGuard({
            guard: createGuard({ ...(directory ? { directory } : {}) }),
            holdStore,
            auditLog,
          }),
        );
        const opened = transporter;
        closers.push(() => opened.close());
      }

      // Loaded here, not at the top: the other commands never pay for starting Fastify.
      const { createServer } = await import('../serve/create-server.js');
      const app = createServer({
        ...(directory ? { directory } : {}),
        ...(holdStore ? { holdStore } : {}),
        ...(transporter ? { transporter } : {}),
        // Discards go to the same log as releases.
        ...(auditLog ? { auditLog } : {}),
        ...(token ? { token } : {}),
        locale: flags.locale,
        // The address listened on is a name requests may use; a wildcard (0.0.0.0, ::) is not.
        allowedHosts: [
          ...(flags.allowedHost ?? []),
          ...(/^(0\.0\.0\.0|::|\[::\]|0)$/.test(flags.host) ? [] : [flags.host]),
        ],
        logger: { level: 'info', stream: { write: (line) => context.out(line) } },
        // The order form for new customers; the directory's findings come from /v1/check.
        registerOrderForm: createOrderForm(),
      });
      try {
        await app.listen({ port, host: flags.host });
      } catch (error) {
        for (const close of closers) await close();
        throw unreadableFailure(`cannot listen on ${flags.host}:${port}: ${(error as Error).message}`);
      }
      const address = app.server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      context.warn(`email-guard serve: listening on http://${shown}:${address.port}`);
      if (token === undefined)
        context.warn(`email-guard serve: no ${TOKEN_VARIABLE}: every route is open to this machine`);
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await app.close();
      for (const close of closers) await close();
    });
}

/** A load problem with the values it quotes (an address, a phone number) left out. */
function withoutValues(problem: LoadProblem): LoadProblem {
  const reason =
    problem.field === 'emails'
      ? 'an address is not usable'
      : problem.field === 'phones'
        ? 'a phone number cannot be read'
        : problem.reason.replace(/"[^"]*"/g, '(value not shown)');
  return { ...problem, reason: problem.field === undefined ? reason : `${problem.field}: ${reason}` };
}
