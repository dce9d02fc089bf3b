import { describe, expect, it } from 'vitest';
import { directoryCases } from '../../eval/cases/directory-cases.js';
import { phoneCases } from '../../eval/cases/phone-cases.js';

describe('evaluation cases', () => {
  it('generates at least 300 directory cases, the same ones from the same seed', () => {
    const first = directoryCases({ seed: 7 });
    expect(first.length).toBeGreaterThanOrEqual(300);
    const again = directoryCases({ seed: 7 });
    expect(again.map((c) => [c.name, c.input.entered, c.expect])).toEqual(
      first.map((c) => [c.name, c.input.entered, c.expect]),
    );
    expect(new Set(first.map((c) => c.expect.code))).toEqual(
      new Set(['belongs-to-other-customer', 'near-miss-other-customer', 'unverified-address', 'exact-match']),
    );
  });

  it('generates at least 300 phone cases, the same ones from the same seed', () => {
    const first = phoneCases({ seed: 7 });
    expect(first.length).toBeGreaterThanOrEqual(300);
    expect(phoneCases({ seed: 7 }).map((c) => c.input.entered)).toEqual(first.map((c) => c.input.entered));
    expect(new Set(first.map((c) => c.expect.code))).toEqual(
      new Set(['exact-match', 'near-miss', 'invalid-phone', 'unverified-phone', 'belongs-to-other-customer']),
    );
  });
});
