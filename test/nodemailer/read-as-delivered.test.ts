import { simpleParser } from 'mailparser';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { checkMessage } from '../../src/mime/check-message.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import {
  annasOrder,
  customers,
  failure,
  fixtureGuardOptions,
  guardedTransport,
  monitoringTransport,
  sentUnguarded,
  smtpTransport,
  usePipelineFixture,
} from '../support/pipeline.js';

// Differential tests: what nodemailer compiles and a real SMTP server receives (RCPT TO, MAIL FROM,
// the header's fields), against what the plugin checked. A value nodemailer reads as something else
// than was typed is refused as typed, never passed on with part of it dropped.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';

/** What nodemailer alone (no plugin) delivers for these options: RCPT TO, MAIL FROM and the To field. */
async function deliveredByNodemailer(options: SendMailOptions) {
  const received = await sentUnguarded(fixture, options);
  const parsed = await simpleParser(received.raw);
  return { to: received.to, from: received.from, shownTo: parsed.to };
}

const withoutGuard = ({ emailGuard: _, ...options }: SendMailOptions & { emailGuard?: unknown }) => options;

describe('a TAB in a recipient, as nodemailer writes it', () => {
  const tabbed: [string, Partial<SendMailOptions>][] = [
    ['between two addresses', { to: `${ANNA}\t${ERIK}` }],
    ['before an address in angle brackets', { to: `${ERIK}\t<${ANNA}>` }],
    ['before a comment', { to: `${ANNA}\t(${ERIK})` }],
    ['in a list entry', { to: [`${ANNA}\t${ERIK}`] }],
    ['in Cc', { cc: `${ANNA}\t${ERIK}` }],
    ['in Bcc', { bcc: `${ANNA}\t${ERIK}` }],
    ["in an address object's name", { to: { name: `${ERIK}\t`, address: ANNA } }],
    ['in Reply-To, where the answer goes', { replyTo: `kundtjanst@butiken.se\t${ERIK}` }],
    ['as a C1 control in a name', { to: { name: `${ERIK}\u0085`, address: ANNA } }],
    ['as a line separator in a name', { to: { name: `${ERIK}\u2028`, address: ANNA } }],
  ];

  it('is delivered by nodemailer to one address with the other shown as its name', async () => {
    const delivered = await deliveredByNodemailer(withoutGuard(annasOrder({ to: `${ANNA}\t${ERIK}` })));
    expect(delivered.to).toEqual([ANNA]);
    expect(JSON.stringify(delivered.shownTo)).toContain(ERIK);
  });

  it.each(tabbed)('is refused as a control character %s, and nothing is sent', async (_, extra) => {
    const transporter = guardedTransport(fixture);
    const error = (await failure(transporter.sendMail(annasOrder({ to: ANNA, ...extra })))) as {
      code?: string;
      recipients?: { address: string; verdict: { findings: { code: string; reason?: string }[] } }[];
    };
    expect(error?.code).toBe('RECIPIENT_BLOCKED');
    const refused = error.recipients?.filter(({ verdict }) =>
      verdict.findings.some(
        ({ code, reason }) => code === 'invalid-address' && reason === 'control-characters',
      ),
    );
    expect(refused?.map(({ address }) => address).join(' ')).toContain(ERIK);
    expect(fixture.sink.received).toEqual([]);
  });

  it('is refused in the sender too, which nodemailer writes with the other address as its name', async () => {
    const transporter = guardedTransport(fixture);
    const error = await failure(transporter.sendMail(annasOrder({ from: `order@butiken.se\t${ERIK}` })));
    expect(error?.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toEqual([]);
  });

  it('is held in monitor mode too, as any other control character is', async () => {
    const transporter = monitoringTransport(fixture);
    const error = await failure(transporter.sendMail(annasOrder({ to: `${ANNA}\t${ERIK}` })));
    expect(error?.code).toBe('RECIPIENT_BLOCKED');
    expect(fixture.sink.received).toEqual([]);
  });
});

describe('an envelope entry with more than an address', () => {
  it('is delivered by nodemailer to one address of the two, the other dropped', async () => {
    for (const to of [`${ANNA} ${ERIK}`, `${ANNA}\t${ERIK}`]) {
      const delivered = await deliveredByNodemailer(
        withoutGuard(annasOrder({ envelope: { from: 'order@butiken.se', to } })),
      );
      expect(delivered.to).toEqual([ANNA]);
    }
    const sender = await deliveredByNodemailer(
      withoutGuard(annasOrder({ envelope: { from: `order@butiken.se\t${ERIK}`, to: ANNA } })),
    );
    expect(sender.from).toBe('order@butiken.se');
  });

  it('is delivered by nodemailer without the name of an envelope object', async () => {
    const delivered = await deliveredByNodemailer(
      withoutGuard(
        annasOrder({ envelope: { from: 'order@butiken.se', to: [{ name: ERIK, address: ANNA }] } }),
      ),
    );
    expect(delivered.to).toEqual([ANNA]);
  });

  it.each([
    [
      'two addresses with a space between',
      { from: 'order@butiken.se', to: `${ANNA} ${ERIK}` },
      `${ANNA} ${ERIK}`,
    ],
    [
      'two addresses with a TAB between',
      { from: 'order@butiken.se', to: `${ANNA}\t${ERIK}` },
      `${ANNA}\t${ERIK}`,
    ],
    ['an entry of a list', { from: 'order@butiken.se', to: [`${ANNA} ${ERIK}`] }, `${ANNA} ${ERIK}`],
    [
      'words after the address',
      { from: 'order@butiken.se', to: `<${ANNA}> NOTIFY=NEVER` },
      `<${ANNA}> NOTIFY=NEVER`,
    ],
    [
      'words after a bare address',
      { from: 'order@butiken.se', to: `${ANNA} NOTIFY=NEVER` },
      `${ANNA} NOTIFY=NEVER`,
    ],
    [
      'a name that shows an address',
      { from: 'order@butiken.se', to: `${ERIK} <${ANNA}>` },
      `${ERIK} <${ANNA}>`,
    ],
    [
      'an object whose name shows an address',
      { from: 'order@butiken.se', to: [{ name: ERIK, address: ANNA }] },
      `${ERIK} <${ANNA}>`,
    ],
    ['a Cc entry', { from: 'order@butiken.se', to: ANNA, cc: `${ANNA} ${ERIK}` }, `${ANNA} ${ERIK}`],
    [
      'a sender with a second address',
      { from: `order@butiken.se ${ERIK}`, to: ANNA },
      `order@butiken.se ${ERIK}`,
    ],
    [
      'a sender with a TAB and a second address',
      { from: `order@butiken.se\t${ERIK}`, to: ANNA },
      `order@butiken.se\t${ERIK}`,
    ],
  ])('is refused as an invalid address: %s', async (_, envelope, refused) => {
    const transporter = guardedTransport(fixture);
    const error = (await failure(transporter.sendMail(annasOrder({ envelope })))) as {
      code?: string;
      recipients?: { address: string; verdict: { findings: { code: string }[] } }[];
    };
    expect(error?.code).toBe('RECIPIENT_BLOCKED');
    const invalid = error.recipients?.filter(({ verdict }) =>
      verdict.findings.some(({ code }) => code === 'invalid-address'),
    );
    expect(invalid?.map(({ address }) => address)).toContain(refused);
    expect(fixture.sink.received).toEqual([]);
  });

  it('sends an entry with a plain display name to its address, as nodemailer documents it', async () => {
    const transporter = guardedTransport(fixture);
    await transporter.sendMail(
      annasOrder({
        envelope: {
          from: 'Butiken <order@butiken.se>',
          to: ['anna@svenssonbygg.se', `Anna Svensson <${ANNA}>`],
        },
      }),
    );
    expect(fixture.sink.received.map(({ from, to }) => ({ from, to }))).toEqual([
      { from: 'order@butiken.se', to: ['anna@svenssonbygg.se', ANNA] },
    ]);
  });

  it('still sends a comma list in the envelope to each address, each checked', async () => {
    const transporter = guardedTransport(fixture);
    await transporter.sendMail(
      annasOrder({ envelope: { from: 'order@butiken.se', to: `${ANNA}, anna@svenssonbygg.se` } }),
    );
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA, 'anna@svenssonbygg.se']]);
  });

  it('is refused by checkMessage as well', async () => {
    const raw = `From: order@butiken.se\r\nTo: ${ANNA}\r\nSubject: Order 4711\r\n\r\nTack!\r\n`;
    const check = await checkMessage(raw, {
      guard: createGuard({}),
      resolveCustomer: () => customers['C-1001'],
      envelope: { to: [`${ANNA} ${ERIK}`] },
    });
    expect(check.action).toBe('block');
    expect(check.recipients.map(({ address }) => address)).toContain(`${ANNA} ${ERIK}`);
  });
});

describe('the customer id header in a part of the message', () => {
  it('is removed from every part nodemailer builds, not only from the message header', async () => {
    const transporter = smtpTransport(fixture.sink.port);
    transporter.use(
      'compile',
      nodemailerGuard({
        ...fixtureGuardOptions(fixture),
        guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
        customerIdHeader: 'X-Customer-Id',
      }),
    );
    const headers = { 'X-Customer-Id': 'C-1001' };
    const attachment = { filename: 'kvitto.txt', content: 'Order 4711', headers: { ...headers } };
    const alternative = { contentType: 'text/x-order', content: 'Order 4711', headers: { ...headers } };
    const options = {
      from: 'order@butiken.se',
      to: ANNA,
      subject: 'Orderbekräftelse 4711',
      text: 'Tack!',
      headers: { ...headers },
      attachments: [attachment],
      alternatives: [alternative],
    };
    await transporter.sendMail(options);
    const [received] = fixture.sink.received;
    expect(received?.to).toEqual([ANNA]);
    expect(received?.raw.toString('utf8')).not.toMatch(/customer-id/i);
    // The caller's own options are left as they were given.
    expect(attachment.headers).toEqual(headers);
    expect(alternative.headers).toEqual(headers);
  });

  it('is delivered in the part by nodemailer alone', async () => {
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
    const info = await transporter.sendMail({
      from: 'order@butiken.se',
      to: ANNA,
      text: 'Tack!',
      attachments: [{ filename: 'kvitto.txt', content: 'x', headers: { 'X-Customer-Id': 'C-1001' } }],
    });
    expect(String(info.message)).toMatch(/X-Customer-Id: C-1001/i);
  });
});

describe('a held message with a resent block, released to corrected recipients', () => {
  it('is delivered with no part of the resent block, which would be left without its sender', async () => {
    const transporter = guardedTransport(fixture);
    const held = (await failure(
      transporter.sendMail(
        annasOrder({
          to: 'anna.svensson185@gmail.com',
          headers: {
            'Resent-To': 'anna.svensson185@gmail.com',
            'Resent-Date': 'Thu, 03 Dec 2026 10:00:00 +0000',
          },
        }),
      ),
    )) as { holdId?: string };
    expect(held?.holdId).toBeDefined();
    await fixture.holdStore.release(held.holdId as string, transporter, {
      to: ANNA,
      by: 'lena@butiken.se',
      reason: 'read back on the phone',
    });
    const [received] = fixture.sink.received;
    expect(received?.to).toEqual([ANNA]);
    const header = received?.raw.toString('utf8').split('\r\n\r\n')[0] ?? '';
    // RFC 5322 §3.6.6: a resent block has a Resent-Date and a Resent-From; half of one misleads.
    expect(header).not.toMatch(/^Resent-/im);
  });
});

describe('a TAB in a raw message header, white space there (RFC 5322 §3.2.2)', () => {
  const rawOrder = (fields: string) =>
    `From: order@butiken.se\r\n${fields}Subject: Order 4711\r\n\r\nTack!\r\n`;

  it.each([
    ['in a To display name', `To: Anna\tSvensson <${ANNA}>\r\n`],
    ['in a Reply-To display name', `To: ${ANNA}\r\nReply-To: Anna\tSvensson <${ANNA}>\r\n`],
  ])('is sent by checkMessage %s', async (_, fields) => {
    const check = await checkMessage(rawOrder(fields), {
      guard: createGuard({}),
      resolveCustomer: () => customers['C-1001'],
    });
    expect(check.recipients.flatMap(({ verdict }) => verdict.findings.map(({ code }) => code))).not.toContain(
      'invalid-address',
    );
    expect(check.action).toBe('send');
  });

  it('is sent by the plugin from a To display name, as it is from Reply-To', async () => {
    const transporter = guardedTransport(fixture);
    for (const fields of [
      `To: Anna\tSvensson <${ANNA}>\r\n`,
      `To: ${ANNA}\r\nReply-To: Anna\tSvensson <${ANNA}>\r\n`,
    ])
      await transporter.sendMail({
        raw: rawOrder(fields),
        envelope: { from: 'order@butiken.se', to: [ANNA] },
        emailGuard: { customerId: 'C-1001' },
      } as SendMailOptions);
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA], [ANNA]]);
  });

  it('is still held by the plugin when the name beside it shows another address', async () => {
    const transporter = guardedTransport(fixture);
    const error = (await failure(
      transporter.sendMail({
        raw: rawOrder(`To: ${ERIK}\t<${ANNA}>\r\n`),
        envelope: { from: 'order@butiken.se', to: [ANNA] },
        emailGuard: { customerId: 'C-1001' },
      } as SendMailOptions),
    )) as { code?: string };
    expect(error?.code).toMatch(/^RECIPIENT_/);
    expect(fixture.sink.received).toEqual([]);
  });
});
