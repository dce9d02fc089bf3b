import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createDirectory, type Directory } from '../contacts/create-directory.js';
import { type LoadProblem, loadCustomers } from '../contacts/load-customers.js';
import { isEmailGuardError } from '../errors.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { type Progress, progressWords } from './create-progress.js';
import { unreadableFailure, usageFailure } from './exit-codes.js';

/** A CRM export read into a directory, with the line each customer came from. */
export interface CustomerFile {
  readonly directory: Directory;
  /** The line each customer's row starts on, by id. */
  readonly lineOf: Map<string, number>;
  readonly problems: LoadProblem[];
  readonly loaded: number;
  readonly rows: number;
}

/** `csv` or `ndjson`, from the file name; a usage failure for any other ending. */
export function customerFormat(path: string, locale: CliLocale = 'en'): 'csv' | 'ndjson' {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  throw usageFailure(`${path}: ${cliTexts[locale].customerFormat(extension)}`);
}

/**
 * Streams a CRM export from disk through `loadCustomers` into a directory: the file is never held
 * whole, only the customers it holds. A file that cannot be opened, or has no id column, is an
 * unreadable input.
 */
export async function readCustomers(
  path: string,
  progress?: Progress,
  locale: CliLocale = 'en',
): Promise<CustomerFile> {
  const text = cliTexts[locale];
  // A folder has no ending to judge by: it is an input of the wrong kind (3), not a usage error.
  if ((await stat(path).catch(() => undefined))?.isDirectory())
    throw unreadableFailure(`${path}: ${text.notAFile}`);
  const format = customerFormat(path, locale);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw unreadableFailure(`${path}: ${text.notAFile}`);
    size = info.size;
  } catch (error) {
    if (error instanceof Error && error.name === 'CliFailure') throw error;
    throw unreadableFailure(
      `${path}: ${text.cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  }
  const directory = createDirectory();
  const lineOf = new Map<string, number>();
  const words = progressWords[locale];
  progress?.start(size, words.readingCustomers, words.rows);
  let rows: number | undefined;
  try {
    const result = await loadCustomers(
      { source: createReadStream(path), format },
      {
        directory,
        locale,
        onCustomer: (customer, line) => lineOf.set(customer.id, line),
        // Characters approximate bytes closely enough for a bar.
        onProgress: (state) => progress?.update(Math.min(size, state.characters), state.rows),
        progressEvery: 5_000,
      },
    );
    // A row loaded with a caveat (a birth date or phone not read) is among `loaded` already.
    rows =
      result.problems.filter(
        (problem) => problem.column === undefined && (!problem.loaded || problem.field === 'id'),
      ).length + result.loaded;
    // An empty export, a header alone or blank lines: a cut-off download or the wrong file, never
    // a clean base (issue 13: it printed "0 customers" and exited 0).
    if (rows === 0) throw unreadableFailure(`${path}: ${text.noCustomerRows}`);
    return { directory, lineOf, problems: result.problems, loaded: result.loaded, rows };
  } catch (error) {
    if (error instanceof Error && error.name === 'CliFailure') throw error;
    if (isEmailGuardError(error)) {
      const issue = (error as { issues?: { message: string }[] }).issues?.[0]?.message ?? error.message;
      throw unreadableFailure(`${path}:1: ${issue}`);
    }
    throw unreadableFailure(
      `${path}: ${text.cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  } finally {
    progress?.stop(rows);
  }
}
