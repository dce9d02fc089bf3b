import type { AddressInfo } from 'node:net';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, fixtureDirectory, fixtureServer, GOOD, holdOrder, TOKEN, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('POST /v1/check', () => {
  it("blocks a missing digit of the customer id's known address and suggests it", async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO, customerId: 'C-1001' },
    });
    expect(response.statusCode).toBe(200);
    const verdict = response.json();
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe(GOOD);
    expect(verdict.findings[0]).toMatchObject({ code: 'near-miss', known: GOOD });
  });

  it('checks against a customer record sent with the request, in Swedish when asked', async () => {
    app = createCheckedServer({ token: TOKEN });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO, customer: { id: 'C-9', emails: [GOOD] }, locale: 'sv' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().findings[0].message).toMatch(/saknas|stavfel|skrivfel/i);
  });

  it('answers a send verdict with the spelling to send to (NFC, RFC 6532)', async () => {
    app = createCheckedServer({ token: TOKEN });
    const stored = 'åke.lofgren@telia.com';
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: stored.normalize('NFD').toUpperCase(), customer: { id: 'C-9', emails: [stored] } },
    });
    expect(response.statusCode).toBe(200);
    const verdict = response.json();
    expect(verdict.action).toBe('send');
    expect(verdict.sendTo?.normalize('NFC')).toBe(verdict.sendTo);
    expect(verdict.sendTo?.toLowerCase()).toBe(stored);
  });

  it('names the field of a request that breaks the schema, as problem details', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO, customer: { id: 'C-1', emails: 'not-a-list' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = response.json();
    expect(body).toMatchObject({ status: 400, field: 'body.customer.emails' });
    expect(body.type).toMatch(/docs\/serve\.md#invalid-input$/);
  });

  it('asks for exactly one of customer and customerId', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().field).toBe('body.customer');
  });

  it('answers a body that is not JSON with problem details', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { ...auth, 'content-type': 'application/json' },
      payload: '{"entered": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('refuses a form-encoded or plain-text body with 415: the API takes JSON only', async () => {
    app = fixtureServer(fixture);
    for (const [type, payload] of [
      ['application/x-www-form-urlencoded', `entered=${encodeURIComponent(TYPO)}&customerId=C-1001`],
      ['text/plain', JSON.stringify({ entered: TYPO, customerId: 'C-1001' })],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/check',
        headers: { ...auth, 'content-type': type },
        payload,
      });
      expect(response.statusCode, type).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json()).toMatchObject({ status: 415, field: 'headers.content-type' });
      expect(response.json().type).toMatch(/docs\/serve\.md#unsupported-media-type$/);
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    app = fixtureServer(fixture, { bodyLimit: 1024 });
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: auth,
      payload: { entered: TYPO, customer: { id: 'C-1', name: 'x'.repeat(2000) } },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, field: 'body' });
  });
});

describe('the token', () => {
  it('is required for every route but /healthz', async () => {
    app = fixtureServer(fixture);
    const routes: [string, string][] = [
      ['POST', '/v1/check'],
      ['POST', '/v1/check-phone'],
      ['GET', '/v1/holds'],
      ['GET', '/v1/holds/x'],
      ['POST', '/v1/holds/x/release'],
      ['POST', '/v1/holds/x/discard'],
      ['GET', '/openapi.json'],
    ];
    for (const [method, url] of routes) {
      const response = await app.inject({
        method: method as 'GET',
        url,
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(response.json().field).toBe('headers.authorization');
    }
    const health = await app.inject({ method: 'GET', url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok' });
  });

  it('is refused when wrong, also when it only shares a prefix', async () => {
    app = fixtureServer(fixture);
    for (const value of [`Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN]) {
      const response = await app.inject({
        method: 'GET',
        url: '/v1/holds',
        headers: { authorization: value },
      });
      expect(response.statusCode, value).toBe(401);
    }
  });
});

describe('POST /v1/check-phone', () => {
  it("blocks a missing digit of the customer's known number", async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check-phone',
      headers: auth,
      payload: { entered: '070-123 567', customerId: 'C-1001' },
    });
    expect(response.statusCode).toBe(200);
    // The directory keeps numbers in E.164 (ITU-T E.164), so the suggestion is the stored form.
    expect(response.json()).toMatchObject({ action: 'block', suggestion: '+46701234567' });
  });

  it('answers 404 naming customerId for a customer the directory does not know', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check-phone',
      headers: auth,
      payload: { entered: '070-123 45 67', customerId: 'C-404' },
    });
    expect(response.statusCode).toBe(404);
    expect(response.json().field).toBe('body.customerId');
  });
});

describe('GET /openapi.json', () => {
  it('describes every API route from the zod schemas', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({ method: 'GET', url: '/openapi.json', headers: auth });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths).sort()).toEqual([
      '/healthz',
      '/v1/check',
      '/v1/check-phone',
      '/v1/holds',
      '/v1/holds/{id}',
      '/v1/holds/{id}/discard',
      '/v1/holds/{id}/release',
      '/v1/verifications',
      '/v1/verifications/confirm',
      '/v1/verifications/confirm-token',
    ]);
    const body = document.paths['/v1/check'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['entered', 'customer', 'customerId']),
    );
    expect(body.properties.customer.properties.emails.type).toBe('array');
  });
});

describe('GET /openapi.json for a generated client', () => {
  it('says a check takes exactly one of customer and customerId', async () => {
    app = fixtureServer(fixture);
    const document = (await app.inject({ method: 'GET', url: '/openapi.json', headers: auth })).json();
    const ajv = new Ajv2020({ strict: false });
    for (const path of ['/v1/check', '/v1/check-phone']) {
      const validate = ajv.compile(document.paths[path].post.requestBody.content['application/json'].schema);
      const customer = { id: 'C-9', emails: [GOOD] };
      expect(validate({ entered: TYPO, customerId: 'C-1001' }), path).toBe(true);
      expect(validate({ entered: TYPO, customer }), path).toBe(true);
      expect(validate({ entered: TYPO }), `${path} without either`).toBe(false);
      expect(validate({ entered: TYPO, customer, customerId: 'C-1001' }), `${path} with both`).toBe(false);
    }
  });
});

describe('GET /openapi.json against what the server sends', () => {
  it('declares every error as application/problem+json, with the statuses any route may answer', async () => {
    app = fixtureServer(fixture);
    const document = (await app.inject({ method: 'GET', url: '/openapi.json', headers: auth })).json();
    for (const [path, operations] of Object.entries(document.paths as Record<string, object>))
      for (const [method, operation] of Object.entries(operations as Record<string, { responses: object }>)) {
        const responses = operation.responses as Record<string, { content?: Record<string, unknown> }>;
        const where = `${method.toUpperCase()} ${path}`;
        for (const [status, response] of Object.entries(responses))
          if (Number(status) >= 400)
            expect(Object.keys(response.content ?? {}), `${where} ${status}`).toEqual([
              'application/problem+json',
            ]);
        const statuses = Object.keys(responses);
        // What the server answers before a route's own code: the Host check, a wrong or missing
        // token (not on the health check), too many wrong tokens, and its own failure.
        expect(statuses, where).toEqual(expect.arrayContaining(['421', '500']));
        if (path !== '/healthz') expect(statuses, where).toEqual(expect.arrayContaining(['401', '429']));
        if (method === 'post')
          expect(statuses, where).toEqual(expect.arrayContaining(['400', '403', '413', '415']));
        if (path.includes('{id}')) expect(statuses, where).toEqual(expect.arrayContaining(['414']));
      }
  });

  it('gives the hold id the one length limit the router keeps', async () => {
    app = fixtureServer(fixture);
    const document = (await app.inject({ method: 'GET', url: '/openapi.json', headers: auth })).json();
    const [id] = document.paths['/v1/holds/{id}'].get.parameters.filter(
      (p: { in: string }) => p.in === 'path',
    );
    expect(id.schema.maxLength).toBe(100);
    expect(
      (await app.inject({ method: 'GET', url: `/v1/holds/${'a'.repeat(100)}`, headers: auth })).statusCode,
    ).toBe(404);
    const over = await app.inject({ method: 'GET', url: `/v1/holds/${'a'.repeat(101)}`, headers: auth });
    expect(over.statusCode).toBe(414);
    expect(over.json().detail).toBe('at most 100 characters');
  });
});

describe('the hold routes', () => {
  it('list and show a held message with its findings, headers and body text', async () => {
    app = fixtureServer(fixture);
    const id = await holdOrder(fixture, TYPO, 'Tack för din beställning <b>4711</b>.');
    const list = await app.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(list.statusCode).toBe(200);
    const [held] = list.json().held;
    expect(held).toMatchObject({ id, action: 'block', state: 'held', age: '0 min' });
    expect(held.recipients[0].verdict.suggestion).toBe(GOOD);
    const show = await app.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    expect(show.statusCode).toBe(200);
    expect(show.json()).toMatchObject({ id, subject: 'Orderbekräftelse <4711>' });
    expect(show.json().headers).toContainEqual({ name: 'Subject', value: 'Orderbekräftelse <4711>' });
    expect(show.json().text).toContain('Tack för din beställning <b>4711</b>.');
  });

  it('answer 404 for an id the store does not have', async () => {
    app = fixtureServer(fixture);
    for (const url of [
      '/v1/holds/nope',
      '/v1/holds/20260101T000000000Z-00000000-0000-0000-0000-000000000000',
    ]) {
      const response = await app.inject({ method: 'GET', url, headers: auth });
      expect(response.statusCode, url).toBe(404);
      expect(response.json().field).toBe('params.id');
    }
  });

  it('release a blocked message only to corrected recipients that pass the check', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const release = (payload: object) =>
      server.inject({ method: 'POST', url: `/v1/holds/${id}/release`, headers: auth, payload });
    const without = await release({ by: 'lena@butiken.se', reason: 'read back' });
    expect(without.statusCode).toBe(400);
    expect(without.json().field).toBe('body.to');
    const typo = await release({
      to: ['anna.svensson19855@gmail.com'],
      by: 'lena@butiken.se',
      reason: 'read back',
    });
    expect(typo.statusCode).toBe(422);
    const noBy = await release({ to: [GOOD], reason: 'read back' });
    expect(noBy.statusCode).toBe(400);
    expect(noBy.json().field).toBe('body.by');
    expect(fixture.sink.received).toHaveLength(0);
    const good = await release({ to: [GOOD], by: 'lena@butiken.se', reason: 'read back on the phone' });
    expect(good.statusCode).toBe(200);
    expect(good.json()).toMatchObject({ id, envelope: { to: [GOOD] } });
    expect(fixture.sink.received.map((mail) => mail.to)).toEqual([[GOOD]]);
    const released = fixture.audit.entries.find((entry) => entry.outcome === 'released');
    expect(released).toMatchObject({
      holdId: id,
      release: { by: 'lena@butiken.se', reason: 'read back on the phone' },
    });
  });

  it("refuses a release to another customer's address, and to a new address unless confirmNew says so", async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const release = (payload: object) =>
      server.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: auth,
        payload: { by: 'lena@butiken.se', reason: 'read back', ...payload },
      });
    expect((await release({ to: ['erik.lind@telia.com'], confirmNew: true })).statusCode).toBe(422);
    expect((await release({ to: ['stranger@example.com'] })).statusCode).toBe(422);
    expect(fixture.sink.received).toHaveLength(0);
    const confirmed = await release({ to: ['stranger@example.com'], confirmNew: true });
    expect(confirmed.statusCode).toBe(200);
    expect(fixture.sink.received.map((mail) => mail.to)).toEqual([['stranger@example.com']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released',
      release: { confirmNew: true },
    });
  });

  it('releases a message held for an address new to the customer, kept as held, only with confirmNew', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, 'anna.s@outlook.com');
    const release = (payload: object) =>
      server.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: auth,
        payload: { by: 'lena@butiken.se', reason: 'read back', ...payload },
      });
    const kept = await release({});
    expect(kept.statusCode).toBe(422);
    expect(kept.json().title).toContain('confirmNew');
    expect(kept.json().detail).toContain('unverified-address');
    expect(fixture.sink.received).toHaveLength(0);
    const confirmed = await release({ confirmNew: true });
    expect(confirmed.statusCode).toBe(200);
    expect(fixture.sink.received.map((mail) => mail.to)).toEqual([['anna.s@outlook.com']]);
    expect(fixture.audit.entries.at(-1)).toMatchObject({
      outcome: 'released',
      release: { confirmNew: true },
    });
  });

  it("refuses to release, uncorrected, a held message whose recipient is another customer's address", async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, 'erik.lind@telia.com');
    const response = await server.inject({
      method: 'POST',
      url: `/v1/holds/${id}/release`,
      headers: auth,
      payload: { by: 'lena@butiken.se', reason: 'read back' },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().detail).toContain('belongs-to-other-customer');
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('release a message exactly once when two requests race', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const release = () =>
      server.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: auth,
        payload: { to: GOOD, by: 'lena@butiken.se', reason: 'read back' },
      });
    const answers = await Promise.all([release(), release(), release()]);
    const codes = answers.map((answer) => answer.statusCode).sort();
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    for (const code of codes.filter((code) => code !== 200)) expect([404, 409]).toContain(code);
    expect(fixture.sink.received).toHaveLength(1);
    const list = await app.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(list.json().held).toEqual([]);
  });

  it('discard a held message, and then know it no more', async () => {
    app = fixtureServer(fixture);
    const id = await holdOrder(fixture, TYPO);
    const first = await app.inject({ method: 'POST', url: `/v1/holds/${id}/discard`, headers: auth });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ id, discarded: true });
    const again = await app.inject({ method: 'POST', url: `/v1/holds/${id}/discard`, headers: auth });
    expect(again.statusCode).toBe(404);
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('answer 503 when the server has no hold store', async () => {
    app = createCheckedServer({ token: TOKEN, directory: fixtureDirectory() });
    const response = await app.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(response.statusCode).toBe(503);
    expect(response.json().detail).toMatch(/--holds/);
  });
});

describe('a real listen on 127.0.0.1', () => {
  it('releases a held message raced by two fetches exactly once to the SMTP server', async () => {
    const server = fixtureServer(fixture);
    app = server;
    await server.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.server.address() as AddressInfo;
    const id = await holdOrder(fixture, TYPO);
    const release = () =>
      fetch(`http://127.0.0.1:${port}/v1/holds/${id}/release`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ to: [GOOD], by: 'lena@butiken.se', reason: 'read back' }),
      });
    const answers = await Promise.all([release(), release()]);
    const codes = answers.map((answer) => answer.status).sort();
    expect(codes[0]).toBe(200);
    expect([404, 409]).toContain(codes[1]);
    const refused = answers.find((answer) => answer.status !== 200);
    expect(refused?.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(fixture.sink.received).toHaveLength(1);
    expect(fixture.sink.received[0]?.to).toEqual([GOOD]);
  });
});

describe('POST /v1/holds/:id/discard', () => {
  it('records the discard in the audit log, as done through the API', async () => {
    app = fixtureServer(fixture);
    const id = await holdOrder(fixture, TYPO);
    const response = await app.inject({ method: 'POST', url: `/v1/holds/${id}/discard`, headers: auth });
    expect(response.statusCode, response.body).toBe(200);
    const entry = fixture.audit.entries.find((line) => line.outcome === 'discarded');
    expect(entry).toMatchObject({ holdId: id, discard: { where: 'api' } });
  });

  it('records who discards it and why where the body gives them', async () => {
    app = fixtureServer(fixture);
    const id = await holdOrder(fixture, TYPO);
    const response = await app.inject({
      method: 'POST',
      url: `/v1/holds/${id}/discard`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { by: 'lena', reason: 'a duplicate order' },
    });
    expect(response.statusCode).toBe(200);
    const entry = fixture.audit.entries.find((line) => line.outcome === 'discarded');
    expect(entry).toMatchObject({
      holdId: id,
      discard: { by: 'lena', reason: 'a duplicate order', where: 'api' },
    });
  });

  it('refuses a key it would not record, and an empty reason, naming the field; the message stays held', async () => {
    app = fixtureServer(fixture);
    const id = await holdOrder(fixture, TYPO);
    for (const [payload, field] of [
      [{ by: 'lena', reason: 'dup', bogus: 1 }, 'body'],
      [{ by: 'lena', reason: '  ' }, 'body.reason'],
    ] as const) {
      const response = await app.inject({
        method: 'POST',
        url: `/v1/holds/${id}/discard`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload,
      });
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json())).toContain(field);
    }
    expect(fixture.audit.entries.some((line) => line.outcome === 'discarded')).toBe(false);
    const list = await app.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(JSON.stringify(list.json())).toContain(id);
  });
});
