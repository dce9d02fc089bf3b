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

// A breach of one name, occurred on the day of the case and detected at `detectedAt`.
function breachDetectedAt(detectedAt: string): Parameters<typeof assessBreach>[0] {
  return {
    regimes: ['gdpr'],
    dataCategories: ['name'],
    dataSubjects: 1,
    recipient: 'unknown-individual',
    occurredAt: '2018-02-23T13:36:00+01:00',
    detectedAt,
  };
}

// Each refusal: what it names, what it says in each language, and the call that is refused.
const refusals: ReadonlyArray<{
  readonly what: string;
  readonly said: Readonly<Record<'sv' | 'en', string>>;
  readonly attempt: (locale: 'sv' | 'en') => unknown;
}> = [
  {
    what: 'an incident dated after the report',
    said: {
      sv: 'händelsen är daterad efter att rapporten skrevs',
      en: 'the incident is dated after the report is written',
    },
    attempt: (locale) =>
      createIncidentReport(
        { ...seedCase, occurredAt: '2018-02-24T10:00:00+01:00', detectedAt: '2018-02-24T11:00:00+01:00' },
        { now, locale },
      ),
  },
  {
    what: 'a breach detected before it occurred',
    said: {
      sv: 'upptäcktes före händelsen: detectedAt får inte ligga före occurredAt',
      en: 'detected before the incident occurred: detectedAt must not precede occurredAt',
    },
    attempt: (locale) => assessBreach(breachDetectedAt('2018-02-22T13:36:00+01:00'), { locale, now }),
  },
  {
    what: 'a breach detected after the assessment',
    said: {
      sv: 'upptäcktes efter bedömningstillfället (now)',
      en: 'detected after now (the moment of the assessment)',
    },
    attempt: (locale) => assessBreach(breachDetectedAt('2018-02-24T13:36:00+01:00'), { locale, now }),
  },
  {
    what: 'a follow-up call dated before detection',
    said: {
      sv: 'samtalet till kunden är daterat före upptäckten (detectedAt)',
      en: 'the call to the customer is dated before the incident was detected (detectedAt)',
    },
    attempt: (locale) =>
      createFollowUpReport(
        createIncidentReport(seedCase, { now }),
        { customerCall: { ...seedCustomerCall, at: '2018-02-23T13:40:00+01:00' } },
        { now: '2018-02-24T10:00:00+01:00', locale },
      ),
  },
];

describe('impossible dates are refused in the language asked for', () => {
  for (const { what, said, attempt } of refusals) {
    it.each(['sv', 'en'] as const)(`names ${what} (%s)`, (locale) => {
      expect(messageOf(() => attempt(locale))).toContain(said[locale]);
    });
  }
});
