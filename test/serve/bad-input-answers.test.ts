import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, GOOD, holdOrder, TYPO } from './support.js';

// A trial before going live: a lone surrogate in `entered` was checked and echoed back in a 200,
// which strict JSON readers refuse, and one 400 came without the `detail` every other one has.

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

// A UTF-16 code unit of half a pair with no other half: no character (Unicode §3.9, D76), and
// JSON text that holds it is refused by strict readers (RFC 8259 §8.2).
const LONE_SURROGATE = /\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|[\uD800-\uDFFF]/;

describe('a JSON body with a lone surrogate', () => {
  it('is refused with 400 naming the field, never checked nor echoed', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"entered":"${GOOD}\\ud800","customerId":"C-1001"}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(LONE_SURROGATE);
    const answer = response.json();
    expect(answer.field).toBe('body.entered');
    expect(answer.detail).toMatch(/surrogate/);
    expect(answer.errors).toEqual([{ field: 'body.entered', message: answer.detail }]);
  });

  it('is named by its path in a nested key as well', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"entered":"${GOOD}","customer":{"id":"C-1001","name":"Anna \\udc00"}}`,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('body.customer.name');
    expect(response.body).not.toMatch(LONE_SURROGATE);
  });

  it('is taken when the surrogates pair up into one character', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: `{"entered":"${GOOD}","customer":{"id":"C-1001","name":"Anna \\ud83d\\ude00"}}`,
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('a release whose corrected recipients cannot be read', () => {
  it('says why in detail and errors, as every invalid-input answer does', async () => {
    app = fixtureServer(fixture);
    const id = await holdOrder(fixture, TYPO);
    const response = await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: auth,
      payload: { to: ['anna.svensson1985@'], by: 'lena@butiken.se', reason: 'read back' },
    });
    expect(response.statusCode).toBe(400);
    const answer = response.json();
    expect(answer.title).toBe('The corrected recipients cannot be read');
    expect(answer.errors.length).toBeGreaterThan(0);
    expect(answer.detail).toContain(answer.errors[0].message);
    expect(fixture.sink.received).toEqual([]);
  });
});
