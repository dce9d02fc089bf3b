import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, directoryOfCustomers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

const fixture = usePipelineFixture();
// A slip in C-1001's anna.svensson1985@gmail.com: held as a near miss.
const TYPO = 'anna.svensson185@gmail.com';
// C-2002's address.
const ERIKS = 'erik.lind@telia.com';

beforeAll(async () => {
  await builtCli();
}, 120_000);

const everyone = () => writeCustomerExport(fixture.dir, customers, 'everyone.ndjson');
/** An export filtered to the one customer: it lacks Erik (C-2002). */
const onlyAnna = () =>
  writeCustomerExport(fixture.dir, [customers['C-1001'] as (typeof customers)[string]], 'only-c1001.ndjson');
const release = (id: string, file: string, more: readonly string[]) =>
  runCliInProcess(releaseArgs(fixture, id, file, more));

describe('a release checked against fewer customers than the check that held the message', () => {
  it("is refused, saying both counts, before a correction to a missing customer's address goes out", async () => {
    const id = await holdMessage(fixture, TYPO, { directory: directoryOfCustomers() });
    const run = await release(id, onlyAnna(), ['--to', ERIKS, '--confirm-new']);
    expect(run.stderr).toContain(`${id} stays held: `);
    expect(run.stderr).toContain('only-c1001.ndjson has 1 customer, fewer than the 2 the check that held');
    expect(run.stderr).toContain('--fewer-customers');
    expect(run.status).toBe(2);
    expect(fixture.sink.received).toHaveLength(0);
    const sv = await release(id, onlyAnna(), ['--to', ERIKS, '--confirm-new', '--locale', 'sv']);
    expect(sv.stderr).toContain('har 1 kund, färre än de 2 som kontrollen');
    expect(sv.status).toBe(2);
    expect(fixture.sink.received).toHaveLength(0);
  }, 120_000);

  it('goes ahead with --fewer-customers, and a message held without a count is released as before', async () => {
    const counted = await holdMessage(fixture, TYPO, {
      directory: directoryOfCustomers(),
    });
    const meant = await release(counted, onlyAnna(), [
      '--to',
      'anna.svensson1985@gmail.com',
      '--fewer-customers',
    ]);
    expect(meant.stderr).toBe('');
    expect(meant.status).toBe(0);
    // Held by a guard that looks customers up one by one: no count is kept.
    const uncounted = await holdMessage(fixture, TYPO);
    const before = await release(uncounted, onlyAnna(), ['--to', 'anna.svensson1985@gmail.com']);
    expect(before.stderr).toBe('');
    expect(before.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(2);
  }, 120_000);
});

describe('--confirm-new', () => {
  it('does not send a correction the check finds probably not the customer’s (a sibling domain)', async () => {
    const id = await holdMessage(fixture, TYPO);
    const run = await release(id, everyone(), ['--to', 'anna@svenssonbygg.com', '--confirm-new']);
    expect(run.stderr).toContain(`${id} stays held: `);
    expect(run.stderr).toContain("anna@svenssonbygg.com is probably not the customer's address");
    expect(run.stderr).toContain('(sibling-domain)');
    // The command says its own flags, where a library caller is told the release's options.
    expect(run.stderr).toContain('Correct the recipient with --to (confirming it as new, --confirm-new,');
    expect(run.stderr).not.toContain('`confirmNew`');
    expect(run.status).toBe(1);
    const sv = await release(id, everyone(), [
      '--to',
      'anna@svenssonbygg.com',
      '--confirm-new',
      '--locale',
      'sv',
    ]);
    expect(sv.stderr).toContain('är troligen inte kundens adress');
    expect(sv.stderr).toContain('sibling-domain');
    expect(sv.status).toBe(1);
    const rewritten = await release(id, everyone(), ['--to', 'anna.svensson@gmail.com', '--confirm-new']);
    expect(rewritten.stderr).toContain('(number-changed)');
    expect(rewritten.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(0);
  }, 120_000);

  it('still sends a correction that is only new to the customer', async () => {
    const id = await holdMessage(fixture, TYPO);
    const run = await release(id, everyone(), ['--to', 'ny.adress@example.se', '--confirm-new']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(fixture.sink.received).toHaveLength(1);
  }, 120_000);
});

describe('a message held without a customer', () => {
  it('is refused with advice that can be followed, not a corrected address no check could pass', async () => {
    const id = await holdMessage(fixture, 'anna.svensson1985@gmail.com', { customerId: null });
    const run = await release(id, everyone(), ['--to', 'anna.svensson1985@gmail.com', '--confirm-new']);
    expect(run.stderr).toContain('no customer was known when the message was held (lookup-failed)');
    expect(run.stderr).toContain(`holds discard ${id}`);
    expect(run.stderr).not.toContain('passes the check');
    expect(run.status).toBe(1);
    expect(fixture.sink.received).toHaveLength(0);
    // The advice, followed as written, releases it: the recipients in --to, on the releaser's account.
    expect(run.stderr).toContain('--to and the recipients read back, and --send-despite-block');
    const followed = await release(id, everyone(), [
      '--to',
      'anna.svensson1985@gmail.com',
      '--send-despite-block',
    ]);
    expect(followed.status, followed.stderr).toBe(0);
    expect(fixture.sink.received).toHaveLength(1);
  }, 120_000);
});

describe('holds show', () => {
  it('shows bidirectional and other format characters of a subject escaped', async () => {
    const id = await holdMessage(fixture, TYPO, { subject: 'Order \u202egpj.exe\u202c \u2066x\u2069\u200b' });
    const run = await runBuiltCli(['holds', 'show', id, '--store', join(fixture.dir, 'held')], {
      cwd: fixture.dir,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Order \\u202egpj.exe\\u202c \\u2066x\\u2069\\u200b');
    expect(run.stdout).not.toMatch(/\p{Cf}/u);
  }, 120_000);
});
