import { Command } from 'commander';
import type { CheckFlags } from './check.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { type CommandContext, columnsOption, localeOption } from './program-context.js';

/**
 * `email-guard check ADDRESS`: one verdict for one address, for scripts and for trying the
 * library. Exit code 0 for send, 1 for confirm or block.
 */
export function checkCommand(context: CommandContext, locale: CliLocale = 'en'): Command {
  return new Command('check')
    .description('check one address: send, confirm or block, with what looks wrong and the suggestion')
    .argument('<address>', 'the address as entered')
    .option(
      '--customer <json>',
      'the customer as JSON: {"id":"C-1","name":"…","emails":["…"],"birthDate":"…"}',
    )
    .option('--customer-id <id>', 'the customer, by id, from --customers')
    .option('--customers <file>', 'a CRM export (.csv or .ndjson): the other customers are checked too')
    .addOption(columnsOption())
    .option('--json', 'print the verdict as JSON')
    .addOption(localeOption())
    .addHelpText('after', cliTexts[locale].commandHelp.check)
    .action(async (address: string, flags: CheckFlags) => {
      // The check and what it loads (the schemas, the phone numbering data) are imported only when
      // it runs: every --help starts with the argument parser alone.
      const { runCheck } = await import('./check.js');
      await runCheck(address, flags, context);
    });
}
