import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ISO_DATE } from '../../src/contacts/fits-customer-schema.js';
import { CheckOptionsSchema } from '../../src/guard/check-options.js';
import { fitsCheckOptions } from '../../src/guard/fits-check-options.js';

/** Values of every shape a caller might put in an option by mistake. */
const stray = fc.constantFrom<unknown>(
  undefined,
  null,
  42,
  true,
  false,
  '',
  'se',
  'en',
  'sv',
  'EN',
  [],
  {},
  () => 'x',
);

const options = fc.oneof(
  stray,
  fc.record(
    {
      locale: fc.oneof(fc.constantFrom('en', 'sv'), stray),
      revealOtherCustomers: fc.oneof(fc.boolean(), stray),
      policy: fc.oneof(fc.constant({ 'near-miss': 'confirm' }), fc.constant({ 'near-miss': 'Block' }), stray),
      defaultCountry: fc.oneof(fc.constantFrom('SE', 'XX'), stray),
      other: stray,
    },
    { requiredKeys: [] },
  ),
);

describe('fitsCheckOptions', () => {
  it('never vouches for options the schema refuses', () => {
    fc.assert(
      fc.property(options, (value) => {
        if (fitsCheckOptions(value)) expect(CheckOptionsSchema.safeParse(value).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('vouches for the options a form passes and leaves the rest to the schema', () => {
    expect(fitsCheckOptions({})).toBe(true);
    expect(fitsCheckOptions({ locale: 'sv' })).toBe(true);
    expect(fitsCheckOptions({ locale: 'en', revealOtherCustomers: false })).toBe(true);
    expect(fitsCheckOptions({ locale: 'se' })).toBe(false);
    expect(fitsCheckOptions({ revealOtherCustomers: 'yes' })).toBe(false);
    expect(fitsCheckOptions({ policy: { 'near-miss': 'confirm' } })).toBe(false);
    expect(fitsCheckOptions(new Map())).toBe(false);
  });
});

describe('the hand-written customer test', () => {
  it('reads a birth date with the very pattern zod 4 checks it with', () => {
    expect(ISO_DATE.source).toBe(z.regexes.date.source);
    expect(ISO_DATE.flags).toBe(z.regexes.date.flags);
  });
});
