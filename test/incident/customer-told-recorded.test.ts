import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

describe('the customer was told only where the report records how', () => {
  it('refuses inform-customer done without a recorded call or notice, naming the measure', () => {
    const make = () =>
      createIncidentReport({ ...seedCase, measures: [{ id: 'inform-customer', status: 'done' }] }, { now });
    expect(make).toThrow(InvalidInputError);
    try {
      make();
    } catch (error) {
      expect((error as InvalidInputError).field).toBe('input.measures.0.status');
      expect((error as InvalidInputError).message).toContain('customerCall');
    }
  });

  it('takes inform-customer done with a recorded call or a notice date', () => {
    expect(() =>
      createIncidentReport(
        {
          ...seedCase,
          measures: [{ id: 'inform-customer', status: 'done' }],
          customerCall: seedCustomerCall,
        },
        { now },
      ),
    ).not.toThrow();
    expect(() =>
      createIncidentReport(
        {
          ...seedCase,
          measures: [{ id: 'inform-customer', status: 'done' }],
          subscriberNotice: { notifiedAt: '2018-02-23T14:40:00+01:00' },
        },
        { now },
      ),
    ).not.toThrow();
  });

  it('says the identity was not checked and flags a possible second disclosure', () => {
    const report = createIncidentReport(
      { ...seedCase, customerCall: { ...seedCustomerCall, identityChecked: false } },
      { now },
    );
    expect(renderIncidentReport(report, { locale: 'en' })).toContain(
      'The identity of the person who answered was not checked: if someone other than the customer answered, the details were disclosed a second time.',
    );
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain(
      'Identiteten hos den som svarade kontrollerades inte: om någon annan än kunden svarade har uppgifterna röjts en andra gång.',
    );
  });

  it('agrees with the register when inform-customer is planned and the call is recorded', () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        measures: [{ id: 'inform-customer', status: 'planned' }],
        customerCall: seedCustomerCall,
      },
      { now },
    );
    const text = renderIncidentReport(report, { locale: 'en' });
    const entry = incidentRegisterEntry(report, { locale: 'en' });
    expect(text).not.toContain('No measures have been recorded yet.');
    // The call makes inform-customer done, the recorded deletion recall-and-delete; the other usual
    // measures stay proposed beside them.
    expect(entry).toContain('measures: 2 done, 4 proposed');
    expect(text).toContain('The customer was told what happened and what to watch for.');
  });
});
