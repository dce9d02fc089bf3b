import { type AsyncDirectory, isAsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';
import { parsePhone } from '../phone/parse-phone.js';
import { prefetchedDirectory } from './prefetched-directory.js';

/**
 * The directory a synchronous `checkPhone` reads: an in-memory one as it is; for an asynchronous
 * one (a database), its answer for this number and customer, asked first, in a directory that
 * gives that answer back. The check asks one question, `findPhone` for the entered number in
 * E.164 leaving out the customer, so the answer is the same as if it had asked itself.
 */
export async function phoneDirectoryForCheck(
  directory: Directory | AsyncDirectory | undefined,
  entered: string,
  customerId: string,
  /** The region national numbers are read in, as the check reads them. */
  region: string,
): Promise<{ directory?: Directory }> {
  if (!directory) return {};
  if (!isAsyncDirectory(directory)) return { directory };
  const phone = parsePhone(entered, region);
  const matches = phone
    ? await directory.findPhone({ entered: phone.e164, excludeCustomerId: customerId })
    : [];
  return { directory: prefetchedDirectory({ findPhone: matches }) };
}
