import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { sameSecret } from '../../src/serve/same-secret.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const check = (server: FastifyInstance, authorization: string, remoteAddress = '192.0.2.7') =>
  server.inject({
    method: 'POST',
    url: '/v1/check',
    remoteAddress,
    headers: { authorization, 'content-type': 'application/json' },
    payload: { entered: TYPO, customerId: 'C-1001' },
  });

describe('wrong bearer tokens', () => {
  it('answers wrong tokens from one address past ten in a row with 429 and Retry-After, the right one too', async () => {
    app = fixtureServer(fixture);
    for (let attempt = 0; attempt < 10; attempt++)
      expect((await check(app, `Bearer guess-${attempt}`)).statusCode, `attempt ${attempt}`).toBe(401);
    const refused = await check(app, 'Bearer guess-10');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, field: 'headers.authorization' });
    expect(refused.json().type).toMatch(/docs\/serve\.md#too-many-requests$/);
    // Not even the right token is tried from that address now: else the guessing goes on.
    expect((await check(app, auth.authorization)).statusCode).toBe(429);
    // An unknown route tells a right token from a wrong one (404 or 401): limited alike.
    const probe = await app.inject({
      method: 'GET',
      url: '/v2/nothing',
      remoteAddress: '192.0.2.7',
      headers: { authorization: 'Bearer guess' },
    });
    expect(probe.statusCode).toBe(429);
    // Another address is not held up.
    expect((await check(app, auth.authorization, '192.0.2.8')).statusCode).toBe(200);
  });

  it('does not count the right token, nor a request without any', async () => {
    app = fixtureServer(fixture);
    for (let attempt = 0; attempt < 20; attempt++) {
      expect((await check(app, auth.authorization)).statusCode).toBe(200);
      const none = await app.inject({ method: 'GET', url: '/v1/holds', remoteAddress: '192.0.2.7' });
      expect(none.statusCode).toBe(401);
    }
  });

  it('compares tokens by their SHA-256 digests, whatever their lengths', () => {
    // sameSecret hashes both sides before timingSafeEqual, which throws on unequal lengths: a
    // comparison of a 1-character and a 1000-character secret returning false shows it did.
    expect(sameSecret('a', 'b'.repeat(1000))).toBe(false);
    expect(sameSecret('b'.repeat(1000), 'b'.repeat(1000))).toBe(true);
  });
});

describe('behind a proxy', () => {
  // Real HTTP from 127.0.0.1, the proxy's address here; each caller named in X-Forwarded-For.
  const listening = async (server: FastifyInstance) => {
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as { port: number };
    return (authorization: string, forwardedFor: string) =>
      fetch(`http://127.0.0.1:${port}/v1/check`, {
        method: 'POST',
        headers: {
          authorization,
          'content-type': 'application/json',
          'x-forwarded-for': forwardedFor,
        },
        body: JSON.stringify({ entered: TYPO, customerId: 'C-1001' }),
      });
  };

  it('counts wrong tokens per proxy address without trustProxy, so one caller locks out all', async () => {
    app = fixtureServer(fixture, { tokenLimit: { attempts: 3 } });
    const send = await listening(app);
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await send(`Bearer guess-${attempt}`, `198.51.100.${attempt}`)).status).toBe(401);
    // X-Forwarded-For from an address not trusted is not read: everyone shares the proxy's limit.
    expect((await send(auth.authorization, '198.51.100.200')).status).toBe(429);
  });

  it('counts wrong tokens per caller named in X-Forwarded-For by a trusted proxy', async () => {
    app = fixtureServer(fixture, { tokenLimit: { attempts: 3 }, trustProxy: ['127.0.0.1'] });
    const send = await listening(app);
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await send(`Bearer guess-${attempt}`, '198.51.100.7')).status).toBe(401);
    expect((await send(auth.authorization, '198.51.100.7')).status).toBe(429);
    // Another caller behind the same proxy is not held up.
    expect((await send(auth.authorization, '198.51.100.8')).status).toBe(200);
  });

  it('reads X-Forwarded-For only from the addresses trusted', async () => {
    app = fixtureServer(fixture, { tokenLimit: { attempts: 3 }, trustProxy: ['10.0.0.1'] });
    const send = await listening(app);
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await send(`Bearer guess-${attempt}`, `198.51.100.${attempt}`)).status).toBe(401);
    expect((await send(auth.authorization, '198.51.100.200')).status).toBe(429);
  });
});
