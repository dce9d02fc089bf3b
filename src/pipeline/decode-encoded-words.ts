import libmime from 'libmime';

// An encoded-word whose charset libmime does not read: its pattern takes only letters, digits, `_`,
// `-` and `*` (the RFC 2231 §5 language). RFC 2047 §2 keeps especials such as `.` and `:` out of a
// charset too, but IANA names hold them (`ISO_8859-1:1987`, `ANSI_X3.4-1968`) and lenient readers
// take anything up to the next `?` (Python's email.header does), so such a word is shown decoded.
const CHARSET_LIBMIME_SKIPS = /=\?([^?\s]*[^\w\-*?\s][^?\s]*)\?(?=[bBqQ]\?[^?]*\?=)/g;

/**
 * A display name as a mail client shows it: its encoded-words (RFC 2047) decoded, so an address
 * written `=?utf-8?q?erik.lind=40telia.com?=` reads `erik.lind@telia.com`, as the recipient sees it.
 *
 * Decoded by libmime, mailparser's own decoder, so the nodemailer plugin reads a name as the raw
 * message check does: adjacent words of one charset joined before decoding, base64 read as far as it
 * goes, any charset iconv-lite knows (an unknown one as UTF-8). One difference, on the safe side: a
 * word whose charset name holds a character libmime's pattern does not take (`ISO_8859-1:1987`) is
 * decoded too, that character read as `_` (so as UTF-8, libmime's reading of a charset it does not
 * know), as a lenient client shows it; left encoded, an address in it would pass unseen.
 *
 * @example
 * ```ts
 * decodeEncodedWords('=?utf-8?q?Erik_=28erik.lind=40telia.com=29?='); // 'Erik (erik.lind@telia.com)'
 * ```
 */
export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  return libmime.decodeWords(
    text.replace(
      CHARSET_LIBMIME_SKIPS,
      (_start, charset: string) => `=?${charset.replace(/[^\w\-*]/g, '_')}?`,
    ),
  );
}
