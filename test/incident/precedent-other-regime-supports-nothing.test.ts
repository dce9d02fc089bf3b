import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const sse = 'ico-pecr-sse-energy-supply-2018';
const now = '2024-10-02T09:00:00+02:00';

// A shop under the GDPR alone whose letter with a name, an address and an order reached another person.
const { misdirected: _misdirected, recipientConfirmedDeletion: _deleted, ...rest } = seedCase;
const shopLetter: CreateIncidentReportInput = {
  ...rest,
  provider: { name: 'Hemma Butik AB', country: 'SE', customerServicePhone: '0771-11 22 33' },
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  circumstances: 'misdirected-post',
  dataCategories: ['name', 'postal-address', 'order-details'],
  measures: [],
};

describe('a decision under a rule the report does not apply, which supports nothing, is not cited', () => {
  it.each([
    ['a letter that reached another person', shopLetter],
    ['a letter that came back unopened', { ...shopLetter, returnedUnopened: true }],
  ] as const)('does not cite the ICO’s PECR penalty to SSE for a GDPR-only shop (%s)', (_, input) => {
    const report = createIncidentReport(input, { now });
    expect(report.assessment.precedents.map((precedent) => precedent.id)).not.toContain(sse);
    expect(renderIncidentReport(report, { locale: 'en' })).not.toContain('SSE Energy Supply');
    expect(renderIncidentReport(report, { locale: 'sv' })).not.toContain('SSE Energy Supply');
  });

  it('still cites it for a telecom’s e-mail under Regulation 611/2013, the rule it was decided under', () => {
    const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });
    expect(report.assessment.precedents.map((precedent) => precedent.id)).toContain(sse);
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain('SSE Energy Supply');
  });
});
