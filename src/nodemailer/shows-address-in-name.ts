import { addressesShownIn } from '../pipeline/addresses-shown-in.js';

/**
 * Whether a recipient as held is a mailbox whose display name shows another address, in the form
 * the guard holds it (`"erik.lind@telia.com" <anna@…>`, the name as JSON): stopped for the name,
 * not for the mailbox behind it.
 *
 * @example
 * ```ts
 * showsAddressInName('"erik.lind@telia.com" <anna@example.se>'); // true
 * showsAddressInName('anna@example.se'); // false
 * ```
 */
export function showsAddressInName(held: string): boolean {
  return addressesShownInHeldName(held).length > 0;
}

/**
 * The addresses other than its own that a recipient as held shows in its display name (the form of
 * {@link showsAddressInName}); none for any other form.
 */
export function addressesShownInHeldName(held: string): string[] {
  const named = /^("(?:[^"\\]|\\.)*")\s*<([^<>]*)>$/.exec(held);
  if (!named) return [];
  let name: unknown;
  try {
    name = JSON.parse(named[1] as string);
  } catch {
    return [];
  }
  return typeof name === 'string' ? addressesShownIn(name, named[2] as string) : [];
}
