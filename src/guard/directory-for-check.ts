import { parseAddress } from '../address/parse-address.js';
import { type AsyncDirectory, isAsyncDirectory } from '../contacts/async-directory.js';
import {
  type Directory,
  type DirectoryAddressMatch,
  findAddressUnchecked,
} from '../contacts/create-directory.js';
import { prefetchedDirectory } from './prefetched-directory.js';

/**
 * The directory a synchronous check reads: an in-memory one as it is; for an asynchronous one (a
 * database), its answer for this address and customer, asked first, in a directory that gives
 * that answer back. The check asks the directory one question, `findAddress` for the entered
 * address leaving out the customer, so the answer is the same as if it had asked itself.
 */
export async function directoryForCheck(
  directory: Directory | AsyncDirectory | undefined,
  entered: string,
  customerId: string,
  /** Other customers known on the entered mailbox from elsewhere (verified addresses), added to the answer. */
  also: readonly DirectoryAddressMatch[] = [],
): Promise<{ directory?: Directory }> {
  if (!directory && also.length === 0) return {};
  if (directory && !isAsyncDirectory(directory) && also.length === 0) return { directory };
  const parsed = parseAddress(entered);
  if (!parsed.ok)
    return directory && !isAsyncDirectory(directory)
      ? { directory }
      : { directory: prefetchedDirectory({ findAddress: [] }) };
  const input = { entered: parsed.address, excludeCustomerId: customerId };
  const matches = !directory
    ? []
    : isAsyncDirectory(directory)
      ? await directory.findAddress(input)
      : findAddressUnchecked(directory, input);
  // Nothing verified elsewhere (the usual check): the answer as it is, no set or copy made for it.
  if (also.length === 0) return { directory: prefetchedDirectory({ findAddress: matches }) };
  const known = new Set(matches.filter((match) => match.distance === 0).map((match) => match.customerId));
  return {
    directory: prefetchedDirectory({
      findAddress: [...matches, ...also.filter((match) => !known.has(match.customerId))],
    }),
  };
}
