import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
const later = '2018-02-24T10:00:00+01:00';
// Nobody checked who answered: the call did not tell the customer (EDPB Guidelines 9/2022 §18).
const uncheckedCall = { ...seedCustomerCall, identityChecked: false };
const notTold = {
  notifyDataSubjects: false,
  by: 'Karin Berg, dataskyddsombud',
  reason: 'Mottagaren har raderat meddelandet.',
};

/** The paragraphs under a heading of a text report, up to the next heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  const rest = text.slice(start + heading.length + 2);
  return rest.slice(0, rest.search(/\n\S/)).trim();
}

describe('an unchecked call counts as the customer told nowhere', () => {
  it.each([
    ['sv', 'Underrättelse till berörda abonnenter eller användare', 'enligt den ansvarigas bedömning'],
    ['en', 'Notification of the subscribers or individuals concerned', 'as the responsible person judged'],
  ] as const)(
    'states the officer’s decision not to tell the customer after an unchecked call as without one (%s)',
    (locale, heading, judged) => {
      const withCall = createIncidentReport(
        { ...seedCase, judgment: notTold, customerCall: uncheckedCall },
        { now },
      );
      const withoutCall = createIncidentReport({ ...seedCase, judgment: notTold }, { now });
      const first = (report: typeof withCall) =>
        section(renderIncidentReport(report, { locale }), heading).split('\n')[0];
      expect(first(withCall)).toContain(judged);
      expect(first(withCall)).toBe(first(withoutCall));
    },
  );

  it('makes the proposed means again in a follow-up after an unchecked call, as before any call', () => {
    const first = createIncidentReport({ ...seedCase, customerCall: uncheckedCall }, { now });
    const followUp = createFollowUpReport(first, { customerCall: seedCustomerCall }, { now: later });
    const checkedFirst = createIncidentReport({ ...seedCase, customerCall: seedCustomerCall }, { now });
    expect(followUp.subscriberNotice.means).toEqual(checkedFirst.subscriberNotice.means);
    expect(renderIncidentReport(followUp, { locale: 'en' })).toMatch(/^ {2}Means: phone\.$/m);
    expect(renderIncidentReport(followUp, { locale: 'sv' })).toMatch(/^ {2}Sätt: telefon\.$/m);
  });
});
