import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';

/**
 * How many customers a directory holds, where it can say: an in-memory directory (a CRM export);
 * undefined for one asked customer by customer (a database's), whose size is not at hand.
 */
export function customersKnown(directory: Directory | AsyncDirectory | undefined): number | undefined {
  const size = (directory as { readonly size?: unknown } | undefined)?.size;
  return typeof size === 'number' && Number.isInteger(size) && size >= 0 ? size : undefined;
}

/** A release checked against fewer customers than the check that held the message knew. */
export interface FewerCustomers {
  /** Customers the check that held the message knew. */
  readonly whenHeld: number;
  /** Customers the release would be checked against. */
  readonly now: number;
}

/**
 * Whether the customers a release is checked against are fewer than those the check that held the
 * message knew: an export filtered or out of date lacks customers, and a corrected address that is
 * another customer's would then pass as merely new (the order sent to the other customer). Undefined
 * when it is not fewer, or either count is not known (a message held before the count was kept).
 */
export function fewerCustomers(
  whenHeld: number | undefined,
  now: number | undefined,
): FewerCustomers | undefined {
  return whenHeld !== undefined && now !== undefined && now < whenHeld ? { whenHeld, now } : undefined;
}

/**
 * The count to keep with a message the guard holds (`customersKnown`), when its directory can say
 * it; nothing for a guard that looks customers up one by one.
 */
export function customersKnownBy(guard: {
  readonly options: { readonly directory?: Directory | AsyncDirectory };
}): { readonly customersKnown?: number } {
  const known = customersKnown(guard.options.directory);
  return known === undefined ? {} : { customersKnown: known };
}
