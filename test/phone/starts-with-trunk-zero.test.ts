import { describe, expect, it } from 'vitest';
import { startsWithTrunkZero } from '../../src/phone/starts-with-trunk-zero.js';

describe('startsWithTrunkZero', () => {
  it('finds the national trunk 0 kept after the country code', () => {
    expect(startsWithTrunkZero('+460701234567')).toBe(true);
    expect(startsWithTrunkZero('+4407911123456')).toBe(true);
  });

  it('takes a canonical number as it is, whatever digits follow a shorter prefix', () => {
    // +46 70…: the digits 4, 46 and 467 must not be read as a code followed by 0.
    expect(startsWithTrunkZero('+46701234567')).toBe(false);
    expect(startsWithTrunkZero('+12025550123')).toBe(false);
    expect(startsWithTrunkZero('+4915112345678')).toBe(false);
  });
});
