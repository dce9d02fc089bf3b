import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

describe('a data category given twice', () => {
  it('is refused naming the second place, not printed as "… and name"', () => {
    const twice = () =>
      createIncidentReport(
        {
          ...misdirectedOrderCase,
          reference: 'INC-2024-0007',
          dataCategories: ['name', 'postal-address', 'customer-number', 'order-details', 'name'],
        },
        { now: '2024-05-21T09:00:00+02:00' },
      );
    expect(twice).toThrow(InvalidInputError);
    expect(twice).toThrow(/dataCategories\.4.*name.*dataCategories\.0/s);
  });
});
