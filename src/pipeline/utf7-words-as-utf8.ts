import { decodeUtf7Words, UTF7_CHARSETS } from './decode-utf7-words.js';

// A UTF-7 encoded-word as RFC 2047 §2 writes one: no white space in it, so no folded line either.
const UTF7_WORD = new RegExp(`=\\?(?:${UTF7_CHARSETS})(?:\\*[^?\\s]*)?\\?[bq]\\?[^?\\s]*\\?=`, 'gi');

/**
 * A header section with each UTF-7 encoded-word (RFC 2047, charset UTF-7 of RFC 2152) written
 * again as a UTF-8 one of the same text, for mailparser to read as a client that decodes UTF-7
 * shows it (Thunderbird and Outlook do): libmime, its decoder, takes the word out of its
 * encoding but leaves UTF-7 undecoded on purpose, so a display name read after it would show
 * `erik.lind+AEA-telia.com`, with no sign left that it was UTF-7, where the client shows
 * `erik.lind@telia.com`. Written as an encoded-word again, never as plain text, the decoded text
 * stays a display name whatever it holds (RFC 2047 §5). Only what the guard reads is rewritten;
 * the message is sent as it was.
 *
 * @example
 * ```ts
 * utf7WordsAsUtf8(Buffer.from('To: =?utf-7?q?erik.lind+AEA-telia.com?= <a@b.se>\r\n')).toString();
 * // 'To: =?utf-8?b?ZXJpay5saW5kQHRlbGlhLmNvbQ==?= <a@b.se>\r\n'
 * ```
 */
export function utf7WordsAsUtf8(header: Buffer): Buffer {
  // UTF-7 words are ASCII, so the header's bytes read as Latin-1 find them and are written back unchanged.
  const text = header.toString('latin1');
  if (!/utf-?7/i.test(text)) return header;
  const rewritten = text.replace(
    UTF7_WORD,
    (word) => `=?utf-8?b?${Buffer.from(decodeUtf7Words(word), 'utf8').toString('base64')}?=`,
  );
  return rewritten === text ? header : Buffer.from(rewritten, 'latin1');
}
