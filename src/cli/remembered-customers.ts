import type { Directory, DirectoryCustomer } from '../contacts/create-directory.js';

/** Options of {@link rememberedCustomers}. */
export interface RememberedCustomersOptions {
  /**
   * Customers kept: the messages to one customer come close together (the confirmation, the
   * shipping notice, the delivery notice), so the most recently asked for are kept.
   * @default 10000
   */
  readonly size?: number;
}

/**
 * The directory's customers by id, the same object for the same customer while it is kept: the
 * directory builds a new object on every `get`, and the check remembers what it read of a customer
 * (its parsed addresses and numbers) per object, so without this every message to a customer read
 * the customer again. Least recently used first out, so memory stays bounded on any base.
 */
export function rememberedCustomers(
  directory: Pick<Directory, 'get'>,
  options: RememberedCustomersOptions = {},
): (customerId: string) => DirectoryCustomer | undefined {
  const size = options.size ?? 10_000;
  // A Map iterates in insertion order: deleting and setting again moves a customer to the end.
  const kept = new Map<string, DirectoryCustomer>();
  return (customerId) => {
    const known = kept.get(customerId);
    if (known !== undefined) {
      kept.delete(customerId);
      kept.set(customerId, known);
      return known;
    }
    const customer = directory.get(customerId);
    if (customer === undefined) return undefined;
    if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    kept.set(customerId, customer);
    return customer;
  };
}
