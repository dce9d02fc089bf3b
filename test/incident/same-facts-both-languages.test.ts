import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

/**
 * How each language's report states a fact. A fact the English report states and the Swedish one
 * leaves out (or the other way round) is a report that says less to one reader than to the other.
 */
const factMarkers = {
  'deletion-confirmed': {
    sv: /Mottagaren har bekräftat att meddelandet är raderat/,
    en: /The recipient confirmed that the message was deleted/,
  },
  'returned-unopened': { sv: /kom tillbaka oöppnad/, en: /came back unopened/ },
  encrypted: { sv: /krypterade och nyckeln röjdes inte/, en: /encrypted and the key was not exposed/ },
  'recipient-asked-to-delete': {
    sv: /har kontaktats och ombetts radera det/,
    en: /was contacted and asked to delete it/,
  },
} as const;

function statedFacts(text: string, locale: 'sv' | 'en'): string[] {
  return Object.entries(factMarkers)
    .filter(([, marker]) => marker[locale].test(text))
    .map(([fact]) => fact);
}

const { measures: _measures, recipientConfirmedDeletion: _deleted, ...base } = seedCase;
const combinations = [
  { name: 'a confirmed deletion by a stranger', facts: { recipientConfirmedDeletion: true } },
  {
    name: 'a confirmed deletion by a colleague',
    facts: { recipientConfirmedDeletion: true, recipient: 'internal' as const },
  },
  {
    name: 'a confirmed deletion with the measures given',
    facts: { recipientConfirmedDeletion: true, measures: seedCase.measures },
  },
  { name: 'no deletion confirmed', facts: { recipientConfirmedDeletion: false } },
  { name: 'a message back unopened', facts: { returnedUnopened: true } },
  { name: 'encrypted data', facts: { encrypted: true, recipientConfirmedDeletion: true } },
  {
    name: 'a controller under the GDPR alone',
    facts: { recipientConfirmedDeletion: true, regimes: ['gdpr' as const] },
  },
];

describe('the same facts in the Swedish and the English report', () => {
  for (const { name, facts } of combinations)
    it(`states the same facts in both languages for ${name}`, () => {
      const report = createIncidentReport({ ...base, ...facts }, now);
      const sv = statedFacts(renderIncidentReport(report, { locale: 'sv' }), 'sv');
      const en = statedFacts(renderIncidentReport(report, { locale: 'en' }), 'en');
      expect(sv).toEqual(en);
      expect(sv.includes('deletion-confirmed')).toBe(facts.recipientConfirmedDeletion === true);
    });

  it('states a confirmed deletion in the measures section in both languages', () => {
    const report = createIncidentReport({ ...base, recipientConfirmedDeletion: true }, now);
    const section = (text: string, heading: string) =>
      text.split('\n\n').find((block) => block.startsWith(heading));
    expect(section(renderIncidentReport(report, { locale: 'sv' }), 'Åtgärder')).toMatch(
      factMarkers['deletion-confirmed'].sv,
    );
    expect(section(renderIncidentReport(report, { locale: 'en' }), 'Measures')).toMatch(
      factMarkers['deletion-confirmed'].en,
    );
  });
});
