import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/matching/edit-distance.js';
import { transliterationDistance } from '../../src/matching/transliteration-distance.js';

describe('transliterationDistance', () => {
  it.each([
    ['aake.loefgren', 'ake.lofgren', 1],
    ['åke.löfgren', 'ake.lofgren', 1],
    ['ake.lofgren', 'åke.löfgren', 1],
    ['aake.loefgren', 'åke.löfgren', 1],
    ['bjoern.aasberg', 'björn.åsberg', 1],
    ['baeckstroem', 'bäckström', 1],
    ['jaerpe', 'järpe', 1],
    ['mueller', 'müller', 1],
    ['jorgen.ahlen', 'jörgen.åhlén', 1],
    ['rene.rosen', 'rené.rosén', 1],
    // Decomposed letters (a + combining ring) are the same letters.
    ['a\u030Ake.lo\u0308fgren', 'ake.lofgren', 1],
  ])('counts %s against %s as one slip, however many letters are rewritten', (a, b, expected) => {
    expect(transliterationDistance(a, b)).toBe(expected);
    expect(transliterationDistance(b, a)).toBe(expected);
  });

  it('adds every other slip to the one of the transliteration', () => {
    expect(transliterationDistance('aake.loefrgen', 'ake.lofgren')).toBe(2);
    expect(transliterationDistance('åke.löfgrn', 'ake.lofgren')).toBe(2);
  });

  it('does not erase differences: names with ae, oe or aa are compared letter by letter', () => {
    // michael against mikael: c for k and an h more, nothing written another way.
    expect(transliterationDistance('michael', 'mikael')).toBe(2);
    expect(transliterationDistance('joel.berg', 'jol.berg')).toBe(1);
    expect(transliterationDistance('aaron.lund', 'aron.lund')).toBe(1);
    expect(transliterationDistance('noel', 'nora')).toBe(editDistance('noel', 'nora'));
    expect(transliterationDistance('ake.lofgren', 'ake.lofgren')).toBe(0);
    expect(transliterationDistance('åke', 'åke')).toBe(0);
    // a run of the same letter is no letter written another way
    expect(transliterationDistance('aaaa', 'aa')).toBe(2);
    expect(transliterationDistance('saaara', 'sara')).toBe(2);
  });

  it('stops at the bound and reports one more than it', () => {
    expect(transliterationDistance('anna', 'bertil', { maxDistance: 1 })).toBe(2);
    expect(transliterationDistance('aake.loefgren', 'ake.lofgren', { maxDistance: 1 })).toBe(1);
    expect(transliterationDistance('aake.loefrgen', 'ake.lofgren', { maxDistance: 1 })).toBe(2);
  });

  const letters = fc.constantFrom('a', 'e', 'o', 'å', 'ä', 'ö', 'l', 'n', '.', '1');
  const word = fc.array(letters, { maxLength: 12 }).map((characters) => characters.join(''));

  it('is symmetric and never more than the plain distance', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        const distance = transliterationDistance(a, b);
        expect(distance).toBe(transliterationDistance(b, a));
        expect(distance).toBeLessThanOrEqual(editDistance(a, b));
        expect(distance === 0).toBe(a === b);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with the unbounded distance whenever that is within the bound', () => {
    fc.assert(
      fc.property(word, word, fc.nat(3), (a, b, max) => {
        const exact = transliterationDistance(a, b);
        expect(transliterationDistance(a, b, { maxDistance: max })).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 2000 },
    );
  });
});
