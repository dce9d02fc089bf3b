import type { FastifyInstance } from 'fastify';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { createOrderForm } from '../../src/serve/order-form/create-order-form.js';
import type { Verifier } from '../../src/verification/create-verifier.js';
import type { PipelineFixture } from '../support/pipeline.js';
import { verificationFor, verifyingTransport } from '../support/verification.js';
import { verificationCustomers } from '../support/verifying-transport.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, logIn, TOKEN } from './support.js';

const json = { ...auth, 'content-type': 'application/json' };

/** The token of the link a verification message holds. */
async function tokenOf(fixture: PipelineFixture, address: string, nth = 0): Promise<string> {
  const { link } = await verificationFor(fixture.sink.received, address, nth);
  return new URL(link ?? '').searchParams.get('t') ?? '';
}

const otherThan = (code: string) => (code === '000000' ? '111111' : '000000');

/**
 * Makes the verification routes give each answer of their own that a verifier over a real SMTP
 * server can give (200, 404, 409, 410, 422, 429, 502, 500), for the OpenAPI conformance check of
 * every answer; `keep` closes each server after the test. The answers every route shares (400,
 * 401, 403, 413, 415, 421, 503) come from that test's own loops.
 */
export async function answerEveryVerificationStatus(
  fixture: PipelineFixture,
  keep: (app: FastifyInstance) => FastifyInstance,
): Promise<void> {
  const { transporter, verifier } = verifyingTransport(fixture, {
    linkFor: (token) => `https://butiken.se/verify?t=${token}`,
    maxAttempts: 1,
    maxStartsPerAddressPerHour: 2,
  });
  const app = keep(
    createCheckedServer({
      directory: createDirectory(Object.values(verificationCustomers)),
      holdStore: fixture.holdStore,
      transporter,
      verifier,
      token: TOKEN,
      registerOrderForm: createOrderForm({ scriptDir: fixture.dir }),
    }),
  );
  const post = (url: string, payload: object) => app.inject({ method: 'POST', url, headers: json, payload });
  const start = (customerId: string, address: string) => post('/v1/verifications', { customerId, address });
  const confirm = (customerId: string, address: string, code: string) =>
    post('/v1/verifications/confirm', { customerId, address, code });
  const confirmToken = (token: string) => post('/v1/verifications/confirm-token', { token });

  // 200, then 409: two customers were sent a code for one address, and the first confirmed it.
  const shared = 'karin.berg@outlook.com';
  await start('C-4001', shared);
  await start('C-4002', shared);
  const first = await verificationFor(fixture.sink.received, shared, 0);
  const second = await verificationFor(fixture.sink.received, shared, 1);
  await confirm('C-4001', shared, first.code);
  await confirm('C-4002', shared, second.code);
  await confirmToken(await tokenOf(fixture, shared, 1));
  await app.inject({ method: 'GET', url: '/v1/verifications?customerId=C-4001', headers: auth });

  // 422 and 410: a wrong token uses the one attempt up; then the code and the token are refused.
  const spent = 'karin.berg@hotmail.com';
  await start('C-4003', spent);
  const token = await tokenOf(fixture, spent);
  await confirmToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
  await confirmToken(token);
  await confirm('C-4003', spent, (await verificationFor(fixture.sink.received, spent)).code);

  // 422 for a wrong code, and 429 once the address had its two codes for the hour.
  const limited = 'karin.berg@live.se';
  await start('C-4004', limited);
  await confirm('C-4004', limited, otherThan((await verificationFor(fixture.sink.received, limited)).code));
  await start('C-4004', limited);
  await confirm(
    'C-4004',
    limited,
    otherThan((await verificationFor(fixture.sink.received, limited, 1)).code),
  );
  await start('C-4004', limited);

  // 200 for a token; 404 for no challenge and no token; 422 for another customer's address.
  const linked = 'karin.berg@yahoo.se';
  await start('C-4005', linked);
  await confirmToken(await tokenOf(fixture, linked));
  await confirm('C-4006', linked, '123456');
  await confirmToken('not-a-token');
  await start('C-4006', 'anna.svensson1985@gmail.com');

  // 502: the SMTP server refuses the code.
  fixture.sink.refuse.add('karin.berg@gmx.se');
  await start('C-4007', 'karin.berg@gmx.se');
  fixture.sink.refuse.clear();

  // 404 for a page session's customer its search did not show it.
  const { script } = await logIn(app);
  await app.inject({
    method: 'POST',
    url: '/v1/verifications',
    headers: { ...script, 'content-type': 'application/json' },
    payload: { customerId: 'C-4008', address: 'karin.berg@gmx.se' },
  });

  // 500: a verifier that fails as no verifier should (its store's own failures are 503).
  const broken = () => Promise.reject(new Error('EIO: the verifier failed'));
  const failing = keep(
    createCheckedServer({
      token: TOKEN,
      verifier: {
        ...verifier,
        start: broken,
        confirm: broken,
        confirmToken: broken,
        listVerified: broken,
      } as Verifier,
    }),
  );
  await failing.inject({
    method: 'POST',
    url: '/v1/verifications',
    headers: json,
    payload: { customerId: 'C-4009', address: 'karin.berg@telia.com' },
  });
  await failing.inject({
    method: 'POST',
    url: '/v1/verifications/confirm',
    headers: json,
    payload: { customerId: 'C-4009', address: shared, code: '123456' },
  });
  await failing.inject({
    method: 'POST',
    url: '/v1/verifications/confirm-token',
    headers: json,
    payload: { token: 'x' },
  });
  await failing.inject({ method: 'GET', url: '/v1/verifications?customerId=C-4009', headers: auth });
}
