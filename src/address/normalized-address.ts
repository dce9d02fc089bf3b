import { composedForm } from './composed-form.js';
import type { ParsedAddress } from './parse-address.js';

// RFC 5322 §3.2.3 dot-atom-text, with any non-ASCII character as RFC 6532 §3.2 allows.
const DOT_ATOM =
  /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+(?:\.[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+)*$/u;

/**
 * A quoted local part without its quotes when what they hold is a dot-atom (`"maria.lund"` is
 * `maria.lund`): RFC 5321 §4.1.2 and RFC 5322 §3.4.1 make the quoted string and the dot-atom the
 * same local part, the quotes being needed only for what a dot-atom cannot hold (a space, two
 * dots). A quoted-pair (`\\x`) stands for its character. Anything else is returned as it is.
 *
 * @example
 * ```ts
 * unquotedLocalPart('"maria.lund"'); // 'maria.lund'
 * unquotedLocalPart('"maria lund"'); // '"maria lund"'
 * ```
 */
export function unquotedLocalPart(local: string): string {
  if (local.length < 3 || local.charCodeAt(0) !== 0x22 || local.charCodeAt(local.length - 1) !== 0x22)
    return local;
  const content = local.slice(1, -1).replace(/\\(.)/gu, '$1');
  return DOT_ATOM.test(content) ? content : local;
}

/**
 * The spelling of a parsed address to send to: the local part in Unicode Normalization Form C
 * (RFC 6532 §3.1 has internationalised addresses exchanged and compared in NFC), without quotes it
 * does not need (RFC 5322 §3.4.1: the dot-atom form SHOULD be used where it can), and the domain in
 * lower-case ASCII as parsed. Case is kept: only the receiving host may interpret the local part
 * (RFC 5321 §2.4).
 *
 * @example
 * ```ts
 * const parsed = parseAddress('"åke.öst"@telia.com'.normalize('NFD'));
 * if (parsed.ok) normalizedAddress(parsed.address); // 'åke.öst@telia.com' (NFC, unquoted)
 * ```
 */
export function normalizedAddress(address: ParsedAddress): string {
  let local = unquotedLocalPart(address.local);
  local = composedForm(local);
  if (local === address.local) return address.address;
  return `${local}@${address.domain}`;
}
