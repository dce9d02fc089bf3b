import { describe, expect, it } from 'vitest';
import { lawInForce } from '../../src/incident/data/legal-bases.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// A Swedish telecom with customers in the United Kingdom: PTS and IMY in Sweden, the ICO under PECR
// and the UK GDPR. Each country's deadlines cite its own law, as its legal basis in the data gives it.
const { recipientConfirmedDeletion: _deleted, measures: _measures, ...facts } = seedCase;
const report = createIncidentReport(
  {
    ...facts,
    provider: { ...facts.provider, countries: ['SE', 'GB'] },
    occurredAt: '2026-11-30T11:00:00+01:00',
    detectedAt: '2026-11-30T11:40:00+01:00',
  },
  { now: '2026-11-30T12:00:00+01:00' },
);

describe('each country’s own law in the deadlines of a breach notified in several countries', () => {
  it('gives the ICO its own 24 hours under PECR reg. 5A, and keeps the one of Regulation 611/2013 for Sweden', () => {
    const eprivacy = report.assessment.deadlines.filter((entry) => entry.article.includes('Art. 2(2)'));
    expect(eprivacy.map((entry) => [entry.country, entry.article, entry.due])).toEqual([
      [undefined, 'Regulation 611/2013 Art. 2(2)', '2026-12-01T10:40:00.000Z'],
      ['GB', 'Regulation 611/2013 Art. 2(2); PECR reg. 5A (SI 2011/1208)', '2026-12-01T10:40:00.000Z'],
    ]);
  });

  it.each(['sv', 'en'] as const)(
    'rests the courtesy recommendation on each country’s own law (%s)',
    (locale) => {
      const assessed = createIncidentReport(
        {
          ...facts,
          provider: { ...facts.provider, countries: ['SE', 'GB'] },
          occurredAt: '2026-11-30T11:00:00+01:00',
          detectedAt: '2026-11-30T11:40:00+01:00',
        },
        { now: '2026-11-30T12:00:00+01:00', locale },
      ).assessment;
      expect(assessed.recommendations.find((entry) => entry.code === 'courtesy-notice')?.source).toBe(
        "GDPR Recital 86 (the EU GDPR's, read as guidance for the UK GDPR, which has no recitals); GDPR Art. 34(1) and Regulation 611/2013 Art. 3(1) do not require it here; UK GDPR Art. 34(1) and Regulation 611/2013 Art. 3(1) and PECR reg. 5A (SI 2011/1208) do not require it here",
      );
    },
  );

  it('takes the Data Protection Act 2018 and PECR from the United Kingdom’s legal bases', () => {
    expect(lawInForce('GB', 'gdpr', '2026-11-30').deadlineCitation).toBe('Data Protection Act 2018');
    expect(lawInForce('GB', 'eprivacy', '2026-11-30').deadlineCitation).toBe('PECR reg. 5A (SI 2011/1208)');
    expect(lawInForce('SE', 'eprivacy', '2026-11-30').deadlineCitation).toBeUndefined();
  });

  it.each([
    [
      'sv',
      'Förordning (EU) nr 611/2013 art. 2.2; PECR reg. 5A (SI 2011/1208): inom 24 timmar från upptäckten (senast 2026-12-01 kl. 11.40 CET)',
      'ICO (PECR och UK GDPR) senast 2026-12-01 kl. 11.40 CET',
    ],
    [
      'en',
      'Regulation 611/2013 Art. 2(2); PECR reg. 5A (SI 2011/1208): within 24 hours of detection (by 1 December 2026, 11:40 CET)',
      'ICO (PECR and UK GDPR) by 1 December 2026, 11:40 CET',
    ],
  ] as const)(
    'shows the ICO’s deadline under its own law in the report (%s)',
    (locale, deadline, conclusion) => {
      const text = renderIncidentReport(report, { locale, format: 'text' });
      expect(text).toContain(deadline);
      expect(text).toContain(conclusion);
    },
  );
});
