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

/** What one search answers: at most `limit` customers, and whether more matched. */
export interface CustomerSearch {
  readonly customers: CustomerHit[];
  /** More customers matched than were answered: the salesperson types more of the name. */
  readonly more: boolean;
}

/**
 * The fewest letters of a name's word a search takes: with one or two letters a few searches
 * ("a", "b", ... or "an", "be", ...) would list the base; with three a search names a handful.
 */
export const MIN_WORD_LENGTH = 3;

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
 * The customers the order form's search finds for what the salesperson typed: the customer whose
 * id is exactly that (case folded), then (an in-memory directory only) those with a word of the name
 * starting with each word typed, at least one word of {@link MIN_WORD_LENGTH} letters or more
 * (shorter words, as "Bo" in "Bo Svensson", only beside one). An id is
 * found only whole, never by its start, and a name only by three letters of a word, at most `limit`
 * at a time: the search names a customer the salesperson already knows something of, and cannot be
 * used to read the base out a prefix at a time. A database directory is asked for the id only: it
 * has no index of names.
 *
 * @example
 * ```ts
 * await findCustomers(directory, 'svens'); // { customers: [{ id: 'C-1001', name: 'Anna Svensson' }], more: false }
 * ```
 */
export async function findCustomers(
  directory: Directory | AsyncDirectory | undefined,
  query: string,
  options: FindCustomersOptions = {},
): Promise<CustomerSearch> {
  const limit = options.limit ?? 10;
  const wanted = query.trim();
  const none: CustomerSearch = { customers: [], more: false };
  if (!directory || wanted === '') return none;
  const exact = await directory.get(wanted);
  const hits: CustomerHit[] = exact ? [hitOf(exact)] : [];
  if (isAsyncDirectory(directory)) return { customers: hits, more: false };

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
  // The id whole, as another case ("c-1001"): the line is exactly `\nid\t...`.
  if (!exact && !/\s/.test(folded)) {
    const at = index.text.indexOf(`\n${folded}\t`);
    if (at !== -1) add(lineAt(index, at));
  }
  const words = folded.split(/[\s-]+/).filter(Boolean);
  // A short word ("Bo", "Lo") narrows a search only beside one of three letters or more: alone, one
  // or two letters would list the base a few searches at a time.
  if (!words.some((word) => word.length >= MIN_WORD_LENGTH))
    return { customers: hits.slice(0, limit), more: hits.length > limit };
  // Names with a word starting with each word typed: find the longest word, then read its line.
  // One more than the limit is looked for, to tell the page that more matched.
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
  for (let at = index.text.indexOf(longest); at !== -1 && hits.length <= limit; ) {
    const line = lineAt(index, at);
    const end = index.starts[line + 1] as number;
    const text = index.text.slice(index.starts[line] as number, end);
    const nameWords = text.slice(text.indexOf('\t') + 1).split(/[\s-]+/);
    if (words.every((word) => nameWords.some((nameWord) => nameWord.startsWith(word)))) add(line);
    at = index.text.indexOf(longest, end);
  }
  return { customers: hits.slice(0, limit), more: hits.length > limit };
}

function hitOf(customer: { readonly id: string; readonly name?: string }): CustomerHit {
  return { id: customer.id, ...(customer.name ? { name: customer.name } : {}) };
}
