import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CsvRecordReader } from '../contacts/csv-record-reader.js';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { unreadableFailure, usageFailure } from './exit-codes.js';

/** Two customers whose shared or near address is known and kept on purpose (`customers check --accept`). */
export interface AcceptedPair {
  readonly customerIds: readonly [string, string];
  readonly note?: string;
  /** The line of the accept file the pair is on. */
  readonly line: number;
}

/** The key of a pair in either order: C-1 with C-2 is C-2 with C-1. */
export function pairKey(first: string, second: string): string {
  return JSON.stringify(first < second ? [first, second] : [second, first]);
}

/**
 * Reads `--accept FILE`: a CSV file (a header row, then the two customer ids and an optional note
 * per row, `,` or `;` between cells as Excel saves them) or a JSON array of
 * `{ "customers": ["C-1", "C-2"], "note": "…" }`. Any other ending is a usage failure (2); a file
 * that cannot be read, or a pair that is not two ids, is unreadable input (3), named by its line.
 */
export async function readAcceptedPairs(path: string, locale: CliLocale): Promise<AcceptedPair[]> {
  const text = cliTexts[locale].acceptFile;
  const extension = extname(path).toLowerCase();
  if (extension !== '.csv' && extension !== '.json') throw usageFailure(`${path}: ${text.ending(extension)}`);
  let content: string;
  try {
    content = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw unreadableFailure(
      `${path}: ${cliTexts[locale].cannotBeRead(String((error as NodeJS.ErrnoException).code ?? error))}`,
    );
  }
  return extension === '.json' ? pairsOfJson(path, content, locale) : pairsOfCsv(path, content, locale);
}

/** The 1-based line of character `index` of `content`. */
function lineAt(content: string, index: number): number {
  return 1 + lineBreaksBetween(content, 0, index);
}

/** How many line feeds `content` has from `start` up to (not including) `end`. */
function lineBreaksBetween(content: string, start: number, end: number): number {
  let count = 0;
  for (let at = start; at < end; at++) if (content.charCodeAt(at) === 0x0a) count++;
  return count;
}

function pairsOfJson(path: string, content: string, locale: CliLocale): AcceptedPair[] {
  const text = cliTexts[locale].acceptFile;
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    // V8 names the offset of the syntax error ("… in JSON at position 42").
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    throw unreadableFailure(
      `${path}:${position === undefined ? 1 : lineAt(content, Number(position))}: ${text.notJson}`,
    );
  }
  if (!Array.isArray(parsed)) throw unreadableFailure(`${path}:1: ${text.notJson}`);
  // The line of each entry: where its object opens, found in order through the text, the lines
  // counted on from the previous entry's, so a long list costs time linear in its length.
  let from = 0;
  let counted = 0;
  let line = 1;
  return parsed.map((entry: unknown) => {
    const start = content.indexOf('{', from);
    if (start >= 0) {
      line += lineBreaksBetween(content, counted, start);
      counted = start;
      from = content.indexOf('}', start) + 1;
    }
    const customers = (entry as { customers?: unknown } | null)?.customers;
    const note = (entry as { note?: unknown } | null)?.note;
    if (
      !Array.isArray(customers) ||
      customers.length !== 2 ||
      !customers.every((id) => typeof id === 'string' && id.trim() !== '') ||
      (note !== undefined && typeof note !== 'string')
    )
      throw unreadableFailure(`${path}:${line}: ${text.notPairJson}`);
    return pair(path, line, customers[0].trim(), customers[1].trim(), note, locale);
  });
}

function pairsOfCsv(path: string, content: string, locale: CliLocale): AcceptedPair[] {
  const text = cliTexts[locale].acceptFile;
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  const reader = new CsvRecordReader(firstLine.includes(';') ? ';' : ',');
  const pairs: AcceptedPair[] = [];
  let header = true;
  const take = (record: Parameters<Parameters<CsvRecordReader['push']>[1]>[0]) => {
    if ('error' in record) throw unreadableFailure(`${path}:${record.line}: ${record.error}`);
    if (record.fields.every((field) => field.trim() === '')) return undefined;
    if (header) {
      header = false;
      return undefined;
    }
    const [first = '', second = '', note] = record.fields.map((field) => field.trim());
    if (first === '' || second === '' || record.fields.length > 3)
      throw unreadableFailure(`${path}:${record.line}: ${text.notPairCsv}`);
    pairs.push(pair(path, record.line, first, second, note === '' ? undefined : note, locale));
    return undefined;
  };
  reader.push(content, take);
  reader.end(take);
  return pairs;
}

function pair(
  path: string,
  line: number,
  first: string,
  second: string,
  note: string | undefined,
  locale: CliLocale,
): AcceptedPair {
  if (first === second)
    throw unreadableFailure(`${path}:${line}: ${cliTexts[locale].acceptFile.samePair(first)}`);
  return { customerIds: [first, second], line, ...(note !== undefined ? { note } : {}) };
}
