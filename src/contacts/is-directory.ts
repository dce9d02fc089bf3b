import { isAsyncDirectory } from './async-directory.js';
import type { Directory } from './create-directory.js';

/**
 * The test `DirectorySchema` makes: an object with the two lookups that answers at once. An
 * asynchronous directory (`createPostgresDirectory`) has the same method names but answers with
 * promises, which a synchronous check cannot wait for: it is not one.
 */
export function isDirectory(value: unknown): value is Directory {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Directory).findAddress === 'function' &&
    typeof (value as Directory).findPhone === 'function' &&
    !isAsyncDirectory(value)
  );
}
