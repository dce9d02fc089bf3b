import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Trial 13: a stored address whose domain has a Cyrillic а (`eva@gmаil.com`, or the same in
// Punycode, `bo@xn--gmil-63d.com`). `audit` flagged mail to it, `customers check` found nothing
// and `check` with it as the known address answered `send exact-match`.
const fixtures = resolve(__dirname, '../fixtures/audit/lookalike');
const customers = join(fixtures, 'customers.csv');
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: string[]) => runBuiltCli(args, { cwd: dir.path });

describe('a stored address with look-alike letters in its domain', () => {
  it('is flagged by customers check, typed or in Punycode, with the address it passes for', async () => {
    const result = await run(['customers', 'check', customers, '--json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      findings: { kind: string; customerId: string; suggestion?: string }[];
      summary: Record<string, number>;
    };
    expect(report.findings.map((finding) => [finding.customerId, finding.kind, finding.suggestion])).toEqual([
      ['C-2', 'confusable-characters', 'bo@gmail.com'],
      ['C-3', 'confusable-characters', 'eva@gmail.com'],
    ]);
    expect(report.summary['confusable-characters']).toBe(2);
  });

  it('is the same finding in the audit of mail sent to it, naming its customer', async () => {
    const result = await run(['audit', fixtures, '--customers', customers, '--json']);
    expect(result.status).toBe(1);
    const hits = (JSON.parse(result.stdout) as { hits: Record<string, string>[] }).hits;
    const byId = Object.fromEntries(hits.map((hit) => [hit.messageId, hit]));
    expect(byId['<h3@b>']).toMatchObject({
      customerId: 'C-3',
      intended: 'eva@gmail.com',
      finding: 'confusable-characters',
    });
    expect(byId['<h4@b>']).toMatchObject({
      customerId: 'C-2',
      intended: 'bo@gmail.com',
      finding: 'confusable-characters',
    });
    // Not stored for anyone: the same finding, with no customer.
    for (const id of ['<h1@b>', '<h2@b>'])
      expect(byId[id]).toMatchObject({
        intended: 'ebba.akesson@gmail.com',
        finding: 'confusable-characters',
      });
    expect(hits).toHaveLength(4);
  });

  it('is blocked by check as the known address, with the address it passes for', async () => {
    const result = await run([
      'check',
      'eva@gmаil.com',
      '--customer-id',
      'C-3',
      '--customers',
      customers,
      '--json',
    ]);
    expect(result.status).toBe(1);
    const verdict = JSON.parse(result.stdout) as {
      action: string;
      suggestion: string;
      findings: { code: string }[];
    };
    expect(verdict.action).toBe('block');
    expect(verdict.suggestion).toBe('eva@gmail.com');
    expect(verdict.findings.map((finding) => finding.code)).toContain('confusable-characters');
  });
});
