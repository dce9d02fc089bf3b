import { domainToASCII } from 'node:url';
import { type AddressObject, simpleParser } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Customer } from '../../src/contacts/customer.js';
import { guardedTransport, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

// A differential test: the recipients a real SMTP server receives (RCPT TO, RFC 5321 §4.1.1.3, and
// the To and Cc fields of the message it is handed, read back with mailparser) against the
// recipients nodemailerGuard checked and logged, over the shapes nodemailer accepts.

const customer: Customer = {
  id: 'C-1001',
  name: 'Anna Svensson',
  emails: ['anna.svensson1985@gmail.com', 'anna@svenssonbygg.se', 'åsa@blåbär.se'],
};
const ANNA = 'anna.svensson1985@gmail.com';
const BYGG = 'anna@svenssonbygg.se';
const IDN = 'åsa@blåbär.se';
const STRANGER = 'thief@example.org';

const fixture = usePipelineFixture();

/** One spelling of an address: the domain in Punycode, all in lower case (RFC 5890 A-labels). */
function canonical(address: string): string {
  const at = address.lastIndexOf('@');
  if (at === -1) return address.toLowerCase();
  return `${address.slice(0, at)}@${domainToASCII(address.slice(at + 1)) || address.slice(at + 1)}`.toLowerCase();
}

function headerAddresses(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  const flatten = (list: AddressObject['value']): string[] =>
    list.flatMap((entry) => (entry.group ? flatten(entry.group) : entry.address ? [entry.address] : []));
  return objects.flatMap((object) => flatten(object.value));
}

const base = { from: 'Butiken <order@butiken.se>', subject: 'Orderbekräftelse 4711', text: 'Tack!' };
const raw = (header: string) =>
  `From: order@butiken.se\r\n${header}Subject: Order 4711\r\nMessage-ID: <${Math.random()}@butiken.se>\r\n\r\nTack!\r\n`;

const shapes: Record<string, SendMailOptions> = {
  'a plain string': { to: ANNA },
  'a comma list with names': { to: `Anna <${ANNA}>, ${BYGG}` },
  'an array of strings': { to: [ANNA, BYGG] },
  'a { name, address } object': { to: { name: 'Anna Svensson', address: ANNA } },
  'an array of objects and strings': { to: [{ name: 'Anna', address: ANNA }, BYGG] },
  'a quoted name with a comma': { to: `"Svensson, Anna" <${ANNA}>` },
  'a group in text': { to: `Familjen: ${ANNA}, "Bygg, Anna" <${BYGG}>;` },
  // Nodemailer 10 writes and delivers to no member of a group object: only the address beside it.
  'a group object beside an address': {
    to: [ANNA, { name: 'Familjen', group: [{ name: 'Bygg', address: BYGG }] }] as never,
  },
  'cc and bcc': { to: ANNA, cc: BYGG, bcc: IDN },
  'an envelope that overrides the header': { to: ANNA, envelope: { from: 'order@butiken.se', to: [BYGG] } },
  'an envelope with cc and bcc': {
    to: ANNA,
    envelope: { from: 'order@butiken.se', to: ANNA, cc: BYGG, bcc: [IDN] } as never,
  },
  'an IDN address as text': { to: `Åsa <${IDN}>` },
  'an IDN address as an object': { to: { name: 'Åsa', address: IDN }, cc: ANNA },
  'a Cc field among the headers': { to: ANNA, headers: { Cc: BYGG } },
  'a prebuilt message with the recipients in the options': {
    raw: raw(`To: ${ANNA}\r\nCc: "Svensson, Anna" <${BYGG}>\r\n`),
    to: ANNA,
  },
  'a prebuilt message with an envelope': {
    raw: raw(`To: ${ANNA}\r\n`),
    envelope: { from: 'order@butiken.se', to: [BYGG] },
  },
  'a stranger in bcc': { to: ANNA, bcc: STRANGER },
  'a stranger in the envelope': { to: ANNA, envelope: { from: 'order@butiken.se', to: [ANNA, STRANGER] } },
  'a stranger in a prebuilt header': { raw: raw(`To: ${ANNA}, ${STRANGER}\r\n`) },
};

// What nodemailer drops without a word (a group object's members): checked all the same, since
// the sender meant to reach them, though the server never hears of them.
const dropped: Record<string, string[]> = { 'a group object beside an address': [BYGG] };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('what nodemailerGuard checks is what nodemailer sends', () => {
  it('composes each message once, as nodemailer alone does', async () => {
    const compile = vi.spyOn(MailComposer.prototype, 'compile');
    const message = { ...base, to: `Anna <${ANNA}>`, cc: BYGG, html: '<p>Tack!</p>' };
    await smtpTransport(fixture.sink.port).sendMail({ ...message });
    // A composition of the message's own options (its subject), not of a prebuilt message, nor of
    // an empty stand-in that holds nothing of the message.
    const composed = () =>
      compile.mock.contexts.filter((composer) => {
        const { mail } = composer as { mail: { raw?: unknown; subject?: unknown } };
        return !mail.raw && mail.subject === message.subject;
      }).length;
    const alone = composed();
    compile.mockClear();
    expect(composed()).toBe(0);
    await guardedTransport(fixture, customer).sendMail({ ...message });
    expect(fixture.sink.received).toHaveLength(2);
    expect(composed()).toBe(alone);
  });

  it('lets a compile plugin registered after it read and change the message options', async () => {
    const transporter = guardedTransport(fixture, customer);
    const seen: unknown[] = [];
    transporter.use('compile', (mail, done) => {
      seen.push(mail.data.to);
      mail.data.headers = { ...(mail.data.headers as Record<string, string>), 'X-Order': '4711' };
      done();
    });
    await transporter.sendMail({ ...base, to: ANNA });
    expect(seen).toEqual([ANNA]);
    const parsed = await simpleParser(fixture.sink.received[0]?.raw ?? Buffer.alloc(0));
    expect(parsed.headers.get('x-order')).toBe('4711');
  });

  it('sends MAIL FROM as nodemailer alone does, whichever of From, Sender and Reply-To names it', async () => {
    const senders: SendMailOptions[] = [
      { from: 'Butiken <order@butiken.se>', replyTo: 'kundtjanst@butiken.se', sender: 'bot@butiken.se' },
      { sender: 'bot@butiken.se', replyTo: 'kundtjanst@butiken.se' },
      { replyTo: 'Kundtjänst <kundtjanst@butiken.se>' },
      { from: 'Butiken: order@butiken.se, lager@butiken.se;' },
      { from: 'Butiken <order@blåbär.se>' },
      { headers: { 'Reply-To': 'kundtjanst@butiken.se' } },
      {},
    ];
    const sendAll = async (transporter: ReturnType<typeof smtpTransport>) => {
      fixture.sink.received.length = 0;
      for (const sender of senders)
        await transporter.sendMail({ subject: 'Order 4711', text: 'Tack!', to: ANNA, ...sender });
      return fixture.sink.received.map(({ from }) => from);
    };
    const alone = await sendAll(smtpTransport(fixture.sink.port));
    expect(alone).toHaveLength(senders.length);
    expect(await sendAll(guardedTransport(fixture, customer))).toEqual(alone);
  });

  it.each(Object.entries(shapes))(
    'delivers %s to exactly the recipients it checked and logged',
    async (name, shape) => {
      const transporter = guardedTransport(fixture, customer);
      const outcome = await transporter.sendMail({ ...base, ...shape }).then(
        () => 'sent',
        (error: { code?: string; message?: string }) =>
          error.code === undefined ? String(error.message) : error.code,
      );
      const [entry, ...more] = fixture.audit.entries;
      expect(more).toEqual([]);
      const checked = new Set(entry?.recipients.map(({ address }) => canonical(address)));
      const delivered = fixture.sink.received.flatMap(({ to }) => to.map(canonical));
      if (outcome !== 'sent') {
        expect([entry?.outcome, outcome]).toEqual(['held', expect.stringMatching(/^RECIPIENT_/)]);
        expect(delivered).toEqual([]);
        expect([...checked]).toContain(STRANGER);
        return;
      }
      expect(entry?.outcome).toBe('sent');
      expect(fixture.sink.received).toHaveLength(1);
      // RCPT TO is the logged envelope, address for address.
      expect([...new Set(delivered)].sort()).toEqual([...new Set(entry?.envelope?.to.map(canonical))].sort());
      // Every recipient delivered to, and every one the header names, was checked and allowed.
      const parsed = await simpleParser(fixture.sink.received[0]?.raw ?? Buffer.alloc(0));
      const named = [...headerAddresses(parsed.to), ...headerAddresses(parsed.cc)].map(canonical);
      const allowed = entry?.recipients
        .filter(({ action }) => action === 'send')
        .map(({ address }) => canonical(address));
      for (const address of [...delivered, ...named]) expect(allowed).toContain(address);
      // And nothing was checked that the server did not receive in the envelope or the header.
      expect(
        [...checked].filter((address) => !delivered.includes(address) && !named.includes(address)),
      ).toEqual(dropped[name] ?? []);
    },
  );
});
