import { isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeJsonBody } from '../../src/serve/decode-json-body.js';
import { JsonBodyError } from '../../src/serve/parse-json-body.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, TYPO } from './support.js';

const fixture = usePipelineFixture();

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
  it('reads the charset as RFC 9110 writes it: quoted, escaped, in any case, among other parameters', () => {
    const body = Buffer.from('{}');
    for (const contentType of [
      'application/json; charset="UTF-8"',
      'application/json; charset=UTF-8',
      'Application/JSON; Charset="utf-8"',
      'application/json;\tcharset=utf-8',
      'application/json; charset="utf\\-8"',
      'application/json; profile="https://example.com/a;charset=latin1"; charset=utf-8',
      'application/json; version=2; charset=utf-8; q=0.5',
    ])
      expect(decodeJsonBody(body, { contentType }), contentType).toBe('{}');
    for (const contentType of [
      'application/json; charset="ISO-8859-1"',
      'application/json; version=2; CHARSET=windows-1252',
      'application/json; profile="a;b"; charset="utf-16"',
    ])
      expect(() => decodeJsonBody(body, { contentType }), contentType).toThrow(
        expect.objectContaining({ statusCode: 415, field: 'headers.content-type' }),
      );
  });

  it('refuses a Content-Type that is not a media type, or whose charset cannot be read, with 415', () => {
    for (const contentType of [
      'json',
      'application/json garbage; charset=utf-8',
      '/; charset=utf-8',
      ';charset=utf-8',
      'application/json; charset="windows-1252',
      'application/json; charset; version=2',
    ])
      expect(() => decodeJsonBody(Buffer.from('{}'), { contentType }), contentType).toThrow(
        expect.objectContaining({ statusCode: 415, field: 'headers.content-type' }),
      );
  });
});

describe('the API with a malformed Content-Type', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('answers 415 naming the header, or reads the body as UTF-8, and never fails with 500', async () => {
    app = fixtureServer(fixture);
    const payload = JSON.stringify({ entered: TYPO, customerId: 'C-1001' });
    for (const [contentType, status] of [
      ['application/json; charset="utf-8', 415],
      ['application/json; charset', 415],
      ['application/json; =utf-8', 200],
      ['application/json;;; charset=utf-8;', 200],
      ['application/json; charset="windows-1252', 415],
      ['application/json; charset=', 415],
      ['application/json, text/plain', 415],
      ['application/', 415],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/check',
        headers: { ...auth, 'content-type': contentType },
        payload,
      });
      expect(response.statusCode, contentType).toBe(status);
      if (status === 415)
        expect(response.json(), contentType).toMatchObject({ field: 'headers.content-type' });
    }
  });
});
