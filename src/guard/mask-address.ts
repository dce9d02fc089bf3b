import { displayDomain } from '../spelling/display-domain.js';

/**
 * Another customer's address as a check may show it without handing it over: the first character
 * of the local part, then `***`, then the domain as a person reads it. Enough for a salesperson to
 * tell "the same provider, a different person" apart, not enough to write to it (GDPR Art. 5(1)(c),
 * data minimisation: a check run in a web shop must not be a lookup of other customers' addresses).
 *
 * @example
 * ```ts
 * maskAddress('anna.svensson1985@gmail.com'); // 'a***@gmail.com'
 * maskAddress('kund@xn--keri-poa.se');        // 'k***@åkeri.se'
 * ```
 */
export function maskAddress(address: string, options: { readonly domain?: boolean } = {}): string {
  const trimmed = address.trim();
  const at = trimmed.lastIndexOf('@');
  if (at <= 0) return '***';
  const first = String.fromCodePoint(trimmed.codePointAt(0) as number);
  // `domain: false` hides the domain too: beside an entered address whose local part is the same,
  // the domain alone would spell the whole address out.
  return `${first}***@${options.domain === false ? '***' : displayDomain(trimmed.slice(at + 1))}`;
}
