import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { HoldStoreFailedError } from '../../src/errors.js';
import type { HoldStore } from '../../src/nodemailer/hold-store.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { answeredOperations, createCheckedServer, takeOpenApiMismatches } from './openapi-conformance.js';
import { auth, fixtureDirectory, fixtureServer, GOOD, holdOrder, TOKEN, TYPO } from './support.js';
import { answerEveryVerificationStatus } from './verification-answers.js';

// Every answer of a server made by `fixtureServer` or `createCheckedServer` is checked against
// GET /openapi.json as it is sent (status, media type, body), in every test file that uses them;
// this file makes each route give each answer its operation documents.

const fixture = usePipelineFixture();
let apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.map((app) => app.close()));
  apps = [];
});
const keep = (app: FastifyInstance) => {
  apps.push(app);
  return app;
};

const json = { ...auth, 'content-type': 'application/json' };
const release = { to: [GOOD], by: 'lena@butiken.se', reason: 'read back' };

/** The documented answers of every operation, as `METHOD /path/{id} status`. */
async function documented(app: FastifyInstance): Promise<string[]> {
  const document = (await app.inject({ method: 'GET', url: '/openapi.json', headers: auth })).json() as {
    paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
  };
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    Object.entries(operations).flatMap(([method, operation]) =>
      Object.keys(operation.responses).map((status) => `${method.toUpperCase()} ${path} ${status}`),
    ),
  );
}

/** A hold store that fails as a store does: a claim another release holds, or a disk that fails. */
function failingStore(store: HoldStore, failure: 'claimed' | 'broken'): HoldStore {
  const fail = () =>
    failure === 'claimed'
      ? Promise.reject(new HoldStoreFailedError('the message is being released'))
      : Promise.reject(new Error('EIO: the disk failed'));
  return {
    ...store,
    hold: (input) => store.hold(input),
    get: (id) => (failure === 'broken' ? fail() : store.get(id)),
    list: () => (failure === 'broken' ? fail() : store.list()),
    release: () => fail(),
    discard: () => fail(),
    discardWithRecord: () => fail(),
  } as HoldStore;
}

describe('checkAgainstOpenApi', () => {
  it('catches a status, a media type and a body the document does not describe', async () => {
    const app = keep(createCheckedServer({ token: TOKEN }));
    app.addHook('onRequest', async (request, reply) => {
      if (request.url === '/healthz?status') return reply.code(418).send({ status: 'ok' });
      if (request.url === '/healthz?type') return reply.type('text/plain').send('ok');
      if (request.url === '/healthz?body')
        return reply.type('application/json').send(JSON.stringify({ status: 'fine' }));
    });
    for (const query of ['status', 'type', 'body'])
      await app.inject({ method: 'GET', url: `/healthz?${query}` });
    const found = takeOpenApiMismatches();
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/GET \/healthz 418: status not in the document/);
    expect(found[1]).toMatch(/content type text\/plain not in the document/);
    expect(found[2]).toMatch(/\/status/);
  });
});

describe('every route', () => {
  it('gives each answer its operation documents, as documented', async () => {
    const app = keep(
      fixtureServer(fixture, { bodyLimit: 2_000, tokenLimit: { attempts: 1, refillMs: 600_000 } }),
    );
    const id = await holdOrder(fixture, TYPO);
    const hold = `/v1/holds/${id}`;
    const long = `/v1/holds/${'a'.repeat(101)}`;
    const routes: [method: 'GET' | 'POST', url: string, body?: object][] = [
      ['GET', '/healthz'],
      ['POST', '/v1/check', { entered: TYPO, customerId: 'C-1001' }],
      ['POST', '/v1/check-phone', { entered: '070-123 45 67', customerId: 'C-1001' }],
      ['GET', '/v1/holds'],
      ['GET', hold],
      ['POST', `${hold}/discard`, {}],
      ['POST', `${hold}/release`, release],
      ['POST', '/v1/verifications', { customerId: 'C-1001', address: GOOD }],
      ['POST', '/v1/verifications/confirm', { customerId: 'C-1001', address: GOOD, code: '123456' }],
      ['POST', '/v1/verifications/confirm-token', { token: 'x' }],
      ['GET', '/v1/verifications'],
    ];
    for (const [method, url, body] of routes) {
      await app.inject({ method, url, headers: json, ...(body ? { payload: body } : {}) });
      // 421: a Host the server does not answer for.
      await app.inject({
        method,
        url,
        headers: { ...json, host: 'evil.example' },
        ...(body ? { payload: body } : {}),
      });
      if (url === '/healthz') continue;
      // 400: a query or body that breaks the schema.
      if (method === 'GET') await app.inject({ method, url: `${url}?locale=de`, headers: auth });
      else
        await app.inject({
          method,
          url,
          headers: json,
          payload: url.endsWith('discard') ? '{' : { entered: 5 },
        });
      // 401: no token.
      await app.inject({ method, url });
      if (method === 'POST') {
        await app.inject({ method, url, headers: { ...json, origin: 'https://evil.example' }, payload: {} });
        await app.inject({ method, url, headers: json, payload: { entered: 'x'.repeat(3_000) } });
        await app.inject({ method, url, headers: { ...auth, 'content-type': 'text/plain' }, payload: 'x' });
      }
    }
    const held = await holdOrder(fixture, TYPO);
    for (const [method, url, body] of [
      ['POST', '/v1/check-phone', { entered: '070', customerId: 'C-404' }],
      ['GET', '/v1/holds/nope'],
      ['POST', '/v1/holds/nope/discard', {}],
      ['POST', '/v1/holds/nope/release', release],
      ['GET', long],
      ['POST', `${long}/discard`, {}],
      ['POST', `${long}/release`, release],
      ['POST', `/v1/holds/${held}/release`, { ...release, to: ['erik.lind@telia.com'] }],
    ] as const)
      await app.inject({ method, url, headers: json, ...(body ? { payload: body } : {}) });
    fixture.sink.refuse.add(GOOD);
    await app.inject({ method: 'POST', url: `/v1/holds/${held}/release`, headers: json, payload: release });
    fixture.sink.refuse.clear();
    await app.inject({ method: 'POST', url: `/v1/holds/${held}/release`, headers: json, payload: release });

    // 409: another release holds the message; 500: the store fails.
    for (const failure of ['claimed', 'broken'] as const) {
      const failing = keep(fixtureServer(fixture, { holdStore: failingStore(fixture.holdStore, failure) }));
      const other = await holdOrder(fixture, TYPO);
      for (const url of ['/v1/holds', `/v1/holds/${other}`])
        await failing.inject({ method: 'GET', url, headers: auth });
      for (const [url, body] of [
        [`/v1/holds/${other}/discard`, {}],
        [`/v1/holds/${other}/release`, release],
      ] as const)
        await failing.inject({ method: 'POST', url, headers: json, payload: body });
    }
    // 500: a directory that fails under the checks.
    const directory = fixtureDirectory();
    const broken = new Proxy(directory, {
      get: (target, key) => {
        const value = Reflect.get(target, key);
        return typeof value === 'function'
          ? () => {
              throw new Error('ECONNRESET: the directory failed');
            }
          : value;
      },
    });
    const failingChecks = keep(createCheckedServer({ token: TOKEN, directory: broken }));
    for (const url of ['/v1/check', '/v1/check-phone'])
      await failingChecks.inject({
        method: 'POST',
        url,
        headers: json,
        payload: { entered: TYPO, customerId: 'C-1001' },
      });
    // 503: no hold store.
    const bare = keep(createCheckedServer({ token: TOKEN }));
    for (const [method, url, body] of [
      ['GET', '/v1/holds'],
      ['GET', hold],
      ['POST', `${hold}/discard`, {}],
      ['POST', `${hold}/release`, release],
      ['POST', '/v1/verifications', { customerId: 'C-1001', address: GOOD }],
      ['POST', '/v1/verifications/confirm', { customerId: 'C-1001', address: GOOD, code: '123456' }],
      ['POST', '/v1/verifications/confirm-token', { token: 'x' }],
      ['GET', '/v1/verifications?customerId=C-1001'],
    ] as const)
      await bare.inject({ method, url, headers: json, ...(body ? { payload: body } : {}) });
    // 429: wrong tokens past the limit, then the right one.
    for (const [method, url] of routes.slice(1)) {
      const limited = keep(fixtureServer(fixture, { tokenLimit: { attempts: 1, refillMs: 600_000 } }));
      await limited.inject({ method, url, headers: { authorization: 'Bearer wrong' } });
      await limited.inject({ method, url, headers: { authorization: 'Bearer wrong' } });
    }
    for (const url of [`${hold}/release`]) {
      const limited = keep(fixtureServer(fixture, { tokenLimit: { attempts: 1, refillMs: 600_000 } }));
      await limited.inject({ method: 'POST', url, headers: { authorization: 'Bearer wrong' } });
      await limited.inject({ method: 'POST', url, headers: { authorization: 'Bearer wrong' } });
    }

    await answerEveryVerificationStatus(fixture, keep);

    // The health check answers from memory, and a check whose directory fails is a verdict with the
    // lookup-failed finding (the guard's failOpen): their 500 is the server's own failure, none a test makes.
    const unmade = new Set(['GET /healthz 500', 'POST /v1/check 500']);
    const missing = (await documented(app)).filter(
      (operation) => !answeredOperations().has(operation) && !unmade.has(operation),
    );
    expect(missing).toEqual([]);
  });
});

afterAll(() => {
  expect(takeOpenApiMismatches()).toEqual([]);
});
