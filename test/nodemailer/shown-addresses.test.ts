import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// A display name is what the customer's mail client shows: another customer's address written there
// is shown to them, and an answer typed to it reaches that customer. An encoded-word (RFC 2047) is
// shown decoded, so `=?utf-8?q?erik.lind=40telia.com?=` reads erik.lind@telia.com.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const ERIK_ENCODED = '=?utf-8?q?erik.lind=40telia.com?=';
const everyone = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());
const raw = (header: string) =>
  `From: order@butiken.se\r\n${header}\r\nSubject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\nTack!\r\n`;

describe("a display name that shows another customer's address", () => {
  const stopped: [string, Partial<SendMailOptions>][] = [
    ['replyTo.name', { replyTo: { name: ERIK, address: 'kundtjanst@butiken.se' } }],
    ['from.name', { from: { name: `Erik (${ERIK})`, address: 'order@butiken.se' } }],
    ['an encoded-word in replyTo', { replyTo: `${ERIK_ENCODED} <kundtjanst@butiken.se>` }],
    [
      'an encoded-word in a Disposition-Notification-To header',
      { headers: { 'Disposition-Notification-To': `=?utf-8?b?${btoa(ERIK)}?= <order@butiken.se>` } },
    ],
    ['an encoded-word in the to option', { to: `${ERIK_ENCODED} <${ANNA}>` }],
    [
      'an encoded-word in the Reply-To of a prebuilt message',
      {
        raw: raw(`To: ${ANNA}\r\nReply-To: ${ERIK_ENCODED} <kundtjanst@butiken.se>`),
        envelope: { to: [ANNA] },
      },
    ],
    [
      'an encoded-word in the To of a prebuilt message',
      { raw: raw(`To: ${ERIK_ENCODED} <${ANNA}>`), envelope: { to: [ANNA] } },
    ],
    [
      'an encoded-word in the Cc of a prebuilt message',
      { raw: raw(`To: ${ANNA}\r\nCc: ${ERIK_ENCODED} <anna@svenssonbygg.se>`), envelope: { to: [ANNA] } },
    ],
    ['an encoded-word in a from text', { from: `${ERIK_ENCODED} <order@butiken.se>` }],
    [
      'a name in a Mail-Followup-To header given as a list',
      { headers: [{ key: 'Mail-Followup-To', value: `"Erik <${ERIK}>" <svar@butiken.se>` }] },
    ],
    [
      'an encoded-word in ISO-8859-1, split in two words, in a Sender header',
      { headers: { Sender: '=?iso-8859-1?Q?erik.lind?= =?ISO-8859-1?q?=40telia.com?= <order@butiken.se>' } },
    ],
    [
      'a name one slip from another customer’s address in Return-Receipt-To of a prebuilt message',
      {
        raw: raw(`To: ${ANNA}\r\nReturn-Receipt-To: "erik.lind@telia.co" <kvitto@butiken.se>`),
        envelope: { to: [ANNA] },
      },
    ],
    [
      'an encoded-word in the Sender of a prebuilt message',
      {
        raw: raw(`To: ${ANNA}\r\nSender: =?utf-8?b?${btoa(ERIK)}?= <order@butiken.se>`),
        envelope: { to: [ANNA] },
      },
    ],
    [
      'a plain name in the To of a prebuilt message',
      { raw: raw(`To: "${ERIK}" <${ANNA}>`), envelope: { to: [ANNA] } },
    ],
  ];
  for (const [where, message] of stopped) {
    it(`holds the message: ${where}`, async () => {
      const refused = await failure(everyone().sendMail(annasOrder(message)));
      expect(refused?.code).toMatch(/^RECIPIENT_(BLOCKED|NEEDS_CONFIRMATION)$/);
      expect(refused?.message).toMatch(/erik\.lind@telia\.com?/);
      expect(fixture.sink.received).toEqual([]);
      expect(fixture.audit.entries.at(-1)?.outcome).toBe('held');
    });
  }

  it('keeps a held message whose Reply-To name shows the address held, corrected or not, also against a file lacking its owner', async () => {
    const refused = await failure(
      everyone().sendMail(annasOrder({ replyTo: `${ERIK_ENCODED} <kundtjanst@butiken.se>` })),
    );
    const id = (refused as { holdId?: string } | undefined)?.holdId as string;
    // Kept as held, and corrected to the customer's own address: the Reply-To field goes out either way.
    const released = (
      transporter: ReturnType<typeof everyone>,
      more: { fewerCustomers?: true; to?: string } = {},
    ) =>
      failure(
        fixture.holdStore.release(id, transporter, { by: 'lena@butiken.se', reason: 'read back', ...more }),
      );
    expect((await released(everyone()))?.code).toBe('RECIPIENT_BLOCKED');
    expect((await released(everyone(), { to: ANNA }))?.code).toBe('RECIPIENT_BLOCKED');
    // A guard that knows no other customer: what the hold found stands.
    expect((await released(guardedTransport(fixture), { fewerCustomers: true }))?.code).toBe(
      'RECIPIENT_BLOCKED',
    );
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.at(-1)?.outcome).toBe('release-refused');
  });

  it("sends a name that shows the company's own address, plain or encoded", async () => {
    await everyone().sendMail(
      annasOrder({
        from: { name: 'Butiken (order@butiken.se)', address: 'noreply@butiken.se' },
        replyTo: '=?utf-8?q?kundtjanst=40butiken.se?= <svar@butiken.se>',
      }),
    );
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
  });
});
