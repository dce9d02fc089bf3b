import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { createDirectory, type Directory } from '../contacts/create-directory.js';
import { defaultCustomerColumns, type LoadProblem, loadCustomers } from '../contacts/load-customers.js';
import { isEmailGuardError } from '../errors.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { type Progress, progressWords } from './create-progress.js';
import { unreadableFailure, usageFailure } from './exit-codes.js';
import { documentKind, spreadsheetKind } from './file-kind.js';
import { type ColumnMapping, columnsAdvice } from './parse-columns.js';

/** A CRM export read into a directory, with the line each customer came from. */
export interface CustomerFile {
  readonly directory: Directory;
  /** The line each customer's row starts on, by id. */
  readonly lineOf: Map<string, number>;
  readonly problems: LoadProblem[];
  readonly loaded: number;
  readonly rows: number;
  /**
   * The columns (NDJSON: keys) read into no customer field whose header names an address or a phone
   * (`Privat e-post`, `Mobiltelefon hem`): values nobody checked that mail may go to.
   */
  readonly contactColumnsNotRead: readonly string[];
}

/**
 * A header that names an e-mail address or a phone number, in Swedish or English. A column read as
 * none of the customer's fields is only a note (a comment, a fax, a date), but one of these holds
 * where mail or an SMS may go: an export with one unread is not clean.
 */
const CONTACT_HEADER = /e-?mail|e-?post|telefon|phone|mobil|^tel\b|\bsms\b/i;

/** Whether an unread column's header names an address or a phone (see CONTACT_HEADER). */
export function namesContact(header: string): boolean {
  return CONTACT_HEADER.test(header);
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
  columns?: ColumnMapping,
): Promise<CustomerFile> {
  const text = cliTexts[locale];
  // A spreadsheet is a file of the wrong kind (3), like a folder: the command line is right, the
  // file is not CSV text. Its ending is judged first, since a .numbers document may be a folder.
  const named = spreadsheetKind(path, new Uint8Array());
  if (named) throw unreadableFailure(`${path}: ${text.spreadsheet(text.spreadsheetKinds[named])}`);
  // A folder has no ending to judge by: it is an input of the wrong kind (3), not a usage error.
  if ((await stat(path).catch(() => undefined))?.isDirectory())
    throw unreadableFailure(`${path}: ${text.notAFile}`);
  // Read once, for every judgement by content below.
  const sample = await firstBytes(path);
  // A PDF or a Word document is the wrong kind of file (3), as a spreadsheet is: said by what it is.
  const document = documentKind(path, sample);
  if (document) throw unreadableFailure(`${path}: ${text.document(text.documentKinds[document])}`);
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
  const kind = spreadsheetKind(path, sample);
  if (kind) throw unreadableFailure(`${path}: ${text.spreadsheet(text.spreadsheetKinds[kind])}`);
  refuseUtf16WithoutMark(path, sample, locale);
  const directory = createDirectory();
  const lineOf = new Map<string, number>();
  const words = progressWords[locale];
  progress?.start(size, words.readingCustomers, words.rows);
  let rows: number | undefined;
  let withAddress = 0;
  try {
    const result = await loadCustomers(
      { source: createReadStream(path), format },
      {
        directory,
        locale,
        ...(columns ? { columns } : {}),
        onCustomer: (customer, line) => {
          lineOf.set(customer.id, line);
          if (customer.emails && customer.emails.length > 0) withAddress++;
        },
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
    // Rows without one address, usable or not, have nothing to check: an address column under a
    // header the loader does not know (issue 13), never a clean base.
    const unread = result.unmappedColumns;
    // The JSON lines of an audit log (AuditEntry: the decision's outcome and its recipients) are
    // no customers: named as what they are instead of given advice on --columns.
    if (format === 'ndjson' && withAddress === 0 && AUDIT_ENTRY_KEYS.every((key) => unread.includes(key)))
      throw unreadableFailure(`${path}: ${text.auditLogGiven}`);
    // An address that cannot be used is a finding of its own (invalid-address), not a column unread.
    const addressProblems = result.problems.some((problem) => problem.field === 'emails');
    if (withAddress === 0 && !addressProblems)
      throw unreadableFailure(
        `${path}:1: ${text.noAddresses([...defaultCustomerColumns.emails, ...(columns?.emails ?? [])].join(', '))}${unread.length > 0 ? text.unreadColumns(unread.map(text.quoted).join(', '), unread[0] as string) : ''}`,
      );
    // The loader's advice names its `columns` option; the command's is --columns. A column read
    // as a field another column is read as too (`--columns birthDate=Personnummer` beside
    // Födelsedatum) is read: a row where the two differ is reported on its own (columnsDisagree).
    const problems = result.problems
      .filter((problem) => !(problem.column !== undefined && problem.field !== undefined))
      .map((problem) => ({
        ...problem,
        // A value not read is named by the column it stands in, as the export's header writes it.
        reason: problem.header
          ? text.inColumn(problem.header, columnsAdvice(problem.reason), format === 'ndjson')
          : columnsAdvice(problem.reason),
      }));
    return {
      directory,
      lineOf,
      problems,
      loaded: result.loaded,
      rows,
      contactColumnsNotRead: unread.filter(namesContact),
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'CliFailure') throw error;
    if (isEmailGuardError(error)) {
      const issue = (error as { issues?: { message: string }[] }).issues?.[0]?.message ?? error.message;
      throw unreadableFailure(`${path}:1: ${columnsAdvice(issue)}`);
    }
    throw unreadableFailure(
      `${path}: ${text.cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  } finally {
    progress?.stop(rows);
  }
}

/** Keys every line of an audit log has (src/nodemailer/audit-log.ts, AuditEntry) and no customer. */
const AUDIT_ENTRY_KEYS = ['at', 'mode', 'outcome', 'action', 'recipients'];

/** The first 256 bytes of `path` (fewer in a shorter file; none when it cannot be opened). */
async function firstBytes(path: string): Promise<Uint8Array> {
  const sample = Buffer.alloc(256);
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return new Uint8Array(); // The loader names what keeps it from being read.
  try {
    const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
    return sample.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Refuses (unreadable input, 3) a file that is UTF-16 without a byte order mark: ASCII text in it
 * has a zero in every other byte (the high byte of each code unit, Unicode §3.10), which the
 * loader's detection (a mark, else UTF-8, else Windows-1252) would read as a header of NUL
 * characters. A file with a mark is read as UTF-16 by the loader.
 */
function refuseUtf16WithoutMark(path: string, sample: Uint8Array, locale: CliLocale): void {
  const bytes = sample.subarray(0, sample.length - (sample.length % 2));
  if (bytes.length < 4) return;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = bytes.length / 2;
  // Nearly every pair: a stray zero byte in a UTF-8 or Windows-1252 file is no pattern.
  const encoding =
    oddZero >= pairs * 0.9 && evenZero === 0
      ? 'UTF-16LE'
      : evenZero >= pairs * 0.9 && oddZero === 0
        ? 'UTF-16BE'
        : undefined;
  if (encoding) throw unreadableFailure(`${path}: ${cliTexts[locale].utf16(encoding)}`);
}
