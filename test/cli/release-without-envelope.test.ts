import { describe, expect, it } from 'vitest';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// A prebuilt message given to nodemailer without an envelope is held with none: nodemailer reads no
// recipients from raw bytes, so released as held it would go to no one.
const fixture = usePipelineFixture();
const raw = `From: order@butiken.se\r\nTo: ny.adress@outlook.com\r\nSubject: Order 4711\r\nMessage-ID: <r3@butiken.se>\r\n\r\nTack.\r\n`;

describe('holds release of a raw message held with no envelope', () => {
  it('asks for the recipients with --to instead of naming an internal field (en and sv)', async () => {
    const id = await holdMessage(fixture, '', { raw });
    const file = writeCustomerExport(fixture.dir, customers);
    for (const locale of ['en', 'sv']) {
      const released = await runCliInProcess(releaseArgs(fixture, id, file, ['--locale', locale]));
      expect(released.status).toBe(2);
      expect(released.stderr).not.toContain('message.envelope.to');
      expect(released.stderr).toContain('--to');
      expect(released.stderr).toContain('ny.adress@outlook.com');
      if (locale === 'sv') {
        expect(released.stderr).toContain(`${id} ligger kvar`);
        expect(released.stderr).toContain('utan kuvert');
        expect(released.stderr).not.toContain('was held with no envelope');
      }
    }
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });
});
