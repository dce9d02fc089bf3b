import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, directoryOfCustomers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const fixture = usePipelineFixture();
const GOOD = 'anna.svensson1985@gmail.com';
// C-2002's address, on an order for C-1001.
const OTHERS = 'erik.lind@telia.com';

beforeAll(async () => {
  await builtCli();
}, 120_000);

/**
 * Holds an order for C-1001 to C-2002's address, checked against a directory that knows both
 * customers: the stored verdict says `belongs-to-other-customer`.
 */
const holdForOtherCustomer = () => holdMessage(fixture, OTHERS, { directory: directoryOfCustomers() });

/**
 * An export that lacks the other customer: out of date, or filtered to the one customer. Fewer
 * customers than the check that held the message knew, so each release says it is meant
 * (`--fewer-customers`).
 */
const onlyTheCustomer = () =>
  writeCustomerExport(fixture.dir, [customers['C-1001'] as (typeof customers)[string]], 'only-c1001.ndjson');

describe("a hold found to be another customer's address", () => {
  it('is not released to that address with --confirm-new and an export without the other customer', async () => {
    const id = await holdForOtherCustomer();
    const shown = await runCliInProcess(['holds', 'show', id, '--store', join(fixture.dir, 'held')]);
    expect(shown.stdout).toContain('belongs-to-other-customer');
    const run = await runBuiltCli(
      releaseArgs(fixture, id, onlyTheCustomer(), ['--confirm-new', '--fewer-customers']),
      {
        cwd: fixture.dir,
      },
    );
    expect(run.stderr).toContain(`${id} stays held: recipient "${OTHERS}" confirm (`);
    expect(run.stderr).toContain('belongs-to-other-customer');
    expect(run.stderr).toContain('a check now cannot clear that');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(fixture.sink.received).toHaveLength(0);
  });

  it('refuses the same address given again with --to, in Swedish, and sends to a corrected one', async () => {
    const id = await holdForOtherCustomer();
    const again = await runCliInProcess(
      releaseArgs(fixture, id, onlyTheCustomer(), [
        '--confirm-new',
        '--fewer-customers',
        '--to',
        OTHERS.toUpperCase(),
        '--locale',
        'sv',
      ]),
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain(`${id} ligger kvar: mottagaren ”${OTHERS}”`);
    expect(again.stderr).toContain('en kontroll nu kan inte häva det');
    expect(fixture.sink.received).toHaveLength(0);
    const corrected = await runCliInProcess(
      releaseArgs(fixture, id, onlyTheCustomer(), ['--to', GOOD, '--fewer-customers']),
    );
    expect(corrected.stderr).toBe('');
    expect(corrected.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(1);
  });

  it('goes to that address only with --send-despite-block', async () => {
    const id = await holdForOtherCustomer();
    const despite = await runCliInProcess(
      releaseArgs(
        fixture,
        id,
        onlyTheCustomer(),
        ['--confirm-new', '--send-despite-block', '--fewer-customers'],
        {
          reason: 'the couple share the mailbox',
        },
      ),
    );
    expect(despite.stderr).toBe('');
    expect(despite.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(1);
  });
});
