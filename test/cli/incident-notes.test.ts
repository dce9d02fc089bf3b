import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { besidesPassedDeadlines } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();
const examples = resolve(__dirname, '../../examples/data');

beforeAll(async () => {
  await builtCli();
}, 120_000);

function copyExamples() {
  copyFileSync(join(examples, 'orderbekraftelse.eml'), join(dir.path, 'orderbekraftelse.eml'));
  copyFileSync(join(examples, 'incident-facts.json'), join(dir.path, 'incident-facts.json'));
}

function args(locale: 'sv' | 'en', more: string[] = []) {
  return [
    'incident',
    '--message',
    join(dir.path, 'orderbekraftelse.eml'),
    '--intended',
    'anna.svensson1985@gmail.com',
    '--actual',
    'anna.svensson185@gmail.com',
    '--facts',
    join(dir.path, 'incident-facts.json'),
    '--out',
    join(dir.path, `incident-${locale}`),
    '--locale',
    locale,
    ...more,
  ];
}

describe('email-guard incident with an attachment it could not read', () => {
  it('prints the inventory notes and names the attachment in report.txt, in Swedish', async () => {
    copyExamples();
    const run = await runBuiltCli(args('sv'), { cwd: dir.path });
    expect(besidesPassedDeadlines(run.stderr)).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Bilagan Välkomstbrev Anna Svensson.pdf (application/pdf) lästes inte');
    const report = readFileSync(join(dir.path, 'incident-sv', 'report.txt'), 'utf8');
    expect(report).toContain('Välkomstbrev Anna Svensson.pdf (application/pdf) lästes inte');
    expect(report).toContain('innehöll bland annat:');
  });

  it('prints the notes in English and gives them in --json', async () => {
    copyExamples();
    const run = await runBuiltCli(args('en'), { cwd: dir.path });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'The attachment Välkomstbrev Anna Svensson.pdf (application/pdf) was not read',
    );
    // The same folder again: the first run's report is replaced only on request.
    const json = await runBuiltCli(args('en', ['--json', '--overwrite']), { cwd: dir.path });
    expect(json.status).toBe(0);
    const parsed = JSON.parse(json.stdout) as { notes: string[] };
    expect(parsed.notes.join(' ')).toContain('Välkomstbrev Anna Svensson.pdf (application/pdf) was not read');
  });
});
