import { realpath } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { codeWithName } from './code-with-name.js';
import { inOneLine } from './escape-controls.js';
import { usageFailure } from './exit-codes.js';
import type { CommandContext } from './program-context.js';
import { type Report, renderCsvSummary, renderReport, reportFormat } from './render-report.js';
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
 * The file the summary of a CSV report goes to, beside it (`quality.csv`: `quality.summary.csv`):
 * a CSV file holds one table, and the summary the HTML report shows above the rows is another.
 * Undefined for any other report.
 */
export function summaryBeside(out: string | undefined): string | undefined {
  if (out === undefined || extname(out).toLowerCase() !== '.csv') return undefined;
  const extension = extname(out);
  return `${out.slice(0, -extension.length)}.summary${extension}`;
}

/**
 * Refuses (usage, exit code 2) an `--out` that is one of the command's input files, before anything
 * is read: the report would be renamed over the CRM export or the mail it was made from. With
 * `summaryBeside`, the summary file of a CSV report (see {@link summaryBeside}) is refused alike.
 */
export async function refuseOutOverInput(
  out: string | undefined,
  inputs: readonly string[],
  locale: CliLocale = 'en',
  options: { readonly summaryBeside?: boolean } = {},
): Promise<void> {
  if (out === undefined) return;
  const target = await realPath(out);
  const summary = options.summaryBeside ? summaryBeside(out) : undefined;
  const summaryTarget = summary === undefined ? undefined : await realPath(summary);
  for (const input of inputs) {
    const inputPath = await realPath(input);
    if (inputPath === target) throw usageFailure(cliTexts[locale].outIsInput(out, input));
    if (summary !== undefined && inputPath === summaryTarget)
      throw usageFailure(cliTexts[locale].summaryIsInput(out, summary, input));
  }
}

/**
 * Writes a command's report where it was asked for: the file from `--out` (whole or not at all),
 * with `summaryBeside` a CSV report's summary in a file of its own beside it (also whole or not at
 * all), then on standard output the JSON form (`--json`), or the intro, the non-zero summary rows,
 * and either the report's path (and its summary's) or one line per row (`rowLine`), and any `notes` after.
 */
export async function writeReport(
  report: Report,
  destination: ReportDestination,
  context: CommandContext,
  options: {
    rowLine: (row: Report['rows'][number]) => string;
    notes?: readonly string[];
    summaryBeside?: boolean;
  },
): Promise<void> {
  const summary = options.summaryBeside ? summaryBeside(destination.out) : undefined;
  if (destination.out !== undefined)
    await writeAtomically(destination.out, renderReport(report, reportFormat(destination.out)));
  if (summary !== undefined) await writeAtomically(summary, renderCsvSummary(report));
  if (destination.json) {
    context.out(`${JSON.stringify(report.data, null, 2)}\n`);
    return;
  }
  // Each intro line and note is one line, whatever path or name from the input it quotes.
  const lines = report.intro.map(inOneLine);
  for (const row of report.summary)
    if (row.count > 0)
      lines.push(
        `  ${String(row.count).padStart(7)}  ${codeWithName(row.label, report.locale)}: ${row.description}`,
      );
  // The input that could not be read is named on stderr as it is read (and in a saved report):
  // standard output does not say it twice.
  if (destination.out !== undefined) {
    lines.push(`${cliTexts[report.locale].reportWritten}: ${inOneLine(destination.out)}`);
    if (summary !== undefined) lines.push(`${cliTexts[report.locale].summaryWritten}: ${inOneLine(summary)}`);
  } else for (const row of report.rows) lines.push(options.rowLine(row));
  lines.push(...(options.notes ?? []).map(inOneLine));
  context.out(`${lines.join('\n')}\n`);
}
