import { expect } from 'vitest';

/**
 * How the cost of `run` grows with its input: the best of `tries` timings at size n and at 4n, in
 * one process. A linear path takes about 4 times as long at 4n, a quadratic one about 16 times. The
 * margin is wide on purpose (CI shares two cores with other work): only a super-linear path fails.
 * Time is the CPU time this process spent (`process.cpuUsage`), not the wall clock: a test worker
 * that waits for a core while others run would otherwise look slow at random.
 * Speed itself is measured in `npm run bench`, never asserted here.
 */
export interface GrowthCase<T> {
  /** Builds the input of size n (outside the timing). */
  readonly make: (n: number) => T;
  /** The work whose growth is measured. May be async. */
  readonly run: (input: T) => unknown;
  /** The smaller size; pick it so one run takes a few milliseconds at least. */
  readonly n: number;
  /** Timings taken at each size; the best counts. @default 5 */
  readonly tries?: number;
}

export interface Growth {
  readonly small: number;
  readonly large: number;
  readonly ratio: number;
}

function bestOf(times: readonly number[]): number {
  return Math.min(...times);
}

/** The CPU time (user and system, in milliseconds) this process spends on `work`. */
async function cpuMilliseconds(work: () => unknown): Promise<number> {
  const start = process.cpuUsage();
  await work();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Times `run` at n and 4n and returns both best times and their ratio. */
export async function measureGrowth<T>(growthCase: GrowthCase<T>): Promise<Growth> {
  const tries = growthCase.tries ?? 5;
  const small = growthCase.make(growthCase.n);
  const large = growthCase.make(growthCase.n * 4);
  // One warm-up run each, so the JIT has compiled the path before it is timed.
  await growthCase.run(small);
  await growthCase.run(large);
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let i = 0; i < tries; i++) {
    smallTimes.push(await cpuMilliseconds(() => growthCase.run(small)));
    largeTimes.push(await cpuMilliseconds(() => growthCase.run(large)));
  }
  // A floor of 0.05 ms keeps a timer's resolution from making a ratio out of noise.
  const smallBest = Math.max(bestOf(smallTimes), 0.05);
  const largeBest = Math.max(bestOf(largeTimes), 0.05);
  return { small: smallBest, large: largeBest, ratio: largeBest / smallBest };
}

/**
 * Fails when 4 times the input costs more than `limit` times as much (default 9: linear is ~4,
 * n log n ~5, quadratic ~16).
 */
export async function expectLinearGrowth<T>(growthCase: GrowthCase<T> & { limit?: number }): Promise<void> {
  const limit = growthCase.limit ?? 9;
  // A super-linear path exceeds the limit every time; a linear one that was unlucky (a collection,
  // a core taken away) does not do so three times running.
  let growth = await measureGrowth(growthCase);
  for (let retry = 0; retry < 2 && growth.ratio >= limit; retry++) {
    const again = await measureGrowth(growthCase);
    if (again.ratio < growth.ratio) growth = again;
  }
  expect(
    growth.ratio,
    `took ${growth.small.toFixed(2)} ms at n=${growthCase.n} and ${growth.large.toFixed(2)} ms at 4n`,
  ).toBeLessThan(limit);
}
