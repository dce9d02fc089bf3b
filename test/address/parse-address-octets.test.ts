import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAddress } from '../../src/address/parse-address.js';

const utf8 = new TextEncoder();

describe('parseAddress octet limits', () => {
  it('refuses a local part over 64 UTF-8 octets and accepts one at the limit, whatever the characters', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('a', 'é', 'ö', '日', '😀'),
        fc.integer({ min: 1, max: 70 }),
        (unit, count) => {
          const local = unit.repeat(count);
          const result = parseAddress(`${local}@example.se`);
          const octets = utf8.encode(local).length;
          expect(result.ok ? 'ok' : result.reason).toBe(octets > 64 ? 'local-part-too-long' : 'ok');
        },
      ),
    );
  });
});
