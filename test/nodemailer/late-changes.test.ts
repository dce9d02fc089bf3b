import type { SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// What a plugin that runs after the check (a `stream` plugin: DKIM, tracking, a staging redirect)
// can still change about where the message goes. The SMTP server's RCPT TO is the truth here.

const GOOD = 'anna.svensson1985@gmail.com';
const THIEF = 'thief@example.com';

const fixture = usePipelineFixture();

const guarded = () => guardedTransport(fixture);

const order: SendMailOptions = {
  from: 'order@butiken.se',
  to: GOOD,
  subject: 'Orderbekräftelse 4711',
  text: 'Tack!',
  emailGuard: { customerId: 'C-1001' },
};

const delivered = () => fixture.sink.received.flatMap(({ to }) => to);

describe('a stream plugin after the check', () => {
  it('cannot send the message to a recipient nobody checked through setEnvelope', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      mail.message.setEnvelope({ from: 'order@butiken.se', to: [THIEF] });
      done();
    });
    await transporter.sendMail({ ...order }).catch(() => undefined);
    expect(delivered()).not.toContain(THIEF);
    expect(fixture.audit.entries.at(-1)?.envelope?.to).toEqual([GOOD]);
  });

  it('refuses the send when a stream plugin replaced the envelope, rather than send it unchecked', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      mail.message.setEnvelope({ from: 'order@butiken.se', to: [GOOD, THIEF] });
      done();
    });
    await expect(transporter.sendMail({ ...order })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'envelope',
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('cannot add a recipient by changing the envelope nodemailer hands out', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      (mail.message.getEnvelope() as { to: string[] }).to.push(THIEF);
      done();
    });
    await expect(transporter.sendMail({ ...order })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(delivered()).toEqual([]);
  });
});

describe('a compile plugin after the check', () => {
  it('cannot replace the checked message with a prebuilt one of its own', async () => {
    const transporter = guarded();
    transporter.use('compile', (mail, done) => {
      mail.data.raw = `From: order@butiken.se\r\nTo: ${THIEF}\r\nX-Customer-Id: C-1001\r\n\r\nTack!\r\n`;
      done();
    });
    await expect(transporter.sendMail({ ...order })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      field: 'envelope',
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('refuses the send when a stream plugin rewrote the To field, rather than send it to an address nobody checked', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      mail.message.setHeader('To', THIEF);
      done();
    });
    await expect(transporter.sendMail({ ...order })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('the To, Cc or Bcc field'),
    });
    expect(fixture.sink.received).toEqual([]);
  });

  it('refuses the send when a stream plugin moved a Bcc recipient into To, where every recipient would see it', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      mail.message.setHeader('To', 'anna.svensson1985@gmail.com, anna@svenssonbygg.se');
      mail.message.setHeader('Bcc', '');
      done();
    });
    await expect(
      transporter.sendMail({ ...order, to: 'anna.svensson1985@gmail.com', bcc: 'anna@svenssonbygg.se' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    expect(fixture.sink.received).toEqual([]);
  });

  type Message = SendMailOptions & { headers?: Record<string, string> };
  type BuiltMessage = { setHeader(key: string, value: string): unknown; setRaw(raw: string): unknown };
  const changes: [string, (message: BuiltMessage) => void, Partial<Message>?][] = [
    ['adds a Resent-To', (message) => message.setHeader('Resent-To', THIEF)],
    ['adds a Resent-Cc in lower case', (message) => message.setHeader('resent-cc', `Thief <${THIEF}>`)],
    ['adds a Resent-Bcc', (message) => message.setHeader('Resent-Bcc', THIEF)],
    ['sets Reply-To to an address nobody checked', (message) => message.setHeader('Reply-To', THIEF)],
    ['sets From to an address nobody checked', (message) => message.setHeader('From', THIEF)],
    [
      'adds a Disposition-Notification-To',
      (message) => message.setHeader('Disposition-Notification-To', THIEF),
    ],
    ['adds a Mail-Followup-To in lower case', (message) => message.setHeader('mail-followup-to', THIEF)],
    [
      'changes a Resent-To that was checked',
      (message) => message.setHeader('Resent-To', THIEF),
      { headers: { 'Resent-To': 'anna@svenssonbygg.se' } },
    ],
    [
      'gives the message raw content of its own',
      (message) =>
        message.setRaw(`From: order@butiken.se\r\nTo: ${THIEF}\r\nResent-To: ${THIEF}\r\n\r\nTack!\r\n`),
    ],
  ];
  for (const [what, change, options] of changes) {
    it(`refuses the send when a stream plugin ${what}, rather than send what nobody checked`, async () => {
      const transporter = guarded();
      transporter.use('stream', (mail, done) => {
        change(mail.message as unknown as BuiltMessage);
        done();
      });
      await expect(transporter.sendMail({ ...order, ...options })).rejects.toMatchObject({
        code: 'INVALID_INPUT',
      });
      expect(fixture.sink.received).toEqual([]);
    });
  }

  it('sends when a stream plugin sets the recipient fields to what was checked', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      mail.message.setHeader('Resent-To', 'anna@svenssonbygg.se');
      mail.message.setHeader('Reply-To', 'kundtjanst@butiken.se');
      done();
    });
    await transporter.sendMail({
      ...order,
      replyTo: 'kundtjanst@butiken.se',
      headers: { 'Resent-To': 'anna@svenssonbygg.se' },
    });
    expect(delivered()).toEqual([GOOD]);
  });

  it('sends when a stream plugin adds a header that names no recipient', async () => {
    const transporter = guarded();
    transporter.use('stream', (mail, done) => {
      mail.message.setHeader('X-Tracking', 'order-4711');
      done();
    });
    await transporter.sendMail({ ...order });
    expect(delivered()).toEqual([GOOD]);
    expect(fixture.sink.received[0]?.raw.toString()).toContain('X-Tracking: order-4711');
  });
});
