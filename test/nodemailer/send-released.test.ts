import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { sendReleased } from '../../src/nodemailer/index.js';
import { guardedTransport, usePipelineFixture } from '../support/pipeline.js';

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
});
