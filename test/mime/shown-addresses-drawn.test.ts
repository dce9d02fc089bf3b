import { simpleParser } from 'mailparser';
import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/mime/index.js';
import type { HeldMessageError } from '../../src/nodemailer/index.js';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  guardOfCustomers,
  sentUnguarded,
  usePipelineFixture,
} from '../support/pipeline.js';

// A display name is read as the customer's mail client draws it: encoded in any charset a client
// decodes (UTF-16, UTF-32, UTF-7), with invisible code points in it (Unicode
// Default_Ignorable_Code_Point), a full-width `＠` (NFKC), or reversed by a right-to-left override
// (UAX #9). Each message below is first sent unguarded, to see what the recipient is shown; then
// the plugin, given the same options, and checkMessage, given the delivered bytes, must both hold it.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const OWN = 'kundtjanst@butiken.se';

const utf16be = Buffer.from(ERIK, 'utf16le').swap16();
const utf32be = Buffer.alloc(ERIK.length * 4);
for (const [at, character] of [...ERIK].entries())
  utf32be.writeUInt32BE(character.codePointAt(0) ?? 0, at * 4);
const word = (charset: string, bytes: Buffer) => `=?${charset}?b?${bytes.toString('base64')}?=`;

const names: [string, string][] = [
  ['UTF-16BE', word('utf-16be', utf16be)],
  ['UTF-16LE', word('utf-16le', Buffer.from(ERIK, 'utf16le'))],
  ['UTF-32', word('utf-32', utf32be)],
  ['UTF-7', '=?utf-7?q?erik.lind+AEA-telia.com?='],
  ['a zero-width space', 'erik.lind@telia\u200b.com'],
  ['a soft hyphen', 'erik.lind@te\u00adlia.com'],
  ['a word joiner', 'erik\u2060.lind@telia.com'],
  ['a byte order mark', 'erik.lind@\ufefftelia.com'],
  ['a zero-width joiner', 'erik.lind\u200d@telia.com'],
  ['a left-to-right mark', 'erik.lind@\u200etelia.com'],
  ['a full-width at sign', 'erik.lind\uff20telia.com'],
  ['a right-to-left override', `\u202e${[...ERIK].reverse().join('')}`],
  ['right-to-left marks', '\u202btelia.com\u200f@\u200ferik.lind\u202c'],
];
// Each field a display name is shown in: where the message goes, and where an answer goes.
const fields: [string, (name: string) => Partial<SendMailOptions>][] = [
  ['To', (name) => ({ to: { name, address: ANNA } })],
  ['To, given as text', (name) => ({ to: `"${name}" <${ANNA}>` })],
  ['Cc', (name) => ({ cc: { name, address: 'anna@svenssonbygg.se' } })],
  ['Reply-To', (name) => ({ replyTo: { name, address: OWN } })],
  ['From', (name) => ({ from: { name, address: 'order@butiken.se' } })],
];

/** The bytes a recipient would get for these options, sent without the guard. */
async function deliveredBytes(options: SendMailOptions): Promise<string> {
  return (await sentUnguarded(fixture, options)).raw.toString('utf8');
}

/** What checkMessage answers for these bytes, for the same customer and directory as the plugin. */
async function rawCheck(raw: string, locale: 'en' | 'sv' = 'en') {
  return checkMessage(raw, {
    guard: guardOfCustomers({ locale }),
    resolveCustomer: () => 'C-1001',
  });
}

async function rawCheckAction(raw: string) {
  return (await rawCheck(raw)).action;
}

describe('a display name that shows another customer’s address as the client draws it', () => {
  for (const [how, name] of names)
    for (const [field, options] of fields)
      it(`is held by both checks: ${how} in ${field}`, async () => {
        const message = annasOrder(options(name));
        const raw = await deliveredBytes(message);
        // What the recipient's client is given, as mailparser reads the delivered bytes: the name
        // intact, an encoded one decoded (UTF-7 left as typed, which mailparser does not decode).
        const parsed = await simpleParser(raw);
        const header = field.split(',')[0] as 'To' | 'Cc' | 'Reply-To' | 'From';
        const shown = { To: parsed.to, Cc: parsed.cc, 'Reply-To': parsed.replyTo, From: parsed.from }[header];
        const delivered = (Array.isArray(shown) ? shown[0] : shown)?.value[0]?.name;
        if (how === 'UTF-7') expect(delivered).toBe('erik.lind+AEA-telia.com');
        else expect(delivered).toBe(name.startsWith('=?') ? ERIK : name);

        const refused = await failure(
          guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(message),
        );
        const check = await rawCheckAction(raw);
        expect(check).toBe(fixture.audit.entries.at(-1)?.action);
        // The plugin given the delivered bytes as a prebuilt message reads them alike.
        const refusedRaw = await failure(
          guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(
            annasOrder({ raw, envelope: { from: 'order@butiken.se', to: [ANNA] } }),
          ),
        );
        expect(fixture.sink.received).toEqual([]);
        expect([refused?.code, refusedRaw?.code]).toEqual(['RECIPIENT_BLOCKED', 'RECIPIENT_BLOCKED']);
        expect(check).toBe('block');
      });

  it('sends a name whose invisible characters hide only the company’s own address', async () => {
    const message = annasOrder({ replyTo: { name: `kundtjanst\u200b\uff20butiken.se`, address: OWN } });
    const raw = await deliveredBytes(message);
    await guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(message);
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect(await rawCheckAction(raw)).toBe('send');
  });
});

// A display name with right-to-left letters (Hebrew, Arabic) beside an address is drawn in an order
// UAX #9 resolves from the paragraph's direction and the neutrals around each run (rules P2-P3,
// W1-W7, N1-N2, L2), which a mail client may take from the name, the header line or its own
// interface: no reading of the name can promise which address the customer sees. Such a name is
// held in every field, unless the only address in it is the mailbox's own. No bidi control
// character is used here: those are read apart (shown-addresses-drawn.test.ts).

const held: [string, Partial<SendMailOptions>, string][] = [
  [
    'a Hebrew Reply-To name beside an address that is no customer’s',
    { replyTo: { name: 'עדן eden@example.org', address: OWN } },
    'Reply-To',
  ],
  [
    'an Arabic From name beside an address',
    { from: { name: 'مكتب eden@example.org', address: 'order@butiken.se' } },
    'From',
  ],
  [
    'a Hebrew Reply-To name beside part of an address',
    { replyTo: { name: 'telia.com@עדן erik.lind', address: OWN } },
    'Reply-To',
  ],
  [
    'a Hebrew To name beside an at sign that no reading makes an address',
    { to: { name: 'erik.lind@ עדן', address: ANNA } },
    'To',
  ],
];

describe('a display name drawn in an order that cannot be known', () => {
  for (const [how, options, field] of held)
    it(`is held by both checks: ${how}`, async () => {
      const message = annasOrder(options);
      const raw = await deliveredBytes(message);

      const refused = (await failure(
        guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(message),
      )) as HeldMessageError | undefined;
      const refusedRaw = await failure(
        guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(
          annasOrder({ raw, envelope: { from: 'order@butiken.se', to: [ANNA] } }),
        ),
      );
      expect(fixture.sink.received).toEqual([]);
      expect([refused?.code, refusedRaw?.code]).toEqual(['RECIPIENT_BLOCKED', 'RECIPIENT_BLOCKED']);
      const finding = refused?.recipients
        .flatMap(({ verdict }) => verdict.findings)
        .find(({ message: text }) => text.includes('right-to-left'));
      expect(finding?.message).toContain(`The name in ${field} mixes right-to-left letters`);

      const check = await rawCheck(raw);
      expect(check.action).toBe('block');
      const [sv] = (await rawCheck(raw, 'sv')).recipients
        .flatMap(({ verdict }) => verdict.findings)
        .filter(({ message: text }) => text.includes('höger till vänster'));
      expect(sv?.message).toMatch(
        /^Namnet i (Svar till|From|To) blandar bokstäver som skrivs från höger till vänster/,
      );
    });

  it.each([
    [
      'a Hebrew Reply-To name beside the field’s own address',
      { replyTo: { name: `קונד ${OWN}`, address: OWN } },
    ],
    ['a Hebrew Reply-To name without an at sign', { replyTo: { name: 'עדן מחלקה', address: OWN } }],
    ['a Hebrew To name without an at sign', { to: { name: 'אנה סבנסון', address: ANNA } }],
  ])('sends %s', async (_how, options) => {
    const message = annasOrder(options);
    const raw = await deliveredBytes(message);
    await guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(message);
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect((await rawCheck(raw)).action).toBe('send');
  });
});

// UTF-7 (RFC 2152) is a charset: text is read as UTF-7 only where it is labelled so, in a header
// only inside an encoded-word naming it (RFC 2047; RFC 2152 "UTF-7 in MIME headers"). Clients that
// decode UTF-7 (Thunderbird, Outlook) do so for such words; a plain name is shown as typed, so
// `erik.lind+AEA-telia.com` there shows no address and is no reason to hold the message.
describe('a plain display name with a UTF-7 run in it', () => {
  const plain = 'erik.lind+AEA-telia.com';
  for (const [field, options] of fields)
    it(`is sent as typed by both checks: ${field}`, async () => {
      const message = annasOrder(options(plain));
      const raw = await deliveredBytes(message);
      expect(raw).toContain(plain);
      await guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(message);
      await guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(
        annasOrder({ raw, envelope: { from: 'order@butiken.se', to: [ANNA] } }),
      );
      expect(fixture.sink.received).toHaveLength(2);
      expect(await rawCheckAction(raw)).toBe('send');
    });
});
