import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/phone/parse-phone.js';
import { toE164 } from '../../src/phone/to-e164.js';

describe('toE164', () => {
  it('takes a number in E.164 as it is, drops a trunk 0 after the country code and reads any other for the region', () => {
    expect(toE164(' +46701234567 ', 'SE')).toBe('+46701234567');
    expect(toE164('+460701234567', 'SE')).toBe('+46701234567');
    expect(toE164('070-123 45 67', 'se')).toBe('+46701234567');
    expect(toE164('020 7946 0958', 'GB')).toBe('+442079460958');
    expect(toE164('+46 70 123 45 67', 'XX')).toBe('+46701234567');
    expect(toE164('070-123 45 67', 'XX')).toBeUndefined();
    expect(toE164('not a number', 'SE')).toBeUndefined();
  });

  it('answers the E.164 form parsePhone reads of any other text, in any region', () => {
    const phoneLike = fc.stringMatching(/^[+0-9 ()-]{0,18}$/);
    const region = fc.constantFrom('SE', 'se', 'NO', 'GB', 'US', 'DE', 'XX', '');
    fc.assert(
      fc.property(fc.oneof(phoneLike, fc.string({ maxLength: 20 })), region, (text, country) => {
        // Text already in E.164 form is the first test's.
        fc.pre(!/^\+[1-9]\d{6,14}$/.test(text.trim()));
        expect(toE164(text, country)).toBe(parsePhone(text.trim(), country)?.e164);
      }),
      { numRuns: 5000 },
    );
  });
});
