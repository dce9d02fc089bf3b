import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, withToken } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Every error is RFC 9457 problem details whose type is a heading of docs/serve.md. */
function expectProblem(
  response: { statusCode: number; headers: Record<string, unknown>; json(): unknown },
  status: number,
  type: string,
) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as { type: string; status: number };
  expect(body.status).toBe(status);
  expect(body.type).toMatch(new RegExp(`docs/serve\\.md#${type}$`));
}

describe('problem details for what Fastify refuses', () => {
  it("answers a query over Node's header limit with 431 problem details, not Fastify's JSON", async () => {
    app = fixtureServer(fixture);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/demo/customers?q=${'a'.repeat(20_000)}`);
    const body = await response.text();
    expectProblem(
      {
        statusCode: response.status,
        headers: { 'content-type': response.headers.get('content-type') },
        json: () => JSON.parse(body),
      },
      431,
      'headers-too-large',
    );
    expect(JSON.parse(body)).toMatchObject({ field: 'headers' });
  });

  it('answers an empty JSON body as invalid-input saying it is empty', async () => {
    app = fixtureServer(fixture);
    const response = await withToken(app, 'POST', '/v1/check', '');
    expectProblem(response, 400, 'invalid-input');
    expect(response.json()).toMatchObject({
      title: 'The request body is empty',
      detail: 'send a JSON object',
      field: 'body',
      errors: [{ field: 'body', message: 'send a JSON object' }],
    });
  });

  it('answers a body that is not JSON as invalid-input saying where it breaks', async () => {
    app = fixtureServer(fixture);
    const response = await withToken(app, 'POST', '/v1/check', '{"entered": "a@b.se",, }');
    expectProblem(response, 400, 'invalid-input');
    const body = response.json();
    expect(body).toMatchObject({ title: 'The request body is not valid JSON', field: 'body' });
    expect(body.detail).toMatch(/at position 21\b/);
    expect(body.errors).toEqual([{ field: 'body', message: body.detail }]);
    const cut = await withToken(app, 'POST', '/v1/check', '{"entered": ');
    expect(cut.json().detail).toMatch(/end of the body/);
  });

  it('answers a __proto__ or constructor.prototype key as invalid-input naming the key', async () => {
    app = fixtureServer(fixture);
    for (const [payload, key] of [
      ['{"__proto__": {"admin": true}, "entered": "a@b.se", "customerId": "C-1001"}', '__proto__'],
      ['{"entered": "a@b.se", "customer": {"id": "x", "\\u005f_proto__": {}}}', 'customer.__proto__'],
      [
        '{"constructor": {"prototype": {"admin": true}}, "entered": "a@b.se", "customerId": "C-1001"}',
        'constructor.prototype',
      ],
    ] as const) {
      const response = await withToken(app, 'POST', '/v1/check', payload);
      expectProblem(response, 400, 'invalid-input');
      expect(response.json(), payload).toMatchObject({
        title: 'The request body has a key that is refused',
        field: `body.${key}`,
        errors: [{ field: `body.${key}` }],
      });
      expect(response.json().detail).toContain('refused');
    }
  });

  it('accepts a discard with Content-Type application/json and no body, and still wants a release body', async () => {
    app = fixtureServer(fixture);
    const headers = { ...auth, 'content-type': 'application/json' };
    const discard = await app.inject({ method: 'POST', url: '/v1/holds/x/discard', headers });
    expectProblem(discard, 404, 'not-found');
    const release = await app.inject({ method: 'POST', url: '/v1/holds/x/release', headers });
    expectProblem(release, 400, 'invalid-input');
    expect(release.json().title).toBe('The request body is empty');
  });

  it('answers an over-long id with 414 problem details', async () => {
    // The trial's case B10: a very long id.
    app = fixtureServer(fixture);
    const response = await withToken(app, 'GET', `/v1/holds/${'a'.repeat(5000)}`);
    expectProblem(response, 414, 'uri-too-long');
    expect(response.json()).toMatchObject({ field: 'params.id' });
  });

  it('answers an unknown route with 404 problem details when the token is given', async () => {
    app = fixtureServer(fixture);
    const response = await withToken(app, 'GET', '/v2/nothing');
    expectProblem(response, 404, 'not-found');
  });

  it('answers an unknown route with 401 without a token, so routes cannot be probed', async () => {
    app = fixtureServer(fixture);
    for (const url of ['/v2/nothing', '/admin', '/v1/holds/x/forward']) {
      const response = await app.inject({ method: 'GET', url });
      expectProblem(response, 401, 'unauthorized');
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
  });
});

describe('the encoding of a JSON body', () => {
  // Real HTTP: the bytes as sent, with the headers as given.
  const post = async (server: FastifyInstance, body: Buffer, headers: Record<string, string>) => {
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    const response = await fetch(`${address}/v1/check`, {
      method: 'POST',
      headers: { ...auth, ...headers },
      body: new Uint8Array(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      json: JSON.parse(text),
    };
  };
  const json = 'application/json';
  const latin1 = Buffer.from('{"entered":"åsa@b.se","customer":{"id":"new"}}', 'latin1');

  it('refuses a body declared in another charset than UTF-8 with 415 saying UTF-8 is required', async () => {
    app = fixtureServer(fixture);
    const answer = await post(app, latin1, { 'content-type': `${json}; charset=iso-8859-1` });
    expect(answer.status).toBe(415);
    expect(answer.type).toMatch(/^application\/problem\+json/);
    expect(answer.json).toMatchObject({ field: 'headers.content-type' });
    expect(answer.json.type).toMatch(/#unsupported-media-type$/);
    expect(answer.json.detail).toContain('UTF-8');
  });

  it('takes charset=utf-8 in any case', async () => {
    app = fixtureServer(fixture);
    const body = Buffer.from('{"entered":"åsa@b.se","customer":{"id":"new"}}', 'utf8');
    const answer = await post(app, body, { 'content-type': `${json}; charset="UTF-8"` });
    expect(answer.status).toBe(200);
  });

  it('answers invalid UTF-8 with 400 naming the byte, never a verdict on a mangled address', async () => {
    app = fixtureServer(fixture);
    const answer = await post(app, latin1, { 'content-type': json });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ field: 'body' });
    // `{"entered":"` is 12 bytes: the Latin-1 å is the 13th, at position 12.
    expect(answer.json.detail).toMatch(/UTF-8.*position 12/);
    expect(JSON.stringify(answer.json)).not.toContain('sa@b.se');
  });

  it('ignores a UTF-8 byte order mark before the JSON (RFC 8259 §8.1)', async () => {
    app = fixtureServer(fixture);
    const body = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from('{"entered":"anna.svensson1985@gmail.com","customerId":"C-1001"}'),
    ]);
    const answer = await post(app, body, { 'content-type': json });
    expect(answer.status).toBe(200);
    expect(answer.json.action).toBe('send');
  });

  it('refuses a compressed body with 415 saying compression is not taken', async () => {
    app = fixtureServer(fixture);
    const { gzipSync } = await import('node:zlib');
    const body = gzipSync(Buffer.from('{"entered":"a@b.se","customer":{"id":"new"}}'));
    const answer = await post(app, body, { 'content-type': json, 'content-encoding': 'gzip' });
    expect(answer.status).toBe(415);
    expect(answer.json).toMatchObject({ field: 'headers.content-encoding' });
    expect(answer.json.detail).toMatch(/compress/);
  });
});
