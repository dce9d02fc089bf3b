import addressparser from 'nodemailer/lib/addressparser';

// A header value that is one bare address (RFC 5322 §3.4.1 addr-spec of dot-atoms, ASCII): no
// display name, comment, group, quoting or list, so nothing for a parser to take apart. Most sent
// mail's To is that, and nodemailer's addressparser tokenises every value character by character.
const BARE_ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+$/;

/**
 * The addresses of one To, Cc or Bcc header value, as nodemailer's `addressparser` (flattened)
 * reads them: a bare address is taken as it stands, which is what the parser would make of it
 * (test/cli/recipient-addresses.test.ts compares the two).
 *
 * @example
 * ```ts
 * recipientAddresses('Anna <anna@example.se>, erik@example.se').map((item) => item.address);
 * // ['anna@example.se', 'erik@example.se']
 * ```
 */
export function recipientAddresses(value: string): { name: string; address: string }[] {
  if (BARE_ADDRESS.test(value)) return [{ address: value, name: '' }];
  return addressparser(value, { flatten: true });
}
