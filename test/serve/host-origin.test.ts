import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, fixtureServer, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the Host header (DNS rebinding)', () => {
  it('refuses a foreign Host with 421 problem details even without a token', async () => {
    // The trial's case: curl -H 'Host: evil.example:8715' .../v1/holds answered 200 on loopback.
    app = createCheckedServer({ holdStore: fixture.holdStore });
    for (const url of ['/v1/holds', '/holds', '/healthz', '/login']) {
      const response = await app.inject({ method: 'GET', url, headers: { host: 'evil.example:8715' } });
      expect(response.statusCode, url).toBe(421);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 421, field: 'headers.host' });
      expect(response.json().type).toMatch(/docs\/serve\.md#misdirected-request$/);
    }
  });

  it('serves the loopback names and addresses, with or without a port', async () => {
    app = createCheckedServer({ holdStore: fixture.holdStore });
    for (const host of ['localhost:8715', '127.0.0.1:8715', '[::1]:8715', '127.0.0.1', 'LOCALHOST']) {
      const response = await app.inject({ method: 'GET', url: '/v1/holds', headers: { host } });
      expect(response.statusCode, host).toBe(200);
    }
  });

  it('serves the names given in allowedHosts and no others', async () => {
    app = fixtureServer(fixture, { allowedHosts: ['guard.butiken.se'] });
    const allowed = await app.inject({
      method: 'GET',
      url: '/v1/holds',
      headers: { ...auth, host: 'guard.butiken.se:8715' },
    });
    expect(allowed.statusCode).toBe(200);
    const other = await app.inject({
      method: 'GET',
      url: '/v1/holds',
      headers: { ...auth, host: 'butiken.se.evil.example' },
    });
    expect(other.statusCode).toBe(421);
  });
});

describe('the Origin header of a state-changing request', () => {
  it('refuses a POST from another origin with 403 problem details', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { ...auth, host: '127.0.0.1:8715', origin: 'http://evil.example' },
      payload: { entered: TYPO, customerId: 'C-1001' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ status: 403, field: 'headers.origin' });
    expect(response.json().type).toMatch(/docs\/serve\.md#cross-origin$/);
  });

  it('refuses a POST whose Origin is null (a sandboxed page)', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { host: '127.0.0.1:8715', origin: 'null' },
      payload: { token: 'x' },
    });
    expect(response.statusCode).toBe(403);
  });

  it("accepts a POST from the server's own origin and one without an Origin", async () => {
    app = fixtureServer(fixture);
    for (const headers of [{ origin: 'http://127.0.0.1:8715' }, {}]) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/check',
        headers: { ...auth, host: '127.0.0.1:8715', ...headers },
        payload: { entered: TYPO, customerId: 'C-1001' },
      });
      expect(response.statusCode).toBe(200);
    }
  });
});
