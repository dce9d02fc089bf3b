import { describe, expect, it } from 'vitest';
import { measureGrowth } from './support/growth.js';

// The growth tests elsewhere rely on this telling a linear path from a quadratic one.
describe('measureGrowth', () => {
  it('tells a linear scan from a quadratic one', async () => {
    const make = (n: number) => 'a'.repeat(n);
    const linear = await measureGrowth({
      n: 200_000,
      make,
      run: (text: string) => {
        let count = 0;
        for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 97) count++;
        return count;
      },
    });
    const quadratic = await measureGrowth({
      n: 1_500,
      make,
      run: (text: string) => {
        let count = 0;
        for (let i = 0; i < text.length; i++)
          for (let j = i; j < text.length; j++) count += text.charCodeAt(j) & 1;
        return count;
      },
    });
    expect(linear.ratio).toBeLessThan(9);
    expect(quadratic.ratio).toBeGreaterThan(9);
  });
});
