import { z } from 'zod';
import { parseAddress } from '../address/parse-address.js';
import { parseInput } from '../internal/parse-input.js';
import { isE164 } from '../phone/is-e164.js';
import { parsePhone } from '../phone/parse-phone.js';
import { type Directory, DirectorySchema } from './create-directory.js';
import { CsvRecordReader, type CsvRecordSink } from './csv-record-reader.js';
import { type Customer, CustomerSchema } from './customer.js';

/** A customer field and the CSV header names it is read from. */
export type CustomerColumn = 'id' | 'name' | 'emails' | 'phones' | 'birthDate' | 'country';

/**
 * Header names (compared case-insensitively, spaces and `_`/`-` ignored) for each field: English
 * and Swedish CRM exports. Extend them through the `columns` option.
 *
 * @example
 * ```ts
 * await loadCustomers(
 *   { source: 'kund,adress\nK1,anna@x.se\n', format: 'csv' },
 *   { columns: { id: [...defaultCustomerColumns.id, 'kund'], emails: ['adress'] } },
 * );
 * ```
 */
export const defaultCustomerColumns: Readonly<Record<CustomerColumn, readonly string[]>> = {
  id: ['id', 'customerid', 'kundid', 'kundnummer', 'customernumber'],
  name: ['name', 'fullname', 'namn'],
  emails: ['email', 'emails', 'emailaddress', 'epost', 'mail'],
  phones: ['phone', 'phones', 'mobile', 'telefon', 'mobil', 'telephone'],
  birthDate: ['birthdate', 'dateofbirth', 'fodelsedatum', 'födelsedatum'],
  country: ['country', 'land', 'countrycode'],
};

/** Text or UTF-8 bytes, whole or in chunks. */
export type CustomerSource =
  | string
  | AsyncIterable<string | Uint8Array>
  | Iterable<string | Uint8Array>
  | ReadableStream<string | Uint8Array>;

/**
 * Where customers come from: CSV or NDJSON text, whole or as a stream of chunks.
 *
 * @example
 * ```ts
 * LoadCustomersInputSchema.safeParse({ source: 'id\nC-1\n', format: 'csv' }).success; // true
 * ```
 */
export const LoadCustomersInputSchema = z.object({
  /** A string, or any (async) iterable of text or UTF-8 bytes: a Node stream, a web `ReadableStream`. */
  source: z.custom<CustomerSource>(
    (value) =>
      typeof value === 'string' ||
      (typeof value === 'object' &&
        value !== null &&
        (Symbol.asyncIterator in value ||
          Symbol.iterator in value ||
          typeof (value as ReadableStream).getReader === 'function')),
    'a string, or an iterable or async iterable of text or bytes',
  ),
  /** `csv` (a header row first) or `ndjson` (one JSON object per line). */
  format: z.enum(['csv', 'ndjson']),
});

/** What {@link loadCustomers} reads (see {@link LoadCustomersInputSchema}). */
export type LoadCustomersInput = z.input<typeof LoadCustomersInputSchema>;

/** How far a load has come, for a progress bar. */
export interface LoadProgress {
  /** Data rows read so far (the CSV header not counted). */
  readonly rows: number;
  readonly loaded: number;
  readonly problems: number;
  /** Characters of input read so far. */
  readonly characters: number;
  readonly done: boolean;
}

/** A row that was not loaded (or loaded with a caveat), and why. */
export interface LoadProblem {
  /** 1-based line of the input where the row starts (the CSV header is line 1). */
  readonly line: number;
  /** The field at fault, when one is (`emails`, `id`). */
  readonly field?: string;
  readonly reason: string;
  /** Whether the row was still loaded (a repeated id replaces the earlier row). */
  readonly loaded: boolean;
}

/** Options of {@link loadCustomers}. */
export interface LoadCustomersOptions {
  /** Called every `progressEvery` rows and once at the end. @default undefined */
  readonly onProgress?: (progress: LoadProgress) => void;
  /** Rows between progress calls. @default 10000 */
  readonly progressEvery?: number;
  /** Add the good rows to this directory (with `addAll`, 50,000 at a time) instead of collecting them in `customers`. @default undefined */
  readonly directory?: Directory;
  /** Header names per field, over {@link defaultCustomerColumns}. @default defaultCustomerColumns */
  readonly columns?: Partial<Record<CustomerColumn, readonly string[]>>;
  /** CSV field separator. @default detected from the header line: `;` (Excel in Swedish), tab or `,` */
  readonly delimiter?: string;
  /** ISO 3166-1 alpha-2 region for reading national phone numbers of rows without a country. @default 'SE' */
  readonly defaultCountry?: string;
}

/** What a load gives back. */
export interface LoadCustomersResult {
  /** The good rows (empty when they went into `options.directory`). */
  readonly customers: Customer[];
  readonly loaded: number;
  /** Every row not loaded, and every caveat, in input order. */
  readonly problems: LoadProblem[];
}

const LoadOptionsSchema = z.object({
  onProgress: z
    .custom<LoadCustomersOptions['onProgress']>((value) => typeof value === 'function', 'a function')
    .optional(),
  directory: DirectorySchema.optional(),
  columns: z
    .strictObject(
      Object.fromEntries(
        Object.keys(defaultCustomerColumns).map((column) => [column, z.array(z.string()).optional()]),
      ),
    )
    .optional(),
  defaultCountry: CustomerSchema.shape.country,
  progressEvery: z.number().int().positive().optional(),
  delimiter: z.string().length(1, 'the delimiter is one character').optional(),
});

/**
 * Reads a CRM export (CSV with a header row, or NDJSON) into customers. A row that is broken (not
 * CSV or JSON, no id, an address or phone number that cannot be read) is reported with its line
 * number and reason and skipped; it never stops the rest, and no row is dropped without a report.
 * A quoted CSV field may span lines (RFC 4180 §2.6), up to 100 lines or 64 Ki characters after its
 * row's first line; a quote still open past that or at the end of the input, or one that leaves
 * its row with the wrong number of fields, is reported on the row it opened in, and the lines after
 * that row are read as rows again. Input or
 * options that break their schema (a `source` that is not text, a `delimiter` longer than one
 * character, a `defaultCountry` that is not two letters) throw an `InvalidInputError` naming the field.
 *
 * CSV cells may hold several addresses or numbers separated by `,`, `;` or `|` (none of them can
 * occur inside an address or a number).
 *
 * @example
 * ```ts
 * const csv = 'id,name,email,phone\nC-1,Anna Svensson,anna.svensson@gmail.com,070-123 45 67\nC-2,Erik Lind,erik(at)telia.com,\n';
 * const { customers, problems } = await loadCustomers({ source: csv, format: 'csv' });
 * customers.length; // 1
 * problems[0];      // { line: 3, field: 'emails', reason: '"erik(at)telia.com" is not a usable address: ...', loaded: false }
 * const directory = createDirectory(customers);
 * ```
 */
export async function loadCustomers(
  input: LoadCustomersInput,
  options: LoadCustomersOptions = {},
): Promise<LoadCustomersResult> {
  const { source, format } = parseInput(LoadCustomersInputSchema, input);
  parseInput(LoadOptionsSchema, options, ['options']);
  const every = options.progressEvery ?? 10_000;
  const region = options.defaultCountry ?? 'SE';
  const customers: Customer[] = [];
  const problems: LoadProblem[] = [];
  const seenIds = new Map<string, { line: number; index: number }>();
  let rows = 0;
  let loaded = 0;
  let characters = 0;

  // Rows go into a directory in batches: one merge per batch instead of one per row.
  let batch: Customer[] = [];
  const flush = () => {
    const directory = options.directory;
    if (!directory || batch.length === 0) return;
    if (typeof directory.addAll === 'function') directory.addAll(batch);
    else for (const customer of batch) directory.add(customer);
    batch = [];
  };
  const report = (done: boolean) =>
    options.onProgress?.({ rows, loaded, problems: problems.length, characters, done });

  const accept = (line: number, candidate: unknown) => {
    rows++;
    const checked = validate(candidate, region);
    if ('reason' in checked) {
      problems.push({ line, ...checked, loaded: false });
    } else {
      const { customer } = checked;
      const earlier = seenIds.get(customer.id);
      if (earlier !== undefined) {
        problems.push({
          line,
          field: 'id',
          reason: `the id ${customer.id} was already used on line ${earlier.line}; this row replaces that one`,
          loaded: true,
        });
      } else {
        loaded++;
      }
      if (options.directory) {
        batch.push(customer);
        if (batch.length >= DIRECTORY_BATCH) flush();
        seenIds.set(customer.id, { line, index: -1 });
      } else if (earlier) {
        customers[earlier.index] = customer;
        seenIds.set(customer.id, { line, index: earlier.index });
      } else {
        seenIds.set(customer.id, { line, index: customers.push(customer) - 1 });
      }
    }
    if (rows % every === 0) report(false);
  };

  const reader =
    format === 'csv'
      ? csvRows(options, accept, (line, reason) => {
          rows++;
          problems.push({ line, reason, loaded: false });
        })
      : ndjsonRows(accept, (line, reason) => {
          rows++;
          problems.push({ line, reason, loaded: false });
        });
  for await (const chunk of chunksOf(source)) {
    characters += chunk.length;
    reader.push(chunk);
  }
  reader.end();
  flush();
  report(true);
  return { customers, loaded, problems };
}

interface RowReader {
  push(chunk: string): void;
  end(): void;
}

type Accept = (line: number, candidate: unknown) => void;
type Reject = (line: number, reason: string) => void;

function csvRows(options: LoadCustomersOptions, accept: Accept, reject: Reject): RowReader {
  let reader: CsvRecordReader | undefined;
  let head = '';
  let columns: (CustomerColumn | undefined)[] | undefined;
  const names = { ...defaultCustomerColumns, ...options.columns };
  const lookup = new Map<string, CustomerColumn>();
  for (const [column, headers] of Object.entries(names) as [CustomerColumn, readonly string[]][])
    for (const header of headers) lookup.set(normaliseHeader(header), column);

  const onRecord: CsvRecordSink = (record) => {
    if ('error' in record) {
      reject(record.line, record.error);
      return undefined;
    }
    if (!columns) {
      columns = record.fields.map((header) => lookup.get(normaliseHeader(header)));
      if (!columns.includes('id')) reject(record.line, 'the header has no id column');
      return undefined;
    }
    if (!columns.includes('id')) {
      reject(record.line, 'the header has no id column');
      return undefined;
    }
    if (record.fields.length !== columns.length) {
      if (record.spansLines) {
        // A quote that pairs with one on a later line swallows the rows between: read them again.
        reject(
          record.line,
          `a quote opened on this line runs into the next lines (${record.fields.length} fields where the header has ${columns.length})`,
        );
        return 'read-again';
      }
      reject(
        record.line,
        `the row has ${record.fields.length} fields where the header has ${columns.length}`,
      );
      return undefined;
    }
    const customer: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const value = (record.fields[i] ?? '').trim();
      if (!column || value === '') return;
      if (column === 'emails' || column === 'phones') {
        const items = value
          .split(/[,;|]/)
          .map((item) => item.trim())
          .filter((item) => item !== '');
        customer[column] = [...((customer[column] as string[] | undefined) ?? []), ...items];
      } else {
        customer[column] = value;
      }
    });
    accept(record.line, customer);
    return undefined;
  };

  return {
    push(chunk) {
      if (reader) {
        reader.push(chunk, onRecord);
        return;
      }
      // The delimiter is decided from the first line, so wait until it is complete. Only the new
      // chunk is searched for its end: a long header fed in small pieces is read once, not again
      // with every piece.
      const chunkEnd = chunk.search(/[\r\n]/);
      head += chunk;
      if (chunkEnd === -1) return;
      const lineEnd = head.length - chunk.length + chunkEnd;
      reader = new CsvRecordReader(options.delimiter ?? detectDelimiter(head.slice(0, lineEnd)));
      reader.push(head.replace(/^\uFEFF/, ''), onRecord);
      head = '';
    },
    end() {
      if (!reader) {
        reader = new CsvRecordReader(options.delimiter ?? detectDelimiter(head));
        reader.push(head.replace(/^\uFEFF/, ''), onRecord);
      }
      reader.end(onRecord);
    },
  };
}

function ndjsonRows(accept: Accept, reject: Reject): RowReader {
  let buffer = '';
  let line = 0;
  const onLine = (text: string) => {
    line++;
    const trimmed = (line === 1 ? text.replace(/^\uFEFF/, '') : text).trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      reject(line, `not valid JSON (${error instanceof Error ? error.message : String(error)})`);
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reject(line, 'the line is not a JSON object');
      return;
    }
    const record = value as Record<string, unknown>;
    // CRM exports often write numeric ids; an id is text here.
    if (typeof record.id === 'number') record.id = String(record.id);
    accept(line, record);
  };
  return {
    push(chunk) {
      // Only the new chunk is searched for line ends: a long line fed in small pieces is scanned
      // once, not again from its start with every piece.
      let newline = chunk.indexOf('\n');
      if (newline === -1) {
        buffer += chunk;
        return;
      }
      onLine(buffer + chunk.slice(0, newline));
      let start = newline + 1;
      newline = chunk.indexOf('\n', start);
      while (newline !== -1) {
        onLine(chunk.slice(start, newline));
        start = newline + 1;
        newline = chunk.indexOf('\n', start);
      }
      buffer = chunk.slice(start);
    },
    end() {
      if (buffer !== '') onLine(buffer);
      buffer = '';
    },
  };
}

/** The row as a customer, or why it cannot be loaded. */
function validate(
  candidate: unknown,
  region: string,
): { customer: Customer } | { field?: string; reason: string } {
  const result = CustomerSchema.safeParse(candidate);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return { ...(field ? { field } : {}), reason: issue?.message ?? 'the row is not a customer' };
  }
  const customer = result.data;
  for (const email of customer.emails ?? []) {
    const parsed = parseAddress(email);
    if (!parsed.ok)
      return { field: 'emails', reason: `"${email}" is not a usable address: ${parsed.detail}` };
  }
  for (const phone of customer.phones ?? []) {
    if (!isE164(phone.trim()) && !parsePhone(phone, customer.country ?? region))
      return { field: 'phones', reason: `"${phone}" cannot be read as a phone number` };
  }
  return { customer };
}

const DIRECTORY_BATCH = 50_000;

function normaliseHeader(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

function detectDelimiter(headerLine: string): string {
  const counts = [';', '\t', ','].map(
    (delimiter) => [delimiter, headerLine.split(delimiter).length - 1] as const,
  );
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Text chunks from a string or any (async) iterable of strings or UTF-8 bytes. */
async function* chunksOf(source: CustomerSource): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  // `stream: true` keeps a multi-byte character split across two chunks whole.
  const decoder = new TextDecoder();
  for await (const chunk of iterate(source)) {
    yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/**
 * The chunks of an iterable, an async iterable, or a web `ReadableStream` read through its reader:
 * not every browser makes a `ReadableStream` async iterable yet (Safari does not).
 */
async function* iterate(source: Exclude<CustomerSource, string>): AsyncGenerator<string | Uint8Array> {
  const stream = source as ReadableStream<string | Uint8Array>;
  const iterable = source as Partial<AsyncIterable<unknown> & Iterable<unknown>>;
  if (
    typeof stream.getReader !== 'function' ||
    typeof iterable[Symbol.asyncIterator] === 'function' ||
    typeof iterable[Symbol.iterator] === 'function'
  ) {
    yield* source as AsyncIterable<string | Uint8Array>;
    return;
  }
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
