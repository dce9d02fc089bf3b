/**
 * Bytes allocated on the JavaScript heap per call of a piece of work, with the garbage collections
 * it caused. Allocation, unlike time, hardly depends on what else the machine runs: it is what a
 * change to the hot path can be judged by on a shared machine, and what sets how often the young
 * generation fills up and pauses every request (V8's scavenger, "Orinoco: young generation garbage
 * collection", v8.dev/blog/orinoco-parallel-scavenger).
 *
 * Measured with v8.GCProfiler (Node >= 18.15): every collection reports the heap in use before and
 * after it, so what was allocated over the run is what was freed by each collection plus the growth
 * from the start to the end: sum(before - after) + (end - start).
 */
import v8 from 'node:v8';

/** What a run of work allocated, and the collections it set off. */
export interface Allocation {
  /** Bytes allocated on the JavaScript heap per call, young and old generation. */
  readonly bytesPerCall: number;
  /** Scavenges (young generation) and mark-compacts (whole heap) per 20,000 calls. */
  readonly scavengesPer20k: number;
  readonly markCompactsPer20k: number;
  /** The mean and the longest pause of a scavenge, ms (the collector's own figure: `cost`). */
  readonly meanScavengeMs: number;
  readonly maxPauseMs: number;
  /**
   * Bytes a scavenge found alive, on average: kept in the young generation, and moved to the old
   * one (promoted). A scavenge copies what is alive and skips the rest, so this, not the bytes
   * allocated, sets how long each pause is; and what is promoted but dies soon after fills the old
   * generation for a mark-compact to clear. Like allocation, it hardly moves with the machine's load.
   */
  readonly survivedPerScavenge: number;
  readonly promotedPerScavenge: number;
}

/**
 * Runs `work(i)` for `count` calls, `inFlight` at a time (as the benchmarks' closed loops do), and
 * answers what it allocated per call. A first run of `warmup` calls is not counted: it compiles the
 * code and fills the caches a steady state has.
 */
export async function allocationPerCall(
  count: number,
  inFlight: number,
  work: (i: number) => Promise<unknown> | unknown,
  warmup = Math.min(2_000, count),
): Promise<Allocation> {
  const run = async (from: number, calls: number) => {
    let next = 0;
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < calls; i = next++) await work(from + i);
      }),
    );
  };
  await run(count, warmup);
  const profiler = new v8.GCProfiler();
  const start = v8.getHeapStatistics().used_heap_size;
  profiler.start();
  await run(0, count);
  const end = v8.getHeapStatistics().used_heap_size;
  const { statistics } = profiler.stop();
  let freed = 0;
  let scavenges = 0;
  let markCompacts = 0;
  let maxPause = 0;
  let scavengeMs = 0;
  let survived = 0;
  let promoted = 0;
  const spaceUsed = (heap: readonly v8.HeapSpaceStatistics[], name: string) =>
    heap.find((space) => space.spaceName === name)?.spaceUsedSize ?? 0;
  for (const gc of statistics) {
    freed += gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize;
    if (gc.gcType === 'Scavenge' || gc.gcType === 'MinorMarkSweep') {
      scavenges++;
      scavengeMs += gc.cost / 1000;
      const before = gc.beforeGC.heapSpaceStatistics;
      const after = gc.afterGC.heapSpaceStatistics;
      survived += spaceUsed(after, 'new_space');
      promoted += Math.max(0, spaceUsed(after, 'old_space') - spaceUsed(before, 'old_space'));
    } else if (gc.gcType === 'MarkSweepCompact') markCompacts++;
    maxPause = Math.max(maxPause, gc.cost / 1000);
  }
  return {
    bytesPerCall: (freed + end - start) / count,
    scavengesPer20k: (scavenges * 20_000) / count,
    markCompactsPer20k: (markCompacts * 20_000) / count,
    meanScavengeMs: scavenges === 0 ? 0 : scavengeMs / scavenges,
    maxPauseMs: maxPause,
    survivedPerScavenge: scavenges === 0 ? 0 : survived / scavenges,
    promotedPerScavenge: scavenges === 0 ? 0 : promoted / scavenges,
  };
}

/** One line: bytes per call and the collections per 20,000 calls. */
export function describeAllocation(allocation: Allocation): string {
  return `${Math.round(allocation.bytesPerCall).toLocaleString('en-US')} bytes allocated per check, ${allocation.scavengesPer20k.toFixed(0)} scavenges (${allocation.meanScavengeMs.toFixed(1)} ms each on average) and ${allocation.markCompactsPer20k.toFixed(0)} mark-compacts per 20,000 checks (longest pause ${allocation.maxPauseMs.toFixed(1)} ms), each scavenge finding ${kilobytes(allocation.survivedPerScavenge)} alive in the young generation and promoting ${kilobytes(allocation.promotedPerScavenge)}, semi-space ${semiSpace()}`;
}

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1000).toLocaleString('en-US')} KB`;
}

/** The young generation's semi-space as this process runs with it (`--max-semi-space-size`). */
export function semiSpace(): string {
  const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
  const flag = process.execArgv.find((arg) => arg.startsWith('--max-semi-space-size'));
  const sizeMb = newSpace ? newSpace.space_size / 2 ** 20 : Number.NaN;
  return `${flag ?? 'default'} (new space now ${sizeMb.toFixed(0)} MiB)`;
}
