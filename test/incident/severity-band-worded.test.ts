import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';

// A credit decision with identity numbers and financial data sent to a stranger: ENISA's severity
// band is "very high", which the report words as such, not as the value `very-high`.
const creditDecision = async (locale: 'sv' | 'en') =>
  reportMisdirected(
    {
      message: await readFile(new URL('./fixtures/mail/kredit.eml', import.meta.url)),
      intended: 'johan.nilsson@hotmail.se',
      actual: 'johan.nilsson@hotmail.com',
      customer: { id: 'K-991', name: 'Johan Nilsson' },
      organisation: {
        name: 'Kredit AB',
        country: 'SE',
        regimes: ['gdpr'],
        contact: { name: 'Eva Dahl', email: 'dpo@kredit.se', phone: '08-111 11 11' },
      },
      reference: 'KR-2024-05',
      detectedAt: '2024-05-13T16:00:00+02:00',
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
