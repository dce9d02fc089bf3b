import { Command, Option } from 'commander';
import { type CliLocale, cliTexts } from './cli-texts.js';
import type { IncidentFlags } from './incident.js';
import { type CommandContext, localeOption, timeZoneOption } from './program-context.js';

/**
 * `email-guard incident`: the breach report, the customer notice (.eml) and the phone script for a
 * confirmation that reached the wrong person, from the sent message and a file of facts.
 */
export function incidentCommand(context: CommandContext, locale: CliLocale = 'en'): Command {
  return new Command('incident')
    .description(
      'write the breach report, the customer notice (.eml) and the phone script for a misdirected message',
    )
    .addOption(
      new Option('--channel <channel>', 'what went to the wrong person: an e-mail or a text message')
        .choices(['email', 'sms'])
        .default('email'),
    )
    .option('--message <file>', 'the message as sent (.eml)')
    .option('--text <file>', 'the text message as sent (UTF-8 text), with --channel sms')
    .requiredOption(
      '--intended <address>',
      'the address (or with --channel sms, the number) it should have gone to',
    )
    .requiredOption('--actual <address>', 'the address (or with --channel sms, the number) it went to')
    .requiredOption(
      '--facts <file>',
      'JSON: customer, organisation, reference, detectedAt, and any other reportMisdirected field',
    )
    .addOption(
      new Option('--format <format>', 'format of the report')
        .choices(['text', 'markdown', 'html'])
        .default('text'),
    )
    .requiredOption('--out <dir>', 'the folder to write report, notice.eml and phone-script.txt into')
    .option('--overwrite', 'replace a report already in the --out folder')
    .option('--json', 'print the assessment as JSON')
    .addOption(localeOption())
    .addOption(timeZoneOption())
    .addHelpText('after', cliTexts[locale].commandHelp.incident)
    .action(async (flags: IncidentFlags) => {
      // The report's model and renderers are imported only when the command runs.
      const { runIncident } = await import('./incident.js');
      await runIncident(flags, context);
    });
}
