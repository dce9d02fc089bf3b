/**
 * Checks per second of `checkRecipient` on a realistic mix, beside the two open-source domain
 * spell checkers (mailcheck 1.1.1 and @zootools/email-spell-checker 1.12.0, called as their
 * READMEs show) on the same entered addresses, in the same run.
 *
 * The mix is seeded (eval/cases/synthetic-people.ts), so every run checks the same addresses: a
 * known customer with one to three addresses on file, and what a salesperson types for them,
 * in the proportions of a day's orders (exact, a case variant, a digit missing, a mistyped
 * domain, a new address). Each tool is warmed up, then timed in alternating rounds (so drift on a
 * shared machine hits all three alike); the figure is the median over the rounds, and the ratios
 * are the median of each round's ratio, which other load on the machine barely moves.
 *
 * Run alone: npx tsx bench/recipient.bench.ts
 */
import emailSpellChecker from '@zootools/email-spell-checker';
import Mailcheck from 'mailcheck';
import { asciiName, pick, seededRandom, syntheticPerson } from '../eval/cases/synthetic-people.js';
import type { CheckOptions } from '../src/guard/check-options.js';
import { checkRecipient } from '../src/guard/check-recipient.js';
import type { CheckRecipientInput } from '../src/guard/recipient-checker.js';
import { formatRate } from './measure.js';

const ENTRIES = 4000;
const ROUNDS = 9;
/** Each tool's share of a round, in passes over the mix. */
const PASSES = 10;
const SEED = 2026;
/** Customers in the mix: a shop's regular customers, each ordering several times. */
const CUSTOMERS = 500;

/** The kinds of entry in the mix, with their shares of a day's orders. */
export const MIX = [
  { kind: 'exact', share: 0.5 },
  { kind: 'case variant', share: 0.1 },
  { kind: 'digit missing', share: 0.15 },
  { kind: 'domain typo', share: 0.1 },
  { kind: 'new address', share: 0.15 },
] as const;

type Kind = (typeof MIX)[number]['kind'];

/** One slip in the domain's first label, as fingers make them: a swap, a letter left out or doubled. */
function mistypeDomain(random: () => number, domain: string): string {
  const dot = domain.indexOf('.');
  const label = domain.slice(0, dot);
  const at = Math.floor(random() * (label.length - 1));
  const slip = Math.floor(random() * 3);
  const typed =
    slip === 0
      ? label.slice(0, at) + (label[at + 1] ?? '') + (label[at] ?? '') + label.slice(at + 2)
      : slip === 1
        ? label.slice(0, at) + label.slice(at + 1)
        : label.slice(0, at + 1) + label.slice(at);
  return typed + domain.slice(dot);
}

/** A customer on file: one to three addresses, a phone number and a birth date. */
function knownCustomer(random: () => number, id: string) {
  const person = syntheticPerson(random, id);
  const [local, domain] = person.email.split('@') as [string, string];
  const given = asciiName(person.given);
  const surname = asciiName(person.surname);
  const emails = [person.email];
  const extra = Math.floor(random() * 3);
  // A work address, then the same name at another provider: the addresses people add over the years.
  if (extra >= 1) emails.push(`${given[0]}.${surname}@${surname}bygg.se`);
  if (extra >= 2) emails.push(`${local}@${pick(random, ['hotmail.se', 'outlook.com', 'icloud.com'])}`);
  const customer = {
    id: person.id,
    name: person.name,
    emails,
    phones: [person.phone],
    birthDate: `19${40 + Math.floor(random() * 60)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}`,
    country: person.country,
  };
  return { customer, local, domain };
}

/**
 * The seeded mix: `count` entries for `customers` customers (each customer's orders spread over
 * the mix), each entry a customer and what was typed for them.
 */
export function recipientMix(
  count = ENTRIES,
  seed = SEED,
  customers = CUSTOMERS,
): { kind: Kind; input: CheckRecipientInput }[] {
  const random = seededRandom(seed);
  const onFile = Array.from({ length: customers }, (_, i) => knownCustomer(random, `C${i}`));
  const entries: { kind: Kind; input: CheckRecipientInput }[] = [];
  for (let i = 0; i < count; i++) {
    const { customer, local, domain } = onFile[i % customers] as (typeof onFile)[number];
    let roll = random();
    let kind: Kind = 'exact';
    for (const item of MIX) {
      if (roll < item.share) {
        kind = item.kind;
        break;
      }
      roll -= item.share;
    }
    const digits = [...local].flatMap((character, index) => (/\d/.test(character) ? [index] : []));
    let entered = `${local}@${domain}`;
    if (kind === 'case variant') {
      entered = `${local[0]?.toUpperCase()}${local.slice(1)}@${domain}`;
    } else if (kind === 'digit missing') {
      // Without a digit in the name, a letter left out: the same slip, the same path through the check.
      const at = digits.length > 0 ? pick(random, digits) : 1 + Math.floor(random() * (local.length - 1));
      entered = `${local.slice(0, at)}${local.slice(at + 1)}@${domain}`;
    } else if (kind === 'domain typo') {
      entered = `${local}@${mistypeDomain(random, domain)}`;
    } else if (kind === 'new address') {
      entered = syntheticPerson(random, `N${i}`).email;
    }
    entries.push({ kind, input: { entered, customer } });
  }
  return entries;
}

export interface RecipientBenchResult {
  /** Median checks per second of `checkRecipient` over the rounds. */
  readonly checksPerSecond: number;
  readonly mailcheckPerSecond: number;
  readonly zootoolsPerSecond: number;
  /** Median over the rounds of `checkRecipient`'s rate over mailcheck's in the same round. */
  readonly mailcheckRatio: number;
  /** Median over the rounds of `checkRecipient`'s rate over @zootools/email-spell-checker's. */
  readonly zootoolsRatio: number;
  readonly entries: number;
  readonly rounds: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Passes over `count` entries per second. */
function rate(work: (i: number) => void, count: number, passes: number): number {
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < passes; pass++) for (let i = 0; i < count; i++) work(i);
  return (count * passes) / (Number(process.hrtime.bigint() - start) / 1e9);
}

export function benchRecipient(): RecipientBenchResult {
  const mix = recipientMix();
  const inputs = mix.map((entry) => entry.input);
  const typed = inputs.map((input) => input.entered);
  const options: CheckOptions = {};
  let sink = 0;
  const tools = [
    (i: number) => {
      sink += checkRecipient(inputs[i] as CheckRecipientInput, options).findings.length;
    },
    (i: number) => {
      if (Mailcheck.run({ email: typed[i] as string })) sink++;
    },
    (i: number) => {
      if (emailSpellChecker.run({ email: typed[i] as string })) sink++;
    },
  ];
  // Warm-up: every tool's code paths compiled and its tables built before anything is timed.
  for (const tool of tools) rate(tool, inputs.length, 5);
  const rates: number[][] = [[], [], []];
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts with another tool, so none is always timed first after the others.
    for (let step = 0; step < tools.length; step++) {
      const index = (round + step) % tools.length;
      rates[index]?.push(rate(tools[index] as (i: number) => void, inputs.length, PASSES));
    }
  }
  if (sink < 0) console.log(sink);
  const [own = [], mailcheck = [], zootools = []] = rates;
  return {
    checksPerSecond: median(own),
    mailcheckPerSecond: median(mailcheck),
    zootoolsPerSecond: median(zootools),
    mailcheckRatio: median(own.map((value, round) => value / (mailcheck[round] as number))),
    zootoolsRatio: median(own.map((value, round) => value / (zootools[round] as number))),
    entries: inputs.length,
    rounds: ROUNDS,
  };
}

/** The figures bench/baseline.json keeps for the recipient check. */
export interface RecipientBaseline {
  readonly commit: string;
  readonly mailcheckRatio: number;
  readonly zootoolsRatio: number;
}

export function printRecipientBench(baseline?: RecipientBaseline): RecipientBenchResult {
  const result = benchRecipient();
  const shares = MIX.map((item) => `${Math.round(item.share * 100)}% ${item.kind}`).join(', ');
  console.log(
    'checkRecipient on a realistic mix, beside the domain spell checkers on the same addresses, one core',
  );
  console.log(
    `${result.entries.toLocaleString('en-US')} seeded entries (a known customer with 1-3 addresses; ${shares}); median of ${result.rounds} alternating rounds after a warm-up\n`,
  );
  console.log('| tool | calls/s | checkRecipient ÷ tool (same round) | goal |');
  console.log('|---|---:|---:|---:|');
  console.log(`| checkRecipient (the whole check) | ${formatRate(result.checksPerSecond)} | | |`);
  console.log(
    `| mailcheck 1.1.1 (domain suggestion alone) | ${formatRate(result.mailcheckPerSecond)} | ${result.mailcheckRatio.toFixed(2)}x | 1.50x |`,
  );
  console.log(
    `| @zootools/email-spell-checker 1.12.0 (domain suggestion alone) | ${formatRate(result.zootoolsPerSecond)} | ${result.zootoolsRatio.toFixed(2)}x | |`,
  );
  if (baseline) {
    console.log(
      `\nBaseline (bench/baseline.json, commit ${baseline.commit}, same mix): ${baseline.mailcheckRatio.toFixed(2)}x mailcheck, ${baseline.zootoolsRatio.toFixed(2)}x zootools; now ${(result.mailcheckRatio / baseline.mailcheckRatio).toFixed(2)}x the baseline's rate.`,
    );
  }
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) printRecipientBench();
