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
  it('cites first the decisions the deciding rule rests on (300 customers in CC)', () => {
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
    const cited = assessment.precedents.map((precedent) => precedent.id);
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.every((id) => basis.has(id))).toBe(true);
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
});
