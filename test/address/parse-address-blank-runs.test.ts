import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/parse-address.js';

// Text from outside (a form, an HTTP body) may hold a long run of blanks inside it. Trimmed by
// `/[ …]+$/`, each blank of the run started a match that ran to its end: 160,000 spaces took 24 s,
// 300,000 take over a minute. Scanned from the ends, both finish at once; the test's own
// timeout is what fails on the quadratic version.
describe('parseAddress with a long run of blanks', () => {
  it('answers an address with 300,000 blanks inside it', () => {
    const result = parseAddress(`a${' '.repeat(300_000)}b@example.se`);
    expect(result.ok).toBe(false);
  });

  it('still trims the blanks a copy and paste brings along, and only those', () => {
    const trimmed = parseAddress(`\u00A0\t anna@example.se \u3000\uFEFF`);
    expect(trimmed.ok && trimmed.address.address).toBe('anna@example.se');
    expect(parseAddress('\u000Banna@example.se').ok).toBe(false);
  });
});
