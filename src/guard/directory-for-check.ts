import { parseAddress } from '../address/parse-address.js';
import { type AsyncDirectory, isAsyncDirectory } from '../contacts/async-directory.js';
import {
  type Directory,
  type DirectoryAddressMatch,
  findAddressUnchecked,
} from '../contacts/create-directory.js';

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
    return directory && !isAsyncDirectory(directory) ? { directory } : { directory: answered([]) };
  const input = { entered: parsed.address, excludeCustomerId: customerId };
  const matches = !directory
    ? []
    : isAsyncDirectory(directory)
      ? await directory.findAddress(input)
      : findAddressUnchecked(directory, input);
  const known = new Set(matches.filter((match) => match.distance === 0).map((match) => match.customerId));
  return { directory: answered([...matches, ...also.filter((match) => !known.has(match.customerId))]) };
}

/** A directory that knows one answer: all that `checkRecipient` asks of it. */
function answered(matches: DirectoryAddressMatch[]): Directory {
  const nothing = () => {
    throw new TypeError('a directory prefetched for one check answers only findAddress');
  };
  return {
    size: 0,
    byteLength: 0,
    add: nothing,
    addAll: nothing,
    remove: nothing,
    has: nothing,
    get: nothing,
    customers: nothing,
    findAddress: () => matches.map((match) => ({ ...match })),
    findPhone: nothing,
    compact: nothing,
  };
}
