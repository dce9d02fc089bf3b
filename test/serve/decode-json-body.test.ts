import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJsonBody } from '../../src/serve/decode-json-body.js';
import { JsonBodyError } from '../../src/serve/parse-json-body.js';

const positionOf = (bytes: Buffer): number | undefined => {
  try {
    decodeJsonBody(bytes, {});
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(JsonBodyError);
    return Number(/position (\d+)/.exec((error as JsonBodyError).detail)?.[1]);
  }
};

describe('decodeJsonBody', () => {
  it('names the first byte where the body stops being UTF-8: everything before it is, nothing past it is', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (array) => {
        const bytes = Buffer.from(array);
        // A leading byte order mark is dropped, and positions count from the first byte sent.
        fc.pre(!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf));
        const position = positionOf(bytes);
        if (isUtf8(bytes)) {
          expect(position).toBeUndefined();
          return;
        }
        expect(position).toBeDefined();
        const at = position as number;
        expect(isUtf8(bytes.subarray(0, at))).toBe(true);
        for (let more = 1; at + more <= bytes.length && more <= 4; more++)
          expect(isUtf8(bytes.subarray(0, at + more))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes no charset, utf-8 and utf8, and refuses any other with 415', () => {
    const body = Buffer.from('{}');
    for (const contentType of [
      'application/json',
      'application/json; charset=utf-8',
      'application/json;charset=UTF8',
    ])
      expect(decodeJsonBody(body, { contentType })).toBe('{}');
    expect(() => decodeJsonBody(body, { contentType: 'application/json; charset=windows-1252' })).toThrow(
      expect.objectContaining({ statusCode: 415, field: 'headers.content-type' }),
    );
    expect(decodeJsonBody(body, { contentEncoding: 'identity' })).toBe('{}');
    expect(() => decodeJsonBody(body, { contentEncoding: 'br' })).toThrow(
      expect.objectContaining({ statusCode: 415, field: 'headers.content-encoding' }),
    );
  });
});
