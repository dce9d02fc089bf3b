import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/nodemailer/audit-log.js';
import { writeCustomerExport } from '../support/cli-inputs.js';
import { holdMessage, releaseArgs } from '../support/hold-message.js';
import { customers, usePipelineFixture } from '../support/pipeline.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';

// A release the command refuses by the library's rule (releaseNeeds) before anything is sent is a
// release attempt like any other: the audit log says who tried, why, and why it was refused.

const fixture = usePipelineFixture();
const TYPO = 'anna.svensson185@gmail.com';
const REASON = 'kunden bad om det i telefon';

const refusedLines = (): AuditEntry[] => {
  const log = join(fixture.dir, 'held.audit.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditEntry)
    .filter(({ outcome }) => outcome === 'release-refused');
};

describe('holds release refused by the release rule', () => {
  it('logs a block overridden without --to naming whom to send to, with who tried and why', async () => {
    const id = await holdMessage(fixture, TYPO);
    const run = await runCliInProcess(
      releaseArgs(fixture, id, writeCustomerExport(fixture.dir, customers), ['--send-despite-block'], {
        reason: REASON,
      }),
    );
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain('--to');
    expect(fixture.sink.received).toEqual([]);
    const lines = refusedLines();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      holdId: id,
      action: 'block',
      release: {
        by: 'lena@butiken.se',
        reason: REASON,
        sendDespiteBlock: true,
        refusal: { code: 'RECIPIENT_BLOCKED', message: expect.stringContaining(id) },
      },
    });
    expect(lines[0]?.recipients).toContainEqual(expect.objectContaining({ address: TYPO }));
  });
});
