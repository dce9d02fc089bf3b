import { describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { useReleaseServer } from '../support/use-release-server.js';
import { auth, logIn, postForm } from './support.js';

// What the service answers when a release lacks what the library names (releaseNeeds): the same
// rules the command line words, said as problems.
const fixture = usePipelineFixture();
const server = useReleaseServer(fixture);

const release = (id: string, payload: Record<string, unknown>) =>
  (server.current() ?? server.start()).inject({
    method: 'POST',
    url: `/v1/holds/${id}/release`,
    headers: { ...auth, 'content-type': 'application/json' },
    payload: { by: 'lena@butiken.se', reason: 'read back', ...payload },
  });

describe("serve's release of a message held without a customer", () => {
  it('answers 422 saying no customer was known, and sends nothing', async () => {
    const id = await holdMessage(fixture, 'anna.svensson1985@gmail.com', { customerId: null });
    const refused = await release(id, { to: ['anna.svensson1985@gmail.com'], confirmNew: true });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      type: expect.stringMatching(/#recipient-blocked$/),
      title: expect.stringContaining('No customer was known when the message was held'),
    });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });

  it('says on the review page, in its language, that no customer was known and to send the order again naming one', async () => {
    const id = await holdMessage(fixture, 'anna.svensson1985@gmail.com', { customerId: null });
    const app = server.current() ?? server.start();
    const { cookie, csrf } = await logIn(app);
    const said = {
      en: ['No customer was known when the message was held', 'send the order again naming its customer'],
      sv: ['Ingen kund var känd när meddelandet stoppades', 'skicka ordern igen med kunden angiven'],
    };
    for (const [lang, words] of Object.entries(said)) {
      const refused = await postForm(app, `/holds/${id}/release?lang=${lang}`, cookie, {
        csrf,
        to: 'anna.svensson1985@gmail.com',
        reason: 'read back on the phone',
        confirmNew: 'yes',
      });
      expect(refused.statusCode).toBe(422);
      for (const word of words) expect(refused.body).toContain(word);
    }
    expect(fixture.sink.received).toEqual([]);
  });
});

describe("serve's release of a blocked message without corrected recipients", () => {
  it('answers 400 asking for them, naming the blocked recipient', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const refused = await release(id, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      field: 'body.to',
      detail: expect.stringContaining('anna.svensson185@gmail.com'),
    });
    expect(fixture.sink.received).toEqual([]);
  });
});
