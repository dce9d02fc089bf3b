import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import { FewerCustomersError } from '../errors.js';
import type { GuardOptions } from '../guard/create-guard.js';
import { settleLookup } from '../guard/settle-lookup.js';

/**
 * How many customers a directory holds, where it can say at once: an in-memory directory (a CRM
 * export); undefined for one asked customer by customer (a database's), whose size is not at hand.
 */
export function customersKnown(directory: Directory | AsyncDirectory | undefined): number | undefined {
  return asCount((directory as { readonly size?: unknown } | undefined)?.size);
}

/** A count of customers, or undefined for anything else a directory of the caller's own may give. */
function asCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/**
 * How many customers the check at release knows: an in-memory directory's `size`, a database
 * directory's `size()` (one count query), 0 for a guard without a directory (it knows no other
 * customer's address at all). Undefined when the directory cannot say, or its count fails or does
 * not answer within `timeoutMs`: that cannot show the release knows as many customers as the hold did.
 */
export async function countCustomers(
  directory: Directory | AsyncDirectory | undefined,
  options: { readonly timeoutMs: number },
): Promise<number | undefined> {
  if (directory === undefined) return 0;
  const size = (directory as { readonly size?: unknown }).size;
  return typeof size === 'function'
    ? askCount(directory, size as () => unknown, options.timeoutMs)
    : asCount(size);
}

/**
 * What a directory's `size()` answers, as a count; undefined when it fails, answers no count, or
 * does not answer within `timeoutMs` (a PostgreSQL `count(*)` waiting on a table lock never does,
 * and the message would then be neither held nor sent), like every other directory look-up.
 */
async function askCount(
  directory: Directory | AsyncDirectory | undefined,
  size: () => unknown,
  timeoutMs: number,
): Promise<number | undefined> {
  const outcome = await settleLookup(() => size.call(directory), timeoutMs);
  return 'found' in outcome ? asCount(outcome.found) : undefined;
}

/** The guard's lookup time limit, which the count of its customers keeps to as well. */
function lookupTimeoutOf(guard: { readonly options: Pick<GuardOptions, 'lookupTimeoutMs'> }): number {
  return guard.options.lookupTimeoutMs ?? 2000;
}

/**
 * What a held message (or its release) kept of the customers its check knew, as
 * {@link fewerCustomersRefusal} compares it: the count, `count-failed`, or undefined when none was kept.
 */
export function customersWhenHeld(held: {
  readonly customersKnown?: number | undefined;
  readonly customersCountFailed?: boolean | undefined;
}): CustomersAtRelease['whenHeld'] {
  return held.customersCountFailed ? 'count-failed' : held.customersKnown;
}

/** What {@link fewerCustomersRefusal} compares. */
export interface CustomersAtRelease {
  /** The hold store's id of the message. */
  readonly holdId: string;
  /**
   * `HeldMessage.customersKnown`: customers the check that held the message knew, when kept;
   * `count-failed` when it was asked and its count failed (`HeldMessage.customersCountFailed`).
   */
  readonly whenHeld: number | 'count-failed' | undefined;
  /** Customers the check at release knows ({@link countCustomers}). */
  readonly now: number | undefined;
}

/**
 * The one rule every release follows (the folder and PostgreSQL hold stores through the guard,
 * `sendReleased`, the review service's release, `email-guard holds release`): a release whose check
 * knows fewer customers than the check that held the message is refused, since a customer file
 * filtered, emptied or out of date lacks customers, and a corrected address that is one of theirs
 * would pass as merely new (the order sent to another customer). A count the release cannot tell
 * is not enough either. Only `fewerCustomers: true` lets it go, when the smaller file is meant.
 * Undefined when the release may go on: no count was kept when the message was held (held before it
 * was kept, or by a guard that looks customers up one by one), or the release knows as many.
 *
 * @example
 * ```ts
 * const refusal = fewerCustomersRefusal({ holdId: held.id, whenHeld: held.customersKnown, now: 3 });
 * if (refusal) throw refusal; // FewerCustomersError: 3 customers, fewer than the 1200 when held
 * ```
 */
export function fewerCustomersRefusal(
  { holdId, whenHeld, now }: CustomersAtRelease,
  options: { readonly fewerCustomers?: boolean; readonly locale?: 'sv' | 'en' } = {},
): FewerCustomersError | undefined {
  if (whenHeld === undefined || options.fewerCustomers) return undefined;
  const counted = whenHeld === 'count-failed' ? undefined : whenHeld;
  if (counted !== undefined && now !== undefined && now >= counted) return undefined;
  return new FewerCustomersError({ holdId, whenHeld: counted, now }, options.locale ?? 'en');
}

/**
 * The count to keep with a message the guard holds (`customersKnown`): an in-memory directory's
 * `size`, a database directory's `size()` (one count query, awaited, so a release of it is compared
 * like any other); nothing for a guard that looks customers up one by one, or a directory of the
 * caller's own that cannot say. A count that fails does not stop the hold (the message would be
 * lost): `customersCountFailed` is kept instead, and its release is refused unless `fewerCustomers`.
 * A count with no answer within the guard's `lookupTimeoutMs` is a failed one.
 */
export async function customersKnownWhenHeld(guard: {
  readonly options: Pick<GuardOptions, 'directory' | 'lookupTimeoutMs'>;
}): Promise<{ readonly customersKnown?: number; readonly customersCountFailed?: true }> {
  const directory = guard.options.directory;
  const size = (directory as { readonly size?: unknown } | undefined)?.size;
  if (typeof size !== 'function') {
    const known = customersKnown(directory);
    return known === undefined ? {} : { customersKnown: known };
  }
  const counted = await askCount(directory, size as () => unknown, lookupTimeoutOf(guard));
  return counted === undefined ? { customersCountFailed: true } : { customersKnown: counted };
}
