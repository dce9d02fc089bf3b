import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// A release refused for what `--to` names is a release attempt like any other: the audit log beside
// the store says who tried, why, and why it was refused (`release-refused`), as the library and
// the review service log theirs. Nothing is sent.

const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';
const REASON = 'kunden bad om det i telefon';

/** The refusal line a release by Lena for `REASON` writes, with `more` in its `release`. */
const refusedBy = (holdId: string, more: Record<string, unknown>) => ({
  holdId,
  release: { by: 'lena@butiken.se', reason: REASON, ...more },
});

const refusedLines = (): AuditEntry[] => {
  const log = join(fixture.dir, 'held.audit.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEntry)
    .filter(({ outcome }) => outcome === 'release-refused');
};

describe('holds release refused for what --to names', () => {
  it('blocks an address whose local part shows another address, with its finding, and logs the refusal', async () => {
    const id = await holdMessage(fixture, TYPO);
    const hidden = '"erik.lind@telia.com"@evil.com';
    const run = await runCliInProcess(
      releaseArgs(
        fixture,
        id,
        writeCustomerExport(fixture.dir, customers),
        ['--to', hidden, '--send-despite-block'],
        { reason: REASON },
      ),
    );
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain('the mail would go to evil.com');
    expect(fixture.sink.received).toEqual([]);
    const [line] = refusedLines();
    expect(line).toMatchObject(
      refusedBy(id, { sendDespiteBlock: true, refusal: { code: 'RECIPIENT_BLOCKED' } }),
    );
    expect(line?.recipients).toContainEqual(
      expect.objectContaining({
        address: hidden,
        action: 'block',
        codes: expect.arrayContaining(['invalid-address']),
      }),
    );
  });

  it('refuses a --to that is not an address as it is read, and logs who tried and why', async () => {
    const id = await holdMessage(fixture, TYPO);
    const run = await runCliInProcess(
      releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--to', 'anna.svensson1985@'], {
        reason: REASON,
      }),
    );
    expect(run.status, run.stderr).toBe(2);
    expect(fixture.sink.received).toEqual([]);
    const [line] = refusedLines();
    expect(line).toMatchObject(
      refusedBy(id, {
        refusal: { code: 'INVALID_INPUT', message: expect.stringContaining('anna.svensson1985@') },
      }),
    );
    expect(line?.recipients).toContainEqual(
      expect.objectContaining({
        field: 'to',
        address: 'anna.svensson1985@',
        action: 'block',
        codes: ['invalid-address'],
      }),
    );
  });
});
