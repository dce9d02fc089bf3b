import { describe, it } from 'vitest';
import { addressShownInLocalPart } from '../../src/address/address-shown-in-local-part.js';
import { removeHeaderFields } from '../../src/nodemailer/remove-header-fields.js';
import { utf7WordsAsUtf8 } from '../../src/pipeline/utf7-words-as-utf8.js';
import { expectLinearScanning } from '../support/expect-linear-scanning.js';

// Readers of text that comes from outside (a raw message given to nodemailer, a typed address):
// each must scan in proportion to the text however many parts, words or separators it holds.
// Counted, not timed (expectLinearScanning), so a busy machine cannot fail them.

/** A multipart body of `n` parts, each with the customer id field in its header. */
function manyParts(n: number): Buffer {
  const part = '--b\r\nContent-Type: text/plain\r\nX-Customer-Id: C-1\r\n\r\nTack.\r\n';
  return Buffer.from(
    `To: a@x.se\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n${part.repeat(n)}--b--\r\n`,
    'latin1',
  );
}

/** Multiparts nested 32 deep (as deep as the walk opens), each level with `n` lines of body. */
function nestedParts(n: number): Buffer {
  let body = `Content-Type: text/plain\r\nX-Customer-Id: C-1\r\n\r\n${'Tack.\r\n'.repeat(n)}`;
  for (let level = 31; level >= 0; level--)
    body = `Content-Type: multipart/mixed; boundary="b${level}"\r\nX-Customer-Id: C-1\r\n\r\n${'Hej.\r\n'.repeat(n)}--b${level}\r\n${body}\r\n--b${level}--\r\n`;
  return Buffer.from(`To: a@x.se\r\n${body}`, 'latin1');
}

describe('removeHeaderFields', () => {
  it('scans a multipart of many parts in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: manyParts,
      run: (raw) => removeHeaderFields(raw, ['X-Customer-Id']),
    });
  });

  it('scans multiparts nested to the 32 levels it opens in linear proportion to their bodies', () => {
    expectLinearScanning({
      n: 200,
      make: nestedParts,
      run: (raw) => removeHeaderFields(raw, ['X-Customer-Id']),
    });
  });
});

describe('utf7WordsAsUtf8', () => {
  it('scans a header of many UTF-7 encoded-words in linear proportion', () => {
    expectLinearScanning({
      n: 500,
      make: (n) =>
        Buffer.from(
          `To: ${'=?utf-7?q?erik.lind+AEA-telia.com?= '.repeat(n)}<a@b.se>\r\nSubject: x\r\n`,
          'latin1',
        ),
      run: utf7WordsAsUtf8,
    });
  });
});

describe('addressShownInLocalPart', () => {
  it.each([
    ['many spoken words with no dotted name', (n: number) => `"${'erik at telia '.repeat(n)}"`],
    ['many bracketed forms', (n: number) => `"${'erik(at)telia[dot] '.repeat(n)}"`],
    ['many percent signs with no dotted name', (n: number) => `"${'a%b '.repeat(n)}"`],
    ['one long word of @ signs', (n: number) => `"${'@'.repeat(n)}"`],
    ['one long unquoted word of percent signs', (n: number) => '%'.repeat(n)],
  ])('scans %s in linear proportion', (_, make) => {
    expectLinearScanning({ n: 2_000, make, run: addressShownInLocalPart });
  });
});
