import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

const LEVEL = { unlikely: 0, risk: 1, high: 2 } as const;
const kinds = [
  ['name', 'postal-address', 'order-details'],
  ['name', 'postal-address', 'customer-number'],
  ['email-address'],
  ['name', 'national-id-number'],
  ['name', 'financial'],
] as const satisfies readonly (readonly BreachFacts['dataCategories'][number][])[];

describe('more people never lowers the risk', () => {
  it('gives a risk at least as high for more people, whatever else is the same', () => {
    for (const categories of kinds)
      for (const recipient of ['unknown-individual', 'trusted', 'internal'] as const)
        for (const after of [{}, { recipientConfirmedDeletion: true }, { dataRecovered: true }]) {
          let previous = 0;
          for (const dataSubjects of [1, 2, 16, 40, 99, 100, 300, 1000, 5000]) {
            const level =
              LEVEL[
                assessBreach({
                  regimes: ['gdpr'],
                  dataSubjects,
                  recipient,
                  dataCategories: [...categories],
                  ...after,
                }).risk
              ];
            expect(
              level,
              `${categories.join('+')} to ${recipient}, ${dataSubjects} people`,
            ).toBeGreaterThanOrEqual(previous);
            previous = level;
          }
        }
  });
});
