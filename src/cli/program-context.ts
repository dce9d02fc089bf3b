import { Option } from 'commander';
import type { LoadProblem } from '../contacts/load-customers.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { createProgress, type Progress } from './create-progress.js';
import { escapeControls } from './escape-controls.js';

/** What a command needs from the process: its outputs, its exit code, a progress bar. */
export interface CommandContext {
  /** Writes to standard output. */
  out(text: string): void;
  /** Writes one line to standard error. */
  warn(line: string): void;
  setExitCode(code: number): void;
  /** A progress bar on standard error, silent unless it is a terminal, in `locale` (default `en`). */
  progress(locale?: CliLocale): Progress;
  /** Whether standard input and error are a terminal (a person is there to answer). */
  readonly interactive: boolean;
  /** Asks a yes/no question on the terminal; the question names its answers (`[j/N]`). */
  confirm(question: string): Promise<boolean>;
  /**
   * Reports the rows of a file that were not read, one line each (the first 20, then a count), in
   * the language of `locale` (default `en`).
   */
  reportProblems(file: string, problems: readonly LoadProblem[], locale?: CliLocale): void;
}

/** `--locale sv|en`, the language of findings and reports. */
export function localeOption(): Option {
  return new Option('--locale <locale>', 'language of messages and reports')
    .choices(['sv', 'en'])
    .default('en');
}

/**
 * `--time-zone Europe/London`: the IANA zone a command's reports write dates in (the library's
 * `timeZone`; by default the organisation's country's). Which law applied is judged where the
 * organisation is, whatever this says. Checked when the command runs (check-time-zone.ts), so `--help` loads no schema.
 */
export function timeZoneOption(): Option {
  return new Option(
    '--time-zone <zone>',
    "the IANA time zone dates are written in, e.g. Europe/London (default: the organisation's country's, else Europe/Stockholm)",
  );
}

/**
 * `--columns id=Kundnr,email=E-post`: the header each customer field is read from, for every command
 * that reads a CRM export (parse-columns.ts reads it when the command runs).
 */
export function columnsOption(): Option {
  return new Option(
    '--columns <mapping>',
    'the header each customer field is read from, where the export names it otherwise: id=Kundnr,email=E-post (fields: id, name, firstName, lastName, emails, phones, birthDate, country)',
  );
}

/** The lines that report a file's problems: `file:line: reason`. */
export function problemLines(
  file: string,
  problems: readonly LoadProblem[],
  locale: CliLocale = 'en',
  limit = 20,
): string[] {
  const text = cliTexts[locale];
  const lines = problems.slice(0, limit).map(
    (problem) =>
      // A column not read is a note on the header, not a row: nothing was skipped (customers
      // check lists it as `column-not-read`).
      `${file}:${problem.line}: ${problem.reason}${problem.loaded || problem.column !== undefined ? '' : ` (${text.rowSkipped})`}`,
  );
  if (problems.length > limit) lines.push(`${file}: ${text.moreProblems(problems.length - limit)}`);
  return lines;
}

export function processContext(): CommandContext {
  return {
    // Everything printed passes through here, so nothing taken from input reaches a terminal raw.
    out: (text) => void process.stdout.write(escapeControls(text)),
    warn: (line) => void process.stderr.write(`${escapeControls(line)}\n`),
    setExitCode: (code) => {
      process.exitCode = code;
    },
    progress: (locale) => createProgress(process.stderr, locale),
    interactive: Boolean(process.stdin.isTTY && process.stderr.isTTY),
    async confirm(question) {
      const { createInterface } = await import('node:readline/promises');
      const readline = createInterface({ input: process.stdin, output: process.stderr });
      try {
        // The question ends in the answers of its language ([y/N], [j/N]: cli-texts.ts).
        const answer = await readline.question(`${escapeControls(question)} `);
        return /^y(es)?$/i.test(answer.trim()) || /^j(a)?$/i.test(answer.trim());
      } finally {
        readline.close();
      }
    },
    reportProblems(file, problems, locale) {
      for (const line of problemLines(file, problems, locale))
        process.stderr.write(`${escapeControls(line)}\n`);
    },
  };
}
