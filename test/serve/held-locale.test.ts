import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, fixtureServer, holdOrder, logIn, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const ENGLISH = "Looks like a typo of the customer's known address anna.svensson1985@gmail.com";
const SWEDISH = 'Ser ut som ett skrivfel av kundens kända adress anna.svensson1985@gmail.com';

/** Holds an order for C-1001 through a pipeline whose guard speaks Swedish. */
const holdInSwedish = (to: string) => holdMessage(fixture, to, { locale: 'sv' });

const messages = (held: { recipients: { verdict: { findings: { code: string; message: string }[] } }[] }) =>
  held.recipients.flatMap((recipient) =>
    recipient.verdict.findings
      .filter((finding) => finding.code === 'near-miss')
      .map((finding) => finding.message),
  );

describe("a held message's findings in the reader's language", () => {
  it('words the findings of GET /v1/holds in the language asked for by ?locale= or Accept-Language', async () => {
    app = fixtureServer(fixture);
    const english = await holdOrder(fixture, TYPO);
    const swedish = await holdInSwedish(TYPO);
    const asked = async (url: string, headers: Record<string, string> = {}) => {
      const response = await (app as FastifyInstance).inject({
        method: 'GET',
        url,
        headers: { ...auth, ...headers },
      });
      expect(response.statusCode).toBe(200);
      return response.json() as { held: Parameters<typeof messages>[0][] };
    };
    const inSwedish = await asked('/v1/holds?locale=sv');
    expect(inSwedish.held.flatMap(messages)).toEqual([
      expect.stringContaining(SWEDISH),
      expect.stringContaining(SWEDISH),
    ]);
    const byHeader = await asked('/v1/holds', { 'accept-language': 'sv-SE, en;q=0.5' });
    expect(byHeader.held.flatMap(messages)).toEqual([
      expect.stringContaining(SWEDISH),
      expect.stringContaining(SWEDISH),
    ]);
    const inEnglish = await asked('/v1/holds', { 'accept-language': 'de, en;q=0.8, sv;q=0.2' });
    expect(inEnglish.held.flatMap(messages)).toEqual([
      expect.stringContaining(ENGLISH),
      expect.stringContaining(ENGLISH),
    ]);
    for (const id of [english, swedish]) {
      const one = await (app as FastifyInstance).inject({
        method: 'GET',
        url: `/v1/holds/${id}?locale=en`,
        headers: auth,
      });
      expect(messages(one.json())).toEqual([expect.stringContaining(ENGLISH)]);
    }
  });

  it('refuses a language it does not speak, naming the query field', async () => {
    app = fixtureServer(fixture);
    const response = await app.inject({ method: 'GET', url: '/v1/holds?locale=de', headers: auth });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ field: 'query.locale' });
  });

  it("shows the findings on the review pages in the page's language", async () => {
    app = fixtureServer(fixture);
    const swedish = await holdInSwedish(TYPO);
    const { cookie } = await logIn(app);
    const list = await app.inject({ method: 'GET', url: '/holds?lang=en', headers: { cookie } });
    expect(list.body).toContain(ENGLISH.replace("'", '&#39;'));
    expect(list.body).not.toContain(SWEDISH);
    const one = await app.inject({ method: 'GET', url: `/holds/${swedish}?lang=en`, headers: { cookie } });
    expect(one.body).toContain(ENGLISH.replace("'", '&#39;'));
    const english = await holdOrder(fixture, TYPO);
    const inSwedish = await app.inject({
      method: 'GET',
      url: `/holds/${english}?lang=sv`,
      headers: { cookie },
    });
    expect(inSwedish.body).toContain(SWEDISH);
    expect(inSwedish.body).not.toContain('Looks like a typo');
  });
});
