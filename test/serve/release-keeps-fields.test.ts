import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { holdWithFields, type OrderFields } from '../support/hold-with-fields.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { fixtureServer, GOOD, logIn, postForm, withToken } from './support.js';

// An order typed to a mistyped Gmail address with the shop's archive as a blind copy: a corrected
// release keeps each recipient in its field, so the archive's address never shows to the customer
// (RFC 5322 §3.6.3: a Bcc recipient is not shown to the others).
const fixture = usePipelineFixture();
const TYPED = 'anna.svensson1985@gmial.com';
const ARCHIVE = 'arkiv@butiken-arkiv.se';
let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const holdWithBlindCopy = (fields: OrderFields) => holdWithFields(fixture, fields);

/** The one message the SMTP server received: its RCPT TO list and its header's To, Cc and Bcc. */
async function delivered() {
  expect(fixture.sink.received).toHaveLength(1);
  const [message] = fixture.sink.received;
  const parsed = await simpleParser(message?.raw ?? Buffer.alloc(0));
  const addresses = (field: typeof parsed.to) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((list) =>
      list.value.map(({ address }) => address),
    );
  return {
    rcptTo: [...(message?.to ?? [])].sort(),
    to: addresses(parsed.to),
    cc: addresses(parsed.cc),
    bcc: addresses(parsed.bcc),
    header: message?.raw.toString('latin1').split(/\r?\n\r?\n/)[0] ?? '',
  };
}

/** The release form's recipient fields on a message's page, as `name=value`, in order. */
function offered(page: string): string[] {
  return [...page.matchAll(/<input id="[^"]+" name="(to|cc|bcc)"[^>]*value="([^"]*)"/g)].map(
    ([, name, value]) => `${name}=${value}`,
  );
}

describe('the suggestions the review page fills in', () => {
  it('fills in an address two slips both suggest once, in To, and the release sends it once', async () => {
    // Two slips of Anna's address, in To and in Cc: both suggest her known address.
    const id = await holdWithBlindCopy({ to: TYPED, cc: 'anna.svensson185@gmail.com' });
    app = fixtureServer(fixture);
    const { cookie, csrf } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: `/holds/${id}?lang=en`, headers: { cookie } });
    expect(offered(page.body)).toEqual([`to=${GOOD}`, 'cc=']);
    expect(page.body).toContain(`${GOOD} is suggested here too; it is already in To`);
    // What the browser posts for the form as filled in: the empty Cc field too.
    const posted = await postForm(app, `/holds/${id}/release`, cookie, {
      csrf,
      to: GOOD,
      cc: '',
      reason: 'read back on the phone',
    });
    expect(posted.statusCode, posted.body).toBe(303);
    const sent = await delivered();
    expect(sent.rcptTo).toEqual([GOOD]);
    expect(sent.to).toEqual([GOOD]);
    expect(sent.cc).toEqual([]);
  });

  it('leaves the address where it was held when a slip in another field suggests it', async () => {
    // Anna's own address in To, a slip of it in Cc: the Cc's suggestion is To's address.
    const id = await holdWithBlindCopy({ to: GOOD, cc: 'anna.svensson185@gmail.com' });
    app = fixtureServer(fixture);
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: `/holds/${id}?lang=sv`, headers: { cookie } });
    expect(offered(page.body)).toEqual([`to=${GOOD}`, 'cc=']);
    expect(page.body).toContain(`${GOOD} föreslås här också; den finns redan i Till`);
  });

  it('does not fill a blind copy held as such into To, where the release would refuse it', async () => {
    // A slip in To whose suggestion is the address held as a blind copy.
    const id = await holdWithBlindCopy({ to: 'anna.svensson185@gmail.com', bcc: GOOD });
    app = fixtureServer(fixture);
    const { cookie, csrf } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: `/holds/${id}?lang=en`, headers: { cookie } });
    expect(offered(page.body)).toEqual(['to=', `bcc=${GOOD}`]);
    expect(page.body).toContain(`${GOOD} is suggested here too; it is already in Bcc`);
    // Filled into both, as the page did, the release was refused: shown in To, it is no longer blind.
    const both = await postForm(app, `/holds/${id}/release?lang=en`, cookie, {
      csrf,
      to: GOOD,
      bcc: GOOD,
      reason: 'read back on the phone',
    });
    expect(both.statusCode).toBe(400);
    expect(fixture.sink.received).toEqual([]);
  });
});

describe('a corrected release from the review page', () => {
  it('keeps the blind copy in the envelope only when the suggestion for To is accepted', async () => {
    const id = await holdWithBlindCopy({ to: TYPED, bcc: ARCHIVE });
    app = fixtureServer(fixture);
    const { cookie, csrf } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: `/holds/${id}`, headers: { cookie } });
    // The page offers each recipient in the field it was held in, the suggestion filled in.
    expect(page.body).toMatch(new RegExp(`<input id="to-0" name="to" [^>]*value="${GOOD}"`));
    expect(page.body).toMatch(new RegExp(`<input id="bcc-0" name="bcc" [^>]*value="${ARCHIVE}"`));
    const posted = await postForm(app, `/holds/${id}/release`, cookie, {
      csrf,
      to: GOOD,
      bcc: ARCHIVE,
      confirmNew: 'yes',
      reason: 'read back on the phone',
    });
    expect(posted.statusCode, posted.body).toBe(303);
    const sent = await delivered();
    expect(sent.rcptTo).toEqual([GOOD, ARCHIVE].sort());
    expect(sent.to).toEqual([GOOD]);
    expect(sent.cc).toEqual([]);
    expect(sent.bcc).toEqual([]);
    expect(sent.header).not.toContain(ARCHIVE);
  });

  it('keeps To as To when only the blind copy is corrected', async () => {
    const id = await holdWithBlindCopy({
      to: GOOD,
      cc: 'anna@svenssonbygg.se',
      bcc: 'arkiv@butiken-arkiv.se',
    });
    app = fixtureServer(fixture);
    const { cookie, csrf } = await logIn(app);
    const posted = await postForm(app, `/holds/${id}/release`, cookie, {
      csrf,
      to: GOOD,
      cc: 'anna@svenssonbygg.se',
      bcc: 'arkiv@butiken.se',
      confirmNew: 'yes',
      reason: 'the archive is ours',
    });
    expect(posted.statusCode, posted.body).toBe(303);
    const sent = await delivered();
    expect(sent.rcptTo).toEqual([GOOD, 'anna@svenssonbygg.se', 'arkiv@butiken.se'].sort());
    expect(sent.to).toEqual([GOOD]);
    expect(sent.cc).toEqual(['anna@svenssonbygg.se']);
    expect(sent.header).not.toContain('arkiv@');
  });

  it('does not offer a Reply-To as a field to correct, and says to discard and send again', async () => {
    const id = await holdWithBlindCopy({ to: TYPED, replyTo: 'erik.lind@telia.com' });
    app = fixtureServer(fixture);
    const { cookie } = await logIn(app);
    const page = await app.inject({ method: 'GET', url: `/holds/${id}`, headers: { cookie } });
    expect(page.body).not.toMatch(/<input[^>]*value="erik\.lind@telia\.com"/);
    expect(page.body).toContain('discard the message and send it again');
  });
});

describe('a corrected release through the API', () => {
  it('keeps the blind copy in the envelope only, given as bcc', async () => {
    const id = await holdWithBlindCopy({ to: TYPED, bcc: ARCHIVE });
    app = fixtureServer(fixture);
    const detail = await withToken(app, 'GET', `/v1/holds/${id}`);
    expect(detail.json().recipients.map(({ field }: { field: string }) => field)).toContain('bcc');
    const released = await withToken(app, 'POST', `/v1/holds/${id}/release`, {
      to: [GOOD],
      bcc: [ARCHIVE],
      confirmNew: true,
      by: 'lena@butiken.se',
      reason: 'read back',
    });
    expect(released.statusCode, released.body).toBe(200);
    const sent = await delivered();
    expect(sent.rcptTo).toEqual([GOOD, ARCHIVE].sort());
    expect(sent.to).toEqual([GOOD]);
    expect(sent.header).not.toContain(ARCHIVE);
  });

  it('refuses an address held as a blind copy given in to, sending nothing', async () => {
    const id = await holdWithBlindCopy({ to: TYPED, bcc: ARCHIVE });
    app = fixtureServer(fixture);
    const refused = await withToken(app, 'POST', `/v1/holds/${id}/release`, {
      to: [GOOD, ARCHIVE],
      confirmNew: true,
      by: 'lena@butiken.se',
      reason: 'read back',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ field: 'body.to.1' }] });
    expect(refused.json().title).toContain('give it as bcc');
    expect(fixture.sink.received).toEqual([]);
  });

  it('names the field the caller sent when a duplicate comes before the blind copy', async () => {
    const id = await holdWithBlindCopy({ to: TYPED, bcc: ARCHIVE });
    app = fixtureServer(fixture);
    // The same mailbox twice (once in capitals) before the archive: the archive is body.to.2 as
    // sent, though the release sends each mailbox once and so counts it second.
    const refused = await withToken(app, 'POST', `/v1/holds/${id}/release`, {
      to: [GOOD, GOOD.toUpperCase(), ARCHIVE],
      confirmNew: true,
      by: 'lena@butiken.se',
      reason: 'read back',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ errors: [{ field: 'body.to.2' }] });
    expect(refused.json().detail).toContain(ARCHIVE);
    expect(fixture.sink.received).toEqual([]);
  });
});
