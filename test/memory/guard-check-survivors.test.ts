import v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createGuard } from '../../src/guard/create-guard.js';

/**
 * Bytes a young-generation collection promoted to the old generation, on average, over `count`
 * calls of `work`: what outlived a check and was copied twice. Counted from V8's own figures
 * (v8.GCProfiler), not timed, so a busy machine does not move it much. In a folder of its own,
 * outside the files that share their worker's modules (vitest.config.ts): another file's work in
 * the same heap changes what a collection finds alive and what V8 decides to pretenure.
 */
async function promotedPerScavenge(count: number, work: (i: number) => Promise<unknown>): Promise<number> {
  const spaceUsed = (heap: readonly v8.HeapSpaceStatistics[]) =>
    heap.find((space) => space.spaceName === 'old_space')?.spaceUsedSize ?? 0;
  const profiler = new v8.GCProfiler();
  profiler.start();
  for (let i = 0; i < count; i++) await work(i);
  const scavenges = profiler.stop().statistics.filter((gc) => gc.gcType === 'Scavenge');
  expect(scavenges.length).toBeGreaterThan(3);
  const promoted = scavenges.map((gc) =>
    Math.max(0, spaceUsed(gc.afterGC.heapSpaceStatistics) - spaceUsed(gc.beforeGC.heapSpaceStatistics)),
  );
  return promoted.reduce((sum, bytes) => sum + bytes, 0) / promoted.length;
}

describe('guard.check', () => {
  it('keeps nothing of a customer record made for one check through the collections after it', async () => {
    const guard = createGuard();
    // A record made anew for each check, as a database row or a request's body is.
    const check = (i: number) =>
      guard.check({
        entered: `anna.svensson${1900 + (i % 100)}@gmail.com`,
        customer: {
          id: `C-${i}`,
          name: 'Anna Svensson',
          emails: [`anna.svensson${1985 + (i % 7)}@gmail.com`, 'a.svensson@svenssonbygg.se'],
          phones: ['070-123 45 67'],
          birthDate: '1985-04-12',
        },
      });
    await promotedPerScavenge(4_000, check);
    // Kept per record object, the facts of each were promoted: 1.25 MB per collection; about 120 KB now.
    expect(await promotedPerScavenge(40_000, check)).toBeLessThan(400_000);
  });
});
