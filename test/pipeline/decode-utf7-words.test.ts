import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeUtf7Words } from '../../src/pipeline/decode-utf7-words.js';

// iconv-lite's utf7 codec (RFC 2152), the one mailparser's own iconv-lite carries, read as a client
// that decodes a UTF-7 encoded-word reads it.
const utf7 = (text: string) => iconv.decode(Buffer.from(text, 'latin1'), 'utf7', { stripBOM: false });
const word = (text: string) =>
  `=?utf-7?q?${text.replace(/[_=?\s]/g, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase()}`)}?=`;

/** Whether a shifted run holds U+FEFF, which iconv-lite drops (below). */
function standsForByteOrderMark(run: string): boolean {
  const bytes = Buffer.from(run.replace(/^\+|-$/g, ''), 'base64');
  for (let at = 0; at + 1 < bytes.length; at += 2)
    if (bytes[at] === 0xfe && bytes[at + 1] === 0xff) return true;
  return false;
}

// UTF-7 text as clients write it, without a byte order mark: direct characters, and shifted runs that end in `-` or at a
// character outside base64 (RFC 2152 rules 1-3), plus `+-` for a plus sign.
const BASE64 = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'];
const DIRECT = [...'abcdefghijklmnopqrstuvwxyz.@-!, '];
const shifted = fc
  .tuple(fc.array(fc.constantFrom(...BASE64), { minLength: 1, maxLength: 12 }), fc.constantFrom('-', ''))
  .map(([letters, end]) => `+${letters.join('')}${end}`)
  .filter((run) => !standsForByteOrderMark(run));
const text = fc
  .array(fc.oneof(fc.constantFrom(...DIRECT), shifted, fc.constant('+-')), { maxLength: 12 })
  .map((pieces) => pieces.join(''));

describe('decodeUtf7Words', () => {
  it('decodes a UTF-7 encoded-word as iconv-lite’s utf7 codec does, for any well-formed text', () => {
    fc.assert(
      fc.property(text, (typed) => {
        expect(decodeUtf7Words(word(typed))).toBe(utf7(typed));
      }),
    );
  });

  // RFC 2152 calls a `+` before a character outside base64 ill-formed. iconv-lite drops it, and
  // would show `erik+@telia.com` as `erik@telia.com`, another address than the one the guard has
  // read there so far: it is kept as typed, so the same names are held as before.
  it.each([
    ['erik+@telia.com', 'erik+@telia.com', 'erik@telia.com'],
    ['anna+ svensson', 'anna+ svensson', 'anna svensson'],
    ['ends in a plus+', 'ends in a plus+', 'ends in a plus'],
  ])('keeps a lone plus as typed in %s, where iconv-lite drops it', (typed, read, iconvReads) => {
    expect(decodeUtf7Words(word(typed))).toBe(read);
    expect(utf7(typed)).toBe(iconvReads);
  });

  // iconv-lite drops a byte order mark a run stands for even when told to keep one (its UTF-16
  // step strips it), so a run that is only that mark would read as no text, which the reading of
  // plain names takes for ASCII: `erik+/v8-@telia.com` would add the reading `erik@telia.com`.
  it('keeps a byte order mark a shifted run stands for, where iconv-lite drops it', () => {
    expect(decodeUtf7Words(word('+/v8-erik'))).toBe('\ufefferik');
    expect(utf7('+/v8-erik')).toBe('erik');
    expect(decodeUtf7Words(word('erik+/v8-@telia.com'))).toBe('erik\ufeff@telia.com');
  });
});
