import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, breachDecisions } from '../../src/incident/index.js';

const base = {
  regimes: ['gdpr'] as ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  dataSubjects: 1,
};

/** Every fact pattern of the corpus, so each entry has a case it is closest to. */
const everyCase: BreachFacts[] = breachDecisions.map((decision) => decision.facts);

describe('only decisions and published case studies are cited as precedents', () => {
  it('says what every corpus entry is', () => {
    const kinds = Object.fromEntries(breachDecisions.map((decision) => [decision.id, decision.documentKind]));
    expect(kinds['datatilsynet-no-2021-sparebanken-vest-sms']).toBe('press-statement');
    expect(kinds['ap-2019-press-email-cc']).toBe('press-statement');
    expect(kinds['idpc-mt-one-email-one-wrong-recipient']).toBe('guidance');
    expect(kinds['edpb-01-2021-case-13']).toBe('case-study');
    expect(kinds['uodo-dkn-5131-1-2024-mbank']).toBe('decision');
    expect(breachDecisions.every((decision) => decision.documentKind !== undefined)).toBe(true);
  });

  it('never lists a press statement or guidance, even for the facts they describe', () => {
    const cited = new Set(
      everyCase.flatMap((facts) => assessBreach(facts).precedents.map((precedent) => precedent.id)),
    );
    for (const id of [
      'datatilsynet-no-2021-sparebanken-vest-sms',
      'ap-2019-press-email-cc',
      'idpc-mt-one-email-one-wrong-recipient',
    ])
      expect(cited).not.toContain(id);
    const kinds = new Map(breachDecisions.map((decision) => [decision.id, decision.documentKind]));
    for (const id of cited) expect(['decision', 'case-study']).toContain(kinds.get(id));
  });

  it('treats an entry of a caller’s table without documentKind as a decision', () => {
    const [decision] = breachDecisions;
    if (!decision) throw new Error('empty corpus');
    const { documentKind: _kind, ...plain } = decision;
    expect(assessBreach(decision.facts, { decisions: [plain] }).precedents.map((p) => p.id)).toEqual([
      decision.id,
    ]);
  });
});

describe('the closest precedents are those decided on what decided the outcome', () => {
  const returned: BreachFacts = {
    ...base,
    dataCategories: ['name', 'postal-address', 'national-id-number'],
    recipient: 'unknown-individual',
    returnedUnopened: true,
  };

  it('gives a returned-unopened letter precedents that also found no notification needed, first', () => {
    const assessment = assessBreach(returned);
    expect(assessment.notifyAuthority).toBe(false);
    const [first, second] = assessment.precedents;
    expect(first?.conclusions.notifyAuthority).toBe(false);
    expect(second?.conclusions.notifyAuthority).toBe(false);
    expect(first?.alike.sameConclusion).toBe(true);
    // A UODO decision, where the letter was not returned, is listed only last, as the other reading.
    const uodo = assessment.precedents.filter((precedent) => precedent.authority === 'UODO');
    expect(uodo.every((precedent) => precedent.alike.sameConclusion === false)).toBe(true);
    expect(assessment.precedents.slice(0, 2).some((precedent) => precedent.authority === 'UODO')).toBe(false);
  });

  it('says why each precedent is close: what happened next and the same conclusion', () => {
    const [first] = assessBreach(returned).precedents;
    expect(first?.why).toMatch(/the data was deleted or recovered, close to coming back unopened as here/);
    expect(first?.why).toMatch(/reached the same conclusion on notifying as this assessment/);
    const [sv] = assessBreach(returned, { locale: 'sv' }).precedents;
    expect(sv?.why).toMatch(/samma slutsats om anmälan som denna bedömning/);
  });

  it('gives identity numbers at another bank that kept no copies the UODO decision that rejected secrecy', () => {
    const [first] = assessBreach({
      ...base,
      dataSubjects: 2,
      dataCategories: ['name', 'national-id-number', 'account-number', 'financial'],
      recipient: 'trusted',
      recipientBoundBySecrecy: true,
      recipientConfirmedDeletion: true,
    }).precedents;
    expect(first?.id).toBe('uodo-dkn-5131-1-2024-mbank');
  });

  it('gives a colleague who deleted health data at once the internal examples that were only recorded', () => {
    const ids = assessBreach({
      ...base,
      dataCategories: ['name', 'health'],
      recipient: 'internal',
      recipientConfirmedDeletion: true,
    }).precedents.map((precedent) => precedent.id);
    expect(ids[0]).toBe('ico-breach-examples-case-2');
    expect(ids).toContain('datatilsynet-dk-vejledning-2018-hr-payslips');
  });
});
