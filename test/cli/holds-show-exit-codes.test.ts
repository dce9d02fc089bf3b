import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdMessage } from '../support/hold-message.js';
import { usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// `holds show` exits as docs/cli.md says: 0 once the message is shown (held or in doubt), 2 for a
// usage error, 3 when the message or the store is not there.
const fixture = usePipelineFixture();

describe('holds show exit codes', () => {
  it('exits 0 showing a held message, 3 for one not held or a missing store, 2 for a bad option', async () => {
    const id = await holdMessage(fixture, 'anna.svensson185@gmail.com');
    const store = join(fixture.dir, 'held');
    expect((await runCliInProcess(['holds', 'show', id, '--store', store])).status).toBe(0);
    const missing = await runCliInProcess(['holds', 'show', 'no-such-id', '--store', store]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('no-such-id');
    expect(
      (await runCliInProcess(['holds', 'show', id, '--store', join(fixture.dir, 'nowhere')])).status,
    ).toBe(3);
    expect(
      (await runCliInProcess(['holds', 'show', id, '--store', store, '--time-zone', 'Mars/Olympus'])).status,
    ).toBe(2);
    expect((await runCliInProcess(['holds', 'show', id])).status).toBe(2);
  }, 60_000);
});
