import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  type BreachFacts,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

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

describe('the report of a message back unopened at an electronic communications provider', () => {
  const { recipientConfirmedDeletion: _deleted, measures: _measures, ...facts } = seedCase;
  const report = createIncidentReport(
    { ...facts, returnedUnopened: true },
    { now: '2018-02-23T16:00:00+01:00' },
  );

  it('says why it is notified though nobody saw it (en)', () => {
    expect(renderIncidentReport(report, { locale: 'en' })).toMatch(
      /nobody outside the organisation saw the data\. It was still a loss of data in the provider’s care, not a disclosure, which Regulation 611\/2013 Art\. 2\(1\) has every provider notify to the authority \(Directive 2002\/58\/EC Art\. 2\(i\)\)\./,
    );
  });

  it('says why it is notified though nobody saw it (sv)', () => {
    expect(renderIncidentReport(report, { locale: 'sv' })).toMatch(
      /ingen utanför organisationen har sett uppgifterna\. Det var ändå en förlust av uppgifter i leverantörens vård, inte ett röjande, och sådana anmäls till tillsynsmyndigheten enligt artikel 2\.1 i förordning 611\/2013 \(direktiv 2002\/58\/EG artikel 2 i\)\./,
    );
  });
});
