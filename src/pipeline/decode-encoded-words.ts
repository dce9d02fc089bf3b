// An encoded-word (RFC 2047 §2): `=?charset?encoding?text?=`, the charset optionally with a
// language (RFC 2231 §5, `utf-8*sv`), the encoding B (base64) or Q (quoted-printable, `_` a space).
const ENCODED_WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=/g;
// White space between two adjacent encoded-words is not shown (RFC 2047 §6.2).
const BETWEEN_WORDS = /(\?=)\s+(?==\?[^?\s]+\?[bBqQ]\?)/g;

/**
 * A display name as a mail client shows it: its encoded-words (RFC 2047) decoded, so an address
 * written `=?utf-8?q?erik.lind=40telia.com?=` reads `erik.lind@telia.com`, as the recipient sees it.
 * A charset other than UTF-8 and ISO-8859-1 is read as ISO-8859-1, which keeps every ASCII
 * character of the charsets mail uses (an address in it still shows); an encoded-word that does not
 * decode is left as it is.
 *
 * @example
 * ```ts
 * decodeEncodedWords('=?utf-8?q?Erik_=28erik.lind=40telia.com=29?='); // 'Erik (erik.lind@telia.com)'
 * ```
 */
export function decodeEncodedWords(text: string): string {
  if (!text.includes('=?')) return text;
  return text
    .replace(BETWEEN_WORDS, '$1')
    .replace(ENCODED_WORD, (word, charset: string, encoding: string, encoded: string) => {
      const bytes = encoding.toLowerCase() === 'b' ? base64Bytes(encoded) : quotedPrintableBytes(encoded);
      if (bytes === undefined) return word;
      const utf8 = /^utf-?8(\*|$)/i.test(charset);
      return new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(bytes);
    });
}

function base64Bytes(encoded: string): Uint8Array | undefined {
  try {
    return Uint8Array.from(atob(encoded), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function quotedPrintableBytes(encoded: string): Uint8Array {
  const bytes: number[] = [];
  for (let index = 0; index < encoded.length; index++) {
    const char = encoded[index] as string;
    const hex = char === '=' ? encoded.slice(index + 1, index + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      index += 2;
    } else bytes.push(char === '_' ? 0x20 : char.charCodeAt(0) & 0xff);
  }
  return Uint8Array.from(bytes);
}
