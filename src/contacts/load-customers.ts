import * as z from 'zod';
import { parseAddress } from '../address/parse-address.js';
import { InvalidInputError } from '../errors.js';
import { hasControlCharacter } from '../internal/has-control-character.js';
import { parseInput } from '../internal/parse-input.js';
import { jsonObjectMembers, repeatedJsonKey } from '../internal/repeated-json-key.js';
import { editDistance } from '../matching/edit-distance.js';
import { isE164 } from '../phone/is-e164.js';
import { parsePhone } from '../phone/parse-phone.js';
import { birthDateOf } from './birth-date-of.js';
import { ByteSourceDecoder, type CustomerEncoding } from './byte-source-decoder.js';
import { type Directory, DirectorySchema } from './create-directory.js';
import { CsvRecordReader, type CsvRecordSink } from './csv-record-reader.js';
import { type Customer, CustomerSchema } from './customer.js';
import { type LoadProblemTexts, loadProblemTexts } from './load-problem-texts.js';
import { nameKey } from './name-key.js';

/**
 * A customer field and the CSV header names (or NDJSON keys) it is read from. `firstName` and
 * `lastName` are joined into `name` when a row has no whole name.
 */
export type CustomerColumn =
  | 'id'
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'emails'
  | 'phones'
  | 'birthDate'
  | 'country';

/**
 * Header names (compared case-insensitively, diacritics folded, spaces and `_`, `-`, `.`, `/`
 * ignored) for each field: what English and Swedish CRM and spreadsheet exports write. Extend them
 * through the `columns` option. A column whose header is none of these is reported, not read.
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
  id: ['id', 'customerid', 'customerno', 'customernumber', 'customernr', 'kundid', 'kundnummer', 'kundnr'],
  name: ['name', 'fullname', 'customername', 'namn', 'kundnamn', 'fulltnamn'],
  firstName: ['firstname', 'givenname', 'fornamn', 'förnamn'],
  lastName: ['lastname', 'surname', 'familyname', 'efternamn'],
  emails: [
    'email',
    'emails',
    'emailaddress',
    'emailadress',
    'mail',
    'mailaddress',
    'mailadress',
    'epost',
    'epostadress',
    'emailaddresses',
    'epostadresser',
    'mejl',
    'mejladress',
    'mejladresser',
    // `E-mejl`, as Swedish writes it beside `mejl` (Svenska språknämnden).
    'emejl',
    'emejladress',
  ],
  phones: [
    'phone',
    'phones',
    'phonenumber',
    'telephone',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cellphone',
    'telefon',
    'telefonnummer',
    'tel',
    'mobil',
    'mobilnummer',
    'mobiltelefon',
  ],
  birthDate: ['birthdate', 'dateofbirth', 'birthday', 'dob', 'fodelsedatum', 'födelsedatum', 'fodelsedag'],
  country: ['country', 'countrycode', 'land', 'landskod'],
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
  /** The CSV column (its header) or NDJSON key at fault, when one is: a column that is not read. */
  readonly column?: string;
  /** The row's id, when the row gives one: so whoever mends the export can find the record. */
  readonly id?: string;
  /** The row's address at fault (or its first), when the row gives one. */
  readonly address?: string;
  /** The value as the export wrote it, for a field loaded without it (`070-ABC`). */
  readonly value?: string;
  /**
   * The CSV column (its header as written) or NDJSON key that value was in, for a field loaded
   * without it (`Telefon`): whoever mends the export knows the column by its header, not by the field.
   */
  readonly header?: string;
  /**
   * The NDJSON key written more than once on the line (`email`; `meta.a` inside another), which
   * `JSON.parse` would have read as its last value only: every address and phone under it is kept,
   * another field is read when its values agree, and the row is not loaded when they differ.
   */
  readonly repeatedKey?: string;
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
  /**
   * Called with each good row and the line it starts on, as it is read: to say where a customer
   * came from when something about it is reported later.
   * @default undefined
   */
  readonly onCustomer?: (customer: Customer, line: number) => void;
  /** Add the good rows to this directory (with `addAll`, 50,000 at a time) instead of collecting them in `customers`. @default undefined */
  readonly directory?: Directory;
  /** Header names per field, over {@link defaultCustomerColumns}. @default defaultCustomerColumns */
  readonly columns?: Partial<Record<CustomerColumn, readonly string[]>>;
  /** CSV field separator. @default detected from the header line: `;` (Excel in Swedish), tab or `,` */
  readonly delimiter?: string;
  /** ISO 3166-1 alpha-2 region for reading national phone numbers of rows without a country. @default 'SE' */
  readonly defaultCountry?: string;
  /**
   * The language of each problem's `reason` (whoever mends the export reads it): `en` or `sv`.
   * @default 'en'
   */
  readonly locale?: 'en' | 'sv';
  /**
   * How bytes are read (a string source is text already). `auto` takes a byte order mark (UTF-8,
   * UTF-16LE, UTF-16BE), else UTF-8 when the bytes are valid UTF-8, else Windows-1252 (what Excel in
   * Swedish saves as CSV). `result.encoding` says which was used.
   * @default 'auto'
   */
  readonly encoding?: CustomerEncoding | 'auto';
}

/** What a load gives back. */
export interface LoadCustomersResult {
  /** The good rows (empty when they went into `options.directory`). */
  readonly customers: Customer[];
  readonly loaded: number;
  /** Every row not loaded, and every caveat (a column not read, bytes not readable), in input order. */
  readonly problems: LoadProblem[];
  /**
   * The CSV columns (headers as written) or NDJSON keys that are read into no customer field, each
   * also in `problems` (NDJSON: each key once, the first hundred different keys).
   */
  readonly unmappedColumns: string[];
  /** The encoding the bytes were read in; absent for a source of text. */
  readonly encoding?: CustomerEncoding;
}

const LoadOptionsSchema = z.object({
  onProgress: z
    .custom<LoadCustomersOptions['onProgress']>((value) => typeof value === 'function', 'a function')
    .optional(),
  onCustomer: z
    .custom<LoadCustomersOptions['onCustomer']>((value) => typeof value === 'function', 'a function')
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
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).optional(),
  locale: z.enum(['en', 'sv']).optional(),
});

/**
 * Reads a CRM export (CSV with a header row, or NDJSON) into customers. A row that is broken (not
 * CSV or JSON, no id, an address that cannot be read) is reported with its line number and reason
 * and skipped; a birth date or phone number that cannot be read is reported the same way, but the
 * row is loaded without it (`loaded: true`); a birth date may be written YYYY-MM-DD or YYYYMMDD.
 * A broken row never stops the rest, and nothing is dropped without a report:
 * a CSV column or NDJSON key that is read into no customer field is reported too (once, where it
 * first appears), and so are bytes that the encoding read cannot decode.
 * A quoted CSV field may span lines (RFC 4180 §2.6), up to 100 lines or 64 Ki characters after its
 * row's first line; a quote still open past that or at the end of the input, or one that leaves
 * its row with the wrong number of fields, is reported on the row it opened in, and the lines after
 * that row are read as rows again. Input or options that break their schema (a `source` that is
 * not text, a `delimiter` longer than one character, a `defaultCountry` libphonenumber-js does not
 * know) throw an `InvalidInputError` naming the field, and so does a CSV header with no id column
 * (`options.columns.id`), once, before any row is read.
 *
 * Bytes are read as UTF-8, UTF-16 (with a byte order mark) or Windows-1252, detected or as the
 * `encoding` option says; `result.encoding` tells which. CSV cells may hold several addresses or
 * numbers separated by `,`, `;` or `|` (none of them can occur inside an address or a number).
 * NDJSON ids written as numbers are read from the text exactly (`9007199254740993` stays that id);
 * one with a fraction or an exponent is reported, not rounded. A key written twice on an NDJSON line
 * (`JSON.parse` keeps only the last) is reported by `repeatedKey`: every address and phone under it
 * is loaded; an id, name or birth date written twice with different values skips the row.
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
  const text = loadProblemTexts[options.locale ?? 'en'];
  const customers: Customer[] = [];
  const problems: LoadProblem[] = [];
  const unmappedColumns: string[] = [];
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

  const accept: Accept = (line, candidate, headerOf, setAside = []) => {
    rows++;
    const checked = validate(candidate, region, text);
    if ('reason' in checked) {
      const { address, ...problem } = checked;
      problems.push({ line, ...rowNames(candidate, address), ...problem, loaded: false });
    } else {
      const { customer } = checked;
      for (const caveat of [...setAside, ...checked.caveats]) {
        // A key written twice names itself; the header is asked for a value not read.
        const header = 'field' in caveat ? headerOf?.(caveat.field, caveat.value) : undefined;
        problems.push({
          line,
          ...rowNames(customer),
          ...caveat,
          ...(header ? { header } : {}),
          loaded: true,
        });
      }
      options.onCustomer?.(customer, line);
      const earlier = seenIds.get(customer.id);
      if (earlier !== undefined) {
        problems.push({
          line,
          field: 'id',
          ...rowNames(customer),
          reason: text.duplicateId(customer.id, earlier.line),
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
  const reject: Reject = (line, reason, field, candidate, repeatedKey) => {
    rows++;
    problems.push({
      line,
      ...(field ? { field } : {}),
      ...(candidate ? rowNames(candidate) : {}),
      ...(repeatedKey !== undefined ? { repeatedKey } : {}),
      reason,
      loaded: false,
    });
  };
  const note = (problem: LoadProblem) => {
    problems.push(problem);
    // A CSV column not read (loaded: false); an NDJSON key not read, on the line it first appears.
    if (problem.column !== undefined && (format === 'ndjson' || !problem.loaded))
      unmappedColumns.push(problem.column);
  };

  const lookup = columnLookup(options.columns);
  const sinks: RowSinks = {
    accept,
    reject,
    note,
    unmapped: (header) => void unmappedColumns.push(header),
    problem: (problem) => void problems.push(problem),
    text,
  };
  const reader = format === 'csv' ? csvRows(options, lookup, sinks) : ndjsonRows(lookup, sinks);
  const decoder = new ByteSourceDecoder(options.encoding ?? 'auto');
  let readBytes = false;
  let decodeProblemReported = false;
  const noteDecodeProblem = () => {
    if (decodeProblemReported || !decoder.problem) return;
    decodeProblemReported = true;
    problems.push({
      line: decoder.problem.line,
      reason: text.undecodable(decoder.encoding === 'utf-8' ? 'UTF-8' : String(decoder.encoding)),
      loaded: true,
    });
  };
  for await (const chunk of chunksOf(source, decoder, () => {
    readBytes = true;
  })) {
    characters += chunk.length;
    reader.push(chunk);
    noteDecodeProblem();
  }
  reader.end();
  noteDecodeProblem();
  flush();
  report(true);
  // Problems are reported in input order; a decoding problem is found before the rows it is on.
  problems.sort((a, b) => a.line - b.line);
  return {
    customers,
    loaded,
    problems,
    unmappedColumns,
    ...(readBytes && decoder.encoding ? { encoding: decoder.encoding } : {}),
  };
}

interface RowReader {
  push(chunk: string): void;
  end(): void;
}

/**
 * The header (or key) of the row's column read as `field` that holds `value` (one of its items, in
 * a list of phones), else the first read as `field`; asked only for a value not read.
 */
type HeaderOf = (field: string, value: string | undefined) => string | undefined;
/**
 * A caveat found before validation: a value the row held and the customer is loaded without, or an
 * NDJSON key written twice, with why.
 */
type SetAside =
  | { readonly field: 'name'; readonly value: string; readonly reason: string }
  | { readonly repeatedKey: string; readonly reason: string };

type Accept = (line: number, candidate: unknown, headerOf?: HeaderOf, setAside?: readonly SetAside[]) => void;

/** The header among `cells` ([header, field, cell]) read as `field` whose cell holds `value`. */
function headerHolding(
  cells: Iterable<readonly [string, CustomerColumn | undefined, unknown]>,
  field: string,
  value: string | undefined,
): string | undefined {
  let first: string | undefined;
  for (const [header, column, cell] of cells) {
    if (column !== field) continue;
    first ??= header;
    const items = typeof cell === 'string' ? cell.split(/[,;|]/).map((item) => item.trim()) : [cell];
    if (value !== undefined && items.includes(value)) return header;
  }
  return first;
}
type Reject = (
  line: number,
  reason: string,
  field?: string,
  candidate?: unknown,
  repeatedKey?: string,
) => void;

/**
 * The id and address a problem row gives, as written: `address` when the fault is in one, else the
 * row's first. Only text values: a row that gives none names none.
 */
function rowNames(candidate: unknown, address?: string): { id?: string; address?: string } {
  if (typeof candidate !== 'object' || candidate === null) return {};
  const { id, emails } = candidate as { id?: unknown; emails?: unknown };
  const first = Array.isArray(emails) ? emails[0] : emails;
  const named = address ?? (typeof first === 'string' ? first.trim() : undefined);
  return {
    ...(typeof id === 'string' && id.trim() !== '' ? { id: id.trim() } : {}),
    ...(named ? { address: named } : {}),
  };
}

interface RowSinks {
  readonly accept: Accept;
  readonly reject: Reject;
  /** A caveat that is not a row of its own (a column not read). */
  readonly note: (problem: LoadProblem) => void;
  /** A column not read, beyond those reported one by one. */
  readonly unmapped: (header: string) => void;
  /** A caveat about the input as a whole. */
  readonly problem: (problem: LoadProblem) => void;
  /** The reasons' sentences, in the language asked for. */
  readonly text: LoadProblemTexts;
}

/** Columns reported one by one; beyond them, one problem says how many more. */
const MAX_COLUMN_PROBLEMS = 100;

/** Header names (normalised) to fields, the defaults under the caller's own. */
function columnLookup(columns: LoadCustomersOptions['columns']): Map<string, CustomerColumn> {
  const lookup = new Map<string, CustomerColumn>();
  for (const [column, headers] of Object.entries(defaultCustomerColumns) as [
    CustomerColumn,
    readonly string[],
  ][])
    for (const header of headers) lookup.set(normaliseHeader(header), column);
  for (const [column, headers] of Object.entries(columns ?? {}) as [CustomerColumn, readonly string[]][])
    for (const header of headers ?? []) lookup.set(normaliseHeader(header), column);
  return lookup;
}

/**
 * A second or other address or phone column (`E-post 2`, `email2`, `Mobil 2`, `Alternativ e-post`,
 * `Other phone`): a number after the name, or a word saying "another" before it. A directory holds
 * several addresses and phones per customer; such a column left unread would let an address
 * shared with another customer go unchecked.
 */
const ANOTHER = [
  'alternativ',
  'alternative',
  'alternativa',
  'alt',
  'annan',
  'andra',
  'ovrig',
  'other',
  'second',
  'secondary',
  'extra',
  'additional',
];

/** The field a header or NDJSON key is read as, if any. */
function fieldOf(header: string, lookup: Map<string, CustomerColumn>): CustomerColumn | undefined {
  const normal = normaliseHeader(header);
  const field = lookup.get(normal);
  if (field !== undefined) return field;
  const unnumbered = normal.replace(/\d+$/, '');
  for (const name of [
    unnumbered,
    ...ANOTHER.filter((word) => unnumbered.startsWith(word)).map((word) => unnumbered.slice(word.length)),
  ]) {
    const another = lookup.get(name);
    if (another === 'emails' || another === 'phones') return another;
  }
  return undefined;
}

/** The customer fields as the schema names them, for "did you mean" hints. */
const FIELD_NAMES: Readonly<Record<CustomerColumn, string>> = {
  id: 'id',
  name: 'name',
  firstName: 'firstName',
  lastName: 'lastName',
  emails: 'emails',
  phones: 'phones',
  birthDate: 'birthDate',
  country: 'country',
};

/** The field a header or key nearly names (one or two slips), for a hint; undefined when none. */
function nearestField(header: string, lookup: Map<string, CustomerColumn>): string | undefined {
  const normal = normaliseHeader(header);
  if (normal.length < 3 || normal.length > 64) return undefined;
  let best: { column: CustomerColumn; distance: number } | undefined;
  for (const [name, column] of lookup) {
    const limit = name.length >= 6 ? 2 : 1;
    const distance = editDistance(normal, name, { maxDistance: limit });
    if (distance <= limit && (!best || distance < best.distance)) best = { column, distance };
  }
  return best ? FIELD_NAMES[best.column] : undefined;
}

function unreadColumnReason(
  header: string,
  lookup: Map<string, CustomerColumn>,
  kind: 'column' | 'key',
  text: LoadProblemTexts,
): string {
  if (header.trim() === '') return text.unnamed(kind);
  return text.notRead(kind, header, nearestField(header, lookup));
}

/** Puts one cell or NDJSON value into the customer being built; answers what was not used, if anything. */
function assign(customer: Record<string, unknown>, column: CustomerColumn, value: unknown): boolean {
  if (column === 'emails' || column === 'phones') {
    const items =
      typeof value === 'string'
        ? value
            .split(/[,;|]/)
            .map((item) => item.trim())
            .filter((item) => item !== '')
        : Array.isArray(value)
          ? value
          : [value];
    const earlier = customer[column];
    customer[column] = Array.isArray(earlier) ? [...earlier, ...items] : items;
    return true;
  }
  // A personnummer and a birth date column agree when they name the same day (SKV 704).
  const read = column === 'birthDate' && typeof value === 'string' ? (birthDateOf(value) ?? value) : value;
  if (customer[column] !== undefined) return customer[column] === read;
  customer[column] = read;
  return true;
}

/**
 * First and last name joined, when the row also has a whole name that is another name: compared as
 * the matching compares names (`nameKey`: case, diacritics, punctuation and word order aside), so
 * `Svensson, Anna` beside `Anna` and `Svensson` agrees, `Anna S` does not.
 */
function namesDisagree(customer: Record<string, unknown>): string | undefined {
  const { name, firstName, lastName } = customer;
  if (typeof name !== 'string' || (firstName === undefined && lastName === undefined)) return undefined;
  const parts = [firstName, lastName].filter(
    (part): part is string => typeof part === 'string' && part !== '',
  );
  const joined = parts.join(' ');
  return joined === '' || nameKey(joined) === nameKey(name) ? undefined : joined;
}

/** Joins first and last name into `name` when the row has no whole name. */
function withName(customer: Record<string, unknown>): Record<string, unknown> {
  const { firstName, lastName, ...rest } = customer;
  if (firstName === undefined && lastName === undefined) return customer;
  if (rest.name === undefined) {
    const parts = [firstName, lastName].filter((part) => part !== undefined && part !== '');
    // A part that is not text is left for the schema to report.
    rest.name = parts.every((part) => typeof part === 'string') ? parts.join(' ') : parts[0];
  }
  return rest;
}

function csvRows(
  options: LoadCustomersOptions,
  lookup: Map<string, CustomerColumn>,
  sinks: RowSinks,
): RowReader {
  const { accept, reject, note, text } = sinks;
  const unmapped = (header: string) => sinks.unmapped(header);
  const reportRest = (problem: LoadProblem) => sinks.problem(problem);
  let reader: CsvRecordReader | undefined;
  let head = '';
  let columns: (CustomerColumn | undefined)[] | undefined;
  let headers: string[] = [];

  /** The id and first address among the first `count` cells of a row, as the header places them. */
  const namedCells = (fields: readonly string[], count: number): Record<string, string> => {
    const named: Record<string, string> = {};
    columns?.forEach((column, i) => {
      const value = i < count ? fields[i]?.trim() : undefined;
      if ((column === 'id' || column === 'emails') && value && named[column] === undefined)
        named[column] = value;
    });
    return named;
  };

  const onRecord: CsvRecordSink = (record) => {
    if ('error' in record) {
      // The fields before the open quote were read whole and stand where the header says.
      reject(record.line, text.unclosedQuote, undefined, namedCells(record.fields, record.fields.length));
      return undefined;
    }
    if (!columns) {
      headers = record.fields.map((header) => header.trim());
      columns = headers.map((header) => fieldOf(header, lookup));
      if (!columns.includes('id')) {
        const names = headers.map((header) => `"${header}"`).join(', ');
        throw new InvalidInputError([
          {
            path: ['options', 'columns', 'id'],
            // The example names a column not read as any other field: never the name or the address.
            message: text.noIdColumn(
              names,
              defaultCustomerColumns.id.join(', '),
              headers.find((_header, i) => columns?.[i] === undefined) ?? '',
            ),
          },
        ]);
      }
      const seen = new Map<CustomerColumn, string>();
      let unread = 0;
      columns.forEach((column, i) => {
        const header = headers[i] as string;
        if (!column) {
          // Each column is listed in `unmappedColumns`; the first hundred also get a problem of
          // their own, with a hint, and the rest one problem together.
          unread++;
          if (unread <= MAX_COLUMN_PROBLEMS)
            note({
              line: record.line,
              column: header,
              reason: unreadColumnReason(header, lookup, 'column', text),
              loaded: false,
            });
          else unmapped(header);
        } else if (column !== 'emails' && column !== 'phones' && seen.has(column)) {
          note({
            line: record.line,
            column: header,
            field: column,
            reason: text.readTwice(header, FIELD_NAMES[column], seen.get(column) as string),
            loaded: true,
          });
        } else {
          seen.set(column, header);
        }
      });
      if (unread > MAX_COLUMN_PROBLEMS)
        reportRest({
          line: record.line,
          reason: text.moreColumns(unread - MAX_COLUMN_PROBLEMS),
          loaded: false,
        });
      return undefined;
    }
    if (record.fields.length !== columns.length) {
      if (record.spansLines) {
        // A quote that pairs with one on a later line swallows the rows between: read them again.
        // The fields before the first one that crosses a line break stand where the header says.
        const crossing = record.fields.findIndex((field) => /[\r\n]/.test(field));
        reject(
          record.line,
          text.quoteRunsOn(record.fields.length, columns.length),
          undefined,
          namedCells(record.fields, crossing === -1 ? record.fields.length : crossing),
        );
        return 'read-again';
      }
      if (record.fields.length > columns.length) {
        // An extra field can stand anywhere (a delimiter inside an unquoted cell), so every cell
        // after the first may be shifted: only the first cell, when it is the id, names the row.
        reject(
          record.line,
          text.tooManyFields(record.fields.length, columns.length),
          undefined,
          columns[0] === 'id' ? namedCells(record.fields, 1) : undefined,
        );
        return undefined;
      }
      // A short row mostly lacks its last cells (spreadsheets drop empty trailing cells): the
      // columns before the first missing field are taken where the header says.
      reject(
        record.line,
        text.fieldCount(record.fields.length, columns.length),
        undefined,
        namedCells(record.fields, record.fields.length),
      );
      return undefined;
    }
    const customer: Record<string, unknown> = {};
    let conflict: number | undefined;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      const value = (record.fields[i] ?? '').trim();
      if (!column || value === '') continue;
      if (!assign(customer, column, value) && conflict === undefined) conflict = i;
    }
    if (conflict !== undefined) {
      const column = columns[conflict] as CustomerColumn;
      reject(
        record.line,
        text.columnsDisagree(
          FIELD_NAMES[column],
          String(customer[column]),
          (record.fields[conflict] ?? '').trim(),
          headers[conflict] as string,
        ),
        FIELD_NAMES[column],
      );
      return undefined;
    }
    // Names that disagree ("Anna S" beside Anna and Svensson): the whole name is loaded and the first
    // and last name are reported as not read. Skipping the row would leave another customer free to
    // be sent its address, and loading no name would lose the evidence a slip of its address is read
    // by (near-miss-other-name).
    const joined = namesDisagree(customer);
    const setAside: SetAside[] = [];
    if (joined !== undefined) {
      const parts = headers.filter(
        (_header, i) => columns?.[i] === 'firstName' || columns?.[i] === 'lastName',
      );
      setAside.push({
        field: 'name',
        value: joined,
        reason: text.columnsDisagree(FIELD_NAMES.name, String(customer.name), joined, parts.join('", "')),
      });
    }
    const fields = record.fields;
    accept(
      record.line,
      withName(customer),
      (field, value) =>
        headerHolding(
          headers.map((header, i) => [header, columns?.[i], fields[i]] as const),
          field,
          value,
        ),
      setAside,
    );
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

function ndjsonRows(lookup: Map<string, CustomerColumn>, sinks: RowSinks): RowReader {
  const { accept, reject, note, text } = sinks;
  let buffer = '';
  let line = 0;
  const reportedKeys = new Set<string>();
  const onLine = (lineText: string) => {
    line++;
    const trimmed = (line === 1 ? lineText.replace(/^\uFEFF/, '') : lineText).trim();
    if (trimmed === '') return;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      reject(
        line,
        text.notJson(error instanceof Error ? error.message : String(error)),
        undefined,
        namedKeys(trimmed, lookup),
      );
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      reject(line, text.notObject);
      return;
    }
    const record = value as Record<string, unknown>;
    // JSON.parse keeps the last of a key written twice (RFC 8259 §4 leaves it to the reader): the
    // earlier value, an address perhaps, would be lost without a word. Such a line is read member
    // by member from its text, every value of the key in the order written.
    const repeated = repeatedJsonKey(trimmed);
    const members: (readonly [key: string, item: unknown, literal: string | undefined])[] =
      repeated === undefined
        ? Object.entries(record).map(([key, item]) => [key, item, undefined] as const)
        : jsonObjectMembers(trimmed).map(([key, literal]) => [key, JSON.parse(literal), literal] as const);
    const keysSeen = new Set<string>();
    const keysReported = new Set<string>();
    const repeatedKeys: SetAside[] = [];
    const customer: Record<string, unknown> = {};
    for (const [key, item, literal] of members) {
      const column = fieldOf(key, lookup);
      const again = repeated !== undefined && keysSeen.has(key);
      if (repeated !== undefined) keysSeen.add(key);
      if (again && !keysReported.has(key)) {
        keysReported.add(key);
        const keepsEvery = column === 'emails' || column === 'phones';
        // No `field`: every value of it was read, and a reader of `field` takes it for a value not read.
        repeatedKeys.push({
          repeatedKey: key,
          reason: keepsEvery ? text.repeatedKeyEveryValue(key) : text.repeatedKeyOneValue(key),
        });
      }
      if (column === undefined) {
        // Each key once, where it first appears: an export repeats its keys on every line. Past a
        // hundred different keys, one problem says that more are not read.
        if (!reportedKeys.has(key) && reportedKeys.size <= MAX_COLUMN_PROBLEMS) {
          reportedKeys.add(key);
          note(
            reportedKeys.size > MAX_COLUMN_PROBLEMS
              ? { line, reason: text.moreKeys, loaded: true }
              : { line, column: key, reason: unreadColumnReason(key, lookup, 'key', text), loaded: true },
          );
        }
        continue;
      }
      if (item === null || item === undefined || item === '') continue;
      let read = item;
      if (column === 'id' && typeof item === 'number') {
        // JSON numbers are doubles: an id above 2^53 is rounded by JSON.parse (two customers would
        // become one) and 1e400 becomes Infinity. The id is taken from the line's text instead.
        const exact = literal ?? topLevelNumber(trimmed, key);
        if (exact === undefined || !/^-?\d+$/.test(exact)) {
          reject(line, text.inexactId(exact ?? String(item)), 'id');
          return;
        }
        read = exact;
      }
      if (!assign(customer, column, read)) {
        // Two values of one key: which the export means is not known.
        if (again) reject(line, text.repeatedKey(key), FIELD_NAMES[column], record, key);
        else reject(line, text.keysDisagree(FIELD_NAMES[column]), FIELD_NAMES[column]);
        return;
      }
    }
    // A key written twice inside another value (`meta.a`) is reported where it is.
    if (repeated !== undefined && !keysReported.has(repeated))
      repeatedKeys.push({ repeatedKey: repeated, reason: text.repeatedKeyOneValue(repeated) });
    // As in a CSV row: the whole name is loaded, the first and last name that disagree reported.
    const joined = namesDisagree(customer);
    accept(
      line,
      withName(customer),
      (field, value) =>
        headerHolding(
          members.map(([key, item]) => [key, fieldOf(key, lookup), item] as const),
          field,
          value,
        ),
      [
        ...repeatedKeys,
        ...(joined === undefined
          ? []
          : [
              {
                field: 'name' as const,
                value: joined,
                reason: `${text.keysDisagree(FIELD_NAMES.name)} ("${String(customer.name)}", "${joined}")`,
              },
            ]),
      ],
    );
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

/**
 * A `"key": value` pair where the value is a string or a whole number, as JSON writes them
 * (RFC 8259 §7: a string is quotes around anything but a quote or backslash, or an escape). Each
 * alternative consumes what the next cannot, so a scan is linear in the line.
 */
const LOOSE_PAIR = /"((?:[^"\\]|\\.)*)"\s*:\s*(?:"((?:[^"\\]|\\.)*)"|(-?\d+)(?![\d.eE]))/g;

/**
 * The id and first address of a line that is not valid JSON, read tolerantly from its text: the
 * first pair whose key is read as that field. Whoever mends the export finds the record by them.
 */
function namedKeys(line: string, lookup: Map<string, CustomerColumn>): Record<string, string> {
  const named: Record<string, string> = {};
  LOOSE_PAIR.lastIndex = 0;
  for (let match = LOOSE_PAIR.exec(line); match; match = LOOSE_PAIR.exec(line)) {
    const column = fieldOf(looseString(match[1] as string), lookup);
    if ((column !== 'id' && column !== 'emails') || named[column] !== undefined) continue;
    const value = match[2] === undefined ? match[3] : looseString(match[2]);
    if (value?.trim()) named[column] = value.trim();
    if (named.id !== undefined && named.emails !== undefined) break;
  }
  return named;
}

/** The text of a JSON string's inside; as written when its escapes are broken. */
function looseString(inside: string): string {
  try {
    return JSON.parse(`"${inside}"`) as string;
  } catch {
    return inside;
  }
}

const JSON_NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The source text of the number that is the value of `key` in the top-level object `json` (valid
 * JSON), the last one when the key repeats (as JSON.parse keeps the last). One pass over the text.
 */
function topLevelNumber(json: string, key: string): string | undefined {
  let depth = 0;
  let expectKey = false;
  let found: string | undefined;
  let i = 0;
  while (i < json.length) {
    const character = json[i];
    if (character === '"') {
      const end = stringEnd(json, i);
      if (depth === 1 && expectKey) {
        expectKey = false;
        let j = end;
        while (j < json.length && json[j] !== ':') j++;
        j++;
        while (j < json.length && /\s/.test(json[j] as string)) j++;
        if (JSON.parse(json.slice(i, end)) === key) {
          JSON_NUMBER.lastIndex = j;
          const match = JSON_NUMBER.exec(json);
          found = match ? match[0] : undefined;
        }
        i = j;
        continue;
      }
      i = end;
      continue;
    }
    if (character === '{' || character === '[') {
      depth++;
      expectKey = character === '{' && depth === 1;
    } else if (character === '}' || character === ']') {
      depth--;
    } else if (character === ',' && depth === 1) {
      expectKey = true;
    }
    i++;
  }
  return found;
}

/** The index after the closing quote of the JSON string that opens at `start`. */
function stringEnd(json: string, start: number): number {
  for (let i = start + 1; i < json.length; i++) {
    const character = json[i];
    if (character === '\\') i++;
    else if (character === '"') return i + 1;
  }
  return json.length;
}

/** Fields a row is still loaded without: its addresses are what a check needs (issue 13). */
const DROPPABLE_FIELDS: ReadonlySet<PropertyKey> = new Set(['birthDate', 'phones']);

/**
 * A birth date written YYYYMMDD (`19850412`, common in Swedish registers, the personnummer's first
 * eight digits, Skatteverket SKV 704) as the ISO 8601 calendar date the schema takes; anything else
 * as it is. Unambiguous, unlike `12/04/1970` or the six-digit `570101`, which are left to be reported.
 */
function isoBirthDate(candidate: unknown): unknown {
  if (typeof candidate !== 'object' || candidate === null) return candidate;
  const birthDate = (candidate as { birthDate?: unknown }).birthDate;
  if (typeof birthDate !== 'string') return candidate;
  const date = birthDateOf(birthDate);
  return date === undefined ? candidate : { ...candidate, birthDate: date };
}

/**
 * The row as a customer, or why it cannot be loaded. A birth date or phone number that cannot be
 * read does not cost the row: the customer is loaded without it (its addresses are what a check
 * looks up), and each such cell is a caveat, reported with the row as loaded.
 */
function validate(
  row: unknown,
  region: string,
  text: LoadProblemTexts,
):
  | { customer: Customer; caveats: { field: string; value?: string; reason: string }[] }
  | { field?: string; address?: string; reason: string } {
  const candidate = isoBirthDate(row);
  const caveats: { field: string; value?: string; reason: string }[] = [];
  let result = CustomerSchema.safeParse(candidate);
  if (
    !result.success &&
    typeof candidate === 'object' &&
    candidate !== null &&
    result.error.issues.every((issue) => DROPPABLE_FIELDS.has(issue.path[0] ?? ''))
  ) {
    const issues =
      text === loadProblemTexts.en
        ? result.error.issues
        : (CustomerSchema.safeParse(candidate, { error: zodMessagesIn(text) }).error?.issues ??
          result.error.issues);
    const without: Record<string, unknown> = { ...(candidate as Record<string, unknown>) };
    for (const issue of issues) {
      const field = String(issue.path[0]);
      if (!(field in without)) continue;
      // The value quoted as the export wrote it (`19850230`), not as rewritten for the schema.
      const written = (row as Record<string, unknown>)[field];
      caveats.push({
        field,
        ...(typeof written === 'string' ? { value: written } : {}),
        reason: rowIssueReason(issue, row, text),
      });
      delete without[field];
    }
    result = CustomerSchema.safeParse(without);
  }
  if (!result.success) {
    // zod words its own messages in English; in another language the row is read again with that
    // language's messages (only a broken row pays for it).
    const issues =
      text === loadProblemTexts.en
        ? result.error.issues
        : (CustomerSchema.safeParse(candidate, { error: zodMessagesIn(text) }).error?.issues ??
          result.error.issues);
    const issue = issues[0];
    const field = issue?.path.map(String).join('.') || undefined;
    return {
      ...(field ? { field } : {}),
      reason: issue ? rowIssueReason(issue, row, text) : text.notCustomer,
    };
  }
  let customer: Customer = result.data;
  // A name goes into a salutation and header fields: a line break or an override in it would
  // start another field or turn the text around (has-control-character.ts). The row is loaded
  // without it, its addresses still checked, and the name is reported as written.
  if (customer.name !== undefined && hasControlCharacter(customer.name)) {
    caveats.push({ field: 'name', value: customer.name, reason: text.controlInName });
    const { name: _unsafe, ...rest } = customer;
    customer = rest;
  }
  for (const email of customer.emails ?? []) {
    const parsed = parseAddress(email);
    if (!parsed.ok)
      return {
        field: 'emails',
        address: email,
        reason: text.unusableAddress(email, parsed.reason, parsed.detail),
      };
  }
  const phones = (customer.phones ?? []).filter((phone) => {
    // libphonenumber-js reads the number-like start of a cell and drops the rest (`070-ABC` is read
    // as `070`): a number too short or too long for its region is no number, and matching on its
    // digits would compare a fragment.
    if (isE164(phone.trim()) || parsePhone(phone, customer.country ?? region)?.possible) return true;
    caveats.push({ field: 'phones', value: phone, reason: text.unreadablePhone(phone) });
    return false;
  });
  if (phones.length === (customer.phones ?? []).length) return { customer, caveats };
  const { phones: _unread, ...rest } = customer;
  return { customer: phones.length > 0 ? { ...rest, phones } : rest, caveats };
}

/**
 * Why a row breaks the customer schema, in plain words and with the value as written: whoever reads
 * `problems` mends a spreadsheet, and "Invalid ISO date" names neither the cell nor the form wanted.
 */
function rowIssueReason(issue: z.core.$ZodIssue, candidate: unknown, text: LoadProblemTexts): string {
  const key = String(issue.path[0] ?? '');
  let value: unknown = candidate;
  for (const step of issue.path) {
    value =
      typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[step] : undefined;
  }
  const words = text.fields[key] ?? key;
  if (value === undefined) return text.missingField(words);
  // A value that is no text (a number, a list) is shown as the JSON it was; text is quoted in the
  // reason's language.
  const shown = typeof value === 'string' ? text.quoted(value) : (JSON.stringify(value) ?? String(value));
  if (typeof value !== 'string' && !Array.isArray(value))
    return key === 'id' ? text.idNotText(shown) : text.notText(words, shown);
  // ISO 8601 calendar date, the form `birthDate` takes (README "Loading a CRM export").
  if (key === 'birthDate') return text.notCalendarDate(shown);
  if (key === 'country' && typeof value === 'string' && !/^[a-z]{2}$/i.test(value))
    return text.notCountryCode(shown);
  return (
    text.schemaIssue({
      code: issue.code,
      words,
      ...('maximum' in issue ? { maximum: issue.maximum } : {}),
    }) ?? issue.message
  );
}

/** zod's own messages in the language of `text` (zod ships a Swedish catalogue: `z.locales.sv`). */
function zodMessagesIn(text: LoadProblemTexts): z.core.$ZodErrorMap {
  return text === loadProblemTexts.sv ? z.locales.sv().localeError : z.locales.en().localeError;
}

const DIRECTORY_BATCH = 50_000;

/** A header as compared: case and diacritics folded (`Födelsedatum`), separators dropped. */
function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-./]+/g, '');
}

function detectDelimiter(headerLine: string): string {
  const counts = [';', '\t', ','].map(
    (delimiter) => [delimiter, headerLine.split(delimiter).length - 1] as const,
  );
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Text chunks from a string or any (async) iterable of strings or bytes, decoded by `decoder`. */
async function* chunksOf(
  source: CustomerSource,
  decoder: ByteSourceDecoder,
  onBytes: () => void,
): AsyncGenerator<string> {
  if (typeof source === 'string') {
    yield source;
    return;
  }
  let bytes = false;
  for await (const chunk of iterate(source)) {
    if (typeof chunk === 'string') {
      yield chunk;
      continue;
    }
    if (!bytes) {
      bytes = true;
      onBytes();
    }
    // The decoder keeps a multi-byte character split across two chunks whole.
    const text = decoder.decode(chunk);
    if (text !== '') yield text;
  }
  if (bytes) {
    const rest = decoder.decode(new Uint8Array(0), true);
    if (rest !== '') yield rest;
  }
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
