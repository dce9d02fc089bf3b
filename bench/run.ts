/**
 * `npm run bench`: speed and memory of email-guard on this machine, compared with the baseline in
 * bench/baseline.json (the figures of the commit named there, measured the same way). Inputs are
 * fixed or seeded, so runs differ only by the machine's own noise; run on an idle machine.
 *
 * Sections: the recipient check on a realistic mix, as a ratio to mailcheck and
 * @zootools/email-spell-checker in the same run; the mail pipeline's cost per message; the customer
 * directory at 100,000 and 1,000,000 customers; the PostgreSQL directory at 1,000,000 customers
 * (on a throwaway local cluster, skipped with the reason where PostgreSQL is not installed); the
 * `email-guard` command's `customers check` and `audit` on files at 100,000 and 1,000,000 customers;
 * `email-guard serve`'s `POST /v1/check` under autocannon at 16 and 64 connections over 1,000,000
 * customers, beside one check's time in process.
 *
 * `npm run bench -- --only recipient,directory` runs only the sections named (recipient, pipeline,
 * directory, postgres, cli, serve, verification); without `--only`, every section runs. `--cli-sizes 100000` sets
 * the customer counts of the cli section (100,000 and 1,000,000 without it).
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { benchCli } from './cli.bench.js';
import { benchDirectory } from './directory.bench.js';
import { benchPipeline } from './pipeline.bench.js';
import { benchPostgres, type PostgresBaseline } from './postgres.bench.js';
import { printRecipientBench, type RecipientBaseline } from './recipient.bench.js';
import { benchServe } from './serve.bench.js';
import { benchVerification } from './verification.bench.js';

interface Baseline {
  readonly commit: string;
  readonly machine: string;
  readonly recipient: RecipientBaseline;
  readonly postgres?: PostgresBaseline;
}

/** The sections in the order they run, each by the name `--only` takes. */
const SECTIONS = {
  recipient: () => {
    printRecipientBench(baseline.recipient);
  },
  pipeline: () => benchPipeline(),
  directory: () => benchDirectory({ customers: [100_000, 1_000_000] }),
  postgres: () =>
    benchPostgres({ customers: 1_000_000, ...(baseline.postgres ? { baseline: baseline.postgres } : {}) }),
  cli: () => benchCli(customerCounts),
  serve: () => benchServe({ customers: 1_000_000 }),
  verification: () => benchVerification({ batched: 20_000, oneAtATime: 1_000 }),
} satisfies Record<string, () => unknown>;
type Section = keyof typeof SECTIONS;

/** The sections `--only a,b` (or `--only=a,b`) names, every one without it; an unknown name stops the run. */
function selectedSections(args: readonly string[]): Section[] {
  const all = Object.keys(SECTIONS) as Section[];
  const at = args.findIndex((arg) => arg === '--only' || arg.startsWith('--only='));
  if (at === -1) return all;
  const arg = args[at] as string;
  const value = arg === '--only' ? args[at + 1] : arg.slice('--only='.length);
  const names = (value ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !Object.hasOwn(SECTIONS, name));
  if (names.length === 0 || unknown.length > 0) {
    console.error(
      `--only takes a comma-separated list of sections out of ${all.join(', ')}; got ${JSON.stringify(value ?? '')}`,
    );
    process.exit(2);
  }
  return all.filter((section) => names.includes(section));
}

/**
 * The customer counts `--cli-sizes 100000` (or `--cli-sizes=100000,1000000`) names for the cli
 * section, 100,000 and 1,000,000 without it; anything but whole numbers stops the run.
 */
function cliSizes(args: readonly string[]): number[] {
  const at = args.findIndex((arg) => arg === '--cli-sizes' || arg.startsWith('--cli-sizes='));
  if (at === -1) return [100_000, 1_000_000];
  const arg = args[at] as string;
  const value = arg === '--cli-sizes' ? args[at + 1] : arg.slice('--cli-sizes='.length);
  const sizes = (value ?? '').split(',').map((size) => Number(size.trim().replaceAll('_', '')));
  if (sizes.length === 0 || sizes.some((size) => !Number.isSafeInteger(size) || size < 1)) {
    console.error(
      `--cli-sizes takes a comma-separated list of customer counts; got ${JSON.stringify(value ?? '')}`,
    );
    process.exit(2);
  }
  return sizes;
}

const sections = selectedSections(process.argv.slice(2));
const customerCounts = cliSizes(process.argv.slice(2));
const baseline = JSON.parse(readFileSync(new URL('./baseline.json', import.meta.url), 'utf8')) as Baseline;
console.log(
  `email-guard benchmark: Node ${process.version}, ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? ''}`,
);
console.log(`Baseline: bench/baseline.json, commit ${baseline.commit} on ${baseline.machine}\n`);

for (const [index, section] of sections.entries()) {
  if (index > 0) console.log();
  await SECTIONS[section]();
}
