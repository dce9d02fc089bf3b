/**
 * Where the slow checks at 16 in flight come from, with the PostgreSQL directory, and how settings
 * of the candidate look-ups' grouping compare: configurations alternated in rounds in one process
 * against one cluster, so a machine shared with other load weighs on each alike. Per check it
 * records the time before its look-up was asked (the guard and the address's variants), the wait
 * for a statement to carry it, the statement (sent to answered, the pool's queue included), and the
 * time after (Node matching of every look-up answered together, then the verdict); per round the
 * time in the pool's queue, event-loop delay (perf_hooks.monitorEventLoopDelay), garbage
 * collection pauses (PerformanceObserver 'gc'), Node and server CPU and round trips per check.
 * Percentiles are taken over every round's checks of a configuration together (the sample size
 * is printed): 4,000 checks have only 40 above their p99.
 *
 * With `OPEN_RATE=2000` the checks arrive on a schedule instead (an open loop, as in the main
 * benchmark: check i is due i / rate s after the round's start, and its time counts from then), so
 * the part before its look-up includes the wait for the timer tick that sends it. A tail while the
 * cores are mostly idle is stalls, not queueing, so each slow check is also set against the
 * garbage-collection pauses and the event loop's stalls (a 1 ms timer that came more than
 * `STALL_MS`, default 3, late: the loop was busy, or the process was not running) that overlapped
 * it, and against the statements that carried it: the slowest 1 % are split into the parts above
 * and these overlaps.
 *
 * Run alone: `npx tsx bench/postgres-tail.ts [customers] [checks per round] [rounds]`
 * (default 100000, 4000, 4); `CONFIGS='2x64 1x64 2x8a'` (statements x lookups per statement,
 * then `p4` for a pool of 4, `a` for near domains read apart, in statements of their own, `s` for
 * the entered local part looked up at the near domains read in a second statement, as before it
 * went in the first, `t` for the text[] columns read by node-postgres's own parser) picks the
 * configurations.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import pg from 'pg';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { startPostgresCluster } from '../scripts/start-postgres-cluster.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createTunedPostgresDirectory } from '../src/postgres/create-postgres-directory.js';
import { migrate } from '../src/postgres/migrate.js';
import { scheduled, serverCpu, serverCpuBetween, settle, workload } from './postgres.bench.js';

const n = Number(process.argv[2] ?? 100_000);
const checks = Number(process.argv[3] ?? 4000);
const rounds = Number(process.argv[4] ?? 4);
const inFlight = Number(process.env.IN_FLIGHT ?? 16);
const configNames = (process.env.CONFIGS ?? '2x64a 2x64 1x64 2x16').split(/\s+/).filter(Boolean);
const openRate = process.env.OPEN_RATE === undefined ? undefined : Number(process.env.OPEN_RATE);
const stallMs = Number(process.env.STALL_MS ?? 3);

/** One check's times (ms): the whole, and its parts when it went through the grouped look-up. */
interface CheckRecord {
  began: number;
  ended: number;
  asked: number;
  sent: number;
  answered: number;
  /** Grouped look-ups the check made (two when the entered domain has near domains). */
  lookups: number;
  /** Look-ups in the statement that carried its (last) look-up. */
  batch: number;
  /** It read the entered domain's near domains (not cached). */
  near: boolean;
  /** Time (ms) of its whole within garbage-collection pauses, and within event-loop stalls. */
  gc: number;
  stalled: number;
}

/** The kind of a 'gc' performance entry (perf_hooks.constants.NODE_PERFORMANCE_GC_*). */
function gcKindName(kind: number | undefined): string {
  if (kind === constants.NODE_PERFORMANCE_GC_MINOR) return 'scavenge';
  if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) return 'mark-compact';
  if (kind === constants.NODE_PERFORMANCE_GC_INCREMENTAL) return 'incremental marking';
  if (kind === constants.NODE_PERFORMANCE_GC_WEAKCB) return 'weak callbacks';
  return `kind ${kind}`;
}

/** A span of time, `performance.now()` at both ends. */
type Span = readonly [from: number, to: number];

/** How long `[from, to]` overlaps the spans (which do not overlap each other). */
function overlap(from: number, to: number, spans: readonly Span[]): number {
  let within = 0;
  for (const [start, end] of spans) {
    if (end > from && start < to) within += Math.min(end, to) - Math.max(start, from);
  }
  return within;
}

const quantile = (sorted: Float64Array, q: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number);
const mean = (values: number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
const f = (value: number, digits = 2) => value.toFixed(digits);

const cluster = startPostgresCluster({
  settings: { shared_buffers: '256MB', maintenance_work_mem: '256MB' },
});
const pools: pg.Pool[] = [];
const current = new AsyncLocalStorage<CheckRecord>();
try {
  const pool = (max: number) => {
    const made = new pg.Pool({
      host: cluster.socketFolder,
      user: cluster.user,
      database: 'postgres',
      max,
      idleTimeoutMillis: 0,
    });
    pools.push(made);
    return made;
  };
  const loader = pool(2);
  await migrate(loader);
  await createTunedPostgresDirectory({ pool: loader }, {}).upsert(syntheticCustomers(n, 1));
  await settle(loader);
  const { rows } = await loader.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const backend = readFileSync(`/proc/${rows[0]?.pid}/stat`, 'utf8');
  const postmaster = Number(backend.slice(backend.lastIndexOf(')') + 2).split(' ')[1]);

  // Every query through one counter: round trips, time in the pool's queue and in the statement.
  let roundTrips = 0;
  let queued: number[] = [];
  const counted = (target: pg.Pool) =>
    new Proxy(target, {
      get(object, property) {
        if (property === 'query') {
          return async (config: pg.QueryConfig) => {
            roundTrips++;
            const asked = performance.now();
            const client = await object.connect();
            queued.push(performance.now() - asked);
            try {
              return await client.query(config);
            } finally {
              client.release();
            }
          };
        }
        const value = Reflect.get(object, property);
        return typeof value === 'function' ? value.bind(object) : value;
      },
    });

  const observe = (readsDomains: boolean) => {
    const record = current.getStore();
    if (!record) return undefined;
    if (readsDomains) record.near = true;
    record.asked = performance.now();
    record.lookups++;
    return (sent: number, answered: number, lookups: number) => {
      record.sent = sent;
      record.answered = answered;
      record.batch = lookups;
    };
  };
  const configs = configNames.map((name) => {
    const [, statements, lookups, poolMax, apart, second, ownArrays] =
      /^(\d+)x(\d+)(?:p(\d+))?(a)?(s)?(t)?$/.exec(name) ?? [];
    const directory = createTunedPostgresDirectory(
      { pool: counted(pool(Number(poolMax ?? 16))) },
      {
        statements: Number(statements),
        lookups: Number(lookups),
        domainsApart: apart === 'a',
        nearKeysApart: second === 's',
        textArrays: ownArrays === 't' ? 'default' : 'one-pass',
        observe,
      },
    );
    return {
      name,
      guard: createGuard({ directory }),
      records: [] as CheckRecord[],
      rates: [] as number[],
      queued: [] as number[],
      node: 0,
      server: 0,
      trips: 0,
      gcMs: 0,
      gcMax: 0,
      gcs: 0,
      /** Pauses and their milliseconds by kind (scavenge, mark-compact, ...). */
      gcKinds: new Map<string, { count: number; ms: number; max: number }>(),
      delayP99: [] as number[],
      delayMax: 0,
      stalls: 0,
      stalledMs: 0,
    };
  });
  const entries = workload(checks * configs.length * (rounds + 1), n).map(({ entered, customer }) => ({
    entered,
    customer,
  }));

  // Each run checks entries of its own: one repeating the last one's would find every page it
  // reads already in shared buffers.
  let offset = 0;
  /** One check, its times recorded from `began` (when it was due, in the open loop). */
  async function checkOne(config: (typeof configs)[number], i: number, began: number, kept: CheckRecord[]) {
    const record: CheckRecord = {
      began,
      ended: 0,
      asked: 0,
      sent: 0,
      answered: 0,
      lookups: 0,
      batch: 0,
      near: false,
      gc: 0,
      stalled: 0,
    };
    await current.run(record, () => config.guard.check(entries[i % entries.length] as (typeof entries)[0]));
    record.ended = performance.now();
    kept.push(record);
  }

  /** Runs `count` checks, closed (`inFlight` at a time) or open (`openRate` due per second); checks per second. */
  async function run(config: (typeof configs)[number], count: number, kept: CheckRecord[]): Promise<number> {
    const first = offset;
    offset += count;
    if (openRate !== undefined) {
      return (await scheduled(count, openRate, (i, due) => checkOne(config, first + i, due, kept))).perSecond;
    }
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        for (let i = next++; i < count; i = next++)
          await checkOne(config, first + i, performance.now(), kept);
      }),
    );
    return count / ((performance.now() - start) / 1000);
  }

  // Warm each: plans prepared, each directory's near domains read once.
  for (const config of configs) await run(config, checks, []);
  for (let round = 0; round < rounds; round++) {
    for (const config of configs) {
      let gcMs = 0;
      let gcMax = 0;
      let gcs = 0;
      const pauses: Span[] = [];
      const gc = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          gcMs += entry.duration;
          gcMax = Math.max(gcMax, entry.duration);
          gcs++;
          const kind = gcKindName((entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind);
          const byKind = config.gcKinds.get(kind) ?? { count: 0, ms: 0, max: 0 };
          byKind.count++;
          byKind.ms += entry.duration;
          byKind.max = Math.max(byKind.max, entry.duration);
          config.gcKinds.set(kind, byKind);
          pauses.push([entry.startTime, entry.startTime + entry.duration]);
        }
      });
      const stalls: Span[] = [];
      let tick = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        if (now - tick > stallMs) stalls.push([tick, now]);
        tick = now;
      }, 1);
      gc.observe({ entryTypes: ['gc'] });
      const delay = monitorEventLoopDelay({ resolution: 1 });
      delay.enable();
      roundTrips = 0;
      queued = [];
      const server = serverCpu(postmaster) ?? new Map<number, number>();
      const node = process.cpuUsage();
      const records: CheckRecord[] = [];
      config.rates.push(await run(config, checks, records));
      const used = process.cpuUsage(node);
      clearInterval(ticker);
      config.server += serverCpuBetween(server, serverCpu(postmaster) ?? server) * 1e6;
      delay.disable();
      await new Promise((resolve) => setTimeout(resolve, 10));
      gc.disconnect();
      for (const record of records) {
        record.gc = overlap(record.began, record.ended, pauses);
        record.stalled = overlap(record.began, record.ended, stalls);
      }
      config.records.push(...records);
      config.stalls += stalls.length;
      config.stalledMs += stalls.reduce((sum, [from, to]) => sum + to - from, 0);
      config.node += used.user + used.system;
      config.trips += roundTrips;
      config.queued.push(...queued);
      config.gcMs += gcMs;
      config.gcMax = Math.max(config.gcMax, gcMax);
      config.gcs += gcs;
      config.delayP99.push(delay.percentile(99) / 1e6);
      config.delayMax = Math.max(config.delayMax, delay.max / 1e6);
    }
  }

  console.log(
    `${n} customers, ${checks} checks x ${rounds} rounds per configuration (alternated), ${openRate === undefined ? `${inFlight} in flight` : `open loop, ${openRate}/s due`}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log(
    'configuration: statements under way x look-ups per statement at most (p: pool size, else 16; a: near domains read apart; s: near keys in a second statement; t: text[] read by node-postgres)',
  );
  for (const config of configs) {
    const total = config.records.length;
    const records = config.records;
    const latency = Float64Array.from(records, (r) => r.ended - r.began).sort();
    const p99 = quantile(latency, 0.99);
    // Checks whose only statement was a grouped look-up: the parts add up to the whole.
    const grouped = records.filter((r) => r.lookups === 1);
    const parts = (list: CheckRecord[]) =>
      `before ${f(mean(list.map((r) => r.asked - r.began)))} | wait ${f(mean(list.map((r) => r.sent - r.asked)))} | statement ${f(mean(list.map((r) => r.answered - r.sent)))} | after ${f(mean(list.map((r) => r.ended - r.answered)))}`;
    const tail = records.filter((r) => r.ended - r.began >= p99);
    const share = (list: CheckRecord[], test: (r: CheckRecord) => boolean) =>
      `${f((100 * list.filter(test).length) / Math.max(1, list.length), 1)} %`;
    const queuedSorted = Float64Array.from(config.queued).sort();
    const rates = [...config.rates].sort((a, b) => a - b);
    console.log(`\n${config.name}  (${total} samples)`);
    console.log(
      `  checks/s ${rates.map((r) => Math.round(r)).join(' ')}; latency ms p50 ${f(quantile(latency, 0.5))} p90 ${f(quantile(latency, 0.9))} p99 ${f(p99)} p99.9 ${f(quantile(latency, 0.999))} max ${f(latency[latency.length - 1] ?? 0)}`,
    );
    console.log(
      `  per check: Node ${Math.round(config.node / total)} µs, server ${Math.round(config.server / total)} µs, round trips ${f(config.trips / total, 3)}, look-ups per statement ${f(mean(grouped.map((r) => r.batch)), 1)} (mean over checks)`,
    );
    console.log(`  all checks, mean ms: ${parts(grouped)}`);
    console.log(`  slowest 1 % of those, mean ms: ${parts(tail.filter((r) => r.lookups === 1))}`);
    const twice = (r: CheckRecord) => r.lookups >= 2;
    console.log(
      `  slowest 1 % (>= p99): ${share(tail, (r) => r.near)} read near domains (all checks: ${share(records, (r) => r.near)}), ${share(tail, twice)} made two round trips (all: ${share(records, twice)})`,
    );
    const roundsRun = config.rates.length;
    const partsOf = (r: CheckRecord) => [
      r.asked - r.began,
      r.sent - r.asked,
      r.answered - r.sent,
      r.ended - r.answered,
    ];
    const largest = [0, 0, 0, 0];
    const groupedTail = tail.filter((r) => r.lookups === 1);
    for (const record of groupedTail) {
      const times = partsOf(record);
      const most = times.indexOf(Math.max(...times));
      largest[most] = (largest[most] as number) + 1;
    }
    const percentOf = (count: number) => `${f((100 * count) / Math.max(1, groupedTail.length), 0)} %`;
    console.log(
      `  slowest 1 %, the largest part of each: before ${percentOf(largest[0] as number)}, wait ${percentOf(largest[1] as number)}, statement ${percentOf(largest[2] as number)}, after ${percentOf(largest[3] as number)}`,
    );
    console.log(
      `  slowest 1 %, mean ms within: gc pauses ${f(mean(tail.map((r) => r.gc)))} (${share(tail, (r) => r.gc >= 1)} overlap one of >= 1 ms; all checks ${f(mean(records.map((r) => r.gc)))}), event-loop stalls > ${stallMs} ms ${f(mean(tail.map((r) => r.stalled)))} (${share(tail, (r) => r.stalled >= 1)} overlap one; all checks ${f(mean(records.map((r) => r.stalled)))}); stalls ${Math.round(config.stalls / roundsRun)} a round, ${f(config.stalledMs / roundsRun, 0)} ms of each round's loop`,
    );
    console.log(
      `  pool queue ms p50 ${f(quantile(queuedSorted, 0.5), 3)} p99 ${f(quantile(queuedSorted, 0.99), 3)} max ${f(queuedSorted[queuedSorted.length - 1] ?? 0)}; event-loop delay p99 ${config.delayP99.map((d) => f(d)).join(' ')} ms, max ${f(config.delayMax)} ms; gc ${f((config.gcMs * 1000) / total, 1)} µs per check, ${config.gcs} pauses, longest ${f(config.gcMax)} ms (${[
        ...config.gcKinds,
      ]
        .map(([kind, { count, ms, max }]) => `${kind} ${count}, ${f(ms, 0)} ms, longest ${f(max)} ms`)
        .join('; ')}); heap used ${f(process.memoryUsage().heapUsed / 2 ** 20, 0)} MB`,
    );
  }
} finally {
  for (const made of pools) await made.end();
  cluster.stop();
}
