import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// One paper invoice (name, address, customer number, amount) delivered to a neighbour, who brought it
// back opened (the counsel's trial, case 4): the rules give notify the authority and tell the people.
const invoice = {
  ...misdirectedOrderCase,
  reference: 'NT-INC-2026-0204',
  regimes: [...misdirectedOrderCase.regimes],
  circumstances: 'misdirected-post' as const,
  dataCategories: [...misdirectedOrderCase.dataCategories, 'financial' as const],
  dataRecovered: true,
};

function lines(locale: 'sv' | 'en') {
  const report = createIncidentReport(invoice, { locale, now: '2024-05-25T12:00:00+02:00' });
  return renderIncidentReport(report, { locale })
    .split('\n')
    .filter((line) => line.startsWith('  - ') && /\(\w\w\), /.test(line) && /https?:/.test(line));
}

describe('each sentence comparing a precedent is true of both cases', () => {
  it('names the conclusion that differs, never "notifying" where both notified the authority', () => {
    const sv = lines('sv');
    expect(sv.length).toBeGreaterThan(0);
    for (const line of sv) {
      expect(line).not.toMatch(/annan slutsats om anmälan än/);
      if (/anmälan till myndigheten: ja/.test(line))
        expect(line).not.toMatch(/beslutade annorlunda:|beslutade annorlunda om anmälan/);
    }
  });

  it('calls at most one precedent the closest decision that went the other way', () => {
    for (const locale of ['sv', 'en'] as const) {
      const all = lines(locale).join('\n');
      const said = all.match(
        /det närmaste beslutet som gick åt andra hållet|the closest decision that went the other way/g,
      );
      expect((said ?? []).length).toBeLessThanOrEqual(1);
    }
  });

  it('lists differences under a heading that does not call them likenesses', () => {
    const [sv, en] = [lines('sv').join('\n'), lines('en').join('\n')];
    expect(sv).toMatch(/Jämförelse: /);
    expect(sv).not.toMatch(/Likheter:/);
    expect(en).not.toMatch(/Alike in:/);
  });

  it('says a kind of data held there was not recorded here, not that it was absent', () => {
    const en = lines('en').join('\n');
    expect(en).not.toMatch(/, which it did not here/);
  });
});
