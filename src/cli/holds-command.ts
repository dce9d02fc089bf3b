import { Command } from 'commander';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { KEY_VARIABLE } from './hold-key-variable.js';
import type { DiscardFlags, ReleaseFlags, StoreFlags } from './holds.js';
import { type CommandContext, columnsOption, localeOption, timeZoneOption } from './program-context.js';

/**
 * Where the held messages are: a folder, or the PostgreSQL tables `serve --database` and
 * createPostgresHoldStore use (one of the two, checked when the command runs: open-hold-store.ts).
 */
function storeOption(command: Command): Command {
  return command
    .option('--store <dir>', 'the hold store folder (createFileHoldStore)')
    .option(
      '--database <url>',
      'the PostgreSQL hold store (postgres://user@host:5432/db), instead of --store; its directory and audit log too',
    )
    .option(
      '--schema <name>',
      'with --database: the schema migrate(pool, { schema }) made the tables in (default: email_guard)',
    )
    .option(
      '--timeout <seconds>',
      'with --database: how long a query may wait for a lock or run before the command gives up (default: 30)',
    )
    .option('--json', 'print JSON')
    .addOption(localeOption());
}

/** The audit log a release is written to, and `list` and `show` read for releases in doubt. */
function auditLogOption(command: Command): Command {
  return command.option(
    '--audit-log <file>',
    'the JSON-lines audit log (default: <store>.audit.jsonl; with --database, its audit_log table)',
  );
}

// An id of the form the store gives out (createFileHoldStore) and `holds list` prints.
const ID = '20261201T152856518Z-0ed9a29a-89c7-48b7-a7e9-e186e8d013f7';

/** The work of `holds`, and the store, the check and the mail libraries, loaded only when a subcommand runs. */
const work = () => import('./holds.js');

/**
 * `email-guard holds list|show|release|discard --store DIR | --database URL`: review what the pipeline held.
 */
export function holdsCommand(context: CommandContext, locale: CliLocale = 'en'): Command {
  const examples = cliTexts[locale].commandHelp.holds(ID, KEY_VARIABLE);
  const holds = new Command('holds')
    .description('review the messages the mail pipeline held: list, show, release, discard')
    .addHelpText('after', examples);

  holds.addCommand(
    auditLogOption(storeOption(new Command('list')))
      .description('list held messages, oldest first: verdicts, suggestion, age')
      .addOption(timeZoneOption())
      .addHelpText('after', examples)
      .action(async (flags: StoreFlags) => (await work()).listHeld(flags, context)),
  );

  holds.addCommand(
    auditLogOption(storeOption(new Command('show')))
      .description('show one held message: its envelope, every recipient with the findings and suggestion')
      .argument('<id>', 'the held message id (from holds list)')
      .addOption(timeZoneOption())
      .addHelpText('after', examples)
      .action(async (id: string, flags: StoreFlags) => (await work()).showHeld(id, flags, context)),
  );

  holds.addCommand(
    auditLogOption(storeOption(new Command('release')))
      .description('send a held message, corrected: the final recipients are checked again')
      .argument('<id>', 'the held message id')
      .requiredOption('--by <person>', 'who releases it (audit log)')
      .requiredOption('--reason <text>', 'why (audit log)')
      .option(
        '--to <address...>',
        'the corrected To recipients; required for a blocked message (or --cc, --bcc), with --send-despite-block too; with them, it goes to exactly these',
      )
      .option('--cc <address...>', 'the corrected Cc recipients, written in a Cc field')
      .option(
        '--bcc <address...>',
        'the corrected blind copies: in the envelope only, never shown to the others (an address held as Bcc is refused in --to or --cc)',
      )
      .option(
        '--confirm-new',
        'the recipients new to the customer (corrected, or kept as held) were confirmed as theirs (audit log)',
      )
      .option(
        '--send-despite-block',
        "send although a recipient is still blocked or is another customer's address, on your account (audit log: released-despite-block)",
      )
      .option(
        '--customers <file>',
        'the CRM export the recipients are checked against again (with --store; --database checks them against its customers)',
      )
      .option(
        '--fewer-customers',
        'check against an export of fewer customers than the check that held the message knew (refused without it)',
      )
      .option(
        '--verifications <dir>',
        "the verifier's store (createFileVerificationStore): an address verified for another customer is refused (with --database its schema's store is the default)",
      )
      .addOption(columnsOption())
      .requiredOption('--smtp <url>', 'the SMTP server to send through: smtp://user:pass@host:587')
      .option(
        '--force',
        "release a message whose earlier release is in doubt (started, never ended) or was left releasing by a process that stopped, once the mail server's log shows it was not delivered",
      )
      .addHelpText('after', examples)
      .action(async (id: string, flags: ReleaseFlags) => (await work()).releaseHeld(id, flags, context)),
  );

  holds.addCommand(
    auditLogOption(storeOption(new Command('discard')))
      .description('remove a held message without sending it (asks first on a terminal)')
      .argument('<id>', 'the held message id')
      .requiredOption('--by <person>', 'who discards it (audit log)')
      .requiredOption('--reason <text>', 'why (audit log)')
      .option('--yes', 'do not ask: needed when no one is at a terminal to answer')
      .option(
        '--force',
        'discard a message left releasing by a process that stopped mid-send (refused while that process runs)',
      )
      .option(
        '--damaged',
        'set aside an entry that cannot be read (holds list names it) in the folder damaged inside the store, instead of deleting it',
      )
      .addHelpText('after', examples)
      .action(async (id: string, flags: DiscardFlags) => (await work()).discardHeld(id, flags, context)),
  );
  return holds;
}
