import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// The fields where an answer to the message goes, besides Reply-To: a read receipt
// (Disposition-Notification-To, RFC 8098 §2.1; Return-Receipt-To, its older form), the customer's
// follow-up (Mail-Followup-To), and a bounce, which carries the whole message back to From, Sender
// or the envelope's MAIL FROM (RFC 5321 §4.5.5). Another customer's address in any of them is the
// misdirection this library stops. What the SMTP server receives is the truth here.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com'; // C-2002's
const SHOP = 'order@butiken.se';

const guarded = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());

const order = annasOrder;

const raw = (fields: string) => ({
  raw: `From: ${SHOP}\r\nTo: ${ANNA}\r\n${fields}Subject: Order\r\n\r\nTack!\r\n`,
  envelope: { from: SHOP, to: [ANNA] },
});

describe('the fields an answer or a bounce goes to', () => {
  const shapes: [string, string, Partial<SendMailOptions>][] = [
    ['Disposition-Notification-To', 'a header', { headers: { 'Disposition-Notification-To': ERIK } }],
    [
      'Disposition-Notification-To',
      'a header in lower case',
      { headers: { 'disposition-notification-to': ERIK } },
    ],
    ['Return-Receipt-To', 'a header in a list', { headers: [{ key: 'Return-Receipt-To', value: ERIK }] }],
    [
      'Mail-Followup-To',
      'a header among others',
      { headers: { 'Mail-Followup-To': `${ANNA}, Erik <${ERIK}>` } },
    ],
    ['Disposition-Notification-To', 'a raw message', raw(`Disposition-Notification-To: ${ERIK}\r\n`)],
    [
      'Mail-Followup-To',
      'the second of two fields of a raw message',
      raw(`Mail-Followup-To: ${ANNA}\r\nMail-Followup-To: Erik\r\n <${ERIK}>\r\n`),
    ],
    ['Errors-To', 'a header', { headers: { 'Errors-To': ERIK } }],
    ['X-Confirm-Reading-To', 'a header', { headers: { 'X-Confirm-Reading-To': ERIK } }],
    ['Mail-Reply-To', 'a header', { headers: { 'Mail-Reply-To': `Erik <${ERIK}>` } }],
    ['Return-Path', 'a header', { headers: { 'Return-Path': `<${ERIK}>` } }],
    ['Errors-To', 'a raw message', raw(`Errors-To: ${ERIK}\r\n`)],
    ['Return-Path', 'a raw message', raw(`Return-Path: <${ERIK}>\r\n`)],
    ['From', 'from', { from: ERIK }],
    ['From', 'from as an address object', { from: { name: 'Butiken', address: ERIK } }],
    ['Sender', 'sender', { sender: ERIK }],
    [
      'From',
      'a raw message',
      { ...raw(''), raw: `From: ${ERIK}\r\nTo: ${ANNA}\r\nSubject: Order\r\n\r\nTack!\r\n` },
    ],
    ['MAIL FROM', 'the envelope', { envelope: { from: ERIK, to: [ANNA] } }],
  ];
  for (const [field, shape, extra] of shapes) {
    it(`holds as blocked another customer's address in ${field}, given as ${shape}`, async () => {
      const error = await failure(guarded().sendMail(order(extra)));
      expect(error?.code).toBe('RECIPIENT_BLOCKED');
      expect(error?.message).toContain(field);
      expect(fixture.sink.received).toEqual([]);
      const entry = fixture.audit.entries.at(-1);
      expect(entry).toMatchObject({ outcome: 'held', action: 'block' });
      expect(entry?.recipients.find(({ action }) => action === 'block')).toMatchObject({
        codes: ['belongs-to-other-customer'],
      });
    });
  }

  it('says what would reach the other customer through Mail-Reply-To and Errors-To', async () => {
    const said = async (header: string) => {
      const error = (await failure(guarded().sendMail(order({ headers: { [header]: ERIK } })))) as {
        recipients?: { header?: string; verdict: { findings: { message: string }[] } }[];
      };
      return error.recipients?.find((recipient) => recipient.header === header)?.verdict.findings[0]?.message;
    };
    expect(await said('Mail-Reply-To')).toMatch(
      /^Mail-Reply-To names another customer's address: the customer's reply/,
    );
    expect(await said('Errors-To')).toMatch(/^Errors-To names another customer's address: a bounce/);
    expect(fixture.sink.received).toEqual([]);
  });

  it("sends with the company's own From, Sender, MAIL FROM and receipt address, with no remark", async () => {
    await guarded().sendMail(
      order({
        sender: 'kundtjanst@butiken.se',
        envelope: { from: 'bounces@butiken.se', to: [ANNA] },
        headers: { 'Disposition-Notification-To': SHOP, 'Mail-Followup-To': SHOP },
      }),
    );
    expect(fixture.sink.received.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: 'bounces@butiken.se', to: [ANNA] },
    ]);
    expect(fixture.sink.received[0]?.raw.toString()).toContain(`Disposition-Notification-To: ${SHOP}`);
    expect(fixture.audit.entries.at(-1)?.recipients.map(({ field }) => field)).toEqual(['to', 'envelope']);
  });
});
