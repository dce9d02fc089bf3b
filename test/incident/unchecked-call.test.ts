import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
// A call in which nobody checked who answered: whoever picked up may not be the customer
// (EDPB Guidelines 9/2022 §18), so the customer is not told by it.
const uncheckedCall = { ...seedCustomerCall, identityChecked: false };

describe('a call counts as the customer told only when the identity was checked', () => {
  it('refuses inform-customer done where the only record is an unchecked call', () => {
    const make = () =>
      createIncidentReport(
        { ...seedCase, measures: [{ id: 'inform-customer', status: 'done' }], customerCall: uncheckedCall },
        { now },
      );
    expect(make).toThrow(InvalidInputError);
    try {
      make();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe('input.measures.0.status');
      expect((error as InvalidInputError).message).toContain('identityChecked');
    }
  });

  it('keeps a planned inform-customer planned after an unchecked call, in the report and the register', () => {
    const report = createIncidentReport(
      { ...seedCase, measures: [{ id: 'inform-customer', status: 'planned' }], customerCall: uncheckedCall },
      { now },
    );
    const checked = createIncidentReport(
      {
        ...seedCase,
        measures: [{ id: 'inform-customer', status: 'planned' }],
        customerCall: seedCustomerCall,
      },
      { now },
    );
    expect(incidentRegisterEntry(report, { locale: 'en' })).not.toBe(
      incidentRegisterEntry(checked, { locale: 'en' }),
    );
    expect(incidentRegisterEntry(report, { locale: 'en' })).not.toContain('customer told as a courtesy');
    expect(incidentRegisterEntry(report, { locale: 'sv' })).not.toContain('kunden informerad som service');
    expect(incidentRegisterEntry(checked, { locale: 'en' })).toContain('customer told as a courtesy');
  });

  it('names no means as used after an unchecked call', () => {
    const report = createIncidentReport({ ...seedCase, customerCall: uncheckedCall }, { now });
    expect(report.subscriberNotice.means).not.toEqual(['phone']);
    expect(renderIncidentReport(report, { locale: 'en' })).not.toMatch(/^Means: /m);
    expect(renderIncidentReport(report, { locale: 'sv' })).not.toMatch(/^Sätt: /m);
    const checked = createIncidentReport({ ...seedCase, customerCall: seedCustomerCall }, { now });
    expect(checked.subscriberNotice.means).toEqual(['phone']);
  });
});
