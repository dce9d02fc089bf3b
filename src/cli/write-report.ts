import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { codeWithName } from './code-with-name.js';
import { usageFailure } from './exit-codes.js';
import type { CommandContext } from './program-context.js';
import { type Report, renderReport, reportFormat } from './render-report.js';
import { writeAtomically } from './write-atomically.js';

/** Where a command's report goes: a file (`--out`), JSON on standard output (`--json`), or text. */
export interface ReportDestination {
  readonly out?: string;
  readonly json?: boolean;
}

/**
 * Checks `--out` names a report format before any work is done: a usage failure for any other
 * ending, so a long run does not end in a report it cannot write.
 */
export function checkReportDestination(destination: ReportDestination, locale: CliLocale = 'en'): void {
  if (destination.out !== undefined) reportFormat(destination.out, locale);
}

/** A path with its links followed as far as they exist: two names for one file compare equal. */
async function realPath(path: string): Promise<string> {
  const whole = await realpath(path).catch(() => undefined);
  if (whole !== undefined) return whole;
  const folder = await realpath(dirname(resolve(path))).catch(() => dirname(resolve(path)));
  return join(folder, basename(path));
}

/**
 * Refuses (usage, exit code 2) an `--out` that is one of the command's input files, before anything
 * is read: the report would be renamed over the CRM export or the mail it was made from.
 */
export async function refuseOutOverInput(
  out: string | undefined,
  inputs: readonly string[],
  locale: CliLocale = 'en',
): Promise<void> {
  if (out === undefined) return;
  const target = await realPath(out);
  for (const input of inputs)
    if ((await realPath(input)) === target) throw usageFailure(cliTexts[locale].outIsInput(out, input));
}

/**
 * Writes a command's report where it was asked for: the file from `--out` (whole or not at all),
 * then on standard output the JSON form (`--json`), or the intro, the non-zero summary rows, and either the report's path or one line per row (`rowLine`), and any `notes` after.
 */
export async function writeReport(
  report: Report,
  destination: ReportDestination,
  context: CommandContext,
  options: { rowLine: (row: Report['rows'][number]) => string; notes?: readonly string[] },
): Promise<void> {
  if (destination.out !== undefined)
    await writeAtomically(destination.out, renderReport(report, reportFormat(destination.out)));
  if (destination.json) {
    context.out(`${JSON.stringify(report.data, null, 2)}\n`);
    return;
  }
  const lines = [...report.intro];
  for (const row of report.summary)
    if (row.count > 0)
      lines.push(
        `  ${String(row.count).padStart(7)}  ${codeWithName(row.label, report.locale)}: ${row.description}`,
      );
  // The input that could not be read is named on stderr as it is read (and in a saved report):
  // standard output does not say it twice.
  if (destination.out !== undefined)
    lines.push(`${cliTexts[report.locale].reportWritten}: ${destination.out}`);
  else for (const row of report.rows) lines.push(options.rowLine(row));
  lines.push(...(options.notes ?? []));
  context.out(`${lines.join('\n')}\n`);
}
