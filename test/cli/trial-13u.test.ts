import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, a user trial's leftovers: what `customers check` and `audit` say of real files, on the
// built command.
const dir = useTempDir();

beforeAll(async () => {
  await builtCli();
}, 120_000);

const run = (args: readonly string[]) => runBuiltCli(args, { cwd: dir.path });

/** Writes `text` as `name` in the test's folder; answers its path. */
function write(name: string, text: string): string {
  const file = join(dir.path, name);
  writeFileSync(file, text);
  return file;
}

describe('email-guard customers check: digits that contradict the birth date', () => {
  it('names the part of the date the digits contradict: day and month, year, whole date (en, sv)', async () => {
    const file = write(
      'born.csv',
      [
        'id;name;email;birthDate',
        'K-1;Anna Svensson;anna0521@gmail.com;1985-12-05',
        'K-2;Erik Lind;erik.lind1958@gmail.com;1985-12-05',
        'K-3;Sara Ek;sara.ek851206@gmail.com;1985-12-05',
      ].join('\n'),
    );
    const reasons = async (locale: 'en' | 'sv') => {
      const result = JSON.parse(
        (await run(['customers', 'check', file, '--json', '--locale', locale])).stdout,
      );
      const byId = new Map<string, string>();
      for (const finding of result.findings)
        if (finding.kind === 'number-mismatch') byId.set(finding.customerId, finding.reason);
      return byId;
    };
    const en = await reasons('en');
    expect(en.get('K-1')).toContain("the customer's birthday (day and month) 0512");
    expect(en.get('K-2')).toContain("the customer's birth year 1985");
    expect(en.get('K-3')).toContain("the customer's birth date 851205");
    const sv = await reasons('sv');
    expect(sv.get('K-1')).toContain('kundens födelsedag (dag och månad) 0512');
    expect(sv.get('K-2')).toContain('kundens födelseår 1985');
    expect(sv.get('K-3')).toContain('kundens födelsedatum 851205');
    for (const reason of [...en.values(), ...sv.values()])
      expect(reason).not.toMatch(/ or year|eller födelseår/);
  });
});
