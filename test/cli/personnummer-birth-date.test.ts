import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { birthDateOf } from '../../src/contacts/birth-date-of.js';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: `--columns birthDate=Personnummer` beside a Födelsedatum column skipped the rows
// where both name the same day, and a personnummer alone was never read as a birth date.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

interface Checked {
  customers: number;
  findings: { kind: string; customerId: string }[];
}

describe('a personnummer read as the birth date (SKV 704)', () => {
  it('agrees with a birth date column naming the same day, and is read alone in each form', async () => {
    const file = join(dir.path, 'kunder.csv');
    writeFileSync(
      file,
      [
        'Kundnr;Namn;E-post;Födelsedatum;Personnummer',
        'K-1;Anna Svensson;anna.svensson@gmail.com;1985-03-12;19850312-1234',
        'K-2;Karin Berg;karin.berg@telia.com;19790101;790101-2345',
        'Q-1;Ola Berg;ola.berg1985@gmail.com;;19820101-1234',
        'Q-2;Eva Berg;eva.berg1990@gmail.com;;900101-1234',
        'Q-3;Per Berg;per.berg1982@gmail.com;;8201011234',
        '',
      ].join('\n'),
    );
    const run = await runBuiltCli(
      ['customers', 'check', file, '--columns', 'birthDate=Personnummer', '--json'],
      {
        cwd: dir.path,
      },
    );
    const checked = JSON.parse(run.stdout) as Checked;
    expect(checked.customers).toBe(5);
    const kinds = checked.findings.map((finding) => [finding.customerId, finding.kind]);
    expect(kinds.filter(([, kind]) => kind === 'unreadable-row' || kind === 'field-not-read')).toEqual([]);
    // The date was read: Ola's 1985 contradicts the 1982 of his personnummer; Eva's and Per's fit.
    expect(kinds.filter(([, kind]) => kind === 'number-mismatch')).toEqual([['Q-1', 'number-mismatch']]);
  });

  it('infers the century of a ten-digit number from its separator', () => {
    const today = new Date('2026-12-02T12:00:00Z');
    expect(birthDateOf('900101-1234', today)).toBe('1990-01-01');
    expect(birthDateOf('8201011234', today)).toBe('1982-01-01');
    expect(birthDateOf('100101-1234', today)).toBe('2010-01-01');
    expect(birthDateOf('100101+1234', today)).toBe('1910-01-01');
    expect(birthDateOf('19820161-1234', today)).toBe('1982-01-01'); // samordningsnummer: day + 60
    expect(birthDateOf('19821301-1234', today)).toBeUndefined();
    expect(birthDateOf('850312', today)).toBeUndefined();
  });
});
