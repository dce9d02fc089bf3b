import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// S7: one customer's order with two pregnancy tests (health data), her address, customer number and
// a login link, at one stranger's address; a Danish shop under the GDPR alone.
const pregnancyTest: BreachFacts = {
  regimes: ['gdpr'],
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details', 'credentials', 'health'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  country: 'DK',
  detectedAt: '2024-05-20T11:00:00+02:00',
};

describe('precedents compare the special category itself and the number of people', () => {
  for (const locale of ['en', 'sv'] as const)
    it(`does not put AP PVV Overijssel (political opinions, 101 people) first for one customer's health data (${locale})`, () => {
      const { precedents } = assessBreach(pregnancyTest, { locale });
      expect(precedents[0]?.id).not.toBe('ap-2021-pvv-overijssel');
      const pvv = precedents.find((precedent) => precedent.id === 'ap-2021-pvv-overijssel');
      if (pvv !== undefined) {
        expect(pvv.alike.sharedKinds).toEqual([]);
        expect(pvv.why).not.toMatch(/health|hälsa/);
      }
      // A decision is called the same data as health data only where it held health data.
      for (const precedent of precedents)
        if (/health data|hälsouppgifter/.test(precedent.why))
          expect(precedent.alike.sharedKinds, precedent.id).toContain('health');
    });

  it('says of political opinions that they are another special category than health data', () => {
    const all = assessBreach({ ...pregnancyTest, dataSubjects: 101 }).precedents;
    const pvv = all.find((precedent) => precedent.id === 'ap-2021-pvv-overijssel');
    if (pvv !== undefined) expect(pvv.alike.kindsOnlyThere).toEqual(['sensitive']);
  });
});

describe('precedents decided under a law that did not apply to the breach', () => {
  for (const locale of ['en', 'sv'] as const)
    it(`ranks GDPR decisions below the others for the 2018 telecom seed case and says why (${locale})`, () => {
      const report = createIncidentReport(seedCase, { locale, now: '2018-02-24T10:00:00Z' });
      const { precedents } = report.assessment;
      expect(precedents.length).toBeGreaterThan(0);
      const gdprOnly = (regimes: readonly string[] = []) => !regimes.includes('eprivacy');
      const firstGdpr = precedents.findIndex((precedent) => gdprOnly(precedent.regimes));
      const telecom = precedents.flatMap((precedent, index) => (gdprOnly(precedent.regimes) ? [] : [index]));
      const lastTelecom = telecom.at(-1) ?? -1;
      if (firstGdpr !== -1 && lastTelecom !== -1) expect(firstGdpr).toBeGreaterThan(lastTelecom);
      expect(precedents[0]?.id).not.toBe('edpb-01-2021-case-13');
      for (const precedent of precedents.filter((precedent) => gdprOnly(precedent.regimes)))
        expect(precedent.why).toContain(
          locale === 'en'
            ? 'decided under the GDPR, which did not yet apply when this breach happened'
            : 'beslutat enligt dataskyddsförordningen, som ännu inte tillämpades när denna incident inträffade',
        );
    });
});
