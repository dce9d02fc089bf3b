import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createDirectory } from '../../src/contacts/create-directory.js';
import {
  annasOrder,
  customers,
  directoryOfCustomers,
  failure,
  guardedTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// Reply-To names no recipient (RFC 5322 §3.6.2), but the customer's answer goes there, quoting the
// order: another customer's address in it is the misdirection this library stops. The SMTP server's
// RCPT TO and the Reply-To field it receives are the truth here.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com'; // C-2002's
const SHOP = 'kundtjanst@butiken.se';
const ANNAS = customers['C-1001'] as (typeof customers)[string];

const guarded = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());

const order = annasOrder;

describe('Reply-To', () => {
  const shapes: [string, Partial<SendMailOptions>][] = [
    ['replyTo as a string', { replyTo: ERIK }],
    ['replyTo among others in a list', { replyTo: `Butiken <${SHOP}>, "Lind, Erik" <${ERIK}>` }],
    ['replyTo as an address object', { replyTo: { name: 'Kundtjänst', address: ERIK } }],
    ['replyTo in a group', { replyTo: `Svar: ${SHOP}, ${ERIK};` }],
    ['replyTo one slip from it', { replyTo: 'erik.lind@telia.co' }],
    ['a Reply-To header', { headers: { 'reply-to': ERIK } }],
    ['a Reply-To header in a list', { headers: [{ key: 'Reply-To', value: ERIK }] }],
    [
      'a raw message',
      {
        raw: `From: order@butiken.se\r\nTo: ${ANNA}\r\nReply-To: ${ERIK}\r\nSubject: Order\r\n\r\nTack!\r\n`,
        envelope: { from: 'order@butiken.se', to: [ANNA] },
      },
    ],
    [
      'the second of two Reply-To fields of a raw message',
      {
        raw: `From: order@butiken.se\r\nTo: ${ANNA}\r\nReply-To: ${SHOP}\r\nReply-To: Erik\r\n <${ERIK}>\r\nSubject: Order\r\n\r\nTack!\r\n`,
        envelope: { from: 'order@butiken.se', to: [ANNA] },
      },
    ],
  ];
  for (const [shape, extra] of shapes) {
    it(`holds as blocked another customer's address in ${shape}`, async () => {
      const error = await failure(guarded().sendMail(order(extra)));
      expect(error?.code).toBe('RECIPIENT_BLOCKED');
      expect(error?.message).toContain('Reply-To');
      expect(fixture.sink.received).toEqual([]);
      const entry = fixture.audit.entries.at(-1);
      expect(entry?.outcome).toBe('held');
      expect(entry?.action).toBe('block');
      expect(entry?.recipients.find(({ field }) => field === 'reply-to')).toMatchObject({
        action: 'block',
        codes: [
          expect.stringMatching(
            /^(belongs-to-other-customer|near-miss-other-customer|near-miss-other-name)$/,
          ),
        ],
      });
    });
  }

  it("says in the finding that the customer's reply would go to another customer", async () => {
    const error = (await failure(guarded().sendMail(order({ replyTo: ERIK })))) as {
      recipients?: { field: string; verdict: { findings: { message: string }[] } }[];
    };
    const replyTo = error.recipients?.find(({ field }) => field === 'reply-to');
    expect(replyTo?.verdict.findings[0]?.message).toMatch(/^Reply-To names another customer's address/);
  });

  it("sends with the company's own reply address, which is no recipient and brings no remark", async () => {
    await guarded().sendMail(order({ replyTo: `Kundtjänst <${SHOP}>` }));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect(fixture.sink.received[0]?.raw.toString()).toContain(
      `Reply-To: =?UTF-8?Q?Kundtj=C3=A4nst?= <${SHOP}>`,
    );
    expect(fixture.audit.entries.at(-1)?.recipients.map(({ field }) => field)).toEqual(['to']);
  });

  it("sends with a reply address one slip from the customer's own, which is theirs to mistype", async () => {
    await guarded().sendMail(order({ replyTo: 'anna.svensson1958@gmail.com' }));
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
  });

  it("keeps it held when the release's directory no longer knows whose the Reply-To address is", async () => {
    const error = (await failure(guarded().sendMail(order({ replyTo: ERIK })))) as { holdId?: string };
    const knowingOnlyTheCustomer = guardedTransport(fixture, undefined, undefined, createDirectory([ANNAS]));
    const release = failure(
      fixture.holdStore.release(error.holdId ?? '', knowingOnlyTheCustomer, {
        to: ANNA,
        by: 'lena@butiken.se',
        reason: 'read back on the phone',
        // Past the smaller-directory refusal on purpose: what the hold stopped stays stopped even then.
        fewerCustomers: true,
      }),
    );
    expect(await release).toMatchObject({
      code: 'RECIPIENT_BLOCKED',
      message: expect.stringContaining(
        `${ERIK} in Reply-To was blocked or found to be another customer's address`,
      ),
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('keeps a held message whose Reply-To is stopped held when it is released to a corrected address', async () => {
    const transporter = guarded();
    const error = (await failure(transporter.sendMail(order({ replyTo: ERIK })))) as { holdId?: string };
    const release = failure(
      fixture.holdStore.release(error.holdId ?? '', transporter, {
        to: 'anna@svenssonbygg.se',
        by: 'lena@butiken.se',
        reason: 'read back on the phone',
      }),
    );
    expect(await release).toMatchObject({
      code: 'RECIPIENT_BLOCKED',
      message: expect.stringContaining('Reply-To'),
    });
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.list()).map(({ id }) => id)).toContain(error.holdId);
  });
});
