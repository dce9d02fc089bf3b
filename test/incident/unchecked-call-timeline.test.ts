import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// The officer's S9b: the customer's number was called, but who answered was not checked.
const unchecked: CreateIncidentReportInput = {
  ...misdirectedOrderCase,
  reference: 'T-S9b',
  customerCall: { at: '2024-05-20T11:00:00+02:00', by: 'KS', identityChecked: false, answers: [] },
  measures: [{ id: 'inform-customer', status: 'planned' }],
};
const render = (locale: 'sv' | 'en') =>
  renderIncidentReport(createIncidentReport(unchecked, { now: '2024-05-25T12:00:00+02:00' }), {
    locale,
    format: 'text',
  }) as string;

describe('the timeline of a call whose identity check was not done', () => {
  it('says the call was made and the identity not checked, in English', () => {
    const text = render('en');
    expect(text).not.toContain('The customer was called.');
    expect(text).toContain('A call was made to the customer’s number; who answered was not checked.');
  });

  it('says the call was made and the identity not checked, in Swedish', () => {
    const text = render('sv');
    expect(text).not.toContain('Kunden ringdes upp.');
    expect(text).toContain('Kundens nummer ringdes upp; vem som svarade kontrollerades inte.');
  });
});

// The call's identity check left out of the facts: the timeline cannot say the customer was reached.
const unrecorded: CreateIncidentReportInput = {
  ...unchecked,
  customerCall: { at: '2024-05-20T11:00:00+02:00', by: 'KS', answers: [] },
};
const renderUnrecorded = (locale: 'sv' | 'en') =>
  renderIncidentReport(createIncidentReport(unrecorded, { now: '2024-05-25T12:00:00+02:00' }), {
    locale,
    format: 'text',
  }) as string;

describe('the timeline of a call whose identity check was not recorded', () => {
  it('says the call was made and the identity check not recorded, in English', () => {
    const text = renderUnrecorded('en');
    expect(text).not.toContain('The customer was called.');
    expect(text).toContain(
      'A call was made to the customer’s number; whether who answered was checked is not recorded.',
    );
  });

  it('says the call was made and the identity check not recorded, in Swedish', () => {
    const text = renderUnrecorded('sv');
    expect(text).not.toContain('Kunden ringdes upp.');
    expect(text).toContain(
      'Kundens nummer ringdes upp; om vem som svarade kontrollerades har inte registrerats.',
    );
  });
});
