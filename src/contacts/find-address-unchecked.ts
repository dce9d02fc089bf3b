import type {
  Directory,
  DirectoryAddressMatch,
  DirectoryPhoneMatch,
  FindAddressInput,
  FindPhoneInput,
} from './create-directory.js';

/**
 * Where `createDirectory`'s own directories keep their lookups without the input schema. A key
 * rather than `instanceof`, so that the check reaches them without loading the directory (and
 * zod with it) in a page that never makes one.
 */
export const uncheckedLookups: unique symbol = Symbol('email-guard.uncheckedLookups');

/** A directory's lookups for input that has passed its schema already. */
export interface UncheckedLookups {
  address(input: FindAddressInput): DirectoryAddressMatch[];
  phone(input: FindPhoneInput): DirectoryPhoneMatch[];
}

const ownLookups = (directory: Directory): UncheckedLookups | undefined =>
  (directory as { [uncheckedLookups]?: UncheckedLookups })[uncheckedLookups];

/**
 * `directory.findAddress` without validating the input again: for the checks, whose input passed
 * its schema already, so a check costs no second parse. A caller's own directory is asked through
 * its public method.
 */
export function findAddressUnchecked(directory: Directory, input: FindAddressInput): DirectoryAddressMatch[] {
  return ownLookups(directory)?.address(input) ?? directory.findAddress(input);
}

/** `directory.findPhone` without validating the input again (see {@link findAddressUnchecked}). */
export function findPhoneUnchecked(directory: Directory, input: FindPhoneInput): DirectoryPhoneMatch[] {
  return ownLookups(directory)?.phone(input) ?? directory.findPhone(input);
}
