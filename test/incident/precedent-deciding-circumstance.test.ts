import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

// Ten customers' names, addresses and orders sent to a stranger by a wrong attachment, nothing
// recovered: EDPB Guidelines 01/2021 Case No. 13 reached "no notification" because the parcels were
// recovered, a circumstance absent here. (Forty customers kept by a stranger are a risk in themselves,
// reason `many-people`, and Case No. 13 is then no longer among the closest.)
const notRecovered: BreachFacts = {
  regimes: ['gdpr'],
  dataSubjects: 10,
  recipient: 'unknown-individual',
  dataCategories: ['name', 'postal-address', 'order-details'],
};

describe('a precedent says "the same conclusion" only where its deciding circumstance is present', () => {
  for (const locale of ['en', 'sv'] as const)
    it(`says what differs for EDPB Case No. 13 when nothing was recovered (${locale})`, () => {
      const case13 = assessBreach(notRecovered, { locale }).precedents.find(
        (precedent) => precedent.id === 'edpb-01-2021-case-13',
      );
      expect(case13).toBeDefined();
      expect(case13?.why).not.toMatch(/reached the same conclusion|drog samma slutsats/);
      expect(case13?.why).toMatch(
        locale === 'en'
          ? /there the data was deleted or recovered, which it was not here/
          : /där raderades eller återfanns uppgifterna, vilket de inte gjorde här/,
      );
    });

  it('still says "the same conclusion" where the data was recovered here too', () => {
    const case13 = assessBreach({ ...notRecovered, dataRecovered: true }).precedents.find(
      (precedent) => precedent.id === 'edpb-01-2021-case-13',
    );
    expect(case13?.why).toMatch(/reached the same conclusion/);
  });
});
