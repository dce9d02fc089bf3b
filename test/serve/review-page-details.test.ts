import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { customers, type PipelineFixture, smtpTransport, usePipelineFixture } from '../support/pipeline.js';
import {
  cookiesOf,
  csrfOf,
  fixtureServer,
  form,
  formHeaders,
  GOOD,
  holdOrder,
  logIn,
  postForm,
  TOKEN,
  TYPO,
} from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** An order for C-1001 with a Cc, another customer's Bcc and custom header fields, held by the guard. */
async function holdWithCopies(fixture: PipelineFixture): Promise<string> {
  const transporter = smtpTransport(fixture.sink.port);
  transporter.use(
    'compile',
    nodemailerGuard({
      guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
      holdStore: fixture.holdStore,
      auditLog: fixture.audit,
    }),
  );
  const error = await transporter
    .sendMail({
      from: 'order@butiken.se',
      to: TYPO,
      cc: 'anna@svenssonbygg.se',
      bcc: 'erik.lind@telia.com',
      subject: 'Orderbekräftelse 4712',
      text: 'Tack.',
      headers: {
        'X-Order-Id': '4712',
        'X-Evil': '<script>alert(1)</script>',
        'X-Campaign': ['spring', 'newsletter'],
      },
      emailGuard: { customerId: 'C-1001' },
    })
    .then(
      () => undefined,
      (reason: { holdId?: string }) => reason,
    );
  if (!error?.holdId) throw new Error('the order was not held');
  return error.holdId;
}

describe('the review page of one message', () => {
  it('lists custom header fields, escaped', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdWithCopies(fixture);
    const { cookie } = await logIn(server);
    const page = await server.inject({ method: 'GET', url: `/holds/${id}`, headers: { cookie } });
    expect(page.body).toContain('<dt>X-Order-ID</dt><dd>4712</dd>');
    expect(page.body).toContain('<dt>X-Evil</dt><dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>');
  });

  it('shows each occurrence of a repeated custom header field once, in message order', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdWithCopies(fixture);
    const { cookie } = await logIn(server);
    const page = await server.inject({ method: 'GET', url: `/holds/${id}`, headers: { cookie } });
    const shown = [...page.body.matchAll(/<dt>X-Campaign<\/dt><dd>([^<]*)<\/dd>/g)].map((match) => match[1]);
    expect(shown).toEqual(['spring', 'newsletter']);
    const api = await server.inject({
      method: 'GET',
      url: `/v1/holds/${id}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    const fields = (api.json() as { headers: { name: string; value: string }[] }).headers;
    expect(fields.filter((field) => field.name === 'X-Campaign').map((field) => field.value)).toEqual([
      'spring',
      'newsletter',
    ]);
  });

  it('labels each corrected recipient with its field and marks a pre-filled one the verdict flagged, in sv and en', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdWithCopies(fixture);
    const { cookie } = await logIn(server);
    for (const [lang, to, cc, bcc, other] of [
      ['en', 'To', 'Cc', 'Bcc', /^Confirm: .*known addresses/],
      ['sv', 'Till', 'Kopia', 'Dold kopia', /^Bekräfta: .+/],
    ] as const) {
      const page = await server.inject({
        method: 'GET',
        url: `/holds/${id}?lang=${lang}`,
        headers: { cookie },
      });
      expect(page.body, lang).toContain(`<label for="to-0">${to}</label>`);
      expect(page.body, lang).toContain(`<label for="cc-0">${cc}</label>`);
      expect(page.body, lang).toContain(`<label for="bcc-0">${bcc}</label>`);
      expect(page.body, lang).not.toMatch(/Recipient \d|Mottagare \d/);
      // The Bcc is pre-filled as held: it is marked with its finding, tied to the field.
      const bccField = /<input id="bcc-0" name="bcc"[^>]*>/.exec(page.body)?.[0] ?? '';
      expect(bccField, lang).toContain('value="erik.lind@telia.com"');
      expect(bccField, lang).toMatch(/aria-describedby="[^"]*bcc-0-finding/);
      const finding = /<p[^>]*id="bcc-0-finding"[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1] ?? '';
      expect(finding, lang).toMatch(other);
      // The To field is pre-filled with the suggestion, not the flagged address: no mark.
      expect(page.body, lang).not.toContain('id="to-0-finding"');
    }
  });
});

describe('the list of held messages', () => {
  it('names each link by subject and age, not by the hold id', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie } = await logIn(server);
    const list = await server.inject({ method: 'GET', url: '/holds', headers: { cookie } });
    const link = new RegExp(`<a href="/holds/${id}\\?lang=en">([\\s\\S]*?)</a>`).exec(list.body)?.[1] ?? '';
    const name = link.replace(/<[^>]+>/g, '');
    expect(name).not.toContain(id);
    expect(name).toContain('Orderbekräftelse &lt;4711&gt;');
    expect(name).toMatch(/\d+ (s|min|h|d)\b/);
  });
});

/** A held order, and a session that ended after its review page was opened: a form posted now meets the login page. */
async function heldAfterLogout() {
  const server = fixtureServer(fixture);
  app = server;
  const id = await holdOrder(fixture, TYPO);
  const { cookie, csrf } = await logIn(server);
  await postForm(server, '/logout', cookie, { csrf });
  return { server, id, cookie, csrf };
}

/** Logs in from the login page `expired` (Swedish), posting back the fields that page carried. */
function logInFrom(
  server: FastifyInstance,
  expired: LightMyRequestResponse,
  id: string,
  carried: Readonly<Record<string, string>>,
) {
  return server.inject({
    method: 'POST',
    url: `/login?lang=sv&next=%2Fholds%2F${id}`,
    headers: formHeaders(cookiesOf(expired)),
    payload: form({ csrf: csrfOf(expired.body), name: 'lena@butiken.se', token: TOKEN, ...carried }),
  });
}

describe('a session ending mid-review', () => {
  it('keeps the typed corrections and reason through the login and returns to the message', async () => {
    const { server, id, cookie, csrf } = await heldAfterLogout();
    const expired = await postForm(server, `/holds/${id}/release?lang=sv`, cookie, {
      csrf,
      to: GOOD,
      reason: 'uppläst <i>för</i> kunden',
      confirmNew: 'yes',
    });
    // The login page, carrying what was typed (escaped), leading back to the message.
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toContain('uppläst &lt;i&gt;för&lt;/i&gt; kunden');
    expect(expired.body).toContain(`next=%2Fholds%2F${id}`);
    const login = await logInFrom(server, expired, id, {
      to: GOOD,
      reason: 'uppläst <i>för</i> kunden',
      confirmNew: 'yes',
    });
    expect(login.statusCode).toBe(200);
    expect(login.body).toContain(`action="/holds/${id}/release?lang=sv"`);
    expect(login.body).toContain('>uppläst &lt;i&gt;för&lt;/i&gt; kunden</textarea>');
    expect(login.body).toContain(`value="${GOOD}"`);
    expect(login.body).toMatch(/id="confirm-new"[^>]*checked/);
    expect(fixture.sink.received).toHaveLength(0);
  });

  it("keeps a discard's typed reason through the login and returns to the message, not yet discarded", async () => {
    const { server, id, cookie, csrf } = await heldAfterLogout();
    const expired = await postForm(server, `/holds/${id}/discard?lang=sv`, cookie, {
      csrf,
      reason: 'kunden <b>ångrade</b> ordern',
    });
    // The login page, carrying the discard's reason (escaped, as its own field), leading back to the message.
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toContain('name="discardReason" value="kunden &lt;b&gt;ångrade&lt;/b&gt; ordern"');
    expect(expired.body).not.toContain('name="reason"');
    expect(expired.body).toContain(`next=%2Fholds%2F${id}`);
    const login = await logInFrom(server, expired, id, { discardReason: 'kunden <b>ångrade</b> ordern' });
    expect(login.statusCode).toBe(200);
    expect(login.body).toContain(`action="/holds/${id}/discard?lang=sv"`);
    expect(login.body).toMatch(
      /id="discard-reason"[^>]*>kunden &lt;b&gt;ångrade&lt;\/b&gt; ordern<\/textarea>/,
    );
    // The release form's reason stays empty: the typed reason was for the discard.
    expect(login.body).toMatch(/id="reason"[^>]*><\/textarea>/);
    expect(await fixture.holdStore.get(id)).toBeDefined();
  });

  it('returns to the message after login when its page was asked without a session, and nowhere else', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const asked = await server.inject({ method: 'GET', url: `/holds/${id}?lang=en` });
    expect(asked.statusCode).toBe(303);
    expect(asked.headers.location).toBe(`/login?lang=en&next=%2Fholds%2F${id}`);
    const loginPage = await server.inject({ method: 'GET', url: asked.headers.location as string });
    const login = await server.inject({
      method: 'POST',
      url: `/login?lang=en&next=%2Fholds%2F${id}`,
      headers: formHeaders(cookiesOf(loginPage)),
      payload: form({ csrf: csrfOf(loginPage.body), name: 'lena@butiken.se', token: TOKEN }),
    });
    expect(login.statusCode).toBe(303);
    expect(login.headers.location).toBe(`/holds/${id}?lang=en`);
    for (const next of [
      '/holds/../../evil',
      '/holds//evil.example',
      '/holds/a%2F..%2Fb',
      'https://evil.example/holds/x',
    ]) {
      const page = await server.inject({ method: 'GET', url: `/login?next=${encodeURIComponent(next)}` });
      const posted = await server.inject({
        method: 'POST',
        url: `/login?next=${encodeURIComponent(next)}`,
        headers: formHeaders(cookiesOf(page)),
        payload: form({ csrf: csrfOf(page.body), name: 'lena@butiken.se', token: TOKEN }),
      });
      expect(posted.headers.location, next).toBe('/holds?lang=en');
    }
  });
});
