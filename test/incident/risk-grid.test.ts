import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

const LEVEL = { unlikely: 0, risk: 1, high: 2 } as const;
const PEOPLE = [1, 10, 40, 1000] as const;

/** Customers' names, addresses and orders sent to a stranger (a wrong attachment, a wrong address). */
function wrongAttachment(dataSubjects: number, recovered: boolean, customerNumber: boolean): BreachFacts {
  return {
    regimes: ['gdpr'],
    dataSubjects,
    recipient: 'unknown-individual',
    dataCategories: customerNumber
      ? ['name', 'postal-address', 'customer-number', 'order-details']
      : ['name', 'postal-address', 'order-details'],
    ...(recovered ? { dataRecovered: true } : {}),
  };
}

const level = (dataSubjects: number, recovered: boolean, customerNumber: boolean): number =>
  LEVEL[assessBreach(wrongAttachment(dataSubjects, recovered, customerNumber)).risk];

describe('the risk of a wrong attachment to a stranger has no cliff', () => {
  it('scores 40 customers’ names, addresses and orders kept by a stranger as a risk', () => {
    const assessment = assessBreach(wrongAttachment(40, false, false));
    expect(assessment.risk).toBe('risk');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.reasons.map((reason) => reason.code)).toContain('many-people');
  });

  it('keeps the seed case, one customer’s name, address, customer number and order kept by a stranger, a risk', () => {
    const assessment = assessBreach({
      ...wrongAttachment(1, false, true),
      regimes: ['eprivacy', 'gdpr'],
      detectedAt: '2018-02-23T12:45:00Z',
    });
    expect(assessment.risk).toBe('risk');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.notifyDataSubjects).toBe(false);
  });

  it('never lowers the level for more people, a stranger keeping the data or a customer number', () => {
    for (const dataSubjects of PEOPLE)
      for (const recovered of [true, false])
        for (const customerNumber of [false, true]) {
          const here = level(dataSubjects, recovered, customerNumber);
          const what = `${dataSubjects} people, ${recovered ? 'recovered' : 'kept'}, ${customerNumber ? 'with' : 'without'} customer number`;
          for (const fewer of PEOPLE.filter((n) => n < dataSubjects))
            expect(here, `${what} vs ${fewer} people`).toBeGreaterThanOrEqual(
              level(fewer, recovered, customerNumber),
            );
          if (!recovered)
            expect(here, `${what} vs recovered`).toBeGreaterThanOrEqual(
              level(dataSubjects, true, customerNumber),
            );
          if (customerNumber)
            expect(here, `${what} vs without`).toBeGreaterThanOrEqual(level(dataSubjects, recovered, false));
        }
  });
});
