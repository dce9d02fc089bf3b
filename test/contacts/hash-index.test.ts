import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deletionHashes, exactHash, HashIndex } from '../../src/contacts/hash-index.js';

describe('deletionHashes', () => {
  it('hashes each one-character deletion as the deleted string itself would hash', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.integer(), (text, seed) => {
        const out = new Uint32Array(text.length + 1);
        const count = deletionHashes(text, seed, out);
        const expected = [exactHash(text, seed)];
        for (let i = 0; i < text.length; i++) {
          if (i > 0 && text[i] === text[i - 1]) continue;
          expected.push(exactHash(text.slice(0, i) + text.slice(i + 1), seed));
        }
        expect([...out.subarray(0, count)]).toEqual(expected);
      }),
    );
  });
});

describe('HashIndex', () => {
  it('finds every value under its hash before and after a merge, and forgets dead ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 1000 })), { maxLength: 300 }),
        fc.array(fc.tuple(fc.nat({ max: 0xffffffff }), fc.nat({ max: 1000 })), { maxLength: 300 }),
        (bulk, later) => {
          const index = new HashIndex();
          for (const [hash, value] of bulk) index.add(hash, value);
          index.seal();
          for (const [hash, value] of later) index.add(hash, value);
          const valuesOf = (hash: number) => {
            const values: number[] = [];
            index.forEach(hash, (value) => values.push(value));
            return values.sort((a, b) => a - b);
          };
          const expected = (hash: number, alive: (value: number) => boolean) =>
            [...bulk, ...later]
              .filter(([h, value]) => h === hash && alive(value))
              .map(([, value]) => value)
              .sort((a, b) => a - b);
          for (const [hash] of [...bulk, ...later])
            expect(valuesOf(hash)).toEqual(expected(hash, () => true));
          const even = (value: number) => value % 2 === 0;
          index.merge(even);
          for (const [hash] of [...bulk, ...later]) expect(valuesOf(hash)).toEqual(expected(hash, even));
        },
      ),
    );
  });
});
