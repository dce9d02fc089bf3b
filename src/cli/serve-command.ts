import { Command, Option } from 'commander';
import { type CommandContext, localeOption } from './program-context.js';
import type { ServeFlags } from './run-serve.js';

// Written here, not imported from run-serve.ts: the help text must not load the server.
const TOKEN_VARIABLE = 'EMAIL_GUARD_TOKEN';
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
      '--schema <name>',
      'with --database: the schema migrate(pool, { schema }) made the tables in (default: email_guard)',
    )
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
      // The work, and everything it loads (the server, the order form, the stores), is imported only
      // when `serve` runs: every other command and every --help starts without it.
      const { runServe } = await import('./run-serve.js');
      await runServe(flags, context);
    });
}
