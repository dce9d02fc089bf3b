/**
 * `npm run bench`: speed and memory of email-guard on this machine, compared with the baseline in
 * bench/baseline.json (the figures of the commit named there, measured the same way). Inputs are
 * fixed or seeded, so runs differ only by the machine's own noise; run on an idle machine.
 *
 * Sections: the recipient check on a realistic mix, as a ratio to mailcheck and
 * @zootools/email-spell-checker in the same run; the mail pipeline's cost per message; the customer
 * directory at 100,000 and 1,000,000 customers; the PostgreSQL directory at 1,000,000 customers
 * (on a throwaway local cluster, skipped with the reason where PostgreSQL is not installed); the
 * `email-guard` command's `customers check` and `audit` on files at 100,000 and 1,000,000 customers.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { benchCli } from './cli.bench.js';
import { benchDirectory } from './directory.bench.js';
import { benchPipeline } from './pipeline.bench.js';
import { benchPostgres } from './postgres.bench.js';
import { printRecipientBench, type RecipientBaseline } from './recipient.bench.js';

interface Baseline {
  readonly commit: string;
  readonly machine: string;
  readonly recipient: RecipientBaseline;
}

const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Baseline;
console.log(
  `email-guard benchmark: Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
);
console.log(`Baseline: bench/baseline.json, commit ${baseline.commit} on ${baseline.machine}\n`);

printRecipientBench(baseline.recipient);
console.log();
await benchPipeline();
console.log();
await benchDirectory({ customers: [100_000, 1_000_000] });
console.log();
await benchPostgres({ customers: 1_000_000 });
console.log();
await benchCli([100_000, 1_000_000]);
