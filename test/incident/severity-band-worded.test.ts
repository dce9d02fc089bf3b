import { describe, expect, it } from 'vitest';
import { renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { kreditInput } from './shared-fixtures.js';

// A credit decision with identity numbers and financial data sent to a stranger: ENISA's severity
// band is "very high", which the report words as such, not as the value `very-high`.
const creditDecision = (locale: 'sv' | 'en') =>
  reportMisdirected(
    {
      ...kreditInput,
      dataCategories: ['name', 'national-id-number', 'financial', 'health'],
      needsReview: [],
    },
    { locale, now: '2024-05-14T09:00:00+02:00' },
  );

describe('the ENISA severity band in a report', () => {
  it('is worded "very high", never printed as the value very-high', async () => {
    const result = await creditDecision('en');
    expect(result.assessment.enisa.band).toBe('very-high');
    const text = renderIncidentReport(result.report, { locale: 'en' });
    expect(text).not.toContain('very-high');
    expect(text).toMatch(/ENISA severity: [^\n]*\(very high\)/);
  });
});
