import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/mime/check-message.js';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  guardOfCustomers,
  sentUnguarded,
  usePipelineFixture,
} from '../support/pipeline.js';

// A trial before going live: an answer field that is one encoded-word showing another customer's
// address (`Reply-To: =?utf-8?b?ZXJpay5saW5kQHRlbGlhLmNvbQ==?=`, which mailparser reads as a name
// with no address) or a group named with it (`erik.lind@telia.com:;`) passed and was delivered,
// while the quoted name `"erik.lind@telia.com"` was blocked. A mail client shows the name, and a
// reply typed to what it shows reaches the other customer.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com'; // C-2002's
const SHOP = 'order@butiken.se';
const ENCODED = `=?utf-8?b?${Buffer.from(ERIK).toString('base64')}?=`;

const FIELDS = [
  'Reply-To',
  'Disposition-Notification-To',
  'Return-Receipt-To',
  'Mail-Followup-To',
  'From',
  'Sender',
] as const;
const SHAPES = [
  ['one encoded-word', ENCODED],
  ['a group named with the address', `${ERIK}:;`],
  ['a group named with an encoded-word', `${ENCODED}:;`],
] as const;

const headerOf = (raw: Buffer) => raw.toString('utf8').split('\r\n\r\n')[0] ?? '';

const rawMessage = (field: string, value: string) =>
  [
    ...(field === 'From' ? [] : [`From: ${SHOP}`]),
    `To: ${ANNA}`,
    `${field}: ${value}`,
    'Subject: Order',
    '',
    'Tack!',
    '',
  ].join('\r\n');

describe('an answer field whose only text shows another customer’s address', () => {
  for (const field of FIELDS)
    for (const [shape, value] of SHAPES)
      it(`is blocked by checkMessage in ${field}, as ${shape}`, async () => {
        const check = await checkMessage(rawMessage(field, value), {
          guard: guardOfCustomers(),
          resolveCustomer: () => 'C-1001',
        });
        expect(check.action).toBe('block');
        const blocked = check.recipients.filter(({ verdict }) => verdict.action === 'block');
        expect(blocked.map(({ address }) => address)).toEqual([ERIK]);
        expect(blocked[0]?.verdict.findings.map(({ code }) => code)).toEqual(['belongs-to-other-customer']);
        expect(blocked[0]?.verdict.findings[0]?.message).toContain(field);
      });

  for (const [shape, value] of SHAPES)
    it(`is held by nodemailerGuard in a raw message's Reply-To, as ${shape}`, async () => {
      const error = await failure(
        guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(
          annasOrder({ raw: rawMessage('Reply-To', value), envelope: { from: SHOP, to: [ANNA] } }),
        ),
      );
      expect(error?.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
    });

  const options: [string, Partial<SendMailOptions>][] = [
    ['replyTo', { replyTo: ENCODED }],
    ['replyTo as a group', { replyTo: `${ERIK}:;` }],
    ['replyTo as a name without an address', { replyTo: { name: ERIK, address: '' } }],
    ['a Reply-To header', { headers: { 'Reply-To': ENCODED } }],
    ['a Disposition-Notification-To header', { headers: { 'Disposition-Notification-To': ENCODED } }],
    ['a Mail-Followup-To header', { headers: { 'Mail-Followup-To': `${ERIK}:;` } }],
  ];
  for (const [shape, extra] of options)
    it(`is held by nodemailerGuard given as ${shape} wherever nodemailer writes it`, async () => {
      // The differential: what nodemailer alone sends for the same options. Where it writes the
      // field, it shows the other customer's address, and the guard holds the message; where it
      // drops the field (a name without an address), nothing delivered may show the address either.
      const sent = await sentUnguarded(fixture, annasOrder(extra));
      const written = /ZXJpay5saW5kQHRlbGlhLmNvbQ|erik\.lind@telia\.com/.test(headerOf(sent.raw));
      const error = await failure(
        guardedTransport(fixture, undefined, undefined, directoryOfCustomers()).sendMail(annasOrder(extra)),
      );
      if (written) {
        expect(error?.code).toBe('RECIPIENT_BLOCKED');
        expect(fixture.sink.received).toEqual([]);
      }
      for (const delivered of fixture.sink.received) expect(headerOf(delivered.raw)).not.toContain('telia');
    });

  it('still sends a group or an encoded-word name that shows no other customer’s address', async () => {
    const check = await checkMessage(rawMessage('Reply-To', `=?utf-8?q?Kundtj=C3=A4nst?=:;, ${SHOP}`), {
      guard: guardOfCustomers(),
      resolveCustomer: () => 'C-1001',
    });
    expect(check.action).toBe('send');
  });
});
