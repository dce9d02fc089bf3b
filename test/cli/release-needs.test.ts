import { describe, expect, it } from 'vitest';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { heldOrder, holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// What `holds release` says when the release lacks something the library names (releaseNeeds):
// the command words the answer and picks the exit code, in the language asked for.
const fixture = usePipelineFixture();
const everyone = () => writeCustomerExport(fixture.dir, customers, 'everyone.ndjson');
const release = (id: string, more: readonly string[]) =>
  runCliInProcess(releaseArgs(fixture, id, everyone(), more));

describe('holds release of a message held without a customer', () => {
  it('gives the advice for a missing customer even when a recipient is blocked for good, not a --to to give', async () => {
    // A mistyped provider with no customer named: blocked by domain-typo and by the failed lookup.
    const id = await holdMessage(fixture, 'anna.svensson1985@hotmial.se', { customerId: null });
    const run = await release(id, []);
    expect(run.stderr).toContain(
      `${id} stays held: no customer was known when the message was held (lookup-failed)`,
    );
    expect(run.stderr).toContain(`holds discard ${id}`);
    expect(run.stderr).not.toContain('give the corrected recipients with --to');
    expect(run.status).toBe(1);
    const sv = await release(id, ['--locale', 'sv']);
    expect(sv.stderr).toContain(`${id} ligger kvar: ingen kund var känd när meddelandet stoppades`);
    expect(sv.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(0);
  });
});

describe('holds release of a message whose customers could not be counted when it was held', () => {
  it('is refused (2) in the language asked for, naming --fewer-customers, and goes with it', async () => {
    const { id } = await fixture.holdStore.hold({
      ...heldOrder('Orderbekräftelse 4711', 'anna.svensson1985@gmail.com'),
      action: 'confirm',
      customersCountFailed: true,
    });
    const sv = await release(id, ['--locale', 'sv']);
    expect(sv.status).toBe(2);
    expect(sv.stderr).toContain(`${id} ligger kvar: kunderna kunde inte räknas när meddelandet stoppades`);
    expect(sv.stderr).toContain('--fewer-customers');
    expect(sv.stderr).not.toMatch(/refused|customers could not be counted/);
    const en = await release(id, []);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain(
      `${id} stays held: the customers could not be counted when the message was held`,
    );
    expect(en.stderr).toContain('everyone.ndjson');
    expect(fixture.sink.received).toHaveLength(0);
    const meant = await release(id, ['--fewer-customers']);
    expect(meant.stderr).toBe('');
    expect(meant.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(1);
  });
});
