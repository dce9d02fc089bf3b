import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';

const fixture = usePipelineFixture();
// A customer the guard that held the message could not find: every recipient is held `lookup-failed`.
const NEW_CUSTOMER = { id: 'K-9999', name: 'Karin Berg', emails: ['karin.berg@example.se'] };

beforeAll(async () => {
  await builtCli();
}, 120_000);

/** Holds an order for K-9999 to `to`, then releases it as held with an export that has K-9999 now. */
async function releaseFound(to: string, more: readonly string[] = []) {
  const id = await holdMessage(fixture, to, { customerId: 'K-9999' });
  const file = writeCustomerExport(fixture.dir, [...Object.values(customers), NEW_CUSTOMER], 'with-k.ndjson');
  const run = await runBuiltCli(releaseArgs(fixture, id, file, more), { cwd: fixture.dir });
  return { id, file, run };
}

describe('a message held because its customer could not be looked up', () => {
  it('is released as it was held once the export has the customer and the address is theirs', async () => {
    const { run } = await releaseFound('karin.berg@example.se');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['karin.berg@example.se']]);
  }, 120_000);

  it('still asks for a confirmation of an address new to the customer found now', async () => {
    const { id, file, run } = await releaseFound('karin@example.com');
    expect(run.stderr).toContain(`${id} stays held: `);
    expect(run.stderr).toContain('--confirm-new');
    expect(run.status).toBe(1);
    expect(fixture.sink.received).toEqual([]);
    const confirmed = await runBuiltCli(releaseArgs(fixture, id, file, ['--confirm-new']), {
      cwd: fixture.dir,
    });
    expect(confirmed.stderr).toBe('');
    expect(confirmed.status).toBe(0);
    expect(fixture.sink.received.map((message) => message.to)).toEqual([['karin@example.com']]);
  }, 120_000);

  it('stays held, naming the customer id and --customers, while the export still lacks the customer', async () => {
    const id = await holdMessage(fixture, 'karin.berg@example.se', { customerId: 'K-9999' });
    const file = writeCustomerExport(fixture.dir, customers, 'without-k.ndjson');
    const run = await runBuiltCli(releaseArgs(fixture, id, file), { cwd: fixture.dir });
    expect(run.stderr).toContain(`${id} stays held: the customer K-9999 is not in `);
    expect(run.stderr).toContain('--customers');
    expect(run.stderr).not.toContain('--to');
    expect(run.status).toBe(1);
    expect(fixture.sink.received).toEqual([]);
  }, 120_000);
});
