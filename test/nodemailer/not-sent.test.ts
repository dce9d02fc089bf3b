import nodemailer, { type SendMailOptions } from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard } from '../../src/nodemailer/nodemailer-guard.js';
import { customers, guardedTransport, usePipelineFixture } from '../support/pipeline.js';

// A message that passes the check but delivers to no one: nodemailer refuses it, and the audit log
// must not say it was sent (a breach report or an answer to a data subject is built on that log).

const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';

const base = { from: 'order@butiken.se', subject: 'Orderbekräftelse 4711', text: 'Tack!' };
const shapes: [string, SendMailOptions][] = [
  [
    'a prebuilt message without an envelope',
    { raw: `From: order@butiken.se\r\nTo: ${ANNA}\r\nSubject: Order 4711\r\n\r\nTack!\r\n` },
  ],
  ['only a group object', { ...base, to: { name: 'Kunder', group: [{ address: ANNA }] } as never }],
];

describe('a message with no envelope recipient', () => {
  for (const [shape, message] of shapes) {
    it(`logs ${shape} as not sent, and lets nodemailer's own error reach the caller`, async () => {
      const promise = guardedTransport(fixture).sendMail({
        ...message,
        emailGuard: { customerId: 'C-1001' },
      } as SendMailOptions);
      await expect(promise).rejects.toMatchObject({ code: 'EENVELOPE' });
      expect(fixture.sink.received).toEqual([]);
      expect(fixture.audit.entries).toMatchObject([
        {
          outcome: 'not-sent',
          envelope: { to: [] },
          notSent: { reason: expect.stringContaining('no envelope recipient') },
        },
      ]);
    });
  }

  it('logs a message with recipients as sent', async () => {
    await guardedTransport(fixture).sendMail({ ...base, to: ANNA, emailGuard: { customerId: 'C-1001' } });
    expect(fixture.sink.received.map(({ to }) => to)).toEqual([[ANNA]]);
    expect(fixture.audit.entries).toMatchObject([{ outcome: 'sent', envelope: { to: [ANNA] } }]);
  });

  it('logs it as passed to the transport where the transport is not SMTP, which may still deliver it', async () => {
    // nodemailer's stream transport hands the message on whatever its envelope: sendmail -t and SES
    // read the header's recipients the same way, so "not sent" would be a false record there.
    const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true });
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
        holdStore: fixture.holdStore,
        auditLog: fixture.audit,
      }),
    );
    const raw = `From: order@butiken.se\r\nTo: ${ANNA}\r\nSubject: Order 4711\r\n\r\nTack!\r\n`;
    const info = await transporter.sendMail({ raw, emailGuard: { customerId: 'C-1001' } } as SendMailOptions);
    expect(String(info.message)).toContain(`To: ${ANNA}`);
    expect(fixture.audit.entries).toMatchObject([{ outcome: 'sent', envelope: { to: [] } }]);
  });
});
