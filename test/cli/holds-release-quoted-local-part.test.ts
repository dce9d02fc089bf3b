import { describe, expect, it } from 'vitest';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// `"anna.svensson1985@gmail.com"@evil.com` reads as anna's address in a mail client and goes to
// evil.com (RFC 5322 §3.4.1): `holds release --to` refuses it, `--confirm-new` or not, as the check
// at release blocks it (exit 1, the finding said, the refusal logged).

const fixture = usePipelineFixture();

describe('email-guard holds release to a quoted local part that shows an address', () => {
  it('keeps the message held and sends nothing, even with --confirm-new', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const customerFile = writeCustomerExport(fixture.dir, customers);
    for (const extra of [[], ['--confirm-new']]) {
      const run = await runCliInProcess(
        releaseArgs(fixture, id, customerFile, ['--to', '"anna.svensson1985@gmail.com"@evil.com', ...extra]),
      );
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toContain('the mail would go to evil.com');
    }
    expect(fixture.sink.received).toEqual([]);
    expect((await fixture.holdStore.get(id))?.state).toBe('held');
  });
});
