import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, GOOD, holdOrder, logIn, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the server log', () => {
  it('holds no body, subject or address, also when a request fails', async () => {
    const lines: string[] = [];
    app = fixtureServer(fixture, {
      logger: { level: 'debug', stream: { write: (line) => lines.push(line) } },
    });
    const id = await holdOrder(fixture, TYPO, 'Secret order body 4711');
    await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO, customerId: 'C-1001' },
    });
    await app.inject({
      method: 'POST',
      url: '/v1/check?entered=anna.svensson185%40gmail.com',
      headers: auth,
      payload: { entered: TYPO, customer: { id: 'C-1', emails: TYPO } },
    });
    await app.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: auth,
      payload: { to: ['anna.svensson19855@gmail.com'], by: 'lena@butiken.se', reason: 'read back' },
    });
    await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: auth,
      payload: { to: [GOOD], by: 'lena@butiken.se', reason: 'read back' },
    });
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(8);
    expect(log).toContain('/v1/check');
    expect(log).toContain(id);
    for (const secret of [
      'gmail.com',
      'svensson',
      '%40',
      'Orderbekr',
      'Secret order',
      'butiken',
      'read back',
    ])
      expect(log, secret).not.toContain(secret);
  });

  it('names the route a request took by its pattern, not the customer or message it named', async () => {
    const lines: string[] = [];
    app = fixtureServer(fixture, {
      logger: { level: 'info', stream: { write: (line) => lines.push(line) } },
      registerOrderForm: createOrderForm({ scriptDir: fixture.dir }),
    });
    const { script } = await logIn(app);
    await app.inject({ method: 'GET', url: '/demo/customers?q=C-1001', headers: script });
    const record = await app.inject({ method: 'GET', url: '/demo/customers/C-1001', headers: script });
    expect(record.statusCode).toBe(200);
    await app.inject({ method: 'GET', url: '/v1/holds/C-1001', headers: auth });
    const log = lines.join('');
    expect(log).toContain('"path":"/demo/customers/:id"');
    expect(log).toContain('"path":"/v1/holds/:id"');
    expect(log).not.toContain('C-1001');
  });
});

describe('the log of paths no route matched', () => {
  it("writes only their first segment, when it is a route's, so no address or customer id reaches it", async () => {
    const lines: string[] = [];
    app = fixtureServer(fixture, {
      logger: { level: 'info', stream: { write: (line) => lines.push(line) } },
      registerOrderForm: createOrderForm({ scriptDir: fixture.dir }),
    });
    const { script } = await logIn(app);
    const paths = [
      '/v1/customers/anna.svensson1985@gmail.com',
      '/holds/erik.lind@telia.com/x',
      '/anna.svensson1985@gmail.com',
      '/erik.lind%40telia.com/orders',
      '/demo/customers/C-1001/erik.lind@telia.com',
    ];
    for (const url of paths) {
      // Refused (no token: 401), unmatched with the token (404) and with a session (404).
      await app.inject({ method: 'GET', url });
      await app.inject({ method: 'GET', url, headers: auth });
      await app.inject({ method: 'GET', url, headers: script });
      await app.inject({
        method: 'POST',
        url,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: {},
      });
    }
    // Routes that matched but refused the request name their pattern only.
    await app.inject({ method: 'GET', url: '/v1/holds/erik.lind@telia.com' });
    await app.inject({ method: 'GET', url: `/v1/holds/${'erik.lind@telia.com'.repeat(10)}`, headers: auth });
    const log = lines.join('');
    expect(log).toContain('"path":"/v1/…"');
    expect(log).toContain('"path":"/holds/…"');
    expect(log).toContain('"path":"/…"');
    expect(log).toContain('"statusCode":401');
    expect(log).toContain('"statusCode":404');
    for (const secret of ['@', '%40', 'svensson', 'telia', 'erik', 'C-1001', 'customers/'])
      expect(log, secret).not.toContain(secret);
  });
});

describe('the icon browsers ask for', () => {
  it('answers /favicon.ico without the token, so no page asks for it in vain', async () => {
    app = fixtureServer(fixture);
    const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(icon.statusCode).toBe(204);
  });
});
