import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// Telecom operator, 2023: the stranger confirmed deletion within the hour and the officer decides
// that the customer is not told. No measures are given, so the usual ones are proposed.
const { measures: _given, ...facts } = seedCase;
const report = createIncidentReport(
  {
    ...facts,
    occurredAt: '2023-03-10T10:02:00+01:00',
    detectedAt: '2023-03-10T10:20:00+01:00',
    recipientConfirmedDeletion: true,
    judgment: {
      by: 'Karin Berg, dataskyddsombud',
      at: '2023-03-10T11:30:00+01:00',
      reason: 'Mottagaren bekräftade skriftligen inom en timme att meddelandet raderats.',
      risk: 'unlikely',
      notifyDataSubjects: false,
    },
  },
  { now: '2023-03-10T12:00:00+01:00' },
);

describe('the measures proposed beside an officer’s judgment', () => {
  it('do not propose telling the customer when the judgment is that the customer is not told', () => {
    expect(report.decision?.notifyDataSubjects).toBe(false);
    expect(report.measures.map((measure) => measure.id)).not.toContain('inform-customer');
    expect(renderIncidentReport(report, { locale: 'sv' })).not.toContain('Kunden ska informeras');
  });
});
