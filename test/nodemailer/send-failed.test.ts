import { describe, expect, it } from 'vitest';
import {
  annasOrder,
  failure,
  guardedTransport,
  monitoringTransport,
  usePipelineFixture,
} from '../support/pipeline.js';
import { neverAnswerData } from '../support/smtp-sink.js';

// The plugin writes `sent` when it passes a message on, before the transport answers. A message the
// SMTP server or a later plugin refuses did not go out: the log must say so, or a breach report or
// an answer to a data subject built on it names a message nobody received.

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';

describe('a message the check passed but that did not go out', () => {
  it('is logged send-failed, with the server’s answer, when the server refuses its recipient at RCPT TO', async () => {
    fixture.sink.refuse.add(ANNA);
    const refused = await failure(guardedTransport(fixture).sendMail(annasOrder({})));
    expect(refused?.code).toBe('EENVELOPE');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries.map(({ outcome }) => outcome)).toEqual(['sent', 'send-failed']);
    expect(fixture.audit.entries[1]).toMatchObject({
      customerId: 'C-1001',
      envelope: { to: [ANNA] },
      recipients: [{ address: ANNA }],
      sendFailed: { error: expect.stringContaining('550') },
    });
    expect(fixture.audit.entries[1]?.messageId).toBe(fixture.audit.entries[0]?.messageId);
  });

  it('is logged send-failed when the server refuses the message after DATA', async () => {
    fixture.sink.refuseData.add(ANNA);
    const refused = await failure(guardedTransport(fixture).sendMail(annasOrder({})));
    expect(refused?.message).toContain('554');
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'sent' },
      { outcome: 'send-failed', sendFailed: { error: expect.stringContaining('content filter') } },
    ]);
  });

  it('is logged send-failed when a stream plugin refuses it, with the plugin’s error', async () => {
    const transporter = guardedTransport(fixture);
    transporter.use('stream', (_mail, done) => done(new Error('the archive is full')));
    const refused = await failure(transporter.sendMail(annasOrder({})));
    expect(refused?.message).toBe('the archive is full');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'sent' },
      { outcome: 'send-failed', sendFailed: { error: 'the archive is full' } },
    ]);
  });

  it('is logged send-failed when a compile plugin after the guard changes the recipients, and nodemailer refuses it', async () => {
    const transporter = guardedTransport(fixture);
    transporter.use('compile', (mail, done) => {
      mail.data.to = 'erik.lind@telia.com';
      done();
    });
    const refused = await failure(transporter.sendMail(annasOrder({})));
    expect(refused?.code).toBe('INVALID_INPUT');
    expect(fixture.sink.received).toEqual([]);
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'sent' },
      {
        outcome: 'send-failed',
        sendFailed: { error: expect.stringContaining('register nodemailerGuard last') },
      },
    ]);
  });

  it('is logged send-failed after monitored, when the plugin only monitors', async () => {
    const transporter = monitoringTransport(fixture);
    const typo = 'anna.svensson185@gmail.com';
    fixture.sink.refuse.add(typo);
    await failure(transporter.sendMail(annasOrder({ to: typo })));
    expect(fixture.audit.entries.map(({ outcome }) => outcome)).toEqual(['monitored', 'send-failed']);
  });

  it('leaves a message the server took logged sent alone', async () => {
    await guardedTransport(fixture).sendMail(annasOrder({}));
    expect(fixture.audit.entries.map(({ outcome }) => outcome)).toEqual(['sent']);
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
  });

  it('names the recipients the server refused of a message it sent to the others', async () => {
    fixture.sink.refuse.add('anna@svenssonbygg.se');
    const info = await guardedTransport(fixture).sendMail(annasOrder({ to: [ANNA, 'anna@svenssonbygg.se'] }));
    expect(info.rejected).toEqual(['anna@svenssonbygg.se']);
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect(fixture.audit.entries).toMatchObject([
      { outcome: 'sent', envelope: { to: [ANNA, 'anna@svenssonbygg.se'] } },
      {
        outcome: 'recipients-refused',
        sendFailed: { recipients: ['anna@svenssonbygg.se'], error: expect.stringContaining('550') },
      },
    ]);
  });
});

describe('a message whose send ended after the server had it, before it answered', () => {
  it('is logged send-in-doubt, not send-failed, when the send is aborted while the server holds the data unanswered', async () => {
    const reached = neverAnswerData(fixture.sink);
    const controller = new AbortController();
    const sent = failure(guardedTransport(fixture).sendMail(annasOrder({ signal: controller.signal })));
    await reached;
    controller.abort();
    const ended = await sent;
    expect(ended?.message).toBeDefined();
    // The server has the whole message: whether it delivers it is its call (RFC 5321 §4.1.1.4).
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect(fixture.audit.entries.map(({ outcome }) => outcome)).toEqual(['sent', 'send-in-doubt']);
    expect(fixture.audit.entries[1]).toMatchObject({ sendFailed: { error: expect.any(String) } });
  });
});
