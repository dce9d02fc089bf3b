import type { Directory } from './create-directory.js';

/** The test `DirectorySchema` makes: an object with the two lookups. */
export function isDirectory(value: unknown): value is Directory {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Directory).findAddress === 'function' &&
    typeof (value as Directory).findPhone === 'function'
  );
}
