/**
 * HTTP benchmark of `email-guard serve`: requests per second and latency (p50, p99) of
 * `POST /v1/check` over real connections, measured with autocannon at 16 and 64 connections,
 * against an in-memory directory of seeded synthetic customers (eval/cases/synthetic-people.ts),
 * so runs repeat. The requests name a customer by id, as an order system does: a third are the
 * customer's own address, a third a one-slip typo of it, a third an address of another customer.
 *
 * The load generator runs in the same process as the server, as a client on the same machine
 * would share it: the figures are what one Node process serves with the other core busy sending.
 *
 * Run alone: `npx tsx bench/serve.bench.ts [customers]` (default 1000000).
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import autocannon from 'autocannon';
import { syntheticCustomers } from '../eval/cases/synthetic-people.js';
import { createDirectory } from '../src/contacts/create-directory.js';
import { createGuard } from '../src/guard/create-guard.js';
import { createServer } from '../src/serve/create-server.js';
import { formatRate } from './measure.js';

/** Options of {@link benchServe}. */
export interface BenchServeOptions {
  /** Customers in the directory. @default 1000000 */
  readonly customers?: number;
  /** Connections to measure at, one run each. @default [16, 64] */
  readonly connections?: readonly number[];
  /** Seconds per run. @default 10 */
  readonly seconds?: number;
}

/** What {@link benchServe} measured: one row per number of connections, and one check in process. */
export interface ServeResult {
  readonly rows: readonly ServeRow[];
  /** `createGuard({ directory }).check` on the same requests in this process, without HTTP, in µs. */
  readonly inProcess: { readonly p50: number; readonly p99: number; readonly perSecond: number };
}

/** One run's figures. */
export interface ServeRow {
  readonly connections: number;
  readonly requestsPerSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
  readonly non2xx: number;
}

const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstuv';

/** A one-character slip in the local part: a deleted character, the way most typos are. */
function slip(address: string, at: number): string {
  const local = address.slice(0, address.indexOf('@'));
  const index = 1 + (at % Math.max(1, local.length - 1));
  return address.slice(0, index) + address.slice(index + 1);
}

/** The time of each of `operations` awaited calls of `work(i)`: p50 and p99 in µs, and calls per second. */
async function timeEach(
  work: (i: number) => Promise<unknown>,
  operations: number,
): Promise<ServeResult['inProcess']> {
  const samples = new Float64Array(operations);
  const started = process.hrtime.bigint();
  for (let i = 0; i < operations; i++) {
    const start = process.hrtime.bigint();
    await work(i);
    samples[i] = Number(process.hrtime.bigint() - start) / 1e3;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  samples.sort();
  const at = (q: number) => samples[Math.min(operations - 1, Math.floor(q * operations))] as number;
  return { p50: at(0.5), p99: at(0.99), perSecond: operations / seconds };
}

/**
 * Measures `POST /v1/check` at each number of connections, and the same checks in process without
 * HTTP (what the service adds is the difference); prints a table and returns the figures.
 */
export async function benchServe(options: BenchServeOptions = {}): Promise<ServeResult> {
  const customers = options.customers ?? 1_000_000;
  const seconds = options.seconds ?? 10;
  const started = performance.now();
  const directory = createDirectory(syntheticCustomers(customers, 1));
  const buildSeconds = (performance.now() - started) / 1000;

  const sample = [...syntheticCustomers(Math.min(customers, 3_000), 1)];
  const checks = sample.map((customer, i) => {
    const own = customer.emails[0] ?? 'nobody@example.se';
    const other = sample[(i + 7) % sample.length]?.emails[0] ?? own;
    const entered = i % 3 === 0 ? own : i % 3 === 1 ? slip(own, i) : other;
    return { entered, customerId: customer.id };
  });
  const requests = checks.map(({ entered, customerId }) => {
    return {
      method: 'POST' as const,
      path: '/v1/check',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ entered, customerId }),
    };
  });

  // The same checks in process first, on an idle process: one check's own cost.
  const guard = createGuard({ directory });
  const check = (i: number) => guard.check(checks[i % checks.length] as (typeof checks)[number]);
  await timeEach(check, 1_000);
  const inProcess = await timeEach(check, 5_000);

  const app = createServer({ directory, token: TOKEN });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const rows: ServeRow[] = [];
  try {
    // Warm up the JIT and the directory's caches before the first measured run.
    await autocannon({ url: `http://127.0.0.1:${port}`, connections: 8, duration: 2, requests });
    for (const connections of options.connections ?? [16, 64]) {
      const result = await autocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        duration: seconds,
        requests,
      });
      rows.push({
        connections,
        requestsPerSecond: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.errors,
        non2xx: result.non2xx,
      });
    }
  } finally {
    await app.close();
  }

  console.log(
    `HTTP service: POST /v1/check over ${customers.toLocaleString('en')} customers in memory (directory built in ${buildSeconds.toFixed(1)} s), ${seconds} s per run, Node ${process.version}, ${os.cpus().length} cores`,
  );
  console.log('connections  requests/s   p50 ms   p99 ms  errors  non-2xx');
  for (const row of rows)
    console.log(
      `${String(row.connections).padStart(11)}  ${formatRate(row.requestsPerSecond).padStart(10)}  ${String(row.p50).padStart(7)}  ${String(row.p99).padStart(7)}  ${String(row.errors).padStart(6)}  ${String(row.non2xx).padStart(7)}`,
    );
  console.log(
    `in process (createGuard().check, no HTTP, one at a time): ${formatRate(inProcess.perSecond)} checks/s, p50 ${(inProcess.p50 / 1000).toFixed(2)} ms, p99 ${(inProcess.p99 / 1000).toFixed(2)} ms`,
  );
  return { rows, inProcess };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const customers = Number(process.argv[2] ?? 1_000_000);
  await benchServe({ customers });
}
