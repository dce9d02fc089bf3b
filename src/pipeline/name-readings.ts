import { decodeEncodedWords } from './decode-encoded-words.js';
import { decodeUtf7Words } from './decode-utf7-words.js';
import { displayedReadings } from './displayed-readings.js';

// A control character in a name as given makes the whole value an injection, refused whole by the
// recipient collector; one an encoded-word decodes to is none (the header holds none). A tab in a
// header already written is white space (RFC 5322 §3.2.2), which the collector lets be there (it
// refuses one given in nodemailer's options) and a client shows as a space: the name is read here.
const CONTROLS = /(?!\t)[\p{Cc}\u2028\u2029]/gu;
// What may show an address: an at sign, one of the two NFKC folds to it (full-width U+FF20, small
// U+FE6B), or an encoded-word that may decode to one.
const MAY_SHOW_ADDRESS = /[@\uff20\ufe6b]|=\?/;

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
  // UTF-7 is read only inside an encoded-word that names it (RFC 2047; RFC 2152 keeps UTF-7 in a
  // header to such words): a client shows a plain name's `+AEA-` as typed, not as `@`. A name
  // mailparser read has its UTF-7 words decoded already (`utf7WordsAsUtf8`).
  const utf7 = decodeUtf7Words(name);
  if (utf7 !== name) readings.push(decodeEncodedWords(utf7));
  return [...new Set(readings.flatMap(displayedReadings))];
}
