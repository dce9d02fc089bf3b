import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  auth,
  cookiesOf,
  csrfOf,
  fixtureServer,
  form,
  formHeaders,
  GOOD,
  logIn,
  TOKEN,
  TYPO,
} from './support.js';

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
    registerOrderForm: createOrderForm({ scriptDir }),
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

describe('picking an existing customer', () => {
  it('finds customers by name or id for the logged-in page, a few at a time', async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    const headers = { cookie, 'x-csrf-token': csrf };
    const byName = await app.inject({ method: 'GET', url: '/demo/customers?q=svens', headers });
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toEqual({ customers: [{ id: 'C-1001', name: 'Anna Svensson' }] });
    const byId = await app.inject({ method: 'GET', url: '/demo/customers?q=c-2002', headers });
    expect(byId.json()).toEqual({ customers: [{ id: 'C-2002', name: 'Erik Lind' }] });
    // One letter would list the base a page at a time.
    const short = await app.inject({ method: 'GET', url: '/demo/customers?q=a', headers });
    expect(short.json()).toEqual({ customers: [] });
  });

  it("gives the page the picked customer's record, and nothing without the session and its CSRF token", async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    const record = await app.inject({
      method: 'GET',
      url: '/demo/customers/C-1001',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ id: 'C-1001', emails: [GOOD, 'anna@svenssonbygg.se'] });
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'guess' }, auth, {}]) {
      for (const url of ['/demo/customers/C-1001', '/demo/customers?q=anna']) {
        const refused = await app.inject({ method: 'GET', url, headers });
        expect(refused.statusCode).toBe(401);
        expect(refused.body).not.toContain('anna');
      }
    }
    const missing = await app.inject({
      method: 'GET',
      url: '/demo/customers/C-9999',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(missing.statusCode).toBe(404);
  });

  it("writes no customer's record into the page", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('svensson1985');
    expect(page.body).not.toContain('C-1001');
  });
});

describe('the order form without script', () => {
  const post = (server: FastifyInstance, cookie: string, fields: Record<string, string>) =>
    server.inject({
      method: 'POST',
      url: '/demo/check?lang=en',
      headers: formHeaders(cookie),
      payload: form(fields),
    });

  it('answers the posted form with the verdict in the page, the suggestion one click away', async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo?lang=en', headers: { cookie } });
    // The plain form posts to the page's own route, with the session's CSRF token in a field.
    expect(page.body).toContain('action="/demo/check?lang=en"');
    const csrf = csrfOf(page.body);
    const answered = await post(app, cookie, { csrf, customer: 'C-1001', email: TYPO });
    expect(answered.statusCode).toBe(200);
    expect(answered.headers['content-type']).toMatch(/^text\/html/);
    expect(answered.body).toContain('data-action="block"');
    expect(answered.body).toContain('data-code="near-miss"');
    expect(answered.body).toContain(`name="useSuggestion" value="${GOOD}"`);
    // What was typed stays in the form.
    expect(answered.body).toContain(`id="email" name="email" type="email" value="${TYPO}"`);
    const fixed = await post(app, cookie, { csrf, customer: 'C-1001', email: TYPO, useSuggestion: GOOD });
    expect(fixed.body).toContain('data-action="send"');
    expect(fixed.body).toContain(`value="${GOOD}"`);
  });

  it("adds the directory's findings for a new customer given another customer's address", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo?lang=en', headers: { cookie } });
    const answered = await post(app, cookie, {
      csrf: csrfOf(page.body),
      customer: '',
      name: 'Eva Berg',
      email: 'erik.lind@telia.com',
    });
    expect(answered.body).toContain('data-code="belongs-to-other-customer"');
  });

  it('refuses a post without the CSRF token and sends a visitor without a session to the login', async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const forged = await post(app, cookie, { csrf: 'guess', customer: 'C-1001', email: TYPO });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).not.toContain('data-code="near-miss"');
    const anonymous = await post(app, '', { customer: 'C-1001', email: TYPO });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?lang=en&next=%2Fdemo');
  });
});
