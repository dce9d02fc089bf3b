import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/cli/build-report.js';

const kinds = {
  'domain-typo': { en: "at a mistyped provider's domain", sv: 'hos en felskriven e-postleverantör' },
  'near-miss': { en: "a slip from a customer's known address", sv: 'ett skrivfel av en kunds kända adress' },
  'role-address': { en: 'a role mailbox', sv: 'en funktionsadress' },
};

describe('buildReport', () => {
  it('counts every kind among the rows, in the order of the kinds, described in the language asked for', () => {
    const rows = [
      { finding: 'near-miss', line: 3 },
      { finding: 'domain-typo', line: 7 },
      { finding: 'near-miss', line: 9 },
    ] as const;
    const report = buildReport({
      locale: 'sv',
      title: 'Granskning',
      intro: ['3 träffar.'],
      kinds,
      kindOf: (row) => row.finding,
      columns: [{ key: 'line', label: 'Rad' }],
      rows,
      data: { hits: rows },
    });
    expect(report.summary).toEqual([
      { label: 'domain-typo', description: 'hos en felskriven e-postleverantör', count: 1 },
      { label: 'near-miss', description: 'ett skrivfel av en kunds kända adress', count: 2 },
      { label: 'role-address', description: 'en funktionsadress', count: 0 },
    ]);
    expect(report).toMatchObject({ locale: 'sv', title: 'Granskning', intro: ['3 träffar.'], rows });
    expect(report.data).toEqual({ hits: rows });
  });
});
