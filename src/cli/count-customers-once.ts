import type { AsyncDirectory } from '../contacts/async-directory.js';
import type { Directory } from '../contacts/create-directory.js';

/**
 * The directory a release reads, counting its customers once: `holds release` asks the release's
 * rule first (releaseNeeds, `enough-customers`) and the release then refuses on the same rule, each
 * with the directory's `size()`. A database's count is a query; asked once, both read the same
 * answer, and a directory whose count changes in between cannot make them disagree. A directory that
 * knows its size at once (an export read into memory) is given back as it is.
 */
export function countCustomersOnce<T extends Directory | AsyncDirectory>(directory: T): T {
  const size = (directory as { readonly size?: unknown }).size;
  if (typeof size !== 'function') return directory;
  let counted: Promise<unknown> | undefined;
  // Everything else is the directory's own, read through the prototype with `this` the copy.
  const once = Object.create(directory) as T;
  Object.defineProperty(once, 'size', {
    value: () => {
      counted ??= Promise.resolve().then(() => size.call(directory));
      return counted;
    },
  });
  return once;
}
