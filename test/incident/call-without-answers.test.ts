import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';

// The officer's S9: a call recorded without the customer's answers (no questions were asked).
const called: CreateIncidentReportInput = {
  reference: 'T-S9',
  provider: { name: 'Teleab AB', country: 'SE' },
  contact: { name: 'Dana DPO', email: 'dpo@example.com', phone: '+46 8 123 45 00' },
  regimes: ['eprivacy', 'gdpr'],
  circumstances: 'misdirected-email',
  occurredAt: '2024-05-20T09:00:00+02:00',
  detectedAt: '2024-05-20T10:00:00+02:00',
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
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
