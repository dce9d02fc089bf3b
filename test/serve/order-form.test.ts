import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { auth, cookiesOf, csrfOf, fixtureServer, form, formHeaders, logIn, TOKEN, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A server with the order form, its script folder holding a stand-in for the built script. */
function formServer() {
  const scriptDir = join(fixture.dir, 'order-form');
  mkdirSync(scriptDir, { recursive: true });
  writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
  return fixtureServer(fixture, {
    registerOrderForm: createOrderForm({ customers: Object.values(customers), scriptDir }),
  });
}

const check = { entered: TYPO, customerId: 'C-1001' };

describe('the order form behind the login', () => {
  it('sends a visitor without a session to the login form, and back to the form after it', async () => {
    app = formServer();
    const page = await app.inject({ method: 'GET', url: '/demo?lang=sv' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?lang=sv&next=%2Fdemo');
    const loginPage = await app.inject({ method: 'GET', url: '/login?lang=sv&next=%2Fdemo' });
    expect(loginPage.body).toContain('action="/login?lang=sv&amp;next=%2Fdemo"');
    const posted = await app.inject({
      method: 'POST',
      url: '/login?lang=sv&next=%2Fdemo',
      headers: formHeaders(cookiesOf(loginPage)),
      payload: form({ csrf: csrfOf(loginPage.body), name: 'lena', token: TOKEN }),
    });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/demo?lang=sv');
  });

  it("refuses the page's check with the session cookie but no CSRF header", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { cookie },
      payload: check,
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ status: 401, field: 'headers.x-csrf-token' });
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { cookie, 'x-csrf-token': 'guess' },
      payload: check,
    });
    expect(wrong.statusCode).toBe(401);
  });

  it("accepts the page's check with the session cookie and the CSRF token the page carries", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const csrf = /data-csrf="([^"]+)"/.exec(page.body)?.[1];
    expect(csrf).toBeTruthy();
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { cookie, 'x-csrf-token': csrf as string },
      payload: check,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().action).toBe('block');
  });

  it('keeps accepting the bearer token from other systems, and refuses the session on the hold routes', async () => {
    app = formServer();
    const bearer = await app.inject({ method: 'POST', url: '/v1/check', headers: auth, payload: check });
    expect(bearer.statusCode).toBe(200);
    const { cookie, csrf } = await logIn(app);
    const holds = await app.inject({
      method: 'GET',
      url: '/v1/holds',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(holds.statusCode).toBe(401);
  });
});
