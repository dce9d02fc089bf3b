import { parseAddress } from '../address/parse-address.js';
import { addressTokens } from './address-tokens.js';
import { comparableAddress } from './comparable-address.js';
import { nameReadings } from './name-readings.js';

/**
 * The addresses other than the mailbox's own that its display name or comment shows, as a mail
 * client shows it: its encoded-words (RFC 2047) decoded first, so `=?utf-8?q?erik=40telia.com?=`
 * shows `erik@telia.com`, and as typed too, for a client that reads encoded-words strictly. None for
 * a name given with a line break or another control character (refused whole elsewhere).
 *
 * @example
 * ```ts
 * addressesShownIn('=?utf-8?q?erik.lind=40telia.com?=', 'kundtjanst@butiken.se'); // ['erik.lind@telia.com']
 * ```
 */
export function addressesShownIn(name: string, address: string): string[] {
  const own = comparableAddress(address);
  return [...new Set(nameReadings(name).flatMap(addressTokens))].filter(
    (token) => parseAddress(token).ok && comparableAddress(token) !== own,
  );
}
