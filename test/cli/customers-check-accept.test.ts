import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// The built command, as installed: what a person running `customers check --accept` sees.
vi.setConfig({ testTimeout: 120_000 });

const dir = useTempDir();

// A household's shared mailbox (C-2, C-3) and two people of one name one slip apart (C-1, C-4).
const exportCsv = [
  'id,name,email,birthDate',
  'C-1,Anna Svensson,anna.svensson1985@gmail.com,1985-03-14',
  'C-2,Erik Lind,erik.lind@telia.com,',
  'C-3,Erik Lind,erik.lind@telia.com,',
  'C-4,Anna Svensson,anna.svensson1958@gmail.com,1958-03-14',
  'C-5,Karin Berg,karin.berg@hotmial.se,',
].join('\n');

beforeAll(async () => {
  await builtCli();
}, 300_000);

/** Runs `customers check` on the export above, written into this test's folder. */
function run(args: readonly string[]) {
  writeFileSync(join(dir.path, 'customers.csv'), exportCsv);
  return runBuiltCli(['customers', 'check', 'customers.csv', ...args], { cwd: dir.path });
}

describe('email-guard customers check --accept', () => {
  it('names the other customer of a pair in --json, so the pair can be accepted', async () => {
    const result = await run(['--json']);
    const findings = (
      JSON.parse(result.stdout) as {
        findings: { customerId: string; kind: string; otherCustomerId?: string }[];
      }
    ).findings;
    expect(
      findings
        .filter((finding) => finding.otherCustomerId)
        .map((finding) => [finding.customerId, finding.otherCustomerId]),
    ).toEqual([
      ['C-1', 'C-4'],
      ['C-2', 'C-3'],
      ['C-3', 'C-2'],
      ['C-4', 'C-1'],
    ]);
  });

  it('leaves out the findings of pairs accepted in either order, counts them, and names a pair no longer found', async () => {
    writeFileSync(
      join(dir.path, 'accepted.csv'),
      'kund,annan kund,anteckning\nC-3,C-2,"samma hushåll, delad brevlåda"\nC-1,C-4,två personer\nC-7,C-8,sammanslagna 2025\n',
    );
    const text = await run(['--accept', 'accepted.csv']);
    expect(text.status).toBe(1);
    expect(text.stdout).toContain('4 findings of pairs accepted in accepted.csv not listed.');
    expect(text.stdout).toMatch(
      / {6}4 {2}accepted-pair: findings of a pair accepted with --accept \(not listed\)/,
    );
    expect(text.stdout).not.toMatch(/C-[1-4] {2}(belongs|near-miss)/);
    expect(text.stdout).toContain('customers.csv:6  C-5  domain-typo');
    expect(text.stderr).toBe(
      'accepted.csv:4: the pair C-7, C-8 is no longer found (remove it from the file)\n',
    );

    const json = await run(['--accept', 'accepted.csv', '--json']);
    const data = JSON.parse(json.stdout) as {
      accepted: number;
      stalePairs: unknown[];
      summary: Record<string, number>;
      findings: { kind: string }[];
    };
    expect(data.accepted).toBe(4);
    expect(data.summary['accepted-pair']).toBe(4);
    expect(data.stalePairs).toEqual([{ line: 4, customers: ['C-7', 'C-8'], note: 'sammanslagna 2025' }]);
    expect(data.findings.map((finding) => finding.kind)).toEqual(['domain-typo']);

    const html = await run(['--accept', 'accepted.csv', '--out', 'report.html', '--locale', 'sv']);
    expect(html.stderr).toBe('accepted.csv:4: paret C-7, C-8 finns inte längre (ta bort det ur filen)\n');
    const page = readFileSync(join(dir.path, 'report.html'), 'utf8');
    expect(page).toContain('4 fynd för par som godkänts i accepted.csv visas inte.');
    expect(page).toContain('<tr><th scope="row">godkänt par</th><td class="n">4</td>');
  });

  it('exits 0 when every finding is of an accepted pair (JSON accept file)', async () => {
    writeFileSync(
      join(dir.path, 'pairs.csv'),
      'id,name,email\nC-2,Erik Lind,erik.lind@telia.com\nC-3,Erik Lind,erik.lind@telia.com\n',
    );
    writeFileSync(
      join(dir.path, 'accepted.json'),
      '[\n  { "customers": ["C-2", "C-3"], "note": "same household" }\n]\n',
    );
    const result = await runBuiltCli(['customers', 'check', 'pairs.csv', '--accept', 'accepted.json'], {
      cwd: dir.path,
    });
    expect(result.stdout).toContain('2 findings of pairs accepted in accepted.json not listed.');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses a malformed accept file in one line naming its line, before the export is read', async () => {
    writeFileSync(join(dir.path, 'broken.csv'), 'a,b\nC-1,C-4\nC-2\n');
    const csv = await run(['--accept', 'broken.csv']);
    expect(csv).toEqual({
      status: 3,
      stdout: '',
      stderr:
        'email-guard: broken.csv:3: not an accepted pair: give two customer ids and an optional note (three cells at most)\n',
    });
    writeFileSync(
      join(dir.path, 'broken.json'),
      '[\n  { "customers": ["C-1", "C-4"] },\n  { "customers": ["C-2"] }\n]\n',
    );
    const json = await run(['--accept', 'broken.json', '--locale', 'sv']);
    expect(json.status).toBe(3);
    expect(json.stderr).toBe(
      'email-guard: broken.json:3: inget godkänt par: ange {"customers": ["K-1", "K-2"]}, två kund-id, och en eventuell anteckning som text\n',
    );
    writeFileSync(
      join(dir.path, 'syntax.json'),
      '[\n  { "customers": ["C-1", "C-4"] \n  { "customers": ["C-2"] }\n]\n',
    );
    expect((await run(['--accept', 'syntax.json'])).stderr).toMatch(
      /^email-guard: syntax\.json:3: not a JSON list of accepted pairs/,
    );
    const ending = await run(['--accept', 'pairs.txt']);
    expect(ending.status).toBe(2);
    expect(ending.stderr.split('\n')[0]).toBe(
      'email-guard: pairs.txt: --accept takes a .csv file (a header row, then two customer ids and an optional note per row) or a .json list of {"customers": ["C-1", "C-2"], "note": "…"}, not .txt',
    );
    const missing = await run(['--accept', 'missing.csv']);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toBe('email-guard: missing.csv: does not exist\n');
  });
});
