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
// finds "Östlund" and "ANNA" finds "Anna".
const fold = (text: string): string =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is the fast path, tested by range
  /[^\u0000-\u007f]/.test(text)
    ? text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
    : text.toLowerCase();

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
  const hits: CustomerHit[] = [];
  const hit = (customer: { readonly id: string; readonly name?: string }): CustomerHit => ({
    id: customer.id,
    ...(customer.name ? { name: customer.name } : {}),
  });
  const exact = await directory.get(wanted);
  if (exact) hits.push(hit(exact));
  if (isAsyncDirectory(directory)) return hits;
  const words = fold(wanted).split(/\s+/).filter(Boolean);
  const id = fold(wanted);
  for (const customer of directory.customers()) {
    if (hits.length >= limit) break;
    if (customer.id === exact?.id) continue;
    const name = customer.name ? fold(customer.name) : '';
    if (fold(customer.id).startsWith(id) || (name !== '' && words.every((word) => name.includes(word))))
      hits.push(hit(customer));
  }
  return hits;
}
