import { Command } from 'commander';
import type { CustomersCheckFlags } from './customers-check.js';
import { type CommandContext, localeOption } from './program-context.js';

/**
 * `email-guard customers check <export>`: the data quality of a CRM export, the incidents that have
 * not happened yet (`runCustomersCheck`).
 */
function customersCheckCommand(context: CommandContext): Command {
  return new Command('check')
    .description(
      'check a CRM export (.csv or .ndjson): unreadable rows, invalid, mistyped, shared, duplicate, role and disposable addresses',
    )
    .argument('<export>', 'the CRM export, .csv (header row first) or .ndjson')
    .option('--out <report>', 'write the report to this file: .html, .csv or .json (by its ending)')
    .option('--json', 'print the findings as JSON')
    .addOption(localeOption())
    .addHelpText(
      'after',
      `
Examples:
  $ email-guard customers check customers.csv
  $ email-guard customers check export.ndjson --out report.html --locale sv

Exit codes: 0 nothing found, 1 findings, 2 usage error, 3 the export cannot be read.`,
    )
    .action(async (file: string, flags: CustomersCheckFlags) => {
      // The check and what it loads (the schemas, the phone numbering data) are imported only when it runs.
      const { runCustomersCheck } = await import('./customers-check.js');
      await runCustomersCheck(file, flags, context);
    });
}

/** `email-guard customers`: commands on a CRM export. */
export function customersCommand(context: CommandContext): Command {
  return new Command('customers')
    .description('commands on a CRM export')
    .addCommand(customersCheckCommand(context))
    .addHelpText(
      'after',
      `
Example:
  $ email-guard customers check customers.csv --out report.html`,
    );
}
