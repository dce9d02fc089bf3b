import fc from 'fast-check';
import { type CountryCode, getCountries, getExampleNumber } from 'libphonenumber-js';
import examples from 'libphonenumber-js/examples.mobile.json' with { type: 'json' };
import metadata from 'libphonenumber-js/metadata.min.json' with { type: 'json' };
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

  // The number checks leave out a phone number whose national number is longer than an address can
  // reach, without formatting it (src/guard/create-customer-facts.ts): that holds only while the
  // digits as dialled nationally are never fewer than the national number's.
  it('writes a number nationally with every digit of its national number, or more', () => {
    const dropping = new Set<string>();
    for (const [country, data] of Object.entries(metadata.countries)) {
      const formats = (data as unknown[])[4];
      for (const format of (Array.isArray(formats) ? formats : []) as [string, string][]) {
        const [pattern, written] = format;
        const groups = pattern.match(/\((?!\?)/g)?.length ?? 0;
        // Every digit of the national number is in a group, and the written form names every group.
        const outside = pattern.replace(/\((?!\?)[^()]*\)/g, '');
        if (outside !== '' || new Set(written.match(/\$\d/g)).size !== groups) dropping.add(country);
      }
    }
    // Argentina's mobile formats leave out the 9 and write 15 in its place (`011 15-2345-6789`).
    expect([...dropping]).toEqual(['AR']);
    fc.assert(
      fc.property(
        fc.constantFrom(...getCountries()),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 6 }),
        (country, tail) => {
          const example = getExampleNumber(country as CountryCode, examples)?.nationalNumber ?? '';
          // The example's leading digits pick its format; the rest varies.
          const number = example.slice(0, Math.max(1, example.length - tail.length)) + tail.join('');
          const parsed = parsePhone(number, country);
          if (parsed)
            expect(parsed.nationalDigits.length).toBeGreaterThanOrEqual(parsed.nationalNumber.length);
        },
      ),
      { numRuns: 3000 },
    );
    for (const number of ['+5491123456789', '+5492234567890', '+541123456789']) {
      const parsed = parsePhone(number, 'AR');
      expect(parsed?.nationalDigits.length).toBeGreaterThanOrEqual(parsed?.nationalNumber.length ?? 0);
    }
  });
});
