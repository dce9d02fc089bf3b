import { Command } from 'commander';
import type { AuditFlags } from './audit.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { type CommandContext, columnsOption, localeOption, timeZoneOption } from './program-context.js';

/**
 * `email-guard audit <sent mail> --customers <export>`: were there other cases like this? Reads the
 * headers of sent mail (a folder of .eml files, an mbox, a Maildir) and lists each message whose
 * recipient is a near miss of a customer's address, another customer's address, or at a mistyped
 * domain.
 */
export function auditCommand(context: CommandContext, locale: CliLocale = 'en'): Command {
  return new Command('audit')
    .description('find sent messages whose recipient was a near miss, another customer, or a mistyped domain')
    .argument('<sent-mail>', 'a folder of .eml files, an mbox file, or a Maildir')
    .requiredOption('--customers <file>', 'the CRM export (.csv or .ndjson) with the known addresses')
    .option(
      '--since <date>',
      'only messages dated on or after this date (ISO 8601): a date alone is midnight in the local time zone (TZ); give an offset for another, 2026-11-21T00:00+01:00',
    )
    .option('--out <report>', 'write the report to this file: .html, .csv or .json')
    .option('--incidents <dir>', 'write a draft incident report and customer notice per hit into this folder')
    .option(
      '--facts <file>',
      'JSON facts for the incident drafts: organisation (required), and reportMisdirected fields',
    )
    .option(
      '--customer-header <name>',
      'the header field naming the customer a message was for',
      'X-Customer-Id',
    )
    .option('--json', 'print the hits as JSON')
    .addOption(columnsOption())
    .addOption(localeOption())
    .addOption(timeZoneOption())
    .addHelpText('after', cliTexts[locale].commandHelp.audit)
    .action(async (path: string, flags: AuditFlags) => {
      // The audit and what it loads (the checks, the mail header parser) are imported only when it runs.
      const { runAudit } = await import('./audit.js');
      await runAudit(path, flags, context);
    });
}
