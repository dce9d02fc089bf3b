import { describe, expect, it } from 'vitest';
import { createIncidentReport, findAuthority, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// Sweden's first data protection law, datalagen (1973:289), came into force on 1 July 1973. A breach
// dated before it (a sender's clock set decades back, a birth date typed as the date) fell to the row
// for every other state, which cites Directive 95/46/EC: a directive of 1995, never in force in 1972.
describe('a Swedish breach dated before datalagen (1973:289)', () => {
  it('names no law, and no duty to notify, instead of the directive of 1995', () => {
    const finding = findAuthority({ country: 'SE', regime: 'gdpr', at: '1972-05-01T12:00:00+01:00' });
    expect(finding.law.citations.join(' ')).not.toContain('95/46');
    expect(finding.law.citations).toEqual([]);
    expect(finding.law.notificationDuty).toBe(false);
    expect(finding.law.until).toBe('1973-07-01');
  });

  it('still names datalagen from the day it came into force', () => {
    const finding = findAuthority({ country: 'SE', regime: 'gdpr', at: '1973-07-01T12:00:00+01:00' });
    expect(finding.law.citations).toEqual(['datalagen (1973:289)']);
  });

  for (const [locale, words] of [
    ['en', 'No data protection law was in force then'],
    ['sv', 'Ingen lag om skydd för personuppgifter gällde då'],
  ] as const)
    it(`says in the report that no law was in force (${locale})`, () => {
      const report = createIncidentReport(
        {
          ...seedCase,
          regimes: ['gdpr'],
          occurredAt: '1972-05-01T12:00:00+01:00',
          detectedAt: '1972-05-01T13:00:00+01:00',
        },
        { now: '1972-05-01T15:00:00+01:00' },
      );
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(words);
      expect(text).not.toContain('95/46');
      expect(text).not.toMatch(/\. , |\.\s+,/);
    });
});
