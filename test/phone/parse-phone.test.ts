import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/phone/parse-phone.js';

describe('parsePhone', () => {
  it('reads a national number in the region given in any case', () => {
    expect(parsePhone('070-123 45 67', 'se')?.e164).toBe('+46701234567');
    expect(parsePhone('020 7946 0958', 'GB')?.e164).toBe('+442079460958');
  });

  it('reads no national number in a region it does not know, but still an international one', () => {
    expect(parsePhone('070', 'XX')).toBeUndefined();
    expect(parsePhone('070-123 45 67', 'XX')).toBeUndefined();
    expect(parsePhone('070-123 45 67', 'SWE')).toBeUndefined();
    expect(parsePhone('+46 70 123 45 67', 'XX')?.e164).toBe('+46701234567');
  });

  it('answers undefined for input that is not a string', () => {
    expect(parsePhone(42 as never)).toBeUndefined();
    expect(parsePhone(undefined as never)).toBeUndefined();
    expect(parsePhone('+46 70 123 45 67', 42 as never)?.e164).toBe('+46701234567');
  });

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (input, region) => {
        const parsed = parsePhone(input as string, region as string);
        expect(parsed === undefined || typeof parsed.e164 === 'string').toBe(true);
      }),
    );
  });
});
