import { extractAddress } from '../address/extract-address.js';

/**
 * An address as a release and a display name compare it: the plain address, in lower case
 * (RFC 5321 §2.4 allows no more).
 *
 * @example
 * ```ts
 * comparableAddress('Erik <Erik.Lind@Telia.com>'); // 'erik.lind@telia.com'
 * ```
 */
export function comparableAddress(address: string): string {
  return (extractAddress(address) ?? address).trim().toLowerCase();
}
