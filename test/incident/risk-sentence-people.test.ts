import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('the risk sentence names one person or several as they are', () => {
  it('speaks of the people concerned, in the plural, when many were affected', () => {
    const report = createIncidentReport({ ...seedCase, dataSubjects: 200 });
    expect(report.assessment.risk).not.toBe('high');
    const sv = renderIncidentReport(report, { locale: 'sv' });
    expect(sv).toContain('för de berördas rättigheter och friheter');
    expect(sv).not.toContain('den berördes rättigheter');
    expect(renderIncidentReport(report, { locale: 'en' })).toContain(
      'rights and freedoms of the people concerned',
    );
  });

  it('keeps the singular for one person', () => {
    const report = createIncidentReport(seedCase);
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain(
      'för den berördes rättigheter och friheter',
    );
  });
});
