import type { Directory, DirectoryAddressMatch, DirectoryPhoneMatch } from '../contacts/create-directory.js';

/** The one answer a prefetched directory gives: to `findAddress` or to `findPhone`. */
export type PrefetchedAnswer =
  | { readonly findAddress: readonly DirectoryAddressMatch[] }
  | { readonly findPhone: readonly DirectoryPhoneMatch[] };

/**
 * A directory that knows one answer, asked of an asynchronous directory (a database) before a
 * synchronous check runs: all that check asks of it. Any other question is a programming error.
 */
export function prefetchedDirectory(answer: PrefetchedAnswer): Directory {
  const directory = prefetched(answer);
  prefetchedDirectories.add(directory);
  return directory;
}

const prefetchedDirectories = new WeakSet<Directory>();

/**
 * Whether a directory is one {@link prefetchedDirectory} made: it knows the answer to the check's
 * one question, so a check asks it no other (the guard asks the whole directory those itself).
 */
export function isPrefetched(directory: Directory): boolean {
  return prefetchedDirectories.has(directory);
}

function prefetched(answer: PrefetchedAnswer): Directory {
  const nothing = () => {
    throw new TypeError(
      `a directory prefetched for one check answers only ${'findAddress' in answer ? 'findAddress' : 'findPhone'}`,
    );
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
    findAddress: 'findAddress' in answer ? () => answer.findAddress.map((match) => ({ ...match })) : nothing,
    findPhone: 'findPhone' in answer ? () => answer.findPhone.map((match) => ({ ...match })) : nothing,
    compact: nothing,
  };
}
