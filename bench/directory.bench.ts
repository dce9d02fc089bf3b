/**
 * Directory benchmark: build time, memory per customer, and `checkRecipient` with a directory,
 * against the naive way (scan every known address with fast-levenshtein for anything within
 * distance 2). Seeded synthetic customers (eval/cases/synthetic-people.ts), so runs repeat.
 *
 * Run alone: `npx tsx bench/directory.bench.ts [customers...]` (default 100000 300000 1000000).
 * The build includes generating the synthetic customers (about 1.2 s of CPU per million).
 */
import os from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import levenshtein from 'fast-levenshtein';
import { seededRandom, syntheticCustomers, syntheticPerson } from '../eval/cases/synthetic-people.js';
import { createDirectory } from '../src/contacts/create-directory.js';
import type { CheckOptions } from '../src/guard/check-options.js';
import { checkRecipient } from '../src/guard/check-recipient.js';
import { formatRate, latencies, throughput } from './measure.js';

/** Options of {@link benchDirectory}. */
export interface BenchDirectoryOptions {
  /** Directory sizes to measure, smallest first. */
  readonly customers: readonly number[];
  /** Checks timed per size. @default 20000 */
  readonly checks?: number;
  /** Naive scans timed per size (each scans every address). @default 20 */
  readonly naiveScans?: number;
}

/** `global.gc`, switched on at run time when node was not started with --expose-gc. */
function collector(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Memory in use once garbage is gone. V8 frees the buffers of collected typed arrays on a
 * background thread, so `arrayBuffers` drops a moment after `gc()`: collect, wait, collect again.
 */
async function settledMemory(gc: () => void): Promise<NodeJS.MemoryUsage> {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 250));
  gc();
  return process.memoryUsage();
}

interface Row {
  customers: number;
  buildSeconds: number;
  buildCpuSeconds: number;
  bytesPerCustomer: number;
  indexBytesPerCustomer: number;
  checksPerSecond: number;
  p50: number;
  p99: number;
  lookupMicroseconds: number;
  naiveMilliseconds: number;
  ratio: number;
}

/** The entries a salesperson types: known addresses, slips of them, and new people's addresses. */
function workload(count: number, customers: number, seed: number) {
  const random = seededRandom(seed);
  // Re-derive a sample of directory members from the same seed as the build.
  const members = [...syntheticCustomers(Math.min(customers, 50_000), 1)];
  const entries: { entered: string; customer: { id: string; name: string } }[] = [];
  for (let i = 0; i < count; i++) {
    const member = members[Math.floor(random() * members.length)];
    const email = member?.emails[0] ?? 'x@example.se';
    const roll = random();
    if (roll < 0.4) {
      entries.push({ entered: email, customer: { id: `NEW-${i}`, name: member?.name ?? '' } });
    } else if (roll < 0.7) {
      const at = 1 + Math.floor(random() * (email.indexOf('@') - 1));
      const typo = email.slice(0, at) + email.slice(at + 1);
      entries.push({ entered: typo, customer: { id: `NEW-${i}`, name: member?.name ?? '' } });
    } else {
      const person = syntheticPerson(random, `NEW-${i}`);
      entries.push({ entered: person.email, customer: { id: person.id, name: person.name } });
    }
  }
  return entries;
}

async function measure(customers: number, checks: number, naiveScans: number): Promise<Row> {
  const gc = collector();
  const before = await settledMemory(gc);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const directory = createDirectory(syntheticCustomers(customers, 1));
  const buildSeconds = (performance.now() - started) / 1000;
  // CPU time too: on a shared machine the wall clock also counts other processes' turns.
  const cpu = process.cpuUsage(cpuStarted);
  const buildCpuSeconds = (cpu.user + cpu.system) / 1e6;
  const after = await settledMemory(gc);
  // Typed arrays live outside the V8 heap: count both heapUsed and arrayBuffers.
  const bytesPerCustomer =
    (after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers)) / customers;

  const entries = workload(checks, customers, 42);
  const options: CheckOptions = {};
  const check = (i: number) => {
    const entry = entries[i % entries.length] as (typeof entries)[number];
    checkRecipient({ entered: entry.entered, customer: entry.customer, directory }, options);
  };
  const run = throughput(check, { operations: entries.length, warmup: 15_000 });
  const { p50, p99 } = latencies(check, { operations: entries.length });
  const lookup = throughput(
    (i) => {
      const entry = entries[i % entries.length] as (typeof entries)[number];
      directory.findAddress({ entered: entry.entered, excludeCustomerId: entry.customer.id });
    },
    { operations: entries.length },
  );

  // The baseline: every address in one array, each query compared with all of them.
  const addresses: string[] = [];
  for (const customer of syntheticCustomers(customers, 1)) addresses.push(...customer.emails);
  const naiveStarted = performance.now();
  let found = 0;
  for (let q = 0; q < naiveScans; q++) {
    const entered = (entries[q] as (typeof entries)[number]).entered;
    for (const address of addresses) if (levenshtein.get(entered, address) <= 2) found++;
  }
  const naiveMilliseconds = (performance.now() - naiveStarted) / naiveScans;
  void found;

  const perCheck = 1000 / run.perSecond;
  return {
    customers,
    buildSeconds,
    buildCpuSeconds,
    bytesPerCustomer,
    indexBytesPerCustomer: directory.byteLength / customers,
    checksPerSecond: run.perSecond,
    p50,
    p99,
    lookupMicroseconds: 1e6 / lookup.perSecond,
    naiveMilliseconds,
    ratio: naiveMilliseconds / perCheck,
  };
}

/**
 * Prints the directory table for each size in `options.customers`: build time, bytes per
 * customer (V8 heap plus array buffers), checks per second with p50/p99 latency, the index lookup
 * alone, and the naive fast-levenshtein scan with how many times slower it is.
 */
export async function benchDirectory(options: BenchDirectoryOptions): Promise<void> {
  const checks = options.checks ?? 20_000;
  const naiveScans = options.naiveScans ?? 20;
  console.log('\n## Directory: checkRecipient with a directory vs. a naive fast-levenshtein scan\n');
  console.log(
    '| customers | build (wall / CPU) | bytes/customer (heap + buffers) | index bytes/customer | checks/s | p50 | p99 | index lookup | naive scan/query | naive ÷ check |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const customers of options.customers) {
    const row = await measure(customers, checks, naiveScans);
    console.log(
      `| ${row.customers.toLocaleString('en')} | ${row.buildSeconds.toFixed(1)} s / ${row.buildCpuSeconds.toFixed(1)} s | ${row.bytesPerCustomer.toFixed(0)} | ${row.indexBytesPerCustomer.toFixed(0)} | ${formatRate(row.checksPerSecond)} | ${row.p50.toFixed(1)} µs | ${row.p99.toFixed(1)} µs | ${row.lookupMicroseconds.toFixed(1)} µs | ${row.naiveMilliseconds.toFixed(0)} ms | ${Math.round(row.ratio).toLocaleString('en')}x |`,
    );
  }
  console.log(
    `\n${checks.toLocaleString('en')} checks per size (40 % known addresses, 30 % one-slip typos, 30 % new people); naive: ${naiveScans} full scans with fast-levenshtein get() <= 2. Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores at the end.`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Number.isFinite);
  await benchDirectory({ customers: sizes.length > 0 ? sizes : [100_000, 300_000, 1_000_000] });
}
