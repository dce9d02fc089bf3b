/**
 * The `email-guard` command's throughput on files: `customers check` (rows per second, the whole
 * command: streaming the export, building the directory, checking every address) and `audit`
 * (messages per second of an mbox against a customer base, the time to read the base taken off by
 * a run over a one-message mbox). Seeded synthetic customers (eval/cases/synthetic-people.ts);
 * 5 % of the messages are misdirected. Runs the command in this process with its output dropped.
 *
 * Run alone: `npx tsx bench/cli.bench.ts [customers...]` (default 100000 1000000).
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { seededRandom, syntheticCustomers } from '../eval/cases/synthetic-people.js';
import type { CommandContext } from '../src/cli/program-context.js';
import { runCli } from '../src/cli/run-cli.js';
import { formatRate } from './measure.js';

const quiet: CommandContext = {
  out: () => {},
  warn: () => {},
  setExitCode: () => {},
  progress: () => ({ start() {}, update() {}, stop() {} }),
  interactive: false,
  confirm: async () => false,
  reportProblems: () => {},
};

async function write(file: string, lines: Iterable<string> | AsyncIterable<string>): Promise<void> {
  const stream = createWriteStream(file);
  for await (const line of lines)
    if (!stream.write(line)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  await new Promise<void>((resolve, reject) =>
    stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

function* customerRows(count: number): Generator<string> {
  yield 'id;name;email;phone\n';
  for (const customer of syntheticCustomers(count, 1))
    yield `${customer.id};${customer.name};${customer.emails.join(',')};${customer.phones[0] ?? ''}\n`;
}

/** An mbox of `count` order confirmations to sampled customers, 5 % with one character dropped. */
async function* mboxMessages(count: number, customers: number): AsyncGenerator<string> {
  const template = (
    await new MailComposer({
      from: 'Butiken AB <order@butiken.se>',
      to: 'recipient@placeholder.invalid',
      subject: 'Orderbekräftelse',
      messageId: '<MESSAGEID>',
      headers: { 'X-Customer-Id': 'CUSTOMERID' },
      text: `Hej!\n\nTack för din beställning.\n${'Artikel 1 st 199 kr\n'.repeat(40)}`,
    })
      .compile()
      .build()
  )
    .toString('latin1')
    .replace(/\r\n/g, '\n');
  const sample = [...syntheticCustomers(Math.min(customers, 20_000), 1)];
  const random = seededRandom(99);
  for (let i = 0; i < count; i++) {
    const customer = sample[Math.floor(random() * sample.length)] as (typeof sample)[number];
    let to = customer.emails[0] ?? 'x@example.se';
    if (random() < 0.05) {
      const at = to.indexOf('@');
      const cut = 1 + Math.floor(random() * (at - 1));
      to = to.slice(0, cut) + to.slice(cut + 1);
    }
    yield `From order@butiken.se Mon Jan  1 00:00:00 2024\n${template
      .replace('recipient@placeholder.invalid', to)
      .replace('MESSAGEID', `order-${i}@butiken.se`)
      .replace('CUSTOMERID', customer.id)}\n`;
  }
}

async function timed(args: string[]): Promise<{ seconds: number; cpu: number; exitCode: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const exitCode = await runCli(args, quiet);
  const used = process.cpuUsage(cpu);
  return { seconds: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6, exitCode };
}

/**
 * Messages audited per size: the scan's CPU time is the audit's minus the base read's, so the scan
 * must outweigh the base read's own variation (a few seconds of garbage collection at 1,000,000
 * customers); a fifth of the customer count, at least 50,000.
 */
function messagesFor(size: number): number {
  return Math.max(50_000, Math.round(size / 5));
}

export async function benchCli(sizes: readonly number[]): Promise<void> {
  const folder = mkdtempSync(join(os.tmpdir(), 'email-guard-bench-cli-'));
  try {
    console.log('email-guard command: customers check and audit on files (in process, output dropped)');
    console.log(
      '| customers | customers check (wall / CPU) | rows/s (CPU) | audit: base read (wall / CPU) | audit: messages (CPU) | messages/s (CPU) | RSS at the end | peak RSS |',
    );
    console.log(
      '| --------: | ---------------------------: | -----: | ---------------: | --------------: | ---------: | -------: | -------: |',
    );
    for (const size of sizes) {
      const messages = messagesFor(size);
      const customers = join(folder, `customers-${size}.csv`);
      await write(customers, customerRows(size));
      const check = await timed(['customers', 'check', customers, '--out', join(folder, 'report.json')]);
      const one = join(folder, 'one.mbox');
      const many = join(folder, 'sent.mbox');
      await write(one, mboxMessages(1, size));
      await write(many, mboxMessages(messages, size));
      const base = await timed(['audit', one, '--customers', customers, '--out', join(folder, 'audit.json')]);
      const audit = await timed([
        'audit',
        many,
        '--customers',
        customers,
        '--out',
        join(folder, 'audit.json'),
      ]);
      // CPU time, not wall time: on a shared machine the wall clock also counts other processes' turns.
      const scan = Math.max(0.001, audit.cpu - base.cpu);
      console.log(
        `| ${size.toLocaleString('en-US')} | ${check.seconds.toFixed(1)} s / ${check.cpu.toFixed(1)} s | ${formatRate(size / check.cpu)} | ${base.seconds.toFixed(1)} s / ${base.cpu.toFixed(1)} s | ${messages.toLocaleString('en-US')} in ${scan.toFixed(1)} s | ${formatRate(messages / scan)} | ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB | ${Math.round(process.resourceUsage().maxRSS / 1024)} MB |`,
      );
      rmSync(customers);
    }
    console.log(
      `\nGoal: audit at least 5,000 messages/s on one core against 1,000,000 customers. Node ${process.version}, load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores at the end.`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  await benchCli(sizes.length ? sizes : [100_000, 1_000_000]);
}
