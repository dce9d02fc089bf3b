import { describe, expect, it } from 'vitest';
import { breachDecisions, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('a precedent dated only by when its page was read', () => {
  it('marks the undated case studies in the corpus with dateIsDecision: false', () => {
    const undated = breachDecisions.filter((decision) => decision.dateIsDecision === false).map((d) => d.id);
    expect(undated).toEqual(
      expect.arrayContaining(['ico-breach-examples-case-2', 'dpc-case-study-misdirected-email-password']),
    );
  });

  it('says undated in a report written years after the page was read, never the reading year', () => {
    const { measures: _measures, ...facts } = seedCase;
    const report = createIncidentReport(
      {
        ...facts,
        regimes: ['gdpr'],
        occurredAt: '2030-03-01T10:00:00Z',
        detectedAt: '2030-03-01T11:00:00Z',
        dataCategories: ['name', 'health'],
        recipient: 'internal',
        recipientConfirmedDeletion: true,
      },
      { now: '2030-03-02T10:00:00Z' },
    );
    expect(report.assessment.precedents.map((precedent) => precedent.id)).toContain(
      'ico-breach-examples-case-2',
    );
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    const line = en.split('\n').find((text) => text.startsWith('  - ICO (GB)')) ?? '';
    expect(line).toContain('undated');
    expect(line).not.toContain('2026');
  });
});
