import { copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();
const examples = resolve(__dirname, '../../examples/data');

beforeAll(async () => {
  await builtCli();
}, 120_000);

/** The audit of the example's sent confirmation against the example export, with a facts file of the examples. */
async function auditWith(facts: string, name: string) {
  const folder = join(dir.path, name);
  mkdirSync(join(folder, 'sent'), { recursive: true });
  copyFileSync(join(examples, 'orderbekraftelse.eml'), join(folder, 'sent', 'orderbekraftelse.eml'));
  const run = await runBuiltCli(
    [
      'audit',
      'sent',
      '--customers',
      join(examples, 'customers.csv'),
      '--incidents',
      'drafts',
      '--facts',
      join(examples, facts),
    ],
    { cwd: folder },
  );
  return { run, folder };
}

describe('the example facts file for an audit', () => {
  it('is accepted by the built command and drafts a report and a notice for the hit', async () => {
    const { run, folder } = await auditWith('audit-facts.json', 'audit');
    expect(run.stderr).not.toContain('audit-facts.json');
    expect(run.status, run.stderr).toBe(1);
    const drafts = readdirSync(join(folder, 'drafts')).sort();
    expect(drafts).toEqual(['0001-notice.eml', '0001-report.md']);
    const report = readFileSync(join(folder, 'drafts', '0001-report.md'), 'utf8');
    expect(report).toContain('Nordkabel AB');
    expect(report).toMatch(/NK-AUDIT-\d{8}T\d{9}Z-0001/);
    expect(readFileSync(join(folder, 'drafts', '0001-notice.eml'), 'utf8')).toContain(
      'To: anna.svensson1985@gmail.com',
    );
  });

  it('is the one docs/cli.md points to for --facts, not the facts of one incident', () => {
    const docs = readFileSync(resolve(__dirname, '../../docs/cli.md'), 'utf8');
    expect(docs).toContain('examples/data/audit-facts.json');
    const facts = JSON.parse(readFileSync(join(examples, 'audit-facts.json'), 'utf8'));
    expect(facts.customer).toBeUndefined();
    expect(facts.detectedAt).toBeUndefined();
  });
});
