import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { holdConfirmedForOtherCustomer } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { createCheckedServer } from './openapi-conformance.js';
import { auth, logIn, TOKEN } from './support.js';

// A confirmation given for another customer's address holds the message as block while its
// recipient stays `confirm`: the review list and the API say why, as `holds list` does.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("serve's list of a message confirmed for another customer's address", () => {
  it('says so on the review page, in English and Swedish, and through the API', async () => {
    const id = await holdConfirmedForOtherCustomer(fixture);
    app = createCheckedServer({ holdStore: fixture.holdStore, token: TOKEN });
    const { cookie } = await logIn(app);
    const page = (lang: string) =>
      app?.inject({ method: 'GET', url: `/holds?lang=${lang}`, headers: { cookie } });
    expect((await page('en'))?.body).toContain('confirmed for another customer&#39;s address');
    expect((await page('sv'))?.body).toContain('bekräftat för en annan kunds adress');
    const listed = await app.inject({ method: 'GET', url: '/v1/holds', headers: auth });
    expect(listed.json().held).toEqual([
      expect.objectContaining({ id, action: 'block', confirmedForOtherCustomer: true }),
    ]);
    const one = await app.inject({ method: 'GET', url: `/v1/holds/${id}`, headers: auth });
    expect(one.json()).toMatchObject({ confirmedForOtherCustomer: true });
  });
});
