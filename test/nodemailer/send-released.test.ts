import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';
import { nodemailerGuard, sendReleased } from '../../src/nodemailer/index.js';
import { customers, guardedTransport, smtpTransport, usePipelineFixture } from '../support/pipeline.js';

const GOOD = 'anna.svensson1985@gmail.com';
const RAW = Buffer.from(`From: order@butiken.se\r\nTo: ${GOOD}\r\nSubject: Order\r\n\r\nTack!\r\n`);

const fixture = usePipelineFixture();

const guarded = () => guardedTransport(fixture);

const release = { holdId: 'H-1', raw: RAW, customerId: 'C-1001', by: 'lena@butiken.se', reason: 'read back' };

describe('sendReleased', () => {
  it.each([
    [
      'to',
      { from: 'order@butiken.se', to: [`${GOOD}\r\nRCPT TO:<thief@example.com>`] },
      'message.envelope.to.0',
    ],
    [
      'from',
      { from: 'order@butiken.se>\r\nRCPT TO:<thief@example.com', to: [GOOD] },
      'message.envelope.from',
    ],
  ] as const)(
    'refuses a line break in the envelope %s, so no command is written from it',
    async (_, envelope, field) => {
      const sent = sendReleased(guarded(), { ...release, envelope });
      await expect(sent).rejects.toMatchObject({ code: 'INVALID_INPUT', field });
      expect(fixture.sink.received).toEqual([]);
    },
  );

  it('refuses an envelope without recipients, naming it', async () => {
    const sent = sendReleased(nodemailer.createTransport({ jsonTransport: true }), {
      ...release,
      envelope: { from: 'order@butiken.se', to: [] },
    });
    await expect(sent).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'message.envelope.to' });
  });

  it('counts a message the server took as released when its audit line cannot be written, warning once, so it is never sent twice', async () => {
    const transporter = smtpTransport(fixture.sink.port);
    transporter.use(
      'compile',
      nodemailerGuard({
        guard: createGuard({ lookupCustomer: async (id) => customers[id] }),
        holdStore: fixture.holdStore,
        auditLog: {
          async record(entry) {
            if (entry.outcome === 'released') throw new Error('disk full');
            await fixture.audit.record(entry);
          },
        },
      }),
    );
    const warnings: Error[] = [];
    const onWarning = (warning: Error) => warnings.push(warning);
    process.on('warning', onWarning);
    try {
      const info = await sendReleased(transporter, {
        ...release,
        envelope: { from: 'order@butiken.se', to: [GOOD] },
        corrected: true,
      });
      expect(info.accepted).toEqual([GOOD]);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(fixture.sink.received).toHaveLength(1);
    expect(warnings.map((warning) => (warning as Error & { code?: string }).code)).toEqual([
      'EMAIL_GUARD_AUDIT_LOG_FAILED',
    ]);
    expect(warnings[0]?.message).toContain('H-1');
  });
});
