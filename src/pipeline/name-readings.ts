import { decodeEncodedWords } from './decode-encoded-words.js';
import { asciiShownAsUtf7, decodeUtf7Words } from './decode-utf7-words.js';
import { displayedReadings } from './displayed-readings.js';

// A control character in a name as given makes the whole value an injection, refused whole by the
// recipient collector; one an encoded-word decodes to is none (the header holds none). A tab in a
// header already written is white space (RFC 5322 §3.2.2), which the collector lets be there (it
// refuses one given in nodemailer's options) and a client shows as a space: the name is read here.
const CONTROLS = /(?!\t)[\p{Cc}\u2028\u2029]/gu;
// What may show an address: an at sign, one of the two NFKC folds to it (full-width U+FF20, small
// U+FE6B), an encoded-word that may decode to one, or a UTF-7 shifted run (RFC 2152) that may.
const MAY_SHOW_ADDRESS = /[@\uff20\ufe6b]|=\?|\+[A-Za-z0-9/]/;

/**
 * Every way a mail client may show a display name or comment that may show an address, each as it
 * is drawn ({@link displayedReadings}): its encoded-words (RFC 2047) decoded, and as typed too, for a
 * client that reads encoded-words strictly. None for a name that cannot show an address (no at sign
 * in any form) or that is given with a line break or another control character (refused whole
 * elsewhere).
 *
 * @example
 * ```ts
 * nameReadings('=?utf-8?q?erik.lind=40telia.com?='); // ['erik.lind@telia.com', '=?utf-8?q?erik.lind=40telia.com?=']
 * nameReadings('Kundtjänst'); // []
 * ```
 */
export function nameReadings(name: string): string[] {
  if (name.search(CONTROLS) >= 0 || !MAY_SHOW_ADDRESS.test(name)) return [];
  const shown = decodeEncodedWords(name);
  // A client shows a decoded control character as a space, a box or nothing: the address beside it
  // or around it shows either way, so both readings count.
  const readings =
    shown.search(CONTROLS) < 0 ? [shown] : [shown.replace(CONTROLS, ' '), shown.replace(CONTROLS, '')];
  // libmime decodes a word with white space in its text; RFC 2047 §2 lets encoded-text hold none,
  // so a strict client shows that word as typed, and an address typed in it. Both readings count.
  if (shown !== name) readings.push(name);
  const utf7 = decodeUtf7Words(name);
  if (utf7 !== name) readings.push(decodeEncodedWords(utf7));
  const shifted = asciiShownAsUtf7(shown);
  if (shifted !== shown) readings.push(shifted);
  return [...new Set(readings.flatMap(displayedReadings))];
}
