import { type AsyncDirectory, isAsyncDirectory } from '../../contacts/async-directory.js';
import type { Directory } from '../../contacts/create-directory.js';

/** A customer as the order form's search lists it: the id and the name, nothing else. */
export interface CustomerHit {
  readonly id: string;
  readonly name?: string;
}

/** Options of {@link findCustomers}. */
export interface FindCustomersOptions {
  /** The most customers answered. @default 10 */
  readonly limit?: number;
}

/** The shortest query searched: one letter would list the base a page at a time. */
export const MIN_QUERY_LENGTH = 2;

// Case and accents folded (NFD, then the combining marks dropped; Unicode UAX #15), so "ostlund"
// finds "Östlund" and "ANNA" finds "Anna". Tabs and line breaks separate the index's fields.
const fold = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the fast path, tested by range
  (/[^\u0000-\u007f]/.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text)
    .toLowerCase()
    .replace(/[\t\n]/g, ' ');

/**
 * The directory's ids and names, folded, as one string of lines `\nid\tname` that `indexOf`
 * searches: walking a directory of 1,000,000 customers takes seconds, a search of this string
 * milliseconds. `starts` holds where each line starts, for the customer a match falls in.
 */
interface NameIndex {
  readonly size: number;
  readonly text: string;
  readonly starts: Uint32Array;
  readonly ids: readonly string[];
}

// One index per directory, made at its first search and again when its size changes (a customer
// added or removed). A record changed in place is found by its old name until then; what the page
// is given is always the directory's current record (`get`).
const indexes = new WeakMap<Directory, NameIndex>();

function nameIndex(directory: Directory): NameIndex {
  const cached = indexes.get(directory);
  if (cached && cached.size === directory.size) return cached;
  const parts: string[] = [];
  const ids: string[] = [];
  const starts = new Uint32Array(directory.size + 1);
  let offset = 0;
  for (const customer of directory.customers()) {
    const line = `\n${fold(customer.id)}\t${customer.name ? fold(customer.name) : ''}`;
    starts[ids.length] = offset;
    offset += line.length;
    ids.push(customer.id);
    parts.push(line);
  }
  starts[ids.length] = offset;
  const index = { size: directory.size, text: parts.join(''), starts, ids };
  indexes.set(directory, index);
  return index;
}

/** The line (customer) an offset of the index's text falls in. */
function lineAt(index: NameIndex, offset: number): number {
  let low = 0;
  let high = index.ids.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((index.starts[middle] as number) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The customers the order form's search finds for what the salesperson typed: the customer with
 * exactly that id first, then (an in-memory directory only) those whose id starts with it or whose
 * name holds every word of it. At most `limit`, and never for a query shorter than two characters,
 * so the search cannot be used to read the whole base out. A database directory is asked for the
 * id only: it has no index of names.
 *
 * @example
 * ```ts
 * await findCustomers(directory, 'svensson'); // [{ id: 'C-1001', name: 'Anna Svensson' }]
 * ```
 */
export async function findCustomers(
  directory: Directory | AsyncDirectory | undefined,
  query: string,
  options: FindCustomersOptions = {},
): Promise<CustomerHit[]> {
  const limit = options.limit ?? 10;
  const wanted = query.trim();
  if (!directory || wanted.length < MIN_QUERY_LENGTH) return [];
  const exact = await directory.get(wanted);
  const hits: CustomerHit[] = exact ? [hitOf(exact)] : [];
  if (isAsyncDirectory(directory)) return hits;

  const index = nameIndex(directory);
  const found = new Set<string>(exact ? [exact.id] : []);
  const add = (line: number) => {
    const id = index.ids[line] as string;
    if (found.has(id)) return;
    found.add(id);
    const customer = directory.get(id);
    if (customer) hits.push(hitOf(customer));
  };
  const folded = fold(wanted);
  // Ids that start with the query: the line starts with it.
  if (!/\s/.test(folded)) {
    const needle = `\n${folded}`;
    for (let at = index.text.indexOf(needle); at !== -1 && hits.length < limit; ) {
      add(lineAt(index, at));
      at = index.text.indexOf(needle, at + 1);
    }
  }
  // Names that hold every word: find the longest word, then read the line it is in.
  const words = folded.split(/\s+/).filter(Boolean);
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  for (let at = index.text.indexOf(longest); at !== -1 && hits.length < limit; ) {
    const line = lineAt(index, at);
    const end = index.starts[line + 1] as number;
    const text = index.text.slice(index.starts[line] as number, end);
    const name = text.slice(text.indexOf('\t') + 1);
    if (words.every((word) => name.includes(word))) add(line);
    at = index.text.indexOf(longest, end);
  }
  return hits.slice(0, limit);
}

function hitOf(customer: { readonly id: string; readonly name?: string }): CustomerHit {
  return { id: customer.id, ...(customer.name ? { name: customer.name } : {}) };
}
