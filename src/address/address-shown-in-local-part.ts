// Text that reads as an address: something, an @, then a name with at least one dot (`telia.com`).
// No blanks, quotes or further @ signs inside it, as a person reads one address.
const READS_AS_ADDRESS = /[^\s"@]+@[^\s"@.]+(?:\.[^\s"@.]+)+/u;

/**
 * The address that a quoted local part shows, as a mail client displays it: in
 * `"erik.lind@telia.com"@evil.com` it is `erik.lind@telia.com`, yet the mail goes to `evil.com`,
 * the domain after the last @ (RFC 5322 §3.4.1; §3.2.4 allows `@` inside a quoted string).
 * Quoted pairs (`\@`) are read as the character they stand for. Undefined for an unquoted local
 * part or one that shows no address (`"anna svensson"`).
 *
 * @example
 * ```ts
 * addressShownInLocalPart('"erik.lind@telia.com"'); // 'erik.lind@telia.com'
 * ```
 */
export function addressShownInLocalPart(local: string): string | undefined {
  if (!local.startsWith('"') || !local.includes('@')) return undefined;
  const shown = local.slice(1, -1).replace(/\\(.)/gu, '$1');
  return READS_AS_ADDRESS.exec(shown)?.[0];
}
