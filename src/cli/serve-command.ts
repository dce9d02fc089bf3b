import { Command, Option } from 'commander';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { KEY_VARIABLE } from './hold-key-variable.js';
import { type CommandContext, columnsOption, localeOption } from './program-context.js';
import type { ServeFlags } from './run-serve.js';

// Written here, not imported from run-serve.ts: the help text must not load the server.
const TOKEN_VARIABLE = 'EMAIL_GUARD_TOKEN';

/**
 * `email-guard serve`: the HTTP API and the review page (`createServer`), over a CRM export or
 * the PostgreSQL directory, until the process is told to stop.
 */
export function serveCommand(context: CommandContext, locale: CliLocale = 'en'): Command {
  return new Command('serve')
    .description('serve the check over HTTP for order systems, and the review page for held messages')
    .option('--customers <file>', 'a CRM export (.csv or .ndjson) to check against, held in memory')
    .addOption(columnsOption())
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
    .option(
      '--verifications <dir>',
      "the verifier's store (createFileVerificationStore): an address verified for another customer is refused (with --database its schema's store is the default)",
    )
    .option(
      '--verify-from <sender>',
      'the sender of verification codes ("Butiken AB <order@butiken.se>"): with --smtp and --verifications (or --database), POST /v1/verifications sends a code',
    )
    .addOption(new Option('--port <port>', 'the TCP port; 0 picks a free one').default('8080'))
    .addOption(new Option('--host <host>', 'the address to listen on').default('127.0.0.1'))
    .option(
      '--allowed-host <name>',
      'a host name the service is reached by, besides the loopback ones (repeat for more)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option(
      '--trust-proxy <addresses>',
      'the proxies in front of the service (addresses or CIDR ranges, comma-separated): their X-Forwarded-For names the client',
      (value: string, previous: string[] = []) => [
        ...previous,
        ...value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      ],
    )
    .addOption(localeOption())
    .addHelpText('after', cliTexts[locale].commandHelp.serve(TOKEN_VARIABLE, KEY_VARIABLE))
    .action(async (flags: ServeFlags) => {
      // The work, and everything it loads (the server, the order form, the stores), is imported only
      // when `serve` runs: every other command and every --help starts without it.
      const { runServe } = await import('./run-serve.js');
      await runServe(flags, context);
    });
}
