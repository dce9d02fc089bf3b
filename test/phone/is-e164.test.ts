import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isE164 } from '../../src/phone/is-e164.js';
import { parsePhone } from '../../src/phone/parse-phone.js';

describe('isE164', () => {
  it('accepts numbers in E.164 form and nothing else', () => {
    expect(isE164('+46701234567')).toBe(true);
    expect(isE164('+447700900123')).toBe(true);
    expect(isE164('070-123 45 67')).toBe(false);
    expect(isE164('+046701234567')).toBe(false);
    expect(isE164('+4670123456789012')).toBe(false);
  });

  it('agrees with libphonenumber-js on the E.164 form of every valid number it writes', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('70', '73', '76', '8'),
        fc.integer({ min: 1_000_000, max: 9_999_999 }),
        (prefix, rest) => {
          const parsed = parsePhone(`0${prefix}${rest}`, 'SE');
          if (parsed) expect(isE164(parsed.e164)).toBe(true);
        },
      ),
    );
  });
});

describe('parsePhone formats', () => {
  it('writes the number nationally and internationally', () => {
    const parsed = parsePhone('0701234567', 'SE');
    expect(parsed?.formattedNational).toBe('070-123 45 67');
    expect(parsed?.formattedInternational).toBe('+46 70 123 45 67');
  });
});
