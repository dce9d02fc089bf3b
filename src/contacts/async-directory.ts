import type { ParsedAddress } from '../address/parse-address.js';
import type { DirectoryAddressMatch, DirectoryCustomer, DirectoryPhoneMatch } from './create-directory.js';

/**
 * A directory whose lookups are I/O (a database): the same questions as {@link Directory}, with
 * the same answers, as promises. `createGuard({ directory })` takes either; it asks an
 * asynchronous one before the check and hands the synchronous check its answer.
 * `createPostgresDirectory` (`email-guard/postgres`) is one.
 */
export interface AsyncDirectory {
  /** Marks the lookups as asynchronous. */
  readonly asynchronous: true;
  /** The customer with that id, if any. */
  get(customerId: string): Promise<DirectoryCustomer | undefined>;
  /** As `Directory.findAddress`. */
  findAddress(
    input: { readonly entered: string | ParsedAddress; readonly excludeCustomerId?: string },
    options?: { readonly maxDistance?: 0 | 1 },
  ): Promise<DirectoryAddressMatch[]>;
  /** As `Directory.findPhone`. */
  findPhone(input: {
    readonly entered: string;
    readonly region?: string;
    readonly excludeCustomerId?: string;
  }): Promise<DirectoryPhoneMatch[]>;
}

/** Whether a directory answers with promises. */
export function isAsyncDirectory(directory: object): directory is AsyncDirectory {
  return (directory as Partial<AsyncDirectory>).asynchronous === true;
}
