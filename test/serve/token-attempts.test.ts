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
