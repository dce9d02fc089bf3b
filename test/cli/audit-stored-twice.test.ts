import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDraftFacts } from '../support/cli-inputs.js';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

/** The draft's section under `heading`, up to the next one. */
function section(report: string, heading: string): string {
  const start = report.indexOf(`## ${heading}`);
  return report.slice(start, report.indexOf('\n## ', start + 3));
}

describe('email-guard audit --incidents: two records nothing tells apart', () => {
  it('drafts the cause as possibly one person stored twice, not as an address stored wrongly', async () => {
    // The same name, one slip apart, no birth date or phone number on either record.
    const customers = join(dir.path, 'kunder.csv');
    writeFileSync(
      customers,
      'id;name;email\nK1;Anna Svensson;anna.svensson1985@gmail.com\nK2;Anna Svensson;anna.svensson185@gmail.com\n',
    );
    mkdirSync(join(dir.path, 'sent'));
    const message = join(dir.path, 'sent', 'order.eml');
    writeFileSync(
      message,
      [
        'From: Butiken AB <order@butiken.se>',
        'To: anna.svensson185@gmail.com',
        'Subject: Order',
        'Date: Sat, 07 Nov 2026 16:17:03 +0000',
        'Message-ID: <order@butiken.se>',
        'X-Customer-Id: K1',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Hej! Leveransadress: Storgatan 12, 114 51 Stockholm',
        '',
      ].join('\r\n'),
    );
    const drafts = join(dir.path, 'drafts');
    const run = await runCliInProcess([
      'audit',
      message,
      '--customers',
      customers,
      '--incidents',
      drafts,
      '--facts',
      writeDraftFacts(dir.path, 'facts.json'),
    ]);
    expect(run.status).toBe(1);
    const report = readFileSync(join(drafts, '0001-report.md'), 'utf8');
    expect(report).not.toContain('stored wrongly');
    // Nor is the address taken for another person's: the message may have reached one.
    expect(section(report, 'Description of the incident')).toContain(
      'was sent to anna.svensson185@gmail.com, which may belong to someone else',
    );
    expect(section(report, 'Cause')).toContain(
      'The message went to anna.svensson185@gmail.com, stored on customer K2, instead of anna.svensson1985@gmail.com of customer K1. The two records have the same name and nothing in the register (a birth date or phone number) tells them apart: possibly the same person stored twice',
    );
  });
});
