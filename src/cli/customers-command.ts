import { Command } from 'commander';
import { type CliLocale, cliTexts } from './cli-texts.js';
import type { CustomersCheckFlags } from './customers-check.js';
import { type CommandContext, columnsOption, localeOption } from './program-context.js';

/**
 * `email-guard customers check <export>`: the data quality of a CRM export, the incidents that have
 * not happened yet (`runCustomersCheck`).
 */
function customersCheckCommand(context: CommandContext, locale: CliLocale): Command {
  return new Command('check')
    .description(
      'check a CRM export (.csv or .ndjson): unreadable rows, invalid, mistyped, shared, duplicate, role and disposable addresses',
    )
    .argument('<export>', 'the CRM export, .csv (header row first) or .ndjson')
    .option('--out <report>', 'write the report to this file: .html, .csv or .json (by its ending)')
    .option('--json', 'print the findings as JSON')
    .option(
      '--accept <pairs>',
      'pairs of customers known and kept on purpose (.csv: id, id, note; or .json): their findings are counted, not listed',
    )
    .addOption(columnsOption())
    .addOption(localeOption())
    .addHelpText('after', cliTexts[locale].commandHelp.customersCheck)
    .action(async (file: string, flags: CustomersCheckFlags) => {
      // The check and what it loads (the schemas, the phone numbering data) are imported only when it runs.
      const { runCustomersCheck } = await import('./customers-check.js');
      await runCustomersCheck(file, flags, context);
    });
}

/** `email-guard customers`: commands on a CRM export. */
export function customersCommand(context: CommandContext, locale: CliLocale = 'en'): Command {
  return new Command('customers')
    .description('commands on a CRM export')
    .addCommand(customersCheckCommand(context, locale))
    .addHelpText('after', cliTexts[locale].commandHelp.customers);
}
