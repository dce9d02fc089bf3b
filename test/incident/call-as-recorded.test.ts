import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = { now: '2018-02-23T15:10:00+01:00' };
const render = (identityChecked: boolean) => {
  const report = createIncidentReport(
    { ...seedCase, customerCall: { ...seedCustomerCall, identityChecked } },
    now,
  );
  return {
    sv: renderIncidentReport(report, { locale: 'sv' }),
    en: renderIncidentReport(report, { locale: 'en' }),
  };
};

describe('a call to the customer is reported only as recorded', () => {
  it('does not say the customer was told when nobody checked who answered', () => {
    const { sv, en } = render(false);
    expect(sv).not.toContain('kunden har informerats');
    expect(en).not.toContain('the customer was told');
    expect(sv).toContain('det rekommenderas att informera kunden som en service');
    expect(en).toContain('telling the customer as a courtesy is recommended');
  });

  it('says the customer was told when the caller checked who answered', () => {
    const { sv, en } = render(true);
    expect(sv).toContain('kunden har informerats som en service');
    expect(en).toContain('the customer was told as a courtesy');
  });

  it('claims nothing about what the call covered beyond what is recorded', () => {
    for (const checked of [true, false]) {
      const { sv, en } = render(checked);
      expect(sv).not.toContain('beskriver vad som hänt');
      expect(en).not.toContain('says what happened');
      expect(sv).toContain('Vad som sades i samtalet har inte registrerats');
      expect(en).toContain('What was said in the call is not recorded');
    }
  });
});
