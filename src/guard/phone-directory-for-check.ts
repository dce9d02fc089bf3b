import { type AsyncDirectory, isAsyncDirectory } from '../contacts/async-directory.js';
import type { Directory, DirectoryPhoneMatch } from '../contacts/create-directory.js';
import { parsePhone } from '../phone/parse-phone.js';

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
  return { directory: answered(matches) };
}

/** A directory that knows one answer: all that `checkPhone` asks of it. */
function answered(matches: readonly DirectoryPhoneMatch[]): Directory {
  const nothing = () => {
    throw new TypeError('a directory prefetched for one phone check answers only findPhone');
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
    findAddress: nothing,
    findPhone: () => matches.map((match) => ({ ...match })),
    compact: nothing,
  };
}
