import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

// An operator's order confirmation that came back unopened: nobody saw it (no disclosure, GDPR
// Art. 4(12)), but the provider lost control of it, and Regulation 611/2013 Art. 2 asks for every
// personal data breach, a loss included (Directive 2002/58/EC Art. 2(i)), to be notified to PTS.
const returned: BreachFacts = {
  regimes: ['eprivacy', 'gdpr'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  returnedUnopened: true,
};

describe('a message that came back unopened under Regulation 611/2013', () => {
  for (const locale of ['en', 'sv'] as const)
    it(`says it is notified to the authority as a loss, not "not notified" (${locale})`, () => {
      const assessment = assessBreach(returned, { locale });
      expect(assessment.notifyAuthority).toBe(true);
      const reason = assessment.reasons.find((r) => r.code === 'returned-unopened');
      expect(reason?.message).not.toMatch(/but not notified|men anmäls inte/);
      expect(reason?.source).toMatch(/Directive 2002\/58\/EC Art\. 2\(i\)/);
      expect(reason?.source).toMatch(/Regulation 611\/2013 Art\. 2/);
    });

  it('still says "not notified" where only the GDPR applies', () => {
    const reason = assessBreach({ ...returned, regimes: ['gdpr'] }).reasons.find(
      (r) => r.code === 'returned-unopened',
    );
    expect(reason?.message).toMatch(/not notified/);
  });
});
