/** Small timing helpers shared by the benchmarks: warm up, then time a fixed amount of work. */

export interface Throughput {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** Runs `work(i)` for `warmup` then `operations` iterations and reports operations per second. */
export function throughput(
  work: (i: number) => void,
  options: { operations: number; warmup?: number },
): Throughput {
  const warmup = options.warmup ?? Math.min(options.operations, 20_000);
  for (let i = 0; i < warmup; i++) work(i);
  const start = process.hrtime.bigint();
  for (let i = 0; i < options.operations; i++) work(i);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { operations: options.operations, seconds, perSecond: options.operations / seconds };
}

/** Latency percentiles (in microseconds) of `work(i)` timed one call at a time. */
export function latencies(
  work: (i: number) => void,
  options: { operations: number },
): { p50: number; p99: number } {
  const samples = new Float64Array(options.operations);
  for (let i = 0; i < options.operations; i++) {
    const start = process.hrtime.bigint();
    work(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e3;
  }
  samples.sort();
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] as number;
  return { p50: at(0.5), p99: at(0.99) };
}

/** Latency percentiles (ms) of a run and the rate it achieved. */
export interface Timing {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly p999: number;
}

/** Percentiles of `samples` (sorted here, in place), and the rate of all of them in `seconds`. */
export function summary(samples: Float64Array, seconds: number): Timing {
  samples.sort();
  const count = samples.length;
  const at = (q: number) => samples[Math.min(count - 1, Math.floor(q * count))] as number;
  return { perSecond: count / seconds, p50: at(0.5), p99: at(0.99), p999: at(0.999) };
}

export function formatRate(perSecond: number): string {
  return Math.round(perSecond).toLocaleString('en-US');
}
