/**
 * The display name and address of a mailbox in the form the guard lists one whose name it judges
 * (`"erik.lind@telia.com" <anna@example.se>`, the name as a JSON string, as `findShownAddresses`
 * writes it); `undefined` for any other text.
 *
 * @example
 * ```ts
 * heldName('"erik.lind@telia.com" <anna@example.se>'); // { name: 'erik.lind@telia.com', address: 'anna@example.se' }
 * heldName('anna@example.se'); // undefined
 * ```
 */
export function heldName(held: string): { name: string; address: string } | undefined {
  const named = /^("(?:[^"\\]|\\.)*")\s*<([^<>]*)>$/.exec(held);
  if (!named) return undefined;
  let name: unknown;
  try {
    name = JSON.parse(named[1] as string);
  } catch {
    return undefined;
  }
  return typeof name === 'string' ? { name, address: named[2] as string } : undefined;
}
