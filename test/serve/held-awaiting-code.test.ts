import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { usePipelineFixture } from '../support/pipeline.js';
import { holdWhileKarinIsVerified, NEW_ADDRESS } from '../support/verified-elsewhere.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, logIn, TOKEN } from './support.js';

// The review page and the API list a message waiting for the code the verifier sent its customer
// as such: a reviewer who releases it by hand skips that proof.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("serve's list of a message waiting for its customer's code", () => {
  it('marks it on the review page, in English and Swedish, and gives awaitingCode through the API', async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    app = createCheckedServer({ holdStore: fixture.holdStore, token: TOKEN });
    const { cookie } = await logIn(app);
    const page = (lang: string) =>
      app?.inject({ method: 'GET', url: `/holds?lang=${lang}`, headers: { cookie } });
    expect((await page('en'))?.body).toContain(
      'waiting for the customer&#39;s code; a release here skips it',
    );
    expect((await page('sv'))?.body).toContain('väntar på kundens kod; ett släpp här hoppar över den');
    const listed = await app.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(listed.json().held).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id,
          awaitingCode: [NEW_ADDRESS],
          verifiedAddressesChecked: true,
          verificationStoreId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        }),
      ]),
    );
  });
});
