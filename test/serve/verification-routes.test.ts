import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import type { ServerOptions } from '../../src/serve/create-server.js';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  heldForCode,
  newCustomer,
  readVerification,
  receivedFor,
  verificationFor,
  verifyingTransport,
} from '../support/verification.js';
import { verificationCustomers } from '../support/verifying-transport.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, logIn, TOKEN, withToken } from './support.js';

// The verifier over HTTP: a real SMTP server on 127.0.0.1 receives each code, which is read back
// from the delivered message as the customer would read it, and what was held for the address is
// released through the same server.
const fixture = usePipelineFixture();
const ADDRESS = 'karin.berg@outlook.com';
const karin = { customerId: newCustomer.id, address: ADDRESS };
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A server with the verifier of a guarded transport to the fixture's SMTP server, and every customer in its directory. */
function verifyingServer(
  verifierOptions: Parameters<typeof verifyingTransport>[1] = {},
  serverOptions: ServerOptions = {},
) {
  const { transporter, verifier } = verifyingTransport(fixture, verifierOptions);
  app = createCheckedServer({
    directory: createDirectory(Object.values(verificationCustomers)),
    holdStore: fixture.holdStore,
    transporter,
    verifier,
    auditLog: fixture.audit,
    token: TOKEN,
    ...serverOptions,
  });
  return { app, transporter, verifier };
}

const wrongCodeFor = (code: string) => (code === '000000' ? '111111' : '000000');

describe('POST /v1/verifications', () => {
  it('sends a code to the address and answers the challenge without the code', async () => {
    const { app } = verifyingServer();
    const started = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(started.statusCode).toBe(200);
    const challenge = started.json();
    expect(challenge).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      address: ADDRESS,
      expiresAt: expect.any(String),
      sent: true,
    });
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    expect(started.body).not.toContain(code);
    // Asked again while the code is good: the same challenge, no second message.
    const again = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(again.json()).toMatchObject({ id: challenge.id, sent: false });
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(1);
  });

  it('refuses a customer id the directory does not have, naming the field, and sends nothing', async () => {
    const { app } = verifyingServer();
    for (const customerId of ['NO-SUCH-ID', newCustomer.id.toLowerCase()]) {
      const answer = await withToken(app, 'POST', '/v1/verifications', {
        customerId,
        address: 'qx.ghost@example.org',
      });
      expect(answer.statusCode).toBe(404);
      expect(answer.json()).toMatchObject({ field: 'body.customerId' });
    }
    expect(receivedFor(fixture.sink.received, 'qx.ghost@example.org')).toHaveLength(0);
    const confirmed = await withToken(app, 'POST', '/v1/verifications/confirm', {
      customerId: 'NO-SUCH-ID',
      address: 'qx.ghost@example.org',
      code: '123456',
    });
    expect(confirmed.statusCode).toBe(404);
    expect(confirmed.json()).toMatchObject({ field: 'body.customerId' });
  });

  it('answers 503 and sends nothing when the directory cannot be asked', async () => {
    const directory = createDirectory(Object.values(verificationCustomers));
    const { app } = verifyingServer(
      {},
      {
        directory: Object.assign(Object.create(directory), {
          get: async () => {
            throw new Error('the directory database could not be reached');
          },
        }),
      },
    );
    const answer = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(answer.statusCode).toBe(503);
    expect(answer.json()).toMatchObject({ field: 'body.customerId' });
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(0);
  });

  it('answers 400 naming the address for one the transport cannot send to, never 502', async () => {
    const { app } = verifyingServer();
    const answer = await withToken(app, 'POST', '/v1/verifications', {
      customerId: newCustomer.id,
      address: '"a b"@example.com',
    });
    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ field: 'body.address' });
  });

  it('refuses a line break in the address, naming the field, and sends nothing', async () => {
    const { app } = verifyingServer();
    for (const address of [`${ADDRESS}\r\nBcc: thief@example.com`, `${ADDRESS}\nBcc: thief@example.com`]) {
      const answer = await withToken(app, 'POST', '/v1/verifications', {
        customerId: newCustomer.id,
        address,
      });
      expect(answer.statusCode).toBe(400);
      expect(answer.json()).toMatchObject({ field: 'body.address' });
    }
    expect(fixture.sink.received).toEqual([]);
  });

  it('answers 422 without naming the owner for an address verified for another customer or on their record', async () => {
    const { app } = verifyingServer();
    await withToken(app, 'POST', '/v1/verifications', { customerId: 'C-4001', address: ADDRESS });
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    const confirmed = await withToken(app, 'POST', '/v1/verifications/confirm', {
      customerId: 'C-4001',
      address: ADDRESS,
      code,
    });
    expect(confirmed.statusCode).toBe(200);
    for (const address of [ADDRESS, 'anna.svensson1985@gmail.com']) {
      const refused = await withToken(app, 'POST', '/v1/verifications', { customerId: 'C-4002', address });
      expect(refused.statusCode, address).toBe(422);
      expect(refused.json()).toMatchObject({ field: 'body.address' });
      expect(refused.json().type).toMatch(/#address-refused$/);
      for (const owner of ['C-4001', 'C-1001', 'Anna', 'Svensson']) expect(refused.body).not.toContain(owner);
    }
    expect(receivedFor(fixture.sink.received, 'anna.svensson1985@gmail.com')).toEqual([]);
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(1);
  });

  it("answers 422 when only the verifier knows the address is another customer's, in the server's words", async () => {
    // A server whose check reads no verified addresses: the verifier's own refusal is the answer.
    const nothingVerified = { listVerified: async () => [], findVerified: async () => [] };
    const { app, verifier } = verifyingServer({}, { verifiedAddresses: nothingVerified });
    await verifier.start({ customerId: 'C-4001', address: ADDRESS });
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    expect(await verifier.confirm({ customerId: 'C-4001', address: ADDRESS, code })).toMatchObject({
      ok: true,
    });
    const refused = await withToken(app, 'POST', '/v1/verifications', {
      customerId: 'C-4002',
      address: ADDRESS,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      field: 'body.address',
      detail: expect.stringContaining('belongs-to-other-customer'),
    });
    expect(refused.body).not.toContain('C-4001');
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(1);
  });

  it('answers 429 with Retry-After once the address had its codes for the hour', async () => {
    const { app } = verifyingServer({ maxStartsPerAddressPerHour: 1, maxAttempts: 1 });
    await withToken(app, 'POST', '/v1/verifications', karin);
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    // The challenge is used up by one wrong code, so the next start would need a new code.
    await withToken(app, 'POST', '/v1/verifications/confirm', { ...karin, code: wrongCodeFor(code) });
    const limited = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ field: 'body.address' });
  });

  it('answers 502 when the SMTP server refuses the code, and the next start sends one', async () => {
    const { app } = verifyingServer();
    fixture.sink.refuse.add(ADDRESS);
    const refused = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(refused.statusCode).toBe(502);
    expect(refused.json().type).toMatch(/#send-failed$/);
    fixture.sink.refuse.clear();
    const started = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(started.json()).toMatchObject({ sent: true });
  });
});

describe('POST /v1/verifications/confirm', () => {
  it('releases the message held for the address once the code read from the delivered message is confirmed', async () => {
    const { app, transporter } = verifyingServer();
    const holdId = await heldForCode(transporter, ADDRESS, newCustomer.id, '4711');
    // The pipeline sent the code when it held the order; a start over HTTP answers that challenge.
    const started = await withToken(app, 'POST', '/v1/verifications', karin);
    expect(started.json()).toMatchObject({ sent: false });
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);

    const confirmed = await withToken(app, 'POST', '/v1/verifications/confirm', {
      ...karin,
      code: `${code.slice(0, 3)} ${code.slice(3)}`,
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({
      ok: true,
      verifiedAt: expect.any(String),
      released: [holdId],
      held: [],
      releasing: [],
    });
    const [, order] = receivedFor(fixture.sink.received, ADDRESS);
    if (!order) throw new Error('the held order did not arrive');
    expect((await simpleParser(order.raw)).subject).toBe('Orderbekräftelse 4711');
    expect(await fixture.holdStore.list()).toEqual([]);

    const listed = await withToken(app, 'GET', `/v1/verifications?customerId=${newCustomer.id}`);
    expect(listed.json()).toEqual({ customerId: newCustomer.id, addresses: [ADDRESS] });
    // The check knows the verified address too.
    const checked = await withToken(app, 'POST', '/v1/check', {
      entered: ADDRESS,
      customerId: newCustomer.id,
    });
    expect(checked.json().action).toBe('send');
  });

  it('reads a code with a no-break space in it as the code, not a wrong attempt', async () => {
    const { app } = verifyingServer({ maxAttempts: 1 });
    await withToken(app, 'POST', '/v1/verifications', karin);
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    const spaced = `${code.slice(0, 3)}\u00a0${code.slice(3)}`;
    const confirmed = await withToken(app, 'POST', '/v1/verifications/confirm', { ...karin, code: spaced });
    expect(confirmed.statusCode).toBe(200);
  });

  it('counts wrong codes and refuses the right one once they are used up', async () => {
    const { app } = verifyingServer({ maxAttempts: 2 });
    await withToken(app, 'POST', '/v1/verifications', karin);
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    const confirm = (given: string) =>
      withToken(app, 'POST', '/v1/verifications/confirm', { ...karin, code: given });
    for (let attempt = 0; attempt < 2; attempt++) {
      const wrong = await confirm(wrongCodeFor(code));
      expect(wrong.statusCode).toBe(422);
      expect(wrong.json()).toMatchObject({ reason: 'wrong-code' });
      expect(wrong.json().type).toMatch(/#verification-refused$/);
    }
    const spent = await confirm(code);
    expect(spent.statusCode).toBe(410);
    expect(spent.json()).toMatchObject({ reason: 'too-many-attempts' });
  });

  it('refuses an expired code with 410 and a confirmation of no challenge with 404', async () => {
    let now = Date.parse('2026-03-02T10:00:00Z');
    const { app } = verifyingServer({ now: () => now, ttlMs: 60_000 });
    await withToken(app, 'POST', '/v1/verifications', karin);
    const { code } = await verificationFor(fixture.sink.received, ADDRESS);
    now += 61_000;
    const expired = await withToken(app, 'POST', '/v1/verifications/confirm', { ...karin, code });
    expect(expired.statusCode).toBe(410);
    expect(expired.json()).toMatchObject({ reason: 'expired' });
    const unknown = await withToken(app, 'POST', '/v1/verifications/confirm', {
      customerId: 'C-4003',
      address: ADDRESS,
      code,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ reason: 'unknown' });
  });

  it('answers 400 naming the field for broken JSON, a body off the schema and a code that cannot be one', async () => {
    const { app } = verifyingServer();
    const cases: [string | Record<string, unknown>, string][] = [
      ['{"customerId": "C-3003", "address": ', 'body'],
      [{ customerId: newCustomer.id, code: '123456' }, 'body.address'],
      [{ ...karin, code: 123456 }, 'body.code'],
      [{ ...karin, code: '123456', extra: true }, 'body'],
      [{ ...karin, code: 'one two' }, 'body.code'],
      [{ ...karin, code: '12345' }, 'body.code'],
      [{ customerId: newCustomer.id, address: 'karin.berg@', code: '123456' }, 'body.address'],
    ];
    for (const [payload, field] of cases) {
      const answer = await withToken(app, 'POST', '/v1/verifications/confirm', payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().field, JSON.stringify(payload)).toBe(field);
    }
    expect(fixture.sink.received).toEqual([]);
  });
});

describe('POST /v1/verifications/confirm-token', () => {
  it("confirms the address with the link's token and releases what was held", async () => {
    const { app, transporter } = verifyingServer({
      linkFor: (token) => `https://butiken.se/verify?t=${token}`,
    });
    const holdId = await heldForCode(transporter, ADDRESS, newCustomer.id);
    const { link } = await verificationFor(fixture.sink.received, ADDRESS);
    const token = new URL(link ?? '').searchParams.get('t') ?? '';
    const tampered = await withToken(app, 'POST', '/v1/verifications/confirm-token', {
      token: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`,
    });
    expect(tampered.statusCode).toBe(422);
    expect(tampered.json()).toMatchObject({ reason: 'wrong-code' });
    const confirmed = await withToken(app, 'POST', '/v1/verifications/confirm-token', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ ok: true, released: [holdId] });
    expect(receivedFor(fixture.sink.received, ADDRESS)).toHaveLength(2);
    const unknown = await withToken(app, 'POST', '/v1/verifications/confirm-token', { token: 'not-a-token' });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('the verification routes without a verifier, and who may call them', () => {
  it('answers 503 on every route when the server has no verifier', async () => {
    app = createCheckedServer({ token: TOKEN });
    for (const [method, url, payload] of [
      ['POST', '/v1/verifications', karin],
      ['POST', '/v1/verifications/confirm', { ...karin, code: '123456' }],
      ['POST', '/v1/verifications/confirm-token', { token: 'x' }],
      ['GET', `/v1/verifications?customerId=${newCustomer.id}`, undefined],
    ] as const) {
      const answer = await withToken(app, method, url, payload);
      expect(answer.statusCode, url).toBe(503);
      expect(answer.json().type, url).toMatch(/#not-configured$/);
    }
  });

  it('answers 401 without the token', async () => {
    const { app } = verifyingServer();
    const answer = await app.inject({ method: 'POST', url: '/v1/verifications', payload: karin });
    expect(answer.statusCode).toBe(401);
    expect(fixture.sink.received).toEqual([]);
  });

  it("lets the order form's session start and confirm for a customer its search showed it, and nothing more", async () => {
    const { app } = verifyingServer({}, { registerOrderForm: createOrderForm({ scriptDir: fixture.dir }) });
    const { script, cookie } = await logIn(app);
    const post = (url: string, payload: object, headers: Record<string, string> = script) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      });

    // Not shown yet: answered as a customer that is not there, and nothing is sent.
    const hidden = await post('/v1/verifications', karin);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toMatchObject({ field: 'body.customerId' });
    expect(fixture.sink.received).toEqual([]);

    const search = await app.inject({
      method: 'GET',
      url: `/demo/customers?q=${newCustomer.id}`,
      headers: script,
    });
    expect(search.json().customers).toEqual([{ id: newCustomer.id, name: newCustomer.name }]);
    // The cookie without the page's CSRF token is refused.
    expect((await post('/v1/verifications', karin, { cookie })).statusCode).toBe(403);

    const started = await post('/v1/verifications', karin);
    expect(started.statusCode).toBe(200);
    const { code } = await readVerification(receivedFor(fixture.sink.received, ADDRESS)[0] ?? fail());
    const confirmed = await post('/v1/verifications/confirm', { ...karin, code });
    expect(confirmed.statusCode).toBe(200);

    // The link's token and the list are the bearer token's callers' only.
    expect((await post('/v1/verifications/confirm-token', { token: 'x' })).statusCode).toBe(401);
    const listed = await app.inject({
      method: 'GET',
      url: `/v1/verifications?customerId=${newCustomer.id}`,
      headers: script,
    });
    expect(listed.statusCode).toBe(401);
    expect(
      (
        await app.inject({
          method: 'GET',
          url: `/v1/verifications?customerId=${newCustomer.id}`,
          headers: auth,
        })
      ).statusCode,
    ).toBe(200);
  });

  it('limits the verifications of one session', async () => {
    const { app } = verifyingServer(
      {},
      {
        registerOrderForm: createOrderForm({ scriptDir: fixture.dir }),
        sessionVerificationLimit: { verifications: 2, refillMs: 60_000 },
      },
    );
    const { script } = await logIn(app);
    await app.inject({ method: 'GET', url: `/demo/customers?q=${newCustomer.id}`, headers: script });
    const post = (url: string, payload: object) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...script, 'content-type': 'application/json' },
        payload,
      });
    // Confirmations are not counted: the verifier limits their attempts, and the customer is on the phone.
    for (let attempt = 0; attempt < 3; attempt++)
      expect((await post('/v1/verifications/confirm', { ...karin, code: '123456' })).statusCode).toBe(404);
    expect((await post('/v1/verifications', karin)).statusCode).toBe(200);
    expect((await post('/v1/verifications', karin)).statusCode).toBe(200);
    const limited = await post('/v1/verifications', karin);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('never writes a code, a token or an address to the log', async () => {
    const lines: string[] = [];
    const { app, transporter } = verifyingServer(
      { linkFor: (token) => `https://butiken.se/verify?t=${token}` },
      { logger: { level: 'debug', stream: { write: (line) => lines.push(line) } } },
    );
    await heldForCode(transporter, ADDRESS, newCustomer.id);
    const { code, link } = await verificationFor(fixture.sink.received, ADDRESS);
    const token = new URL(link ?? '').searchParams.get('t') ?? '';
    await withToken(app, 'POST', '/v1/verifications/confirm', { ...karin, code: wrongCodeFor(code) });
    await withToken(app, 'POST', '/v1/verifications/confirm-token', { token });
    await withToken(app, 'POST', '/v1/verifications/confirm', { ...karin, code });
    await withToken(app, 'POST', '/v1/verifications', {
      customerId: 'C-4005',
      address: `${ADDRESS}\r\nBcc: x@y.se`,
    });
    const log = lines.join('');
    expect(log).toContain('/v1/verifications/confirm');
    // A code is six digits: in a log line it is one only when no digit stands beside it (hold ids and
    // times are digits too).
    for (const secret of [code, wrongCodeFor(code)])
      expect(log, secret).not.toMatch(new RegExp(`(?<!\\d)${secret}(?!\\d)`));
    for (const secret of [token, 'outlook', 'karin', 'y.se']) expect(log, secret).not.toContain(secret);
  });
});

function fail(): never {
  throw new Error('no verification message arrived');
}
