import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { holdConfirmedForOtherCustomer } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { holdWhileKarinIsVerified, NEW_ADDRESS } from '../support/verified-elsewhere.js';
import { createCheckedServer } from './openapi-conformance.js';
import { GOOD, holdOrder, logIn, serverWithReleaseStarted, TOKEN, TYPO } from './support.js';

// A message's page says why it is held as the list does, and what the service did about it: a
// code sent to the customer, a confirmation given for another customer's address, a release that
// may have gone out and where.
const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function messagePage(server: FastifyInstance, id: string, lang: 'en' | 'sv') {
  const { cookie } = await logIn(server);
  return (await server.inject({ method: 'GET', url: `/holds/${id}?lang=${lang}`, headers: { cookie } })).body;
}

describe("a held message's page", () => {
  it('says a code was sent to the customer and the message goes out by itself once it is read back', async () => {
    const { id } = await holdWhileKarinIsVerified(fixture);
    app = createCheckedServer({ holdStore: fixture.holdStore, token: TOKEN });
    expect(await messagePage(app, id, 'en')).toContain(
      `A code was sent to ${NEW_ADDRESS} for the customer to read back: the message goes out by itself once it is. A release here skips that proof.`,
    );
    expect(await messagePage(app, id, 'sv')).toContain(`En kod skickades till ${NEW_ADDRESS}`);
  });

  it("says it is held as blocked for a confirmation given for another customer's address", async () => {
    const id = await holdConfirmedForOtherCustomer(fixture);
    app = createCheckedServer({ holdStore: fixture.holdStore, token: TOKEN });
    expect(await messagePage(app, id, 'en')).toContain(
      'Blocked: a confirmation was given for another customer&#39;s address (or one a slip from one)',
    );
    expect(await messagePage(app, id, 'sv')).toContain(
      'Stoppat: en bekräftelse gavs för en annan kunds adress',
    );
  });

  it('says where a release in doubt went, when and by whom, and the Message-ID to search for', async () => {
    const id = await holdOrder(fixture, TYPO);
    app = serverWithReleaseStarted(fixture, id, {
      at: '2026-03-02T08:15:00.000Z',
      messageId: '<order-4711@butiken.se>',
      envelope: { from: 'order@butiken.se', to: [GOOD] },
      release: { by: 'Lena Berg', reason: 'read back on the phone' },
    });
    expect(await messagePage(app, id, 'en')).toContain(
      `It was started 2026-03-02 08:15 UTC by Lena Berg, to ${GOOD}; search the mail server&#39;s log for Message-ID &lt;order-4711@butiken.se&gt;.`,
    );
    expect(await messagePage(app, id, 'sv')).toContain(
      `Det påbörjades 2026-03-02 08:15 UTC av Lena Berg, till ${GOOD}`,
    );
  });
});
