import { describe, expect, it } from 'vitest';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, directoryOfCustomers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// A release corrects the recipients (--to), never a field an answer goes to: the first refusal of a
// message held for another customer's address there says so, instead of asking for --to first. The
// message has an envelope: one held without any needs --to first (docs/cli.md, release).
const fixture = usePipelineFixture();
const ANNA = 'anna.svensson1985@gmail.com';
const ERIK = 'erik.lind@telia.com';
const both = () => directoryOfCustomers();
const raw = (field: string) =>
  `From: order@butiken.se\r\nTo: ${ANNA}\r\n${field}: ${ERIK}\r\nSubject: Order 4711\r\n\r\nTack.\r\n`;

describe('holds release of a message held for an answer field', () => {
  for (const field of ['Reply-To', 'Disposition-Notification-To'])
    it(`says the first time that ${field} cannot be corrected by a release (en and sv)`, async () => {
      const id = await holdMessage(fixture, ANNA, {
        raw: raw(field),
        envelope: { from: 'order@butiken.se', to: [ANNA] },
        directory: both(),
      });
      const file = writeCustomerExport(fixture.dir, customers);
      const en = await runCliInProcess(releaseArgs(fixture, id, file));
      expect(en.status).toBe(1);
      expect(en.stderr).not.toContain('give the corrected recipients');
      expect(en.stderr).toContain(`not ${field}`);
      expect(en.stderr).toContain('Discard the message and send it again');
      const sv = await runCliInProcess(releaseArgs(fixture, id, file, ['--locale', 'sv']));
      expect(sv.status).toBe(1);
      expect(sv.stderr).not.toContain('ange de rättade mottagarna');
      expect(sv.stderr).toContain('Kasta meddelandet och skicka det igen');
      expect(fixture.sink.received).toEqual([]);
      expect((await fixture.holdStore.get(id))?.state).toBe('held');
    });
});
