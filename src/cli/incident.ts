import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { isEmailGuardError } from '../errors.js';
import { readFacts } from './audit.js';
import { unreadableFailure } from './exit-codes.js';
import { type CommandContext, localeOption } from './program-context.js';
import { writeAtomically } from './write-atomically.js';

interface IncidentFlags {
  readonly message: string;
  readonly intended: string;
  readonly actual: string;
  readonly facts: string;
  readonly format: 'text' | 'markdown' | 'html';
  readonly out: string;
  readonly json?: boolean;
  readonly locale: 'sv' | 'en';
}

const extensions = { text: 'txt', markdown: 'md', html: 'html' } as const;

/**
 * `email-guard incident`: the breach report, the customer notice (.eml) and the phone script for a
 * confirmation that reached the wrong person, from the sent message and a file of facts.
 */
export function incidentCommand(context: CommandContext): Command {
  return new Command('incident')
    .description(
      'write the breach report, the customer notice (.eml) and the phone script for a misdirected message',
    )
    .requiredOption('--message <file>', 'the message as sent (.eml)')
    .requiredOption('--intended <address>', 'the address it should have gone to')
    .requiredOption('--actual <address>', 'the address it went to')
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
    .option('--json', 'print the assessment as JSON')
    .addOption(localeOption())
    .addHelpText(
      'after',
      `
Example:
  $ email-guard incident --message sent.eml --intended anna.svensson1985@gmail.com \\
      --actual anna.svensson185@gmail.com --facts facts.json --locale sv --format html --out incident/

facts.json:
  { "customer": { "id": "4711023", "name": "Anna Svensson" },
    "organisation": { "name": "Nordkabel AB", "regimes": ["eprivacy", "gdpr"],
      "contact": { "name": "Karin Berg", "email": "dpo@nordkabel.se", "phone": "08-123 456 00" } },
    "reference": "NK-INC-2018-0223", "detectedAt": "2018-02-23T13:45:00+01:00" }

Exit codes: 0 written, 2 usage error, 3 unreadable input (the message, the facts, a fact missing).`,
    )
    .action(async (flags: IncidentFlags) => {
      // Checked before any work: a file in the way would end in a stack trace after the report was made.
      const existing = await stat(flags.out).catch(() => undefined);
      if (existing && !existing.isDirectory())
        throw unreadableFailure(
          `${flags.out}: not a folder (--out names the folder the files are written into)`,
        );
      const facts = await readFacts(flags.facts);
      let message: Buffer;
      try {
        message = await readFile(flags.message);
      } catch (error) {
        throw unreadableFailure(
          `${flags.message}: cannot be read (${(error as NodeJS.ErrnoException).code ?? error})`,
        );
      }
      const { reportMisdirected, renderIncidentReport } = await import('../incident/index.js');
      const { reportDateTime } = await import('../incident/report-conclusions.js');
      let result: Awaited<ReturnType<typeof reportMisdirected>>;
      try {
        result = await reportMisdirected(
          { ...facts, message, intended: flags.intended, actual: flags.actual } as unknown as Parameters<
            typeof reportMisdirected
          >[0],
          { locale: flags.locale },
        );
      } catch (error) {
        if (isEmailGuardError(error, 'INVALID_INPUT')) {
          const field = ((error as { field?: string }).field ?? '').replace(/^input\./, '');
          // Without `occurredAt` in the facts, the time comes from the message's Date field.
          const fromMessage = field === 'occurredAt' && !('occurredAt' in (facts as object));
          if (fromMessage)
            throw unreadableFailure(
              `${flags.message}: the message has no readable Date field, so when it was sent is not known; give "occurredAt" in ${flags.facts}`,
            );
          const source = field === 'intended' || field === 'actual' ? `--${field}` : flags.facts;
          throw new (await import('./exit-codes.js')).CliFailure(
            `${source}: ${error.message}`,
            source === flags.facts ? 3 : 2,
          );
        }
        if (isEmailGuardError(error)) throw unreadableFailure(`${flags.message}: ${error.message}`);
        throw error;
      }
      const report = join(flags.out, `report.${extensions[flags.format]}`);
      await writeAtomically(
        report,
        renderIncidentReport(result.report, { locale: flags.locale, format: flags.format }),
      );
      await writeAtomically(join(flags.out, 'notice.eml'), result.notices.email.raw);
      await writeAtomically(join(flags.out, 'phone-script.txt'), `${result.notices.phoneScript.text}\n`);
      if (flags.json) {
        context.out(
          `${JSON.stringify({ assessment: result.assessment, files: [report, join(flags.out, 'notice.eml'), join(flags.out, 'phone-script.txt')] }, null, 2)}\n`,
        );
        return;
      }
      const lines = [
        // The deadline as the report writes it (its time zone and words), not a UTC ISO string.
        ...result.assessment.deadlines.map(
          (deadline) =>
            `${deadline.article}: ${deadline.within}${
              deadline.due
                ? ` (${flags.locale === 'sv' ? 'senast' : 'by'} ${reportDateTime({ locale: flags.locale, timeZone: 'Europe/Stockholm' }, deadline.due)})`
                : ''
            }`,
        ),
        `report: ${report}`,
        `notice: ${join(flags.out, 'notice.eml')}`,
        `phone script: ${join(flags.out, 'phone-script.txt')}`,
      ];
      context.out(`${lines.join('\n')}\n`);
    });
}
