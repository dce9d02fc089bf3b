import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TakenRanges } from '../../src/incident/taken-ranges.js';

describe('TakenRanges', () => {
  it('keeps the first of two overlapping ranges and lets touching ones through', () => {
    const taken = new TakenRanges();
    expect(taken.claim(10, 20)).toBe(true);
    expect(taken.claim(15, 25)).toBe(false);
    expect(taken.claim(20, 30)).toBe(true);
    expect(taken.claim(0, 10)).toBe(true);
    expect(taken.claim(5, 12)).toBe(false);
    expect(taken.claim(29, 31)).toBe(false);
  });

  it('answers every claim as a comparison with every range kept before would', () => {
    const range = fc
      .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, length]) => [start, start + length] as const);
    // Runs in order of position, as each pattern reports its matches, and ranges in any order.
    const runs = fc.array(
      fc.array(range, { maxLength: 20 }).map((run) => [...run].sort((a, b) => a[0] - b[0])),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          runs.map((all) => all.flat()),
          fc.array(range, { maxLength: 60 }),
        ),
        (claims) => {
          const taken = new TakenRanges();
          const kept: Array<readonly [number, number]> = [];
          for (const [start, end] of claims) {
            const free = !kept.some(([from, to]) => start < to && end > from);
            if (free) kept.push([start, end]);
            expect(taken.claim(start, end)).toBe(free);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
