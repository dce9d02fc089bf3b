import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import type { RecipientVerdict } from '../../src/pipeline/recipient.js';
import { holdMessage, transportChecking } from '../support/hold-message.js';
import {
  annasOrder,
  directoryOfCustomers,
  failure,
  guardedTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// `"anna.svensson1985@gmail.com"@evil.com` is shown by a mail client as it is typed and reads as
// anna's address, yet a relay that takes quoted local parts delivers it to evil.com (RFC 5322
// §3.4.1): the plugin holds it before any server sees it.

const fixture = usePipelineFixture();
const everyone = () => guardedTransport(fixture, undefined, undefined, directoryOfCustomers());
/** The `invalid-address` finding of the recipients a held or refused message's error names. */
const invalidAddress = (error: unknown) =>
  (error as { recipients?: readonly RecipientVerdict[] } | undefined)?.recipients
    ?.flatMap(({ verdict }) => verdict.findings)
    .find(({ code }) => code === 'invalid-address');
const raw = (to: string) =>
  `From: order@butiken.se\r\nTo: ${to}\r\nSubject: Order 4711\r\nMessage-ID: <4711@butiken.se>\r\n\r\nTack!\r\n`;

describe('a recipient whose quoted local part shows an address', () => {
  const stopped: [string, Partial<SendMailOptions>][] = [
    ["the customer's own address in to", { to: '"anna.svensson1985@gmail.com"@evil.com' }],
    ["another customer's address in cc", { cc: '"erik.lind@telia.com"@evil.com' }],
    ['any address in bcc', { bcc: ['"maria.lund79@outlook.com"@evil.com'] }],
    [
      'the envelope of a prebuilt message',
      {
        raw: raw('anna.svensson1985@gmail.com'),
        envelope: { from: 'order@butiken.se', to: ['"anna.svensson1985@gmail.com"@evil.com'] },
      },
    ],
  ];
  for (const [where, message] of stopped) {
    it(`holds the message and sends nothing: ${where}`, async () => {
      const refused = await failure(everyone().sendMail(annasOrder(message)));
      expect(refused?.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
      expect(fixture.audit.entries.at(-1)?.outcome).toBe('held');
      expect(fixture.audit.entries.at(-1)?.action).toBe('block');
    });
  }

  // What a mail client shows in the quoted part reads as an address however it is written: an @
  // before a name without a dot, a blank after it, the full-width @, (at), the percent hack.
  for (const to of [
    '"erik@telia"@evil.com',
    '"erik (at) telia.com"@evil.com',
    '"erik.lind@telia.com "@evil.com',
    '"erik.lind\uff20telia.com"@evil.com',
    '"erik.lind%telia.com"@evil.com',
    '"erik.lind @telia.com"@evil.com',
    '"erik.lind@ telia.com"@evil.com',
    '"erik.lind \uff20telia.com"@evil.com',
  ])
    it(`holds ${to} as an address in its local part, naming where the mail would go`, async () => {
      const refused = await failure(everyone().sendMail(annasOrder({ to })));
      expect(refused?.code).toBe('RECIPIENT_BLOCKED');
      expect(fixture.sink.received).toEqual([]);
      expect(fixture.audit.entries.at(-1)).toMatchObject({
        outcome: 'held',
        action: 'block',
        recipients: [expect.objectContaining({ codes: expect.arrayContaining(['invalid-address']) })],
      });
      const finding = invalidAddress(refused);
      expect(finding).toMatchObject({ reason: 'address-in-local-part', domain: 'evil.com' });
      expect(finding?.message).toContain('the mail would go to evil.com');
    });

  it('still sends to the customer’s own address written plainly', async () => {
    expect(await failure(everyone().sendMail(annasOrder({})))).toBeUndefined();
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('is not released to it, even when the releaser confirms the address is new: the guard blocks it, and the log says why', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const transporter = transportChecking(fixture, directoryOfCustomers());
    const who = { by: 'lena@butiken.se', reason: 'address read back on the phone' };
    for (const [confirmNew, to] of [
      [false, '"anna.svensson1985@gmail.com"@evil.com'],
      [true, '"anna.svensson1985@gmail.com"@evil.com'],
      [true, '"erik (at) telia.com"@evil.com'],
    ] as const) {
      const refused = await fixture.holdStore
        .release(id, transporter, { to, confirmNew, ...who })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'RECIPIENT_BLOCKED' });
      expect((refused as Error).message).toContain('evil.com');
      expect(fixture.audit.entries.at(-1)).toMatchObject({
        outcome: 'release-refused',
        holdId: id,
        release: { refusal: { code: 'RECIPIENT_BLOCKED' } },
        recipients: [expect.objectContaining({ codes: expect.arrayContaining(['invalid-address']) })],
      });
      expect(invalidAddress(refused)).toMatchObject({ reason: 'address-in-local-part', domain: 'evil.com' });
    }
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });

  // `sendDespiteBlock` overrides a judgement about a real mailbox (a slip, a look-alike), on the
  // releaser's account; an address that is not one, or hides where the mail goes, has no mailbox
  // the releaser could vouch for (docs/check.md, `invalid-address`).
  it('is not released to it with sendDespiteBlock either: refused with the finding, and the log says so', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const transporter = transportChecking(fixture, directoryOfCustomers());
    const who = { by: 'lena@butiken.se', reason: 'kunden bad om det i telefon' };
    for (const to of ['"erik.lind@telia.com"@evil.com', '"anna.svensson1985@gmail.com"@evil.com']) {
      const refused = await fixture.holdStore
        .release(id, transporter, { to, sendDespiteBlock: true, ...who })
        .catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: 'RECIPIENT_BLOCKED' });
      expect(invalidAddress(refused)).toMatchObject({ reason: 'address-in-local-part', domain: 'evil.com' });
      expect(fixture.audit.entries.at(-1)).toMatchObject({
        outcome: 'release-refused',
        holdId: id,
        release: { sendDespiteBlock: true, refusal: { code: 'RECIPIENT_BLOCKED' } },
      });
    }
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.some(({ outcome }) => outcome === 'released-despite-block')).toBe(false);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });
});
