import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeDraftFacts } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// A child's order confirmation (born 2014, a guardian named with her own details) sent to a
// mistyped provider, audited on the built command: the export's birth date makes the draft a child's.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

const CUSTOMERS = [
  'id,name,email,phone,country,birthDate',
  '100234,Karin Lindqvist,karin.lindqvist@gmail.com,070-555 12 34,SE,',
  '200777,Ella Nyström,ella.nystrom@hotmail.com,,SE,2014-05-09',
  '',
].join('\n');

describe('the customer an audit draft is written for', () => {
  it('carries the birth date of the export into the draft, so a child is reported as a child', async () => {
    mkdirSync(join(dir.path, 'sent'), { recursive: true });
    copyFileSync(
      join(__dirname, '../fixtures/incident/child-order.eml'),
      join(dir.path, 'sent', 'child-order.eml'),
    );
    writeFileSync(join(dir.path, 'customers.csv'), CUSTOMERS);
    const facts = writeDraftFacts(dir.path, 'facts.json', { detectedAt: '2026-12-03T08:00:00+01:00' });
    const drafts = join(dir.path, 'drafts');
    const run = await runBuiltCli(
      [
        'audit',
        join(dir.path, 'sent'),
        '--customers',
        join(dir.path, 'customers.csv'),
        '--incidents',
        drafts,
        '--facts',
        facts,
      ],
      { cwd: dir.path },
    );
    expect(run.status, run.stderr).toBe(1);
    expect(readdirSync(drafts).sort()).toEqual(['0001-notice.eml', '0001-report.md']);
    const report = readFileSync(join(drafts, '0001-report.md'), 'utf8').replace(/\s+/g, ' ');
    expect(report).not.toContain('One data subject');
    expect(report).toMatch(/2 data subjects/i);
    expect(report).toMatch(/child/i);
    expect(report).toMatch(/likely to result in a high risk/);
    const notice = await simpleParser(readFileSync(join(drafts, '0001-notice.eml')));
    expect(notice.subject).toBe('Details about your child may have reached someone else by mistake');
    expect(notice.text).toContain('To the parent or guardian of Ella Nyström,');
  }, 240_000);
});
