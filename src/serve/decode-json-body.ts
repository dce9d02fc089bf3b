import { isUtf8 } from 'node:buffer';
import { parse as parseContentType } from 'content-type';
import { JsonBodyError } from './parse-json-body.js';

// The byte order mark RFC 8259 §8.1 lets a parser ignore: U+FEFF written in UTF-8.
const BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * The text of a JSON request body, or a {@link JsonBodyError} saying why it cannot be read as sent:
 * a `Content-Encoding` other than `identity` (415: compression is not taken; RFC 9110 §8.4), a
 * `charset` other than UTF-8 (415: JSON exchanged between systems is UTF-8, RFC 8259 §8.1), a
 * Content-Type that cannot be read (415: not a media type, or a charset without a readable value), or
 * bytes that are not UTF-8 (400, naming the first one's position). Decoding such bytes anyway would
 * put U+FFFD where a letter was, and the check would judge an address nobody typed. A leading
 * byte order mark is dropped.
 *
 * @example
 * ```ts
 * decodeJsonBody(Buffer.from('{"entered":"åsa@b.se"}'), { contentType: 'application/json' });
 * // '{"entered":"åsa@b.se"}'
 * ```
 */
export function decodeJsonBody(
  bytes: Buffer,
  headers: { readonly contentType?: string | undefined; readonly contentEncoding?: string | undefined },
): string {
  const encodings = (headers.contentEncoding ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (encodings.length > 0)
    throw new JsonBodyError(
      'The request body must not be compressed',
      'compression is not taken: send the JSON as it is, without Content-Encoding (or identity)',
      'headers.content-encoding',
      415,
    );
  const charset = charsetOf(headers.contentType ?? '');
  if (charset === MALFORMED)
    throw new JsonBodyError(
      'The request body must be JSON',
      'the Content-Type header cannot be read: send Content-Type: application/json (charset=utf-8 or none)',
      'headers.content-type',
      415,
    );
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    throw new JsonBodyError(
      'The request body must be UTF-8',
      'UTF-8 is required: send the JSON in UTF-8, with Content-Type: application/json (charset=utf-8 or none)',
      'headers.content-type',
      415,
    );
  const start = bytes[0] === BOM[0] && bytes[1] === BOM[1] && bytes[2] === BOM[2] ? BOM.length : 0;
  const body = start === 0 ? bytes : bytes.subarray(start);
  if (!isUtf8(body))
    throw new JsonBodyError(
      'The request body is not UTF-8',
      `not valid UTF-8 at byte position ${start + firstInvalidByte(body)}: send the JSON in UTF-8`,
      'body',
    );
  return body.toString('utf8');
}

// A media type is `type "/" subtype`, each a token (RFC 9110 §8.3.1, §5.6.2).
const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;
// A `charset` parameter name the parser could not pair with a value (`charset`, `charset="utf-8`).
const CHARSET_NAMED = /;[ \t]*charset[ \t]*(?:=|;|$)/i;
const MALFORMED = Symbol('malformed');

/**
 * The `charset` parameter of a Content-Type (RFC 9110 §8.3.1, §5.6.6), lowercased, unquoted and
 * unescaped by `content-type` (a quoted `;` does not end a parameter; `\-` is `-`, §5.6.4), or
 * {@link MALFORMED} when the header is not a media type, or names a charset without a value that
 * reads: `content-type` drops such a parameter, and the body would be taken as UTF-8 though the
 * sender said otherwise.
 */
function charsetOf(contentType: string): string | typeof MALFORMED | undefined {
  if (contentType.trim() === '') return undefined;
  const { type, parameters } = parseContentType(contentType);
  if (!MEDIA_TYPE.test(type)) return MALFORMED;
  const charset = parameters.charset;
  if (charset === undefined) return CHARSET_NAMED.test(contentType) ? MALFORMED : undefined;
  return charset.toLowerCase();
}

/**
 * The offset of the first byte that does not belong to a well-formed UTF-8 sequence (Unicode 15,
 * Table 3-7): no overlong forms, no surrogates, nothing above U+10FFFF.
 */
function firstInvalidByte(bytes: Buffer): number {
  let at = 0;
  while (at < bytes.length) {
    const lead = bytes[at] as number;
    if (lead < 0x80) {
      at += 1;
      continue;
    }
    const [length, low, high] =
      lead >= 0xc2 && lead <= 0xdf
        ? [2, 0x80, 0xbf]
        : lead === 0xe0
          ? [3, 0xa0, 0xbf]
          : lead === 0xed
            ? [3, 0x80, 0x9f]
            : lead >= 0xe1 && lead <= 0xef
              ? [3, 0x80, 0xbf]
              : lead === 0xf0
                ? [4, 0x90, 0xbf]
                : lead === 0xf4
                  ? [4, 0x80, 0x8f]
                  : lead >= 0xf1 && lead <= 0xf3
                    ? [4, 0x80, 0xbf]
                    : [0, 0, 0];
    if (length === 0) return at;
    const second = bytes[at + 1];
    if (second === undefined || second < low || second > high) return at;
    for (let next = 2; next < length; next++) {
      const byte = bytes[at + next];
      if (byte === undefined || byte < 0x80 || byte > 0xbf) return at;
    }
    at += length;
  }
  return at;
}
