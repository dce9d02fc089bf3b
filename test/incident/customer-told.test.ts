import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const { measures: _measures, ...facts } = seedCase;

describe('a customer who has been told', () => {
  it('no longer recommends telling the customer as a courtesy once the call is recorded', () => {
    const before = createIncidentReport(facts, { now: '2018-02-24T10:00:00+01:00' });
    expect(renderIncidentReport(before, { locale: 'sv', format: 'text' })).toContain(
      'Det rekommenderas att informera kunden',
    );
    const called = createIncidentReport(
      { ...facts, customerCall: seedCustomerCall },
      { now: '2018-02-24T10:00:00+01:00' },
    );
    const sv = renderIncidentReport(called, { locale: 'sv', format: 'text' });
    expect(sv).toContain('informerats');
    expect(sv).not.toContain('Det rekommenderas att informera kunden');
    const en = renderIncidentReport(called, { locale: 'en', format: 'text' });
    expect(en).toContain('told as a courtesy');
    expect(en).not.toContain('Telling the customer as a courtesy is recommended');
  });
});
