import { parseAddress } from '../address/parse-address.js';
import { comparableAddress } from './comparable-address.js';
import { decodeEncodedWords } from './decode-encoded-words.js';

// A control character makes the whole value an injection, refused whole by the recipient collector.
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * The addresses other than the mailbox's own that its display name or comment shows, as a mail
 * client shows it: its encoded-words (RFC 2047) decoded first, so `=?utf-8?q?erik=40telia.com?=`
 * shows `erik@telia.com`. None for a name with a control character (refused whole elsewhere).
 *
 * @example
 * ```ts
 * addressesShownIn('=?utf-8?q?erik.lind=40telia.com?=', 'kundtjanst@butiken.se'); // ['erik.lind@telia.com']
 * ```
 */
export function addressesShownIn(name: string, address: string): string[] {
  const shown = decodeEncodedWords(name);
  if (!shown.includes('@') || CONTROL.test(shown)) return [];
  const own = comparableAddress(address);
  return shown
    .split(/[\s,;:<>()[\]"']+/)
    .filter((token) => token.includes('@') && parseAddress(token).ok && comparableAddress(token) !== own);
}
