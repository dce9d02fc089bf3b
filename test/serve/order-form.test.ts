import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import { loadCustomers } from '../../src/contacts/load-customers.js';
import { createOrderForm, type OrderFormOptions } from '../../src/serve/order-form/create-order-form.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { auth, csrfOf, fixtureServer, GOOD, logIn, postForm, postLogin, TYPO } from './support.js';

const fixture = usePipelineFixture();
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** A server with the order form, its script folder holding a stand-in for the built script. */
function formServer(options: OrderFormOptions = {}) {
  const scriptDir = join(fixture.dir, 'order-form');
  mkdirSync(scriptDir, { recursive: true });
  writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
  return fixtureServer(fixture, {
    registerOrderForm: createOrderForm({ scriptDir, ...options }),
  });
}

/** The order form over the demo base, the customers `docs/serve.md` starts the service with. */
async function demoServer() {
  const csv = readFileSync(resolve(__dirname, '../../examples/data/customers.csv'), 'utf8');
  const { customers } = await loadCustomers({ source: csv, format: 'csv' });
  const directory = createDirectory();
  directory.addAll(customers);
  const scriptDir = join(fixture.dir, 'order-form');
  mkdirSync(scriptDir, { recursive: true });
  writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
  return {
    customers,
    server: fixtureServer(fixture, { directory, registerOrderForm: createOrderForm({ scriptDir }) }),
  };
}

type Headers = Record<string, string>;
const search = (server: FastifyInstance, headers: Headers, q: string) =>
  server.inject({ method: 'GET', url: `/demo/customers?q=${encodeURIComponent(q)}`, headers });

const check = { entered: TYPO, customerId: 'C-1001' };

describe('the order form behind the login', () => {
  it('sends a visitor without a session to the login form, and back to the form after it', async () => {
    app = formServer();
    const page = await app.inject({ method: 'GET', url: '/demo?lang=sv' });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?lang=sv&next=%2Fdemo');
    const { loginPage, posted } = await postLogin(app, { url: '/login?lang=sv&next=%2Fdemo', name: 'lena' });
    expect(loginPage.body).toContain('action="/login?lang=sv&amp;next=%2Fdemo"');
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/demo?lang=sv');
  });

  it('has a skip link, a language link and a log-out button as the review page has', async () => {
    app = formServer();
    const { script, csrf } = await logIn(app);
    for (const [lang, other, logOut] of [
      ['en', 'sv', 'Log out'],
      ['sv', 'en', 'Logga ut'],
    ] as const) {
      const page = await app.inject({ method: 'GET', url: `/demo?lang=${lang}`, headers: script });
      expect(page.body, lang).toMatch(/<body>\s*<a class="skip" href="#main">/);
      expect(page.body, lang).toContain('<main id="main">');
      expect(page.body, lang).toContain(`<a href="/demo?lang=${other}" lang="${other}">`);
      expect(page.body, lang).toContain(`<form method="post" action="/logout?lang=${lang}">`);
      expect(page.body, lang).toContain(`<input type="hidden" name="csrf" value="${csrf}">`);
      expect(page.body, lang).toContain(`<button type="submit">${logOut}</button>`);
      expect(page.body, lang).toContain('lena@butiken.se');
    }
  });

  it('names the order form in the title of the login page that leads to it', async () => {
    app = formServer();
    const title = async (url: string) =>
      /<title>([^<]*)<\/title>/.exec((await app?.inject({ method: 'GET', url }))?.body ?? '')?.[1];
    expect(await title('/login?lang=en&next=%2Fdemo')).toMatch(/order form/);
    expect(await title('/login?lang=sv&next=%2Fdemo')).toMatch(/orderformuläret/);
    expect(await title('/login?lang=en')).toMatch(/review held messages/);
  });

  it('shows no empty customer-directory heading without script', async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    const page = await postForm(app, '/demo/check?lang=en', cookie, {
      csrf,
      customer: '',
      name: '',
      birthDate: '',
      phone: '',
      email: TYPO,
    });
    // The heading and its part are hidden when scripting is off (HTML Standard §4.12.2, noscript).
    expect(page.body).toMatch(
      /<noscript><style>\[data-directory-part\] \{ display: none; \}<\/style><\/noscript>/,
    );
    expect(page.body).toMatch(/<h2 data-directory-part>Customer directory<\/h2>/);
  });

  it("refuses the page's check with a live session but no CSRF header, or another, with 403", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { cookie },
      payload: check,
    });
    // The session is known, so it is not a login that is missing (401) but proof the page sent it.
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({
      type: expect.stringMatching(/#csrf-mismatch$/),
      status: 403,
      field: 'headers.x-csrf-token',
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { cookie, 'x-csrf-token': 'guess' },
      payload: check,
    });
    expect(wrong.statusCode).toBe(403);
  });

  it("limits a page session's checks, so a session cookie cannot test address after address; not the token's", async () => {
    const scriptDir = join(fixture.dir, 'order-form');
    mkdirSync(scriptDir, { recursive: true });
    writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
    app = fixtureServer(fixture, {
      registerOrderForm: createOrderForm({ scriptDir }),
      sessionCheckLimit: { checks: 2, refillMs: 600_000 },
    });
    const first = await logIn(app);
    const newCustomer = { entered: 'erik.lind@telia.com', customer: { id: 'new', name: 'Ny Kund' } };
    for (let at = 0; at < 2; at++) {
      const allowed = await app.inject({
        method: 'POST',
        url: '/v1/check',
        headers: first.script,
        payload: newCustomer,
      });
      expect(allowed.statusCode).toBe(200);
    }
    for (const url of ['/v1/check', '/v1/check-phone']) {
      const refused = await app.inject({
        method: 'POST',
        url,
        headers: first.script,
        payload: url === '/v1/check' ? newCustomer : { ...newCustomer, entered: '070-123 45 67' },
      });
      expect(refused.statusCode, url).toBe(429);
      expect(refused.headers['retry-after']).toBe('600');
      expect(refused.json()).toMatchObject({
        type: expect.stringMatching(/#too-many-requests$/),
        status: 429,
      });
      expect(refused.body).not.toContain('erik.lind');
    }
    // Another session has its own checks; the token's callers (order systems) are not limited so.
    const second = await logIn(app, 'per@butiken.se');
    const other = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: second.script,
      payload: newCustomer,
    });
    expect(other.statusCode).toBe(200);
    for (let at = 0; at < 5; at++) {
      const bearer = await app.inject({ method: 'POST', url: '/v1/check', headers: auth, payload: check });
      expect(bearer.statusCode).toBe(200);
    }
  });

  it("accepts the page's check with the session cookie and the CSRF token the page carries", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    const csrf = /data-csrf="([^"]+)"/.exec(page.body)?.[1];
    expect(csrf).toBeTruthy();
    await search(app, { cookie, 'x-csrf-token': csrf as string }, 'svens');
    const response = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { cookie, 'x-csrf-token': csrf as string },
      payload: check,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().action).toBe('block');
    expect(response.json().suggestion).toBe(GOOD);
  });

  it('keeps accepting the bearer token from other systems, and refuses the session on the hold routes', async () => {
    app = formServer();
    const bearer = await app.inject({ method: 'POST', url: '/v1/check', headers: auth, payload: check });
    expect(bearer.statusCode).toBe(200);
    const { script } = await logIn(app);
    const holds = await app.inject({ method: 'GET', url: '/v1/holds', headers: script });
    expect(holds.statusCode).toBe(401);
  });
});

describe('the routes behind the login, asked without a session over HTTP', () => {
  /** What a client without a session or the token learns from a GET: status, kind, challenge, body. */
  const answerTo = async (base: string, path: string) => {
    const response = await fetch(`${base}${path}`, { redirect: 'manual' });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      challenge: response.headers.get('www-authenticate'),
      location: response.headers.get('location'),
      body: await response.text(),
    };
  };

  it("answers the form's scripts, its customer routes and paths no route has alike, so none can be told apart", async () => {
    app = formServer();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const unknown = await answerTo(base, '/no-such-route');
    expect(unknown).toMatchObject({ status: 401, challenge: 'Bearer realm="email-guard"' });
    for (const path of [
      '/demo/order-form.js',
      '/demo/no-such-script.js',
      '/demo/customers',
      '/demo/customers?q=anna',
      '/demo/customers/C-1001',
      '/demo/no/such/path',
      '/v1/holds',
    ])
      expect(await answerTo(base, path), path).toEqual(unknown);
    // The script is served once logged in, and a name that is none is then said to be none.
    const { cookie } = await logIn(app);
    const script = await fetch(`${base}/demo/order-form.js`, { headers: { cookie } });
    expect(script.status).toBe(200);
    expect(await script.text()).toBe('export {};\n');
    const missing = await fetch(`${base}/demo/no-such-script.js`, { headers: { cookie } });
    expect(missing.status).toBe(404);
  });

  it('sends a person asking for a page without a session to the login, whether the page exists or not', async () => {
    app = formServer();
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    expect(await answerTo(base, '/demo?lang=en')).toMatchObject({
      status: 303,
      location: '/login?lang=en&next=%2Fdemo',
    });
    expect((await answerTo(base, '/holds?lang=en')).location).toBe('/login?lang=en');
    expect(await answerTo(base, '/holds/no-such-hold?lang=en')).toMatchObject({ status: 303 });
  });
});

describe('picking an existing customer', () => {
  it('finds customers by three letters of a name or by their whole id, ids and names only', async () => {
    app = formServer();
    const { script } = await logIn(app);
    const byName = await search(app, script, 'svens');
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toEqual({ customers: [{ id: 'C-1001', name: 'Anna Svensson' }], more: false });
    expect((await search(app, script, 'c-2002')).json()).toEqual({
      customers: [{ id: 'C-2002', name: 'Erik Lind' }],
      more: false,
    });
    // The start of an id, or fewer than three letters of a name, would list the base a page at a time.
    for (const q of ['C-20', 'C-', 'a', 'an'])
      expect((await search(app, script, q)).json(), q).toEqual({ customers: [], more: false });
  });

  it("gives the page the picked customer's record, and nothing without the session and its CSRF token", async () => {
    app = formServer();
    const { cookie, script } = await logIn(app);
    await search(app, script, 'svens');
    const record = await app.inject({ method: 'GET', url: '/demo/customers/C-1001', headers: script });
    expect(record.statusCode).toBe(200);
    expect(record.json()).toMatchObject({ id: 'C-1001', emails: [GOOD, 'anna@svenssonbygg.se'] });
    for (const headers of [{ cookie }, { cookie, 'x-csrf-token': 'guess' }, auth, {}]) {
      for (const url of ['/demo/customers/C-1001', '/demo/customers?q=anna']) {
        const refused = await app.inject({ method: 'GET', url, headers });
        expect(refused.statusCode).toBe(401);
        expect(refused.body).not.toContain('anna');
      }
    }
    const missing = await app.inject({ method: 'GET', url: '/demo/customers/C-9999', headers: script });
    expect(missing.statusCode).toBe(404);
  });

  it("gives the picked customer's phones as written at home, not in E.164, a foreign one internationally", async () => {
    const directory = createDirectory();
    directory.addAll([
      {
        id: 'C-3003',
        name: 'Karin Berg',
        emails: ['karin.berg@telia.com'],
        phones: ['+46701234567', '+47 41234567'],
      },
    ]);
    const scriptDir = join(fixture.dir, 'order-form');
    mkdirSync(scriptDir, { recursive: true });
    writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
    app = fixtureServer(fixture, { directory, registerOrderForm: createOrderForm({ scriptDir }) });
    const { script } = await logIn(app);
    await search(app, script, 'C-3003');
    const record = await app.inject({ method: 'GET', url: '/demo/customers/C-3003', headers: script });
    expect(record.statusCode).toBe(200);
    expect(record.json().phones).toEqual(['070-123 45 67', '+47 41 23 45 67']);
  });

  it("gives no record of a customer the session's search did not show", async () => {
    app = formServer();
    const { script } = await logIn(app);
    await search(app, script, 'svens');
    const guessed = await app.inject({ method: 'GET', url: '/demo/customers/C-2002', headers: script });
    expect(guessed.statusCode).toBe(404);
    expect(guessed.body).not.toContain('erik');
    // Another session's search shows nothing to this one.
    const other = await logIn(app, 'kim@butiken.se');
    const record = await app.inject({ method: 'GET', url: '/demo/customers/C-1001', headers: other.script });
    expect(record.statusCode).toBe(404);
  });
});

describe("the page's session on the check routes", () => {
  const ask = (server: FastifyInstance, headers: Headers, url: string, payload: Record<string, unknown>) =>
    server.inject({
      method: 'POST',
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload,
    });
  // The verdict for a customer id, with the id itself taken out: what is left must not tell ids apart.
  const without = (body: string, id: string) => body.replaceAll(id, '<id>');

  it("answers a session's check of a customer its search did not show as one not there", async () => {
    app = formServer();
    const { script } = await logIn(app);
    for (const url of ['/v1/check', '/v1/check-phone']) {
      const entered = url === '/v1/check' ? GOOD : '070-123 45 67';
      const guessed = await ask(app, script, url, { entered, customerId: 'C-1001' });
      const unknown = await ask(app, script, url, { entered, customerId: 'C-9999' });
      expect(guessed.statusCode, url).toBe(unknown.statusCode);
      expect(without(guessed.body, 'C-1001'), url).toBe(without(unknown.body, 'C-9999'));
      expect(guessed.body, url).not.toContain('knownAddresses":2');
    }
    // The token's callers are order systems with the whole directory: they keep it.
    const token = await ask(app, auth, '/v1/check', { entered: GOOD, customerId: 'C-1001' });
    expect(token.json().action).toBe('send');
  });

  it("answers a session's inline customer whose id it guessed alike for the owner and anyone else", async () => {
    app = formServer();
    const { script } = await logIn(app);
    const codes = (body: string) =>
      (JSON.parse(body) as { findings: { code: string }[] }).findings.map((finding) => finding.code);
    const cases = [
      { url: '/v1/check', entered: 'erik.lind@telia.com', owner: 'C-2002', emails: [] },
      { url: '/v1/check-phone', entered: '070-123 45 67', owner: 'C-1001', phones: [] },
    ];
    for (const { url, entered, owner, ...record } of cases) {
      const answers = [];
      for (const id of [owner, 'C-9999', 'new']) {
        const answer = await ask(app, script, url, { entered, customer: { id, ...record } });
        expect(answer.statusCode, `${url} ${id}`).toBe(200);
        answers.push(answer.body);
      }
      // The owner's id gets the same other-customer finding as an id nobody has.
      expect(codes(answers[0] as string), url).toContain('belongs-to-other-customer');
      expect(answers[0], url).toBe(answers[1]);
      expect(answers[0], url).toBe(answers[2]);
    }
    // A customer the session's search showed is that customer, as by id.
    await search(app, script, 'C-2002');
    const shown = await ask(app, script, '/v1/check', {
      entered: 'erik.lind@telia.com',
      customer: { id: 'C-2002', emails: [] },
    });
    expect(codes(shown.body)).not.toContain('belongs-to-other-customer');
    // The token's callers (order systems) name the customer they mean.
    const token = await ask(app, auth, '/v1/check', {
      entered: 'erik.lind@telia.com',
      customer: { id: 'C-2002', emails: [] },
    });
    expect(codes(token.body)).not.toContain('belongs-to-other-customer');
  });

  it("checks a customer the session's search showed, and only for that session", async () => {
    app = formServer();
    const { script } = await logIn(app);
    await search(app, script, 'svens');
    const shown = await ask(app, script, '/v1/check', { entered: GOOD, customerId: 'C-1001' });
    expect(shown.json().action).toBe('send');
    const phone = await ask(app, script, '/v1/check-phone', {
      entered: '070-123 45 67',
      customerId: 'C-1001',
    });
    expect(phone.statusCode).toBe(200);
    expect(phone.json().action).toBe('send');
    const other = await logIn(app, 'kim@butiken.se');
    const elsewhere = await ask(app, other.script, '/v1/check', { entered: GOOD, customerId: 'C-1001' });
    expect(elsewhere.json().findings.map((finding: { code: string }) => finding.code)).toContain(
      'lookup-failed',
    );
  });
});

describe('the search cannot list the base', () => {
  /**
   * The trial's loop: search a prefix, and refine it a character at a time while it answers a
   * full page (or is too short to be searched), ids from "C-" and names from each letter.
   */
  async function enumerate(server: FastifyInstance, headers: Headers) {
    const listed = new Set<string>();
    const queue = ['C-', ...'abcdefghijklmnopqrstuvwxyz'];
    for (let searches = 0; queue.length > 0 && searches < 60; searches++) {
      const q = queue.shift() as string;
      const response = await search(server, headers, q);
      if (response.statusCode === 429) return { listed, refused: response, searches };
      const { customers } = response.json() as { customers: { id: string }[] };
      for (const hit of customers) listed.add(hit.id);
      if (customers.length === 10 || q.length < 3)
        for (const next of q.startsWith('C-') ? '0123456789' : 'abcdefghijklmnopqrstuvwxyz')
          queue.push(q + next);
    }
    return { listed, refused: undefined, searches: 60 };
  }

  it('blocks an enumeration loop over the demo base before it lists more than a few customers', async () => {
    const demo = await demoServer();
    app = demo.server;
    expect(demo.customers.length).toBeGreaterThan(15);
    const { script } = await logIn(app);
    const { listed, refused } = await enumerate(app, script);
    expect(refused?.statusCode).toBe(429);
    expect(listed.size).toBeLessThanOrEqual(3);
  });

  it('answers spent searches with 429 problem details and Retry-After, in every session of the token', async () => {
    const demo = await demoServer();
    app = demo.server;
    const { script } = await logIn(app);
    // Whole ids guessed one by one: each one found costs a search.
    const listed = new Set<string>();
    let refused: Awaited<ReturnType<typeof search>> | undefined;
    for (let number = 1001; number <= 1034 && !refused; number++) {
      const response = await search(app, script, `C-${number}`);
      if (response.statusCode === 429) refused = response;
      else for (const hit of response.json().customers as { id: string }[]) listed.add(hit.id);
    }
    expect(listed.size).toBeLessThanOrEqual(20);
    expect(refused?.statusCode).toBe(429);
    expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused?.json()).toMatchObject({ status: 429, field: 'query.q' });
    expect(refused?.json().type).toMatch(/docs\/serve\.md#too-many-requests$/);
    // A new login earns no searches.
    const other = await logIn(app, 'kim@butiken.se');
    expect((await search(app, other.script, 'svens')).statusCode).toBe(429);
    // What the advice says holds: a customer this session was shown is found again by their id.
    const again = await search(app, script, 'C-1001');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ customers: [{ id: 'C-1001', name: 'Anna Svensson' }], more: false });
    expect(refused?.json().detail).toMatch(/already shown can still be entered by their whole id/);
  });

  it('answers a search showing only customers already shown also when the searches are spent', async () => {
    const demo = await demoServer();
    app = demo.server;
    const { script } = await logIn(app);
    const svens = await search(app, script, 'svens');
    expect(svens.json().customers.map((hit: { id: string }) => hit.id)).toEqual(['C-1001']);
    const kar = await search(app, script, 'kar');
    expect(kar.json().customers.length).toBeGreaterThan(1);
    // The rest of the budget, spent on whole ids guessed.
    let refused: Awaited<ReturnType<typeof search>> | undefined;
    for (let number = 1010; number <= 1060 && !refused; number++) {
      const response = await search(app, script, `C-${number}`);
      if (response.statusCode === 429) refused = response;
    }
    expect(refused?.statusCode).toBe(429);
    // The same search again, and more of a name already listed: nobody new, so answered.
    const again = await search(app, script, 'svens');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(svens.json());
    const kari = await search(app, script, 'kari');
    expect(kari.statusCode).toBe(200);
    expect(kari.json().customers).toEqual([{ id: 'C-1004', name: 'Karin Berg' }]);
    // A search that would show someone new is still refused, and one that finds nobody too.
    expect((await search(app, script, 'lind')).statusCode).toBe(429);
    expect((await search(app, script, 'zzz')).statusCode).toBe(429);
    // The plain form: the same rule.
    const { cookie, csrf } = await logIn(app, 'kim@butiken.se');
    const plain = await postForm(app, '/demo/check?lang=en', cookie, {
      csrf,
      customer: 'svens',
      email: TYPO,
    });
    expect(plain.statusCode).toBe(429);
    const shown = await postForm(app, '/demo/check?lang=en', cookie, {
      csrf,
      customer: 'C-1001',
      email: TYPO,
    });
    expect(shown.statusCode).toBe(429);
  });

  it("refuses the trial's loop of new logins before it lists more names than the documented 200", async () => {
    const directory = createDirectory();
    const first = ['Anna', 'Erik', 'Maria', 'Karin', 'Lars', 'Johan', 'Sofia', 'Mikael', 'Elin', 'Gustav'];
    const last = ['Svensson', 'Lind', 'Berg', 'Holm', 'Nyström', 'Wikström', 'Sjöberg', 'Andersson'];
    let number = 0;
    for (let round = 0; round < 10; round++)
      for (const given of first)
        for (const family of last)
          directory.add({
            id: `C-${++number}`,
            name: `${given} ${family}`,
            emails: [`c${number}@example.se`],
          });
    const scriptDir = join(fixture.dir, 'order-form');
    mkdirSync(scriptDir, { recursive: true });
    writeFileSync(join(scriptDir, 'order-form.js'), 'export {};\n');
    app = fixtureServer(fixture, { directory, registerOrderForm: createOrderForm({ scriptDir }) });
    const prefixes = ['ann', 'eri', 'mar', 'kar', 'lar', 'joh', 'sof', 'mik', 'eli', 'gus', 'sve', 'lin'];
    const records = new Set<string>();
    let refusedSearches = 0;
    let refusedLogins = 0;
    let script: Record<string, string> | undefined;
    let used = 10;
    for (let pass = 0; pass < 5; pass++)
      for (const prefix of [...prefixes, ...prefixes.map((p) => `${p} ${last[pass]?.slice(0, 3)}`)]) {
        if (used >= 10) {
          // A new login each ten searches, as the trial did.
          const { posted } = await postLogin(app, { name: `scraper${pass}` });
          if (posted.statusCode === 429) refusedLogins++;
          else {
            const session = posted.cookies.find((cookie) => cookie.name === 'email_guard_session');
            const cookie = `email_guard_session=${session?.value}`;
            const holds = await app.inject({ method: 'GET', url: '/holds', headers: { cookie } });
            script = { cookie, 'x-csrf-token': csrfOf(holds.body) };
          }
          used = 0;
        }
        const response = await search(app, script as Record<string, string>, prefix);
        used++;
        if (response.statusCode === 429) {
          refusedSearches++;
          continue;
        }
        for (const hit of response.json().customers as { id: string }[]) {
          const record = await app.inject({
            method: 'GET',
            url: `/demo/customers/${encodeURIComponent(hit.id)}`,
            headers: script as Record<string, string>,
          });
          if (record.statusCode === 200) records.add(hit.id);
        }
      }
    expect(refusedSearches).toBeGreaterThan(0);
    expect(records.size).toBeLessThanOrEqual(200);
    expect(records.size).toBeGreaterThan(0);
    expect(refusedLogins).toBeGreaterThanOrEqual(0);
  });

  it('refuses logins from one address past five in a row with 429 and the login page saying so', async () => {
    app = formServer();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof postLogin>>['posted'] | undefined;
    for (let attempt = 0; attempt < 7; attempt++) {
      last = (await postLogin(app, attempt % 2 ? { token: 'wrong' } : {})).posted;
      statuses.push(last.statusCode);
    }
    expect(statuses.slice(0, 5)).not.toContain(429);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(last?.headers['content-type']).toMatch(/^text\/html/);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    expect(last?.body).toMatch(/role="alert"[^>]*>Too many logins from this address for now/);
  });

  it('lets a salesperson pick fifteen customers in a row, typing more of each name', async () => {
    const demo = await demoServer();
    app = demo.server;
    const { script } = await logIn(app);
    const named = demo.customers
      .filter((customer) => customer.name && !/[<"]/.test(customer.name))
      .slice(0, 15);
    expect(named.length).toBe(15);
    for (const customer of named) {
      const name = customer.name as string;
      const family = name.split(' ').at(-1) as string;
      for (const typed of [family.slice(0, 3), family.slice(0, 5), name]) {
        const response = await search(app, script, typed);
        expect(response.statusCode, `${name}: ${typed}`).toBe(200);
      }
      const record = await app.inject({
        method: 'GET',
        url: `/demo/customers/${customer.id}`,
        headers: script,
      });
      expect(record.statusCode).toBe(200);
    }
  });

  it("writes no customer's record into the page", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('svensson1985');
    expect(page.body).not.toContain('C-1001');
  });
});

describe('the order form without script', () => {
  const post = (server: FastifyInstance, cookie: string, fields: Record<string, string>) =>
    postForm(server, '/demo/check?lang=en', cookie, fields);

  it('answers the posted form with the verdict in the page, the suggestion one click away', async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo?lang=en', headers: { cookie } });
    // The plain form posts to the page's own route, with the session's CSRF token in a field.
    expect(page.body).toContain('action="/demo/check?lang=en"');
    const csrf = csrfOf(page.body);
    const answered = await post(app, cookie, { csrf, customer: 'C-1001', email: TYPO });
    expect(answered.statusCode).toBe(200);
    expect(answered.headers['content-type']).toMatch(/^text\/html/);
    expect(answered.body).toContain('data-action="block"');
    expect(answered.body).toContain('data-code="near-miss"');
    expect(answered.body).toContain(`name="useSuggestion" value="${GOOD}"`);
    // What was typed stays in the form.
    expect(answered.body).toContain(`id="email" name="email" type="email" value="${TYPO}"`);
    const fixed = await post(app, cookie, { csrf, customer: 'C-1001', email: TYPO, useSuggestion: GOOD });
    expect(fixed.body).toContain('data-action="send"');
    expect(fixed.body).toContain(`value="${GOOD}"`);
  });

  it('makes Enter in a field check what was typed: the check button is the first submit button', async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    const answered = await post(app, cookie, { csrf, customer: 'C-1001', email: TYPO });
    expect(answered.body).toContain('name="useSuggestion"');
    // Implicit submission (HTML Standard §4.10.21.2) presses the form's default button: the first
    // submit button in tree order.
    const form = answered.body.slice(answered.body.indexOf('<form data-order-form'));
    const first = /<button[^>]*type="submit"[^>]*>/.exec(form.slice(0, form.indexOf('</form>')))?.[0];
    expect(first).toBeDefined();
    expect(first).not.toContain('useSuggestion');
    // What that button posts (the typed fields, no useSuggestion) is checked as typed.
    const again = await post(app, cookie, { csrf, customer: 'C-1001', email: TYPO });
    expect(again.body).toContain('data-action="block"');
    expect(again.body).toContain(`id="email" name="email" type="email" value="${TYPO}"`);
  });

  it("adds the directory's findings for a new customer given another customer's address", async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: '/demo?lang=en', headers: { cookie } });
    const answered = await post(app, cookie, {
      csrf: csrfOf(page.body),
      customer: '',
      name: 'Eva Berg',
      email: 'erik.lind@telia.com',
    });
    expect(answered.body).toContain('data-code="belongs-to-other-customer"');
  });

  it('finds the customer the plain form names by name, as the search does', async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    const answered = await post(app, cookie, { csrf, customer: 'Anna Svensson', email: TYPO });
    expect(answered.statusCode).toBe(200);
    expect(answered.body).toContain('data-code="near-miss"');
    expect(answered.body).toContain(`name="useSuggestion" value="${GOOD}"`);
    expect(answered.body).toContain('Customer: Anna Svensson (C-1001)');
    expect(answered.body).toContain('name="customer" type="text"');
    expect(answered.body).toMatch(/id="customer"[^>]*value="C-1001"/);
  });

  it("checks a typed name against the customer the script's search and check find for it", async () => {
    app = formServer();
    const { cookie, csrf, script } = await logIn(app);
    const plain = await post(app, cookie, { csrf, customer: 'Anna Svensson', email: TYPO });
    // What the page's script asks: the search for the typed text, then the check of its one match.
    const found = (await search(app, script, 'Anna Svensson')).json();
    expect(found).toEqual({ customers: [{ id: 'C-1001', name: 'Anna Svensson' }], more: false });
    const checked = await app.inject({
      method: 'POST',
      url: '/v1/check',
      headers: { ...script, 'content-type': 'application/json' },
      payload: { entered: TYPO, customerId: 'C-1001', locale: 'en' },
    });
    const verdict = checked.json() as { action: string; findings: { code: string }[] };
    expect(plain.body).toContain(`data-status data-action="${verdict.action}"`);
    const codes = [...plain.body.matchAll(/<li data-code="([^"]+)"/g)].map((match) => match[1]);
    expect(codes).toEqual(verdict.findings.map((finding) => finding.code));
  });

  it("says plainly what to enter when the plain form's customer field names nobody or several", async () => {
    const demo = await demoServer();
    app = demo.server;
    const { cookie, csrf } = await logIn(app);
    const nobody = await post(app, cookie, { csrf, customer: 'Svenson Anna', email: TYPO });
    expect(nobody.statusCode).toBe(422);
    expect(nobody.body).toContain('data-action="error"');
    expect(nobody.body).toContain('Enter the whole customer id or three letters of each word of the name');
    expect(nobody.body).not.toContain('could not be looked up');
    // What was typed stays in the form.
    expect(nobody.body).toMatch(/id="customer"[^>]*value="Svenson Anna"/);
    const several = await post(app, cookie, { csrf, customer: 'lind', email: 'erik.lind@telia.com' });
    expect(several.statusCode).toBe(422);
    expect(several.body).toContain('Several customers match: Erik Lind (C-1002), Maria Lind (C-1003)');
    expect(several.body).toContain('Enter the customer id of the one meant.');
  });

  it('lets the plain form check the same customer again and again without spending its searches', async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    for (let round = 0; round < 12; round++) {
      const answered = await post(app, cookie, {
        csrf,
        customer: 'C-1001',
        email: TYPO,
        useSuggestion: GOOD,
      });
      expect(answered.statusCode, `round ${round}`).toBe(200);
      expect(answered.body).toContain('data-action="send"');
    }
  });

  it('refuses a post without the CSRF token and sends a visitor without a session to the login', async () => {
    app = formServer();
    const { cookie } = await logIn(app);
    const forged = await post(app, cookie, { csrf: 'guess', customer: 'C-1001', email: TYPO });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).not.toContain('data-code="near-miss"');
    const anonymous = await post(app, '', { customer: 'C-1001', email: TYPO });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?lang=en&next=%2Fdemo');
  });
});

describe('what the plain form takes', () => {
  it('answers POST /demo/check with a JSON body 415, as it takes its form only', async () => {
    app = formServer();
    const { cookie, csrf } = await logIn(app);
    const response = await app.inject({
      method: 'POST',
      url: '/demo/check?lang=en',
      headers: { cookie, 'content-type': 'application/json' },
      payload: { csrf, customer: 'C-1001', email: TYPO },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ status: 415, field: 'headers.content-type' });
  });
});

describe('the order form without script: birth date and phone', () => {
  const post = (server: FastifyInstance, cookie: string, lang: string, fields: Record<string, string>) =>
    postForm(server, `/demo/check?lang=${lang}`, cookie, fields);

  it('checks the address regardless of an impossible birth date, and says so beside the date in the page language', async () => {
    const { server } = await demoServer();
    app = server;
    const { cookie, csrf } = await logIn(server);
    for (const [lang, said] of [
      ['sv', /inget datum/],
      ['en', /is no date/],
    ] as const) {
      const page = await post(server, cookie, lang, {
        csrf,
        customer: 'C-1001',
        name: '',
        birthDate: '1985-02-30',
        phone: '',
        email: TYPO,
      });
      expect(page.statusCode, lang).toBe(200);
      expect(page.body, lang).toMatch(/data-status data-action="block"/);
      expect(page.body, lang).not.toContain('Invalid ISO date');
      const error =
        /<p class="field-error" id="birthDate-error"[^>]*>([^<]*)<\/p>/.exec(page.body)?.[1] ?? '';
      expect(error, lang).toMatch(said);
      expect(page.body, lang).toMatch(
        /<input id="birthDate"[^>]*aria-describedby="birthDate-error" aria-invalid="true"/,
      );
      expect(page.body, lang).toContain('value="1985-02-30"');
    }
  });

  it("checks the phone typed against the customer's numbers and the directory, the suggestion one click", async () => {
    const { server } = await demoServer();
    app = server;
    const { cookie, csrf } = await logIn(server);
    const fields = {
      csrf,
      customer: 'C-1001',
      name: '',
      birthDate: '',
      email: 'anna.svensson1985@gmail.com',
    };
    const swapped = await post(server, cookie, 'en', { ...fields, phone: '070 123 45 76' });
    expect(swapped.body).toMatch(/<p id="phone-status" data-phone-status data-action="block">Phone: blocked/);
    const button = /<button type="submit" name="usePhoneSuggestion" value="([^"]+)"/.exec(swapped.body)?.[1];
    expect(button).toBeDefined();
    const taken = await post(server, cookie, 'en', {
      ...fields,
      phone: '070 123 45 76',
      usePhoneSuggestion: button as string,
    });
    expect(taken.body).toMatch(/data-phone-status data-action="send"/);
    const others = await post(server, cookie, 'sv', { ...fields, phone: '073-555 12 34' });
    expect(others.body).toMatch(/data-phone-status data-action="confirm">Telefon: bekräfta/);
    expect(others.body).toMatch(/<ul data-phone-findings><li data-code="belongs-to-other-customer"/);
    // The e-mail's verdict is still there, beside its own field.
    expect(others.body).toMatch(/data-status data-action="send"/);
  });

  it('says nothing about arrow keys without script, and announces only the short verdict', async () => {
    const { server } = await demoServer();
    app = server;
    const { cookie, csrf } = await logIn(server);
    const page = await post(server, cookie, 'en', {
      csrf,
      customer: '',
      name: '',
      birthDate: '',
      phone: '',
      email: TYPO,
    });
    expect(page.body).toMatch(/<span class="hint" id="customer-keys" data-customer-keys hidden>Arrow keys/);
    expect(page.body).toMatch(/aria-describedby="customer-hint customer-status"/);
    expect(page.body).not.toMatch(/<section[^>]*aria-live/);
    expect(page.body).toMatch(/<input id="email"[^>]*aria-describedby="email-status"/);
    expect(page.body).toMatch(/<p id="email-status" role="status" data-status data-action="[a-z]+">/);
  });
});
