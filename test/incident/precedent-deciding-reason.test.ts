import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, breachDecisions } from '../../src/incident/index.js';

// 300 customers' addresses in CC at a retailer: decided by the 'many-people' rule, whose basis is the
// DPC's case study 1 (2010), the AP's PVV Overijssel decision (2021) and APD 62/2022.
const cc: BreachFacts = {
  regimes: ['gdpr'],
  dataSubjects: 300,
  recipient: 'unknown-individual',
  dataCategories: ['name', 'email-address'],
};

describe('precedents support the rule that decided the case', () => {
  it('cites first the decisions the deciding rule rests on that hold the same kinds of data (300 customers in CC)', () => {
    const assessment = assessBreach(cc);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('many-people');
    const basis = new Set(
      breachDecisions
        .filter((decision) => decision.decidingReason === 'many-people')
        .map((decision) => decision.id),
    );
    expect(basis).toEqual(
      new Set([
        'dpc-2010-case-study-1-broadband-disconnection-notice',
        'ap-2021-pvv-overijssel',
        'apd-62-2022',
      ]),
    );
    // APD 62/2022 (e-mail addresses alone) first; the AP's (political opinions) and the DPC's
    // (arrears) turned on data this breach did not hold, and are not cited before a decision on names
    // and addresses alone, however many people they concerned.
    const cited = assessment.precedents;
    expect(cited[0]?.id).toBe('apd-62-2022');
    const firstOther = cited.findIndex((precedent) => (precedent.alike.kindsOnlyThere?.length ?? 0) > 0);
    if (firstOther >= 0)
      expect(
        cited.slice(firstOther).every((precedent) => (precedent.alike.kindsOnlyThere?.length ?? 0) > 0),
      ).toBe(true);
  });

  it('never cites a stricter reading before the default-reading ones under the default profile', () => {
    for (const facts of breachDecisions.map((decision) => decision.facts)) {
      const profiles = assessBreach(facts).precedents.map((precedent) => precedent.profile ?? 'default');
      const firstStrict = profiles.indexOf('strict');
      if (firstStrict >= 0) expect(profiles.slice(firstStrict).every((p) => p === 'strict')).toBe(true);
    }
  });

  it('does not cite Falkonergården (a stricter reading) for 300 customers in CC', () => {
    const cited = assessBreach(cc).precedents.map((p) => p.id);
    expect(cited).not.toContain('datatilsynet-dk-2021-32-2067-falkonergaarden');
  });

  // Each rule's published basis, named in its reason's source and in the decision's own text.
  const rules: readonly (readonly [string, string, BreachFacts])[] = [
    [
      'financial-loss',
      'hdpa-6-2022-piraeus-bank',
      { ...cc, dataSubjects: 1, dataCategories: ['name', 'financial'] },
    ],
    [
      'account-takeover',
      'personuvernd-2021122409-nova',
      { ...cc, dataSubjects: 1, dataCategories: ['phone-number', 'credentials'] },
    ],
    [
      'identity-theft',
      'uodo-dkn-5131-3-2021-ergo-hestia',
      {
        ...cc,
        dataSubjects: 1,
        dataCategories: ['name', 'national-id-number', 'postal-address', 'insurance'],
      },
    ],
    [
      'trusted-recipient-not-enough',
      'uodo-dkn-5131-1-2024-mbank',
      {
        ...cc,
        dataSubjects: 2,
        recipient: 'trusted',
        recipientBoundBySecrecy: true,
        dataCategories: ['name', 'national-id-number', 'account-number'],
      },
    ],
    [
      'internal-recipient',
      'ico-breach-examples-case-2',
      {
        ...cc,
        dataSubjects: 1,
        recipient: 'internal',
        recipientConfirmedDeletion: true,
        dataCategories: ['name', 'health'],
      },
    ],
  ];
  for (const [code, id, facts] of rules)
    it(`cites ${id} first for a case decided by '${code}'`, () => {
      const assessment = assessBreach(facts);
      expect(assessment.reasons.map((reason) => reason.code)).toContain(code);
      expect(breachDecisions.find((decision) => decision.id === id)?.decidingReason).toBe(code);
      expect(assessment.precedents[0]?.id).toBe(id);
    });
});
