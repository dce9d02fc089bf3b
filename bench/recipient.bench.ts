/**
 * Checks per second of `checkRecipient` for a customer with 1 to 5 known contacts, beside
 * mailcheck's domain suggestion measured in the same run. Run alone: npx tsx bench/recipient.bench.ts
 */
import Mailcheck from 'mailcheck';
import type { CheckOptions } from '../src/guard/check-options.js';
import { checkRecipient } from '../src/guard/check-recipient.js';
import { formatRate, throughput } from './measure.js';

const OPERATIONS = 200_000;

export interface RecipientBenchResult {
  readonly contacts: number;
  readonly checksPerSecond: number;
}

export function benchRecipient(): { results: RecipientBenchResult[]; mailcheckPerSecond: number } {
  const options: CheckOptions = {};
  // What a salesperson types, in the proportions of a day's orders: mostly right, some typos,
  // some new addresses, an occasional broken one.
  const entered = [
    'anna.svensson1985@gmail.com',
    'anna.svensson185@gmail.com',
    'Anna.Svensson1985@googlemail.com',
    'anna.svensson@volvocars.com',
    'anna.svensson1985@gmial.com',
    'a.svensson@telia.com',
    'anna.svensson1958@hotmail.se',
    'anna.svensson1985@gmail.com',
  ];
  const contacts = [
    { emails: ['anna.svensson1985@gmail.com'], phones: [] as string[] },
    { emails: ['anna.svensson1985@gmail.com'], phones: ['070-123 45 67'] },
    { emails: ['anna.svensson1985@gmail.com', 'anna.svensson@skanska.se'], phones: ['070-123 45 67'] },
    {
      emails: ['anna.svensson1985@gmail.com', 'anna.svensson@skanska.se'],
      phones: ['070-123 45 67', '08-555 123 45'],
    },
    {
      emails: ['anna.svensson1985@gmail.com', 'anna.svensson@skanska.se', 'anna.s@hotmail.se'],
      phones: ['070-123 45 67', '08-555 123 45'],
    },
  ];
  const results = contacts.map((known, index) => {
    const customer = { id: 'C-1001', name: 'Anna Svensson', birthDate: '1985-04-12', ...known };
    const run = throughput(
      (i) => checkRecipient({ entered: entered[i % entered.length] as string, customer }, options),
      {
        operations: OPERATIONS,
      },
    );
    return { contacts: index + 1, checksPerSecond: run.perSecond };
  });
  const mailcheck = throughput((i) => Mailcheck.run({ email: entered[i % entered.length] as string }), {
    operations: OPERATIONS,
  });
  return { results, mailcheckPerSecond: mailcheck.perSecond };
}

export function printRecipientBench(baseline?: {
  checksPerSecond: Record<string, number>;
}): RecipientBenchResult[] {
  const { results, mailcheckPerSecond } = benchRecipient();
  console.log('checkRecipient, one customer, one core (goal: at least 100,000 checks/s)\n');
  console.log('known contacts   checks/s    vs baseline');
  for (const result of results) {
    const before = baseline?.checksPerSecond[String(result.contacts)];
    const ratio = before ? `${(result.checksPerSecond / before).toFixed(2)}x` : '-';
    console.log(
      `${String(result.contacts).padStart(14)}  ${formatRate(result.checksPerSecond).padStart(9)}    ${ratio.padStart(11)}`,
    );
  }
  console.log(
    `\nmailcheck 1.1.1 domain suggestion alone, same inputs: ${formatRate(mailcheckPerSecond)} calls/s`,
  );
  // A ratio within one run moves far less with other load on the machine than either rate.
  const ratios = results.map((result) => (result.checksPerSecond / mailcheckPerSecond).toFixed(2));
  console.log(
    `checkRecipient (the whole check) per mailcheck call (the domain alone): ${ratios.join(' / ')}`,
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) printRecipientBench();
