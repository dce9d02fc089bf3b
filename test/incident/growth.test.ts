import { type ParsedMail, simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  inventoryMessage,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { type GrowthCase, measureGrowth } from '../support/growth.js';
import { seedCase } from './seed-case.js';

// Every public incident function that reads text someone else wrote (a sent message, a subject, a
// name) must take time in proportion to it: a message is untrusted input, and a pattern that
// backtracks turns an ordinary-looking run of digits into minutes of work.

/**
 * `expectLinearGrowth` (limit 9: linear is ~4, quadratic ~16), measured up to three times: other work
 * on a shared machine can slow one measurement's large size and not its small one, but not three
 * in a row, while a quadratic path fails every time.
 */
async function expectLinearGrowth<T>(growthCase: GrowthCase<T>): Promise<void> {
  const ratios: string[] = [];
  for (let round = 0; round < 3; round += 1) {
    const growth = await measureGrowth(growthCase);
    if (growth.ratio < 9) return;
    ratios.push(`${growth.small.toFixed(2)} ms at n=${growthCase.n}, ${growth.large.toFixed(2)} ms at 4n`);
  }
  expect.fail(`grows faster than linear: ${ratios.join('; ')}`);
}

const customer = { id: '4711023', name: 'Anna Svensson', postalAddress: 'Storgatan 12, 123 45 Stockholm' };

function plain(body: string): string {
  return `Date: Fri, 23 Feb 2018 13:36:12 +0100\r\nTo: anna.svensson185@gmail.com\r\nSubject: Orderbekräftelse\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${body}\r\n`;
}

function html(body: string): string {
  return `Date: Fri, 23 Feb 2018 13:36:12 +0100\r\nTo: anna.svensson185@gmail.com\r\nSubject: Orderbekräftelse\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${body}\r\n`;
}

/** Repeats `unit` until the text is `n` characters long. */
function run(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
}

// Lines of at most 998 characters (RFC 5322 §2.1.1) so that mailparser reads the body as it is.
function lines(unit: string, n: number): string {
  return run(unit, n).replace(/(.{900})/g, '$1\r\n');
}

// Each case: its name, the message of size n, n, and how many readings one timing takes.
const inventoryCases: ReadonlyArray<[string, (n: number) => string, number, number?]> = [
  ['a run of digits (the price pattern)', (n) => plain(run('1', n)), 10_000],
  ['digits and spaces (prices and card numbers)', (n) => plain(run('1 ', n)), 10_000],
  ['zeros and spaces (phone numbers)', (n) => plain(run('0 ', n)), 1_000, 1],
  ['phone numbers', (n) => plain(run('Ring 070-123 45 67 eller 08-123 456 00. ', n)), 2_000, 1],
  [
    'lines of an itemised call list',
    (n) => plain(run('2024-03-03 18:22 070-987 65 43 12 min\n', n)),
    2_000,
    1,
  ],
  [
    'a row of numbers and figures without a line break',
    (n) => plain(run('12 070-987 65 43 12 ', n)),
    1_000,
    1,
  ],
  ['a run of letters (the e-mail pattern)', (n) => plain(run('a', n)), 10_000],
  ['letters with @ signs and dots', (n) => plain(run('a.a@a.a', n)), 5_000, 10],
  ['a label followed by white space', (n) => plain(`Kundnummer${' '.repeat(n)}`), 10_000],
  ['labels, each followed by white space', (n) => plain(run('Kundnummer     ', n)), 10_000, 10],
  ['greetings without a name', (n) => plain(run('Hej      ', n)), 10_000, 10],
  ['street names without a number', (n) => plain(run('Storgatan ', n)), 10_000],
  ['amounts that are not prices', (n) => plain(run('12,345 kronor ', n)), 10_000],
  ['lines of digits', (n) => plain(lines('1', n)), 10_000],
  // The bank account under two labels, clearing number then account number (find-personal-data.ts):
  // white space may end a line or stand before the second label, so runs of it are read two ways.
  [
    'a clearing number followed by white space and no account label',
    (n) => plain(`Clearingnummer: 8327-9${' '.repeat(n)}1`),
    10_000,
  ],
  [
    'clearing numbers, each followed by spaces and digits',
    (n) => plain(run('Clearingnummer 8327-9 1 2 ', n)),
    10_000,
    10,
  ],
  [
    'a clearing number and an account label followed by a run of digits and spaces',
    (n) => plain(`Clearingnummer 8327-9, kontonummer ${run('1 ', n)}`),
    10_000,
  ],
  [
    'clearing and account labels with runs of spaces',
    (n) => plain(run('clearing 8327   konto      ', n)),
    10_000,
    10,
  ],
  ['HTML: < without >', (n) => html(run('<', n)), 10_000, 10],
  ['HTML: < and letters without >', (n) => html(run('<a ', n)), 10_000],
  ['HTML: <style without its end tag', (n) => html(run('<style>', n)), 10_000],
  ['HTML: white space without a line break', (n) => html(`<p>x${' '.repeat(n)}x</p>`), 10_000],
  ['HTML: entities without their semicolon', (n) => html(run('&amp', n)), 10_000],
  ['HTML: a link without its closing quote', (n) => html(`<a href="${run('a', n)}`), 10_000],
];

describe('the incident functions read untrusted text in linear time', () => {
  for (const [name, make, n, reads = 40] of inventoryCases) {
    it(`inventoryMessage: ${name}`, async () => {
      await expectLinearGrowth({
        n,
        // The message is parsed by mailparser before the timing, so what is timed is the reading of
        // its text. One reading of a clean text takes well under a millisecond: less than a time
        // slice of a busy machine, which would spare the small size and not the large one. Many
        // readings per timing make both sizes long enough to be interrupted alike.
        make: (size: number) => simpleParser(make(size), { skipImageLinks: true, skipTextToHtml: true }),
        run: async (message: Promise<ParsedMail>) => {
          const mail = await message;
          for (let time = 0; time < reads; time += 1) await inventoryMessage(mail, { customer });
        },
        tries: 7,
      });
    });
  }

  it('reportMisdirected: a run of digits in the message', async () => {
    await expectLinearGrowth({
      n: 20_000,
      make: (n) => plain(run('1', n)),
      run: (message: string) =>
        reportMisdirected({
          message,
          intended: 'anna.svensson1985@gmail.com',
          actual: 'anna.svensson185@gmail.com',
          customer,
          organisation: { ...seedCase.provider, contact: seedCase.contact },
          reference: 'INC-2018-0042',
          detectedAt: '2018-02-23T13:45:00+01:00',
        }),
      tries: 5,
    });
  });

  it('buildCustomerNotice and renderIncidentReport: a long subject and customer name', async () => {
    await expectLinearGrowth({
      n: 20_000,
      make: (n) => ({
        report: createIncidentReport({
          ...seedCase,
          misdirected: {
            intended: 'anna.svensson1985@gmail.com',
            actual: 'anna.svensson185@gmail.com',
            subject: run('Order\n# 1 *kr* <a ', n),
          },
        }),
        name: run('Anna ', n),
      }),
      run: async ({ report, name }) => {
        await buildCustomerNotice(report, { channel: 'email', customerName: name });
        await buildCustomerNotice(report, { channel: 'phone-script', customerName: name });
        for (const format of ['text', 'markdown', 'html'] as const) renderIncidentReport(report, { format });
      },
      tries: 5,
    });
  });
});
