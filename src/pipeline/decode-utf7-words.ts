import libmime from 'libmime';

/** The names of UTF-7 (RFC 2152) in the IANA charset registry and those clients also read, as a pattern. */
export const UTF7_CHARSETS = 'utf-?7|unicode-1-1-utf-7|csunicode11utf7|x-unicode-2-0-utf-7';
const UTF7_WORD = new RegExp(`=\\?(?:${UTF7_CHARSETS})(?:\\*[^?]*)?\\?([bq])\\?([^?]*)\\?=`, 'gi');
// A shifted run: `+`, modified base64 of UTF-16 (RFC 2152 rule 2), an optional `-` that ends it.
const SHIFTED = /\+([A-Za-z0-9+/]*)(-?)/g;

/**
 * The UTF-7 encoded-words (RFC 2047, charset UTF-7 of RFC 2152) of a display name decoded, as a
 * client that reads UTF-7 shows them: `=?utf-7?q?erik.lind+AEA-telia.com?=` shows
 * `erik.lind@telia.com`. libmime, mailparser's decoder, leaves UTF-7 undecoded on purpose (it
 * smuggles markup past filters), so mailparser shows `erik.lind+AEA-telia.com`; a reader of
 * display names has to see both. Other text is left as it is.
 *
 * @example
 * ```ts
 * decodeUtf7Words('Erik =?utf-7?q?erik.lind+AEA-telia.com?='); // 'Erik erik.lind@telia.com'
 * ```
 */
export function decodeUtf7Words(text: string): string {
  if (!text.includes('=?')) return text;
  return text.replace(UTF7_WORD, (_word, encoding: string, encoded: string) =>
    // UTF-7 is ASCII, so the word's bytes read as Latin-1 are its UTF-7 text.
    libmime.decodeWords(`=?iso-8859-1?${encoding}?${encoded}?=`).replace(SHIFTED, shiftedText),
  );
}

/**
 * A shifted run's text, decoded here rather than with iconv-lite's utf7 codec (mailparser's own),
 * which reads every well-formed run alike but drops two things a reader of names must keep: a `+`
 * before a character outside base64 (ill-formed, RFC 2152 rule 2; dropped, `erik+@telia.com` would
 * read as another address) and a byte order mark a run stands for (dropped even with `stripBOM:
 * false`, a run of only that mark would read as ASCII text). test/pipeline/decode-utf7-words.test.ts
 * compares the two.
 */
function shiftedText(shifted: string, base64: string, dash: string): string {
  // `+-` is a plus sign; a `+` with nothing after it is shown as typed.
  if (base64 === '') return dash === '' ? shifted : '+';
  // Bits left over past the last whole 16-bit unit are padding (RFC 2152 rule 2).
  const whole = base64.length - (base64.length % 4 === 1 ? 1 : 0);
  const bytes = atob(base64.slice(0, whole).padEnd(Math.ceil(whole / 4) * 4, '='));
  const units: string[] = [];
  for (let at = 0; at + 1 < bytes.length; at += 2)
    units.push(String.fromCharCode((bytes.charCodeAt(at) << 8) | bytes.charCodeAt(at + 1)));
  return units.join('');
}
