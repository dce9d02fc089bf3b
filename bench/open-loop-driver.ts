/**
 * The load of an open loop, in a process of its own (started by `scheduledInAnotherProcess` in
 * bench/open-loop.ts): check i is due `i / rate` s after the start and is asked for then, however
 * many are still under way, and its latency is counted here from when it was due to when its answer
 * came back (Gil Tene, "How NOT to Measure Latency", Strange Loop 2015: a loop that waits for an
 * answer before asking the next hides the stalls a p99 is for). Only the schedule runs here, so
 * this process's own timer is late by little; how late it was is measured and sent back too, so a
 * tail can be told from the load's own lag.
 *
 * Messages: in `{ count, rate }`, then each answered index; out, the indices due (those of one
 * timer tick together), then `{ timing, lateness }` once every answer came.
 */
import { summary, type Timing } from './measure.js';

/** What the driver sends back at the end. */
export interface DriverReport {
  readonly timing: Timing;
  /** How late (ms) this process sent each check after it was due: its own timer and event loop. */
  readonly lateness: { readonly p50: number; readonly p99: number; readonly max: number };
}

function drive(count: number, rate: number): void {
  const send = (message: unknown) => (process.send as (message: unknown) => boolean)(message);
  const samples = new Float64Array(count);
  const lateness = new Float64Array(count);
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / rate;
  let answered = 0;
  process.on('message', (i: number) => {
    samples[i] = performance.now() - dueAt(i);
    if (++answered < count) return;
    const seconds = (performance.now() - start) / 1000;
    const late = summary(lateness, seconds);
    const report: DriverReport = {
      timing: summary(samples, seconds),
      lateness: { p50: late.p50, p99: late.p99, max: lateness[count - 1] as number },
    };
    send(report);
    process.disconnect();
  });
  let next = 0;
  const tick = () => {
    const now = performance.now();
    const due: number[] = [];
    for (; next < count && dueAt(next) <= now; next++) {
      lateness[next] = now - dueAt(next);
      due.push(next);
    }
    if (due.length > 0) send(due);
    if (next < count) setTimeout(tick, Math.max(0, dueAt(next) - performance.now()));
  };
  tick();
}

process.once('message', (start: { count: number; rate: number }) => drive(start.count, start.rate));
