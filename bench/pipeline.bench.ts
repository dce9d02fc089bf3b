/**
 * The nodemailer plugin's cost per message, beside the same transport without it, in one run. The
 * baseline is nodemailer's streamTransport (builds the whole message, sends it nowhere), so the
 * ratio is what the guard adds to composing a message; a real SMTP send only adds to both.
 * Run alone: npx tsx bench/pipeline.bench.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import { createGuard } from '../src/guard/create-guard.js';
import type { AuditLog } from '../src/nodemailer/audit-log.js';
import { createFileHoldStore } from '../src/nodemailer/create-file-hold-store.js';
import { createJsonLinesAuditLog } from '../src/nodemailer/create-json-lines-audit-log.js';
import { nodemailerGuard } from '../src/nodemailer/nodemailer-guard.js';
import { formatRate } from './measure.js';

const MESSAGES_PER_ROUND = 400;
const ROUNDS = 7;

export interface PipelineBenchRow {
  readonly name: string;
  /** Messages in flight at once. */
  readonly concurrency: number;
  /** Elapsed time per message. */
  readonly wallMicroseconds: number;
  /** Processor time (user + system, every thread of the process) per message: what other load on the machine barely moves. */
  readonly cpuMicroseconds: number;
  /**
   * The plugin's own processor time per message: the median, over the rounds, of this
   * configuration's time less the baseline's in the same round (0 for the baseline). Paired by
   * round, so a change in the machine's load moves both sides of each difference alike.
   */
  readonly ownCpuMicroseconds: number;
  /** Processor time per message over the baseline's at the same concurrency. */
  readonly cpuRatio: number;
  /** Elapsed time per message over the baseline's at the same concurrency. */
  readonly wallRatio: number;
}

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

const customer = {
  id: 'C-1001',
  name: 'Anna Svensson',
  emails: ['anna.svensson1985@gmail.com', 'anna@svenssonbygg.se'],
  phones: ['070-123 45 67'],
  birthDate: '1985-04-12',
};

// A typical order confirmation: about 6 KB of HTML with its plain-text part, to a known address.
const rows = Array.from(
  { length: 40 },
  (_, i) => `<tr><td>Artikel ${i + 1}: cykelhjälm storlek M</td><td>${(i + 1) * 99} kr</td></tr>`,
).join('');
const message = (i: number): SendMailOptions => ({
  from: 'Butiken <order@butiken.se>',
  to: 'Anna Svensson <anna.svensson1985@gmail.com>',
  cc: i % 4 === 0 ? 'anna@svenssonbygg.se' : undefined,
  subject: `Orderbekräftelse ${4711 + i}`,
  headers: { 'X-Customer-Id': 'C-1001' },
  text: `Tack för din beställning ${4711 + i}. Totalt 4 995 kr.`,
  html: `<h1>Tack för din beställning</h1><table>${rows}</table><p>Totalt 4 995 kr</p>`,
});

type Transporter = ReturnType<typeof nodemailer.createTransport>;

async function sendRound(transporter: Transporter, concurrency: number): Promise<Sample> {
  let next = 0;
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < MESSAGES_PER_ROUND) await transporter.sendMail(message(next++));
    }),
  );
  const used = process.cpuUsage(cpu);
  return {
    wall: Number(process.hrtime.bigint() - start) / 1e3 / MESSAGES_PER_ROUND,
    cpu: (used.user + used.system) / MESSAGES_PER_ROUND,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Measures each configuration in alternating rounds (so drift hits all alike) and takes the median. */
export async function measurePipeline(): Promise<PipelineBenchRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'email-guard-bench-'));
  try {
    const guard = createGuard();
    const memoryLog: AuditLog = { record: async () => undefined };
    const plain = () => nodemailer.createTransport({ streamTransport: true, buffer: true });
    const guarded = (auditLog: AuditLog) => {
      const transporter = plain();
      transporter.use(
        'compile',
        nodemailerGuard({
          guard,
          resolveCustomer: () => customer,
          holdStore: createFileHoldStore(join(folder, 'held')),
          auditLog,
        }),
      );
      return transporter;
    };
    // The same five configurations, one message at a time and sixteen in flight.
    const configurations = [1, 16].flatMap((concurrency) => [
      { name: 'streamTransport, no plugin (baseline)', transporter: plain(), concurrency },
      { name: '+ nodemailerGuard, audit log in memory', transporter: guarded(memoryLog), concurrency },
      {
        name: '+ nodemailerGuard, JSON Lines audit log, default (written, flushed within 100 ms)',
        transporter: guarded(createJsonLinesAuditLog(join(folder, `audit-${concurrency}.jsonl`))),
        concurrency,
      },
      {
        name: '+ nodemailerGuard, JSON Lines audit log, sync: true (fsync per decision)',
        transporter: guarded(
          createJsonLinesAuditLog(join(folder, `audit-${concurrency}s.jsonl`), { sync: true }),
        ),
        concurrency,
      },
      {
        name: '+ nodemailerGuard, JSON Lines audit log, sync: false',
        transporter: guarded(
          createJsonLinesAuditLog(join(folder, `audit-${concurrency}n.jsonl`), { sync: false }),
        ),
        concurrency,
      },
    ]);
    // Warm up every path (JIT, tables, the audit file) before timing.
    for (const { transporter, concurrency } of configurations) await sendRound(transporter, concurrency);
    const samples = configurations.map(() => [] as Sample[]);
    for (let round = 0; round < ROUNDS; round++) {
      for (const [index, { transporter, concurrency }] of configurations.entries()) {
        samples[index]?.push(await sendRound(transporter, concurrency));
      }
    }
    const wall = samples.map((runs) => median(runs.map((run) => run.wall)));
    const cpu = samples.map((runs) => median(runs.map((run) => run.cpu)));
    return configurations.map(({ name, concurrency }, index) => {
      const base = configurations.findIndex((c) => c.concurrency === concurrency);
      const baseline = samples[base] ?? [];
      const own = (samples[index] ?? []).map((run, round) => run.cpu - (baseline[round]?.cpu ?? 0));
      return {
        name,
        concurrency,
        wallMicroseconds: wall[index] as number,
        cpuMicroseconds: cpu[index] as number,
        ownCpuMicroseconds: median(own),
        cpuRatio: (cpu[index] as number) / (cpu[base] as number),
        wallRatio: (wall[index] as number) / (wall[base] as number),
      };
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Prints the table: cost per message of each configuration and its ratio to the baseline. */
export async function benchPipeline(): Promise<void> {
  console.log(
    'Mail pipeline: cost per message of nodemailerGuard on an order confirmation to a known address',
  );
  console.log(
    `Baseline: the same nodemailer streamTransport without the plugin, same message, same run (median of ${ROUNDS} rounds of ${MESSAGES_PER_ROUND})\n`,
  );
  const results = await measurePipeline();
  console.log(
    '| configuration | in flight | CPU µs / message | own CPU µs / message | ratio (CPU) | wall µs / message | messages / s | ratio (wall) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of results) {
    console.log(
      `| ${row.name} | ${row.concurrency} | ${row.cpuMicroseconds.toFixed(0)} | ${row.ownCpuMicroseconds.toFixed(0)} | ${row.cpuRatio.toFixed(2)}x | ${row.wallMicroseconds.toFixed(0)} | ${formatRate(1e6 / row.wallMicroseconds)} | ${row.wallRatio.toFixed(2)}x |`,
    );
  }
  for (const concurrency of [1, 16]) {
    const row = results.find(
      (result) => result.concurrency === concurrency && result.name.includes('default'),
    );
    console.log(
      `\nPlugin cost with the default JSON Lines audit log, ${concurrency} in flight: ${row?.cpuRatio.toFixed(2)}x the baseline's processor time (${row?.ownCpuMicroseconds.toFixed(0)} µs of its own per message), ${row?.wallRatio.toFixed(2)}x its elapsed time per message (goal: at most 1.20x).`,
    );
  }
  console.log(
    'With sync: true each decision waits for its own disk flush when messages go one at a time; with messages in flight, one flush covers many.',
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchPipeline();
