import { describe, expect, it } from 'vitest';
import { findNumberMismatches, knownNumbers } from '../../src/matching/find-number-mismatches.js';

const anna = knownNumbers({ birthDate: '1985-04-12', phoneDigits: ['0701234567', '701234567'] });

describe('findNumberMismatches', () => {
  it.each([
    ['anna195', '1985'],
    ['anna19885', '1985'],
    ['anna1958', '1985'],
    ['anna58', '85'],
    ['anna.0701234576', '0701234567'],
    ['anna070123456', '0701234567'],
  ])('flags %s as a slip of %s', (local, expected) => {
    expect(findNumberMismatches(local, anna).map((m) => m.expected)).toEqual([expected]);
  });

  it.each([
    'anna1985',
    'anna85',
    'anna.19850412',
    'anna0412',
    'anna0701234567',
    'anna.svensson',
    'anna77',
    'anna86',
  ])('raises nothing for %s', (local) => {
    expect(findNumberMismatches(local, anna)).toEqual([]);
  });

  it('knows nothing to compare with for a customer without numbers', () => {
    expect(findNumberMismatches('anna195', knownNumbers({}))).toEqual([]);
  });
});
