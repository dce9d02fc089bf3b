import { describe, expect, it } from 'vitest';
import { findPrecedents } from '../../src/incident/find-precedents.js';
import {
  assessBreach,
  type BreachFacts,
  breachDecisions,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case at a telecom after 25 May 2018: Regulation 611/2013 and the GDPR both apply, and the
// report notifies the data protection authority under GDPR Art. 33 at "risk".
const telecom: BreachFacts = {
  regimes: ['eprivacy', 'gdpr'],
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  recipientConfirmedDeletion: true,
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  country: 'SE',
};
const seed2024 = {
  ...seedCase,
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
};
const now = '2024-10-02T09:00:00+02:00';

describe('a precedent under a rule this report applies and concluding otherwise is marked', () => {
  it('marks EDPB Case No. 13 and APD 52/2024 (GDPR: no notification) as decided differently for a telecom that notifies under Art. 33', () => {
    const assessment = assessBreach(telecom, { now });
    expect(assessment.risk).toBe('risk');
    const all = findPrecedents(
      telecom,
      breachDecisions,
      'en',
      {
        notifyAuthority: true,
        notifyDataSubjects: false,
        gdpr: { notifyAuthority: true, notifyDataSubjects: false },
      },
      breachDecisions.length,
    );
    for (const id of ['edpb-01-2021-case-13', 'apd-52-2024-notary-wrong-addressee']) {
      const precedent = all.find((match) => match.id === id);
      expect(precedent?.alike.sameConclusion, id).toBe(false);
      expect(precedent?.why, id).toMatch(/concluded otherwise/);
    }
  });

  it('shows a decision that went the other way among the precedents, and says so in both languages', () => {
    const report = createIncidentReport(seed2024, { now });
    expect(report.assessment.precedents.some((precedent) => precedent.alike.sameConclusion === false)).toBe(
      true,
    );
    const en = renderIncidentReport(report, { format: 'text', locale: 'en' });
    const sv = renderIncidentReport(report, { format: 'text', locale: 'sv' });
    // UODO's P4 decision: an e-mail under both regimes, as here, that told the subscriber.
    expect(en).toMatch(
      /P4[^\n]*decided differently on telling the people: notify the authority: yes; tell the people: yes/,
    );
    expect(sv).toMatch(
      /P4[^\n]*beslutade annorlunda om att underrätta de berörda: anmälan till myndigheten: ja; underrätta de berörda: ja/,
    );
  });

  it('keeps a GDPR decision that agrees with the Art. 33 conclusion from being called different when only Regulation 611/2013 notifies', () => {
    const unlikely: BreachFacts = { ...telecom, dataCategories: ['name'], recipientConfirmedDeletion: true };
    const assessment = assessBreach(unlikely, { now });
    expect(assessment.risk).toBe('unlikely');
    const noGdpr = assessment.precedents.filter(
      (precedent) =>
        precedent.regimes?.includes('eprivacy') === false && precedent.conclusions.notifyAuthority === false,
    );
    for (const precedent of noGdpr) expect(precedent.alike.sameConclusion, precedent.id).not.toBe(false);
  });
});

describe('decisions that rule on nothing are not cited as comparable decisions', () => {
  const cases: [string, BreachFacts][] = [
    [
      '1200 names and e-mail addresses made public',
      {
        regimes: ['gdpr'],
        dataCategories: ['name', 'email-address'],
        dataSubjects: 1200,
        recipient: 'public',
      },
    ],
    [
      '45 patients’ health data to a stranger',
      {
        regimes: ['gdpr'],
        dataCategories: ['name', 'email-address', 'health'],
        dataSubjects: 45,
        recipient: 'unknown-individual',
        vulnerableDataSubjects: true,
      },
    ],
  ];
  it.each(cases)('lists no silent decision for %s', (_name, facts) => {
    const assessment = assessBreach(facts, { now });
    for (const precedent of assessment.precedents) {
      const { notifyAuthority, notifyDataSubjects, risk } = precedent.conclusions;
      expect(
        [notifyAuthority, notifyDataSubjects, risk].some((value) => value !== null),
        precedent.id,
      ).toBe(true);
    }
    expect(assessment.precedents.map((precedent) => precedent.id)).not.toContain(
      'dpc-case-study-group-mail-cc',
    );
    expect(assessment.precedents.map((precedent) => precedent.id)).not.toContain('garante-10037439-asl-to4');
  });
});
