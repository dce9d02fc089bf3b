import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();
const anna = JSON.stringify({ id: 'C-1', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] });

beforeAll(async () => {
  await builtCli();
}, 120_000);

describe('email-guard check', () => {
  it('blocks a near miss of the known address with exit code 1 and names the suggestion', async () => {
    const run = await runBuiltCli(['check', 'anna.svensson185@gmail.com', '--customer', anna], {
      cwd: dir.path,
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('block  anna.svensson185@gmail.com');
    expect(run.stdout).toContain('suggestion: anna.svensson1985@gmail.com');
    expect(run.stdout).toContain('near-miss: Looks like a typo');
  });

  it('answers send with exit code 0 for a known address, as JSON with --json', async () => {
    const run = await runBuiltCli(['check', 'anna.svensson1985@gmail.com', '--customer', anna, '--json'], {
      cwd: dir.path,
    });
    expect(run.status).toBe(0);
    const verdict = JSON.parse(run.stdout);
    expect(verdict.action).toBe('send');
    expect(verdict.findings[0].code).toBe('exact-match');
  });

  it("asks about a customer's own stored address at a mistyped provider, as audit flags mail to it", async () => {
    const karin = JSON.stringify({ id: 'C-3', name: 'Karin Berg', emails: ['karin.berg@hotmial.se'] });
    const run = await runBuiltCli(['check', 'karin.berg@hotmial.se', '--customer', karin], { cwd: dir.path });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('confirm  karin.berg@hotmial.se');
    expect(run.stdout).toContain('suggestion: karin.berg@hotmail.se');
    expect(run.stdout).toContain('confirm domain-typo: hotmial.se looks like a typo of hotmail.se.');
  });

  it("takes the stored address with its provider corrected for the customer's, not for a stranger's at a sibling domain", async () => {
    const karin = JSON.stringify({ id: 'C-3', name: 'Karin Berg', emails: ['karin.berg@hotmial.se'] });
    const run = await runBuiltCli(['check', 'karin.berg@hotmail.se', '--customer', karin, '--json'], {
      cwd: dir.path,
    });
    const verdict = JSON.parse(run.stdout);
    expect(verdict.findings.map((finding: { code: string }) => finding.code)).toEqual(['unverified-address']);
    expect(run.stdout).not.toContain('belongs to someone else');
  });

  it('speaks Swedish with --locale sv', async () => {
    const run = await runBuiltCli(
      ['check', 'anna.svensson185@gmail.com', '--customer', anna, '--locale', 'sv'],
      { cwd: dir.path },
    );
    expect(run.stdout).toContain('Ser ut som ett skrivfel');
  });

  it('finds the customer by id in an export and checks the other customers too', async () => {
    const file = join(dir.path, 'customers.csv');
    writeFileSync(
      file,
      'id;name;email\nC-1;Anna Svensson;anna.svensson1985@gmail.com\nC-2;Erik Lind;erik.lind@telia.com\nC-3;Broken;erik(at)telia\n',
    );
    const run = await runBuiltCli(
      ['check', 'erik.lind@telia.com', '--customer-id', 'C-1', '--customers', file, '--json'],
      { cwd: dir.path },
    );
    expect(run.status).toBe(1);
    const verdict = JSON.parse(run.stdout);
    expect(verdict.action).toBe('confirm');
    expect(verdict.findings.map((finding: { code: string }) => finding.code)).toContain(
      'belongs-to-other-customer',
    );
    // The broken row is named on one line; the rest was read.
    expect(run.stderr).toContain(`${file}:4: `);
  });

  it('exits with 2 for a usage error and 3 for a file that cannot be read', async () => {
    const usage = await runBuiltCli(['check'], { cwd: dir.path });
    expect(usage.status).toBe(2);
    const badJson = await runBuiltCli(['check', 'a@b.se', '--customer', '{nope'], { cwd: dir.path });
    expect(badJson.status).toBe(2);
    expect(badJson.stderr).toContain('--customer is not JSON');
    const missing = await runBuiltCli(
      ['check', 'a@b.se', '--customer-id', 'C-1', '--customers', join(dir.path, 'missing.csv')],
      { cwd: dir.path },
    );
    expect(missing.status).toBe(3);
    expect(missing.stderr).toMatch(/missing\.csv: does not exist$/m);
  });

  it('shows help with an example and the exit codes', async () => {
    const run = await runBuiltCli(['check', '--help'], { cwd: dir.path });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('$ email-guard check');
    expect(run.stdout).toContain('Exit codes');
  });
});
