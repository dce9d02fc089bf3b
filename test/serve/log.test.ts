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

describe('the icon browsers ask for', () => {
  it('answers /favicon.ico without the token, so no page asks for it in vain', async () => {
    app = fixtureServer(fixture);
    const icon = await app.inject({ method: 'GET', url: '/favicon.ico' });
    expect(icon.statusCode).toBe(204);
  });
});
