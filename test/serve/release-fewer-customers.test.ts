import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { holdOrderToOtherCustomer, KARINS, ONLY_THE_CUSTOMER } from '../support/fewer-customers.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { useReleaseServer } from '../support/use-release-server.js';
import { auth, logIn, postForm } from './support.js';

// The service started with a customer file filtered to one customer, a message held by a check
// that knew three: a release through it must not let a correction to a missing customer's address out.
const fixture = usePipelineFixture();
const server = useReleaseServer(fixture);

function partialServer(): FastifyInstance {
  return server.start(ONLY_THE_CUSTOMER());
}

describe("serve's release against fewer customers than the hold knew", () => {
  it('answers 409 fewer-customers through the API, naming both counts, until it asks for fewerCustomers', async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const server = partialServer();
    const release = (to: string, more: Record<string, unknown> = {}) =>
      server.inject({
        method: 'POST',
        url: `/v1/holds/${id}/release`,
        headers: { ...auth, 'content-type': 'application/json' },
        payload: { to: [to], confirmNew: true, by: 'lena@butiken.se', reason: 'read back', ...more },
      });
    const refused = await release(KARINS);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      type: expect.stringMatching(/#fewer-customers$/),
      field: 'body.fewerCustomers',
      detail: expect.stringContaining('knows 1 customer, fewer than the 3 the check that held it knew'),
    });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
    const meant = await release('anna@svenssonbygg.se', { fewerCustomers: true });
    expect(meant.statusCode).toBe(200);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['anna@svenssonbygg.se']]);
  });

  it('keeps the message held on the review page and says why', async () => {
    const id = await holdOrderToOtherCustomer(fixture, fixture.holdStore);
    const server = partialServer();
    const { cookie, csrf } = await logIn(server);
    const said = {
      en: 'The customer directory knows fewer customers than the check that held the message',
      sv: 'Kundregistret känner till färre kunder än kontrollen som stoppade meddelandet',
    };
    for (const [lang, words] of Object.entries(said)) {
      const refused = await postForm(server, `/holds/${id}/release?lang=${lang}`, cookie, {
        csrf,
        to: KARINS,
        reason: 'read back on the phone',
        confirmNew: 'yes',
      });
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain(words);
    }
    expect(fixture.sink.received).toEqual([]);
    expect(await fixture.holdStore.get(id)).toBeDefined();
  });
});
