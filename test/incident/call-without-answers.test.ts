import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// The officer's S9: a call recorded without the customer's answers (no questions were asked).
const called: CreateIncidentReportInput = {
  ...misdirectedOrderCase,
  reference: 'T-S9',
  customerCall: { at: '2024-05-20T11:00:00+02:00', by: 'KS', identityChecked: true },
};

describe('a customer call recorded without answers', () => {
  it('is accepted as a call in which no answers were recorded, in English and Swedish', () => {
    const report = createIncidentReport(called, { now: '2024-05-25T12:00:00+02:00' });
    expect(report.customerCall?.answers).toEqual([]);
    expect(renderIncidentReport(report, { locale: 'en', format: 'text' })).toContain('KS');
    expect(renderIncidentReport(report, { locale: 'sv', format: 'text' })).toContain('KS');
  });
});
