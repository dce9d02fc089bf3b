import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { assessBreach, createFollowUpReport, createIncidentReport } from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

function messageOf(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).message;
  }
  throw new Error('nothing was refused');
}

describe('impossible dates are refused in the language asked for', () => {
  it.each([
    ['sv', 'händelsen är daterad efter att rapporten skrevs'],
    ['en', 'the incident is dated after the report is written'],
  ] as const)('names an incident dated after the report (%s)', (locale, said) => {
    const message = messageOf(() =>
      createIncidentReport(
        { ...seedCase, occurredAt: '2018-02-24T10:00:00+01:00', detectedAt: '2018-02-24T11:00:00+01:00' },
        { now, locale },
      ),
    );
    expect(message).toContain(said);
  });

  it.each([
    ['sv', 'upptäcktes före händelsen: detectedAt får inte ligga före occurredAt'],
    ['en', 'detected before the incident occurred: detectedAt must not precede occurredAt'],
  ] as const)('names a breach detected before it occurred (%s)', (locale, said) => {
    const message = messageOf(() =>
      assessBreach(
        {
          regimes: ['gdpr'],
          dataCategories: ['name'],
          dataSubjects: 1,
          recipient: 'unknown-individual',
          occurredAt: '2018-02-23T13:36:00+01:00',
          detectedAt: '2018-02-22T13:36:00+01:00',
        },
        { locale, now },
      ),
    );
    expect(message).toContain(said);
  });

  it.each([
    ['sv', 'upptäcktes efter bedömningstillfället (now)'],
    ['en', 'detected after now (the moment of the assessment)'],
  ] as const)('names a breach detected after the assessment (%s)', (locale, said) => {
    const message = messageOf(() =>
      assessBreach(
        {
          regimes: ['gdpr'],
          dataCategories: ['name'],
          dataSubjects: 1,
          recipient: 'unknown-individual',
          occurredAt: '2018-02-23T13:36:00+01:00',
          detectedAt: '2018-02-24T13:36:00+01:00',
        },
        { locale, now },
      ),
    );
    expect(message).toContain(said);
  });

  it.each([
    ['sv', 'samtalet till kunden är daterat före upptäckten (detectedAt)'],
    ['en', 'the call to the customer is dated before the incident was detected (detectedAt)'],
  ] as const)('names a follow-up call dated before detection (%s)', (locale, said) => {
    const first = createIncidentReport(seedCase, { now });
    const message = messageOf(() =>
      createFollowUpReport(
        first,
        { customerCall: { ...seedCustomerCall, at: '2018-02-23T13:40:00+01:00' } },
        { now: '2018-02-24T10:00:00+01:00', locale },
      ),
    );
    expect(message).toContain(said);
  });
});
