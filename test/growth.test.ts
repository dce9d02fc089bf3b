import { describe, expect, it } from 'vitest';
import { expectLinearGrowth, measureGrowth } from './support/growth.js';

const make = (n: number) => 'a'.repeat(n);

function countA(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 97) count++;
  return count;
}

function countPairs(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) for (let j = i; j < text.length; j++) count += text.charCodeAt(j) & 1;
  return count;
}

// The growth tests elsewhere rely on this telling a linear path from a quadratic one.
describe('measureGrowth', () => {
  it('passes a linear scan', async () => {
    await expectLinearGrowth({ n: 2_000_000, make, run: countA });
  });

  it('catches a quadratic scan', async () => {
    const quadratic = await measureGrowth({ n: 2_000, make, run: countPairs });
    expect(quadratic.ratio).toBeGreaterThan(9);
  });
});
