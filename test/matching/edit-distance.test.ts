import fc from 'fast-check';
import levenshtein from 'fast-levenshtein';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/matching/edit-distance.js';
import { explainEdits, explainEditsInFull } from '../../src/matching/explain-edits.js';

describe('editDistance', () => {
  it.each([
    ['anna.svensson1985', 'anna.svensson185', 1],
    ['anna.svensson1985', 'anna.svensson19885', 1],
    ['anna.svensson1985', 'anna.svensson1958', 1],
    ['gmail.com', 'gmial.com', 1],
    ['erik.johansson', 'erik.johanson', 1],
    ['kalle', 'kalle', 0],
    ['', 'abc', 3],
    ['ca', 'abc', 3],
  ])('counts %s -> %s as %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('stops at the bound and reports one more than it', () => {
    expect(editDistance('anna', 'bertil', { maxDistance: 1 })).toBe(2);
    expect(editDistance('anna', 'annika', { maxDistance: 0 })).toBe(1);
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        expect(editDistance(a, b)).toBe(editDistance(b, a));
      }),
      { numRuns: 1000 },
    );
  });

  it('never exceeds Levenshtein distance and is at least half of it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), (a, b) => {
        const lev = levenshtein.get(a, b);
        const osa = editDistance(a, b);
        expect(osa).toBeLessThanOrEqual(lev);
        expect(osa * 2).toBeGreaterThanOrEqual(lev);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the unbounded distance whenever that is within the bound', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 16 }), fc.string({ maxLength: 16 }), fc.nat(4), (a, b, max) => {
        const exact = editDistance(a, b);
        expect(editDistance(a, b, { maxDistance: max })).toBe(exact <= max ? exact : max + 1);
      }),
      { numRuns: 1000 },
    );
  });
  it('counts characters as explainEdits does: an emoji or an emoji sequence is one character', () => {
    expect(editDistance('annaa', 'anna\u{1F603}')).toBe(1);
    expect(editDistance('anna', 'anna\u{1F603}', { maxDistance: 1 })).toBe(1);
    expect(editDistance('anna\u{1F603}', 'anna\u{1F600}')).toBe(1);
    // A ZWJ family, a flag, a skin tone: one character each (UAX #29).
    expect(editDistance('ok', 'ok\u{1F468}\u200D\u{1F469}\u200D\u{1F467}')).toBe(1);
    expect(editDistance('se\u{1F1F8}\u{1F1EA}', 'se\u{1F1E9}\u{1F1F0}')).toBe(1);
    expect(editDistance('a\u{1F44D}\u{1F3FD}b', 'ab')).toBe(1);
  });

  it('counts as many slips as explainEdits explains for text with emoji', () => {
    const character = fc.constantFrom(
      'a',
      'b',
      '\u{1F600}',
      '\u{1F603}',
      '\u{1F44D}\u{1F3FD}',
      '\u{1F1F8}\u{1F1EA}',
      '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}',
      'a\u0308',
    );
    const text = fc.array(character, { maxLength: 8 }).map((characters) => characters.join(''));
    fc.assert(
      fc.property(text, text, fc.nat(3), (a, b, max) => {
        const slips = explainEdits(a, b).length;
        expect(editDistance(a, b)).toBe(slips);
        expect(editDistance(a, b, { maxDistance: max })).toBe(slips <= max ? slips : max + 1);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('editDistance with the shared start and ending set aside', () => {
  it('counts what the full alignment of both whole strings counts, for every pair of short strings', () => {
    const words = [''];
    let level = [''];
    for (let length = 1; length <= 6; length++) {
      level = level.flatMap((word) => [...'ab'].map((character) => word + character));
      words.push(...level);
    }
    for (const a of words)
      for (const b of words) {
        const full = explainEditsInFull(a, b).length;
        if (editDistance(a, b) !== full)
          expect({ a, b, distance: editDistance(a, b) }).toEqual({ a, b, distance: full });
        const bounded = editDistance(a, b, { maxDistance: 1 });
        if (bounded !== Math.min(full, 2))
          expect({ a, b, bounded }).toEqual({ a, b, bounded: Math.min(full, 2) });
      }
  });

  it('counts what the full alignment counts for addresses and any strings', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.array(fc.constantFrom(...'an1.@gmail'), { maxLength: 24 }).map((characters) => characters.join('')),
    );
    fc.assert(
      fc.property(text, text, fc.nat(3), (a, b, max) => {
        const full = explainEditsInFull(a, b).length;
        expect(editDistance(a, b)).toBe(full);
        expect(editDistance(a, b, { maxDistance: max })).toBe(full <= max ? full : max + 1);
      }),
      { numRuns: 5_000 },
    );
  });
});

describe('explainEdits', () => {
  it('says a digit is missing where it is missing', () => {
    expect(explainEdits('anna.svensson1985@gmail.com', 'anna.svensson185@gmail.com')).toEqual([
      { kind: 'missing', character: '9', after: 'anna.svensson1', index: 14 },
    ]);
  });

  it('tells an extra, a changed and a swapped character apart', () => {
    expect(explainEdits('erik85', 'erik855')).toEqual([
      { kind: 'extra', character: '5', after: 'erik85', index: 6 },
    ]);
    expect(explainEdits('erik85', 'erik86')).toEqual([
      { kind: 'substituted', character: '6', expected: '5', after: 'erik8', index: 5 },
    ]);
    expect(explainEdits('erik85', 'erik58')).toEqual([
      { kind: 'swapped', characters: ['8', '5'], after: 'erik', index: 4 },
    ]);
  });

  it('explains exactly as many slips as the distance counts', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 15 }), fc.string({ maxLength: 15 }), (a, b) => {
        expect(explainEdits(a, b)).toHaveLength(editDistance(a, b));
      }),
      { numRuns: 1000 },
    );
  });
});
