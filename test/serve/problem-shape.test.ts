import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, GOOD, holdOrder, holdsDir, logIn, TYPO, withToken } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** The shape docs/serve.md promises every problem: `errors` always an array, `field` when named. */
function expectShape(response: LightMyRequestResponse, status: number, field: string | undefined) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as { field?: string; errors?: unknown };
  expect(Array.isArray(body.errors), `errors of ${status}: ${response.body}`).toBe(true);
  if (field === undefined) return;
  expect(body.field).toBe(field);
  expect(body.errors).toContainEqual(expect.objectContaining({ field }));
}

describe('the shape of every problem answer', () => {
  it('carries errors on 401, 403, 404, 409, 413, 415 and 421, and field where one is at fault', async () => {
    const server = fixtureServer(fixture, { bodyLimit: 1024 });
    app = server;
    const json = { ...auth, 'content-type': 'application/json' };
    expectShape(
      await server.inject({
        method: 'POST',
        url: '/v1/check',
        payload: { entered: GOOD, customerId: 'C-1001' },
      }),
      401,
      'headers.authorization',
    );
    expectShape(
      await server.inject({
        method: 'POST',
        url: '/v1/check',
        headers: { ...json, origin: 'https://evil.example' },
        payload: { entered: GOOD, customerId: 'C-1001' },
      }),
      403,
      'headers.origin',
    );
    expectShape(await withToken(server, 'GET', '/v1/holds/nope'), 404, 'params.id');
    expectShape(await withToken(server, 'GET', '/v1/nothing-here'), 404, 'path');
    expectShape(
      await withToken(server, 'POST', '/v1/check-phone', { entered: '070', customerId: 'C-404' }),
      404,
      'body.customerId',
    );
    expectShape(
      await withToken(server, 'POST', '/v1/check', { entered: 'x'.repeat(2000), customerId: 'C-1001' }),
      413,
      'body',
    );
    expectShape(
      await server.inject({
        method: 'POST',
        url: '/v1/check',
        headers: { ...auth, 'content-type': 'text/plain' },
        payload: 'a@b.se',
      }),
      415,
      'headers.content-type',
    );
    expectShape(
      await server.inject({ method: 'GET', url: '/v1/holds', headers: { ...auth, host: 'evil.example' } }),
      421,
      'headers.host',
    );
    const id = await holdOrder(fixture, TYPO);
    writeFileSync(join(holdsDir(fixture), `${id}.lock`), '');
    expectShape(
      await withToken(server, 'POST', `/v1/holds/${id}/release`, {
        to: GOOD,
        by: 'lena',
        reason: 'read back',
      }),
      409,
      'params.id',
    );
  });

  it("answers the order form's missing script and its spent searches and checks with the same shape", async () => {
    const scriptDir = join(fixture.dir, 'order-form');
    mkdirSync(scriptDir, { recursive: true });
    writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
    const server = fixtureServer(fixture, {
      registerOrderForm: createOrderForm({ scriptDir, searchBudget: { searches: 1, refillMs: 600_000 } }),
      sessionCheckLimit: { checks: 1, refillMs: 600_000 },
    });
    app = server;
    const { cookie, script } = await logIn(server);
    const missing = await server.inject({ method: 'GET', url: '/demo/nothing.js', headers: { cookie } });
    expectShape(missing, 404, 'params.script');
    expect(missing.json()).toMatchObject({
      type: expect.stringMatching(/#not-found$/),
      title: expect.any(String),
    });
    const search = (q: string) =>
      server.inject({ method: 'GET', url: `/demo/customers?q=${q}`, headers: script });
    expect((await search('svens')).statusCode).toBe(200);
    const spent = await search('lind');
    expectShape(spent, 429, 'query.q');
    expect(spent.json()).toMatchObject({
      type: expect.stringMatching(/#too-many-requests$/),
      detail: expect.any(String),
    });
    const check = { entered: GOOD, customer: { id: 'new', name: 'Ny Kund' } };
    const post = () => server.inject({ method: 'POST', url: '/v1/check', headers: script, payload: check });
    expect((await post()).statusCode).toBe(200);
    const checks = await post();
    expectShape(checks, 429, undefined);
    expect(checks.json()).toMatchObject({
      type: expect.stringMatching(/#too-many-requests$/),
      detail: expect.any(String),
    });
  });

  it('names a query field query.*, as the docs do', async () => {
    app = fixtureServer(fixture);
    const response = await withToken(app, 'GET', '/v1/holds?locale=de');
    expectShape(response, 400, 'query.locale');
    expect(response.body).not.toContain('querystring');
  });

  it('answers GET on a POST route 405 with Allow: POST', async () => {
    app = fixtureServer(fixture);
    for (const url of ['/v1/check', '/v1/check-phone']) {
      const response = await withToken(app, 'GET', url);
      expectShape(response, 405, 'method');
      expect(response.headers.allow).toBe('POST');
    }
    // Without the token the route is not named, as for any other.
    const anonymous = await app.inject({ method: 'GET', url: '/v1/check' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a JSON body with a key given twice, naming the key', async () => {
    app = fixtureServer(fixture);
    const response = await withToken(
      app,
      'POST',
      '/v1/check',
      `{"entered": "${TYPO}", "customerId": "C-1001", "customer": {"id": "x", "emails": [], "emails": ["${GOOD}"]}, "entered": "${GOOD}"}`,
    );
    expectShape(response, 400, 'body.customer.emails');
    expect(response.json().title).toMatch(/twice/);
    const spelled = await withToken(
      app,
      'POST',
      '/v1/check',
      `{"entered": "a@b.se", "\\u0065ntered": "c@d.se", "customerId": "C-1001"}`,
    );
    expectShape(spelled, 400, 'body.entered');
  });

  it('answers a JSON body on a page route 415, however valid its CSRF token', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server);
    const response = await server.inject({
      method: 'POST',
      url: `/holds/${id}/release`,
      headers: { cookie, 'content-type': 'application/json' },
      payload: { to: GOOD, reason: 'read back', csrf },
    });
    expect(response.statusCode).toBe(415);
    expect(fixture.sink.received).toHaveLength(0);
    for (const url of ['/login', '/logout', `/holds/${id}/discard`]) {
      const other = await server.inject({
        method: 'POST',
        url,
        headers: { cookie, 'content-type': 'application/json' },
        payload: { csrf },
      });
      expect(other.statusCode, url).toBe(415);
    }
    const list = await withToken(server, 'GET', '/v1/holds');
    expect(list.json().held).toHaveLength(1);
  });
});
