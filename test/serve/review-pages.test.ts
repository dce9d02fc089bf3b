import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileHoldStore } from '../../src/nodemailer/create-file-hold-store.js';
import { expectLinearGrowth } from '../support/growth.js';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import {
  auth,
  fixtureServer,
  GOOD,
  holdOrder,
  holdsDir,
  logIn,
  postForm,
  postLogin,
  TOKEN,
  TYPO,
} from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('the review page', () => {
  it('sends a visitor without a session to the login form, and refuses a wrong token', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const page = await server.inject({ method: 'GET', url: '/holds' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?lang=en');
    const { loginPage, posted: wrong } = await postLogin(server, { name: 'lena', token: `${TOKEN}x` });
    expect(loginPage.body).toContain('<label for="token">Access token</label>');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).toContain('role="alert"');
    expect(wrong.cookies.find((cookie) => cookie.name === 'email_guard_session')).toBeUndefined();
    const { posted: noCsrf } = await postLogin(server, { name: 'lena', csrf: 'guess' });
    expect(noCsrf.statusCode).toBe(401);
  });

  it('lists every held message with its age, recipients, findings and suggestion', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { holds } = await logIn(server);
    expect(holds.statusCode).toBe(200);
    expect(holds.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(holds.headers['content-security-policy']).not.toMatch(/script-src|unsafe-inline/);
    expect(holds.body).toContain('<html lang="en">');
    expect(holds.body).toContain('<caption>1 held message, oldest first</caption>');
    expect(holds.body).toContain('0 min');
    expect(holds.body).toContain(TYPO);
    expect(holds.body).toContain(GOOD);
    expect(holds.body).toMatch(/Looks like a typo/);
    expect(holds.body).toContain(`href="/holds/${id}?lang=en"`);
    expect(holds.body).not.toContain('<script');
  });

  it("keeps next=/demo on the login page's language link, so a login in the other language returns to the form", async () => {
    const server = fixtureServer(fixture);
    app = server;
    const english = await server.inject({ method: 'GET', url: '/login?next=%2Fdemo&lang=en' });
    const link = /<nav[^>]*><a href="([^"]*)" lang="sv">/.exec(english.body)?.[1]?.replaceAll('&amp;', '&');
    expect(link).toBeDefined();
    const target = new URL(link ?? '', 'http://127.0.0.1');
    expect(target.pathname).toBe('/login');
    expect(target.searchParams.get('next')).toBe('/demo');
    expect(target.searchParams.get('lang')).toBe('sv');
    const { posted } = await postLogin(server, { url: `${target.pathname}${target.search}` });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/demo?lang=sv');
  });

  it('speaks Swedish with ?lang=sv', async () => {
    const server = fixtureServer(fixture);
    app = server;
    await holdOrder(fixture, TYPO);
    const { cookie } = await logIn(server);
    const page = await server.inject({ method: 'GET', url: '/holds?lang=sv', headers: { cookie } });
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('<h1>Stoppade meddelanden</h1>');
    expect(page.body).toContain('<span class="block">Stoppa</span>');
  });

  it("names the action with a word of the page's language, not the API's code", async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie } = await logIn(server);
    for (const [lang, word] of [
      ['en', 'Block'],
      ['sv', 'Stoppa'],
    ] as const) {
      for (const url of [`/holds?lang=${lang}`, `/holds/${id}?lang=${lang}`]) {
        const page = await server.inject({ method: 'GET', url, headers: { cookie } });
        expect(page.body, url).toContain(`<span class="block">${word}</span>`);
        expect(page.body, url).not.toContain('<span class="block">block</span>');
      }
    }
  });

  it("shows a message's headers and its body as escaped text, loading nothing", async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(
      fixture,
      TYPO,
      'Hej <img src="https://tracker.example/p.gif"> <script>alert(1)</script>',
    );
    const { cookie } = await logIn(server);
    const page = await server.inject({ method: 'GET', url: `/holds/${id}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<dt>Subject</dt><dd>Orderbekräftelse &lt;4711&gt;</dd>');
    expect(page.body).toContain(
      'Hej &lt;img src=&quot;https://tracker.example/p.gif&quot;&gt; &lt;script&gt;',
    );
    expect(page.body).not.toContain('<img');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain(`<input id="to-0" name="to" type="email" autocomplete="off" value="${GOOD}"`);
    expect(page.body).toContain('<label for="reason">');
  });

  it('releases a held message to a corrected address once, recording who and why', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server, 'Lena Berg');
    const withoutCsrf = await postForm(server, `/holds/${id}/release`, cookie, {
      to: GOOD,
      reason: 'read back',
    });
    expect(withoutCsrf.statusCode).toBe(403);
    const typo = await postForm(server, `/holds/${id}/release`, cookie, {
      csrf,
      to: 'anna.svensson19855@gmail.com',
      reason: 'read back on the phone',
    });
    expect(typo.statusCode).toBe(422);
    expect(typo.body).toContain('role="alert"');
    // What the reviewer typed is still in the form.
    expect(typo.body).toContain('value="anna.svensson19855@gmail.com"');
    expect(typo.body).toContain('>read back on the phone</textarea>');
    expect(fixture.sink.received).toHaveLength(0);
    const released = await postForm(server, `/holds/${id}/release`, cookie, {
      csrf,
      to: GOOD,
      reason: 'read back on the phone',
    });
    expect(released.statusCode).toBe(303);
    expect(released.headers.location).toBe('/holds?lang=en&done=released');
    const again = await postForm(server, `/holds/${id}/release`, cookie, {
      csrf,
      to: GOOD,
      reason: 'read back on the phone',
    });
    expect(again.statusCode).toBe(303);
    expect(fixture.sink.received.map((mail) => mail.to)).toEqual([[GOOD]]);
    expect(fixture.audit.entries.find((entry) => entry.outcome === 'released')).toMatchObject({
      holdId: id,
      release: { by: 'Lena Berg', reason: 'read back on the phone' },
    });
  });

  it('releases to an address new to the customer only when the reviewer ticks that it was confirmed', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server, 'Lena Berg');
    const page = await server.inject({ method: 'GET', url: `/holds/${id}`, headers: { cookie } });
    expect(page.body).toMatch(/<input type="checkbox" id="confirm-new" name="confirmNew" value="yes">/);
    expect(page.body).toContain('<label for="confirm-new">');
    const NEW = 'anna.work@example.se';
    const unconfirmed = await postForm(server, `/holds/${id}/release`, cookie, {
      csrf,
      to: NEW,
      reason: 'new address read back',
    });
    expect(unconfirmed.statusCode).toBe(422);
    expect(fixture.sink.received).toHaveLength(0);
    const confirmed = await postForm(server, `/holds/${id}/release`, cookie, {
      csrf,
      to: NEW,
      reason: 'new address read back',
      confirmNew: 'yes',
    });
    expect(confirmed.statusCode).toBe(303);
    expect(fixture.sink.received.map((mail) => mail.to)).toEqual([[NEW]]);
    expect(fixture.audit.entries.find((entry) => entry.outcome === 'released')).toMatchObject({
      release: { by: 'Lena Berg', confirmNew: true },
    });
  });

  it('discards a held message with the CSRF token only', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server);
    const forged = await postForm(server, `/holds/${id}/discard`, cookie, { csrf: `${csrf}x` });
    expect(forged.statusCode).toBe(403);
    expect(await fixture.holdStore.list()).toHaveLength(1);
    const discarded = await postForm(server, `/holds/${id}/discard`, cookie, {
      csrf,
      reason: 'the customer cancelled the order',
    });
    expect(discarded.statusCode).toBe(303);
    expect(await fixture.holdStore.list()).toHaveLength(0);
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('refuses a discard without a reason, as POST /v1/holds/:id/discard does, and keeps the message', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server, 'Lena Berg');
    for (const reason of [undefined, '', '   ', 'x'.repeat(2001)]) {
      const refused = await postForm(server, `/holds/${id}/discard?lang=en`, cookie, {
        csrf,
        ...(reason === undefined ? {} : { reason }),
      });
      expect(refused.statusCode, JSON.stringify(reason)).toBe(400);
      expect(refused.body).toContain('id="release-error"');
    }
    const empty = await postForm(server, `/holds/${id}/discard?lang=en`, cookie, { csrf, reason: ' ' });
    expect(empty.body).toContain('why the message is discarded must not be empty');
    const api = await server.inject({
      method: 'POST',
      url: `/v1/holds/${id}/discard`,
      headers: { ...auth, 'content-type': 'application/json' },
      payload: { reason: ' ' },
    });
    expect(api.statusCode).toBe(400);
    expect(api.body).toContain('why the message is discarded must not be empty');
    expect(await fixture.holdStore.list()).toHaveLength(1);
    expect(fixture.audit.entries.filter((line) => line.outcome === 'discarded')).toEqual([]);
  });

  it('records a discard from the page in the audit log with who, why and where', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server, 'Lena Berg');
    const discarded = await postForm(server, `/holds/${id}/discard`, cookie, {
      csrf,
      reason: 'the customer cancelled the order',
    });
    expect(discarded.statusCode).toBe(303);
    const entry = fixture.audit.entries.find((line) => line.outcome === 'discarded');
    expect(entry).toMatchObject({
      holdId: id,
      customerId: 'C-1001',
      discard: { by: 'Lena Berg', reason: 'the customer cancelled the order', where: 'review-page' },
    });
    expect(entry?.recipients[0]).toMatchObject({ address: TYPO, action: 'block' });
  });

  it('shows the losing tab of a release race the message as being released, without forms that cannot work', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server);
    // The other tab's release holds the message's lock while it sends (as the file store takes it).
    writeFileSync(join(holdsDir(fixture), `${id}.lock`), '');
    for (const lang of ['en', 'sv']) {
      const lost = await postForm(server, `/holds/${id}/release?lang=${lang}`, cookie, {
        csrf,
        to: GOOD,
        reason: 'read back on the phone',
      });
      expect(lost.statusCode, lang).toBe(409);
      expect(lost.body, lang).toMatch(lang === 'en' ? /by someone else/ : /av någon annan/);
      expect(lost.body, lang).toMatch(lang === 'en' ? /being released/ : /släpps nu/);
      expect(lost.body, lang).not.toContain(`/holds/${id}/release`);
      expect(lost.body, lang).not.toContain(`/holds/${id}/discard`);
      expect(lost.body, lang).toContain('role="status"');
      const reread = await server.inject({
        method: 'GET',
        url: `/holds/${id}?lang=${lang}`,
        headers: { cookie },
      });
      expect(reread.body, lang).not.toContain(`/holds/${id}/release`);
    }
  });

  it('says a message already released or discarded is gone, instead of a silent redirect', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server);
    await fixture.holdStore.discard(id);
    const late = await postForm(server, `/holds/${id}/release?lang=sv`, cookie, {
      csrf,
      to: GOOD,
      reason: 'läst upp i telefon',
    });
    const shown =
      late.statusCode === 303
        ? await server.inject({ method: 'GET', url: late.headers.location as string, headers: { cookie } })
        : late;
    expect(shown.body).toMatch(/redan skickat eller kastat/);
  });

  it('shows a refused release in Swedish on a Swedish page, tied to the recipient fields', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server);
    const refused = await postForm(server, `/holds/${id}/release?lang=sv`, cookie, {
      csrf,
      to: 'anna.svensson19985@gmail.com',
      reason: 'läst upp i telefon',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toMatch(/klarar inte kontrollen/);
    expect(refused.body).not.toContain('A recipient does not pass the check');
    expect(refused.body).toContain('<dt>Från</dt>');
    expect(refused.body).toContain('<dt>Ämne</dt>');
    expect(refused.body).toMatch(/<li>Till: /);
    expect(refused.body).toMatch(
      /<input id="to-0"[^>]*aria-invalid="true"[^>]*aria-describedby="[^"]*release-error/,
    );
  });

  it('names the refused recipient and its finding in words in both languages, without internals', async () => {
    const server = fixtureServer(fixture);
    app = server;
    const id = await holdOrder(fixture, TYPO);
    const { cookie, csrf } = await logIn(server);
    const typo = 'anna.svensson19985@gmail.com';
    for (const [lang, words] of [
      ['sv', /skrivfel|stavfel|nästan/i],
      ['en', /typo|slip|near/i],
    ] as const) {
      const refused = await postForm(server, `/holds/${id}/release?lang=${lang}`, cookie, {
        csrf,
        to: typo,
        reason: 'read back',
      });
      expect(refused.statusCode).toBe(422);
      const alert =
        /<div class="alert" role="alert" id="release-error">([\s\S]*?)<\/div>/.exec(refused.body)?.[1] ?? '';
      expect(alert, lang).toContain(typo);
      expect(alert, lang).toMatch(words);
      expect(alert, lang).not.toContain(id);
      expect(alert, lang).not.toContain('({ to })');
    }
    // Another customer's address, not corrected: named with why, in Swedish too.
    const other = await postForm(server, `/holds/${id}/release?lang=sv`, cookie, {
      csrf,
      to: 'erik.lind@telia.com',
      reason: 'läst upp',
    });
    expect(other.statusCode).toBe(422);
    const alert =
      /<div class="alert" role="alert" id="release-error">([\s\S]*?)<\/div>/.exec(other.body)?.[1] ?? '';
    expect(alert).toContain('erik.lind@telia.com');
    expect(alert).toMatch(/annan kund/i);
    expect(fixture.sink.received).toHaveLength(0);
  });
});

describe('errors on the pages are pages', () => {
  it('answers the sixth login on a Swedish page with a Swedish page, 429 and Retry-After', async () => {
    app = fixtureServer(fixture);
    let last: Awaited<ReturnType<typeof postLogin>>['posted'] | undefined;
    for (let attempt = 0; attempt < 6; attempt++)
      last = (await postLogin(app, { name: 'lena', token: 'wrong', url: '/login?lang=sv' })).posted;
    expect(last?.statusCode).toBe(429);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.headers['content-type']).toMatch(/^text\/html/);
    expect(last?.body).toContain('<html lang="sv">');
    expect(last?.body).toMatch(/role="alert"[^>]*>För många inloggningar/);
    expect(last?.body).not.toContain('"status":429');
  });

  it('answers a page path over the length limit with an HTML page in its language', async () => {
    app = fixtureServer(fixture);
    const { cookie } = await logIn(app);
    const page = await app.inject({
      method: 'GET',
      url: `/holds/${'a'.repeat(150)}?lang=sv`,
      headers: { cookie },
    });
    expect(page.statusCode).toBe(414);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html lang="sv">');
    expect(page.body).toContain('högst 100 tecken');
    // The API keeps its problem details.
    const api = await app.inject({
      method: 'GET',
      url: `/v1/holds/${'a'.repeat(150)}`,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(api.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});

describe('telling held messages apart in the list', () => {
  it("shows each message's subject (escaped), sender, customer id and hold time; the API list shows no subject", async () => {
    app = fixtureServer(fixture);
    await holdMessage(fixture, TYPO, { subject: 'Order <4711> & "more"' });
    await holdMessage(fixture, TYPO, { subject: 'Order 4712' });
    const { holds } = await logIn(app);
    expect(holds.body).toContain('Order &lt;4711&gt; &amp; &quot;more&quot;');
    expect(holds.body).not.toContain('Order <4711>');
    expect(holds.body).toContain('Order 4712');
    expect(holds.body).toContain('order@butiken.se');
    expect(holds.body).toContain('C-1001');
    expect(holds.body).toMatch(
      /<time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{4}-\d\d-\d\d \d\d:\d\d UTC<\/time>/,
    );
    const api = await app.inject({
      method: 'GET',
      url: '/v1/holds',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    // The subject in no form; a hold id is a time and random hex, which may hold the digits 4711.
    expect(api.body).not.toMatch(/Order|&lt;4711|<4711|\\u003c4711|"subject"/);
  });

  it("lists from the store's records: a message's file is not read for its subject", async () => {
    app = fixtureServer(fixture);
    const id = await holdMessage(fixture, TYPO, { subject: 'Order 4713' });
    // A message file that no longer matches its digest cannot be read: the list must not need it.
    await writeFile(join(holdsDir(fixture), `${id}.eml`), 'not the message');
    const { holds } = await logIn(app);
    expect(holds.body).toContain('Order 4713');
  });

  it('lists a message held before the store kept subjects, reading its file once', async () => {
    app = fixtureServer(fixture);
    const raw = Buffer.from(
      'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nSubject: Order 4714\r\n\r\nTack.\r\n',
    );
    const held = await fixture.holdStore.hold({
      raw,
      envelope: { from: 'order@butiken.se', to: [TYPO] },
      action: 'block',
      recipients: [],
      customerId: 'C-1001',
    });
    const { holds, cookie } = await logIn(app);
    expect(holds.body).toContain('Order 4714');
    await writeFile(join(holdsDir(fixture), `${held.id}.eml`), 'not the message');
    const again = await app.inject({ method: 'GET', url: '/holds', headers: { cookie } });
    expect(again.body).toContain('Order 4714');
  });

  it('lists n and 4n held messages in time that grows linearly', async () => {
    const raw = (index: number) =>
      Buffer.from(`From: order@butiken.se\r\nTo: ${TYPO}\r\nSubject: Order ${index}\r\n\r\nTack.\r\n`);
    const servers: FastifyInstance[] = [];
    // Each size has its own store and server, made on the first (untimed) run.
    const prepare = async (n: number) => {
      const holdStore = createFileHoldStore(join(fixture.dir, `growth-${n}`));
      for (let index = 0; index < n; index++)
        await holdStore.hold({
          raw: raw(index),
          subject: `Order ${index}`,
          envelope: { from: 'order@butiken.se', to: [TYPO] },
          action: 'block',
          recipients: [],
          customerId: 'C-1001',
        });
      const server = fixtureServer(fixture, { holdStore });
      servers.push(server);
      const { cookie } = await logIn(server);
      return { server, cookie };
    };
    try {
      await expectLinearGrowth({
        n: 25,
        tries: 3,
        make: (n) => ({ n, ready: undefined as ReturnType<typeof prepare> | undefined }),
        run: async (input) => {
          input.ready ??= prepare(input.n);
          const { server, cookie } = await input.ready;
          const page = await server.inject({ method: 'GET', url: '/holds', headers: { cookie } });
          expect(page.body).toContain(`Order ${input.n - 1}<`);
        },
      });
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  }, 120_000);
});
