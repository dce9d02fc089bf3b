import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliInProcess } from '../support/run-cli-in-process.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// Two Anna Andersson, told apart by birth date and phone: each address is the other's one slip away.
const CUSTOMERS = [
  'Kundnr;Förnamn;Efternamn;E-postadress;Mobilnummer;Födelsedatum',
  'K900003;Anna;Andersson;anna.andersson@telia.com;070-444 55 66;1962-07-01',
  'K900004;Anna;Andersson;anna.anderson@telia.com;073-987 65 43;1990-11-30',
  '',
].join('\n');

/** An order confirmation to K900004's address whose header names both customers. */
function messageNamingTwoCustomers(): { message: string; customers: string } {
  const customers = join(dir.path, 'kunder.csv');
  writeFileSync(customers, CUSTOMERS);
  mkdirSync(join(dir.path, 'sent'), { recursive: true });
  const message = join(dir.path, 'sent', 'order.eml');
  writeFileSync(
    message,
    [
      'From: Butiken AB <order@butiken.se>',
      'To: anna.anderson@telia.com',
      'Subject: Orderbekräftelse',
      'Date: Sat, 07 Nov 2026 16:17:03 +0000',
      'Message-ID: <order@butiken.se>',
      'X-Customer-Id: K900003',
      'X-Customer-Id: K900004',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hej! Tack för din beställning.',
      '',
    ].join('\r\n'),
  );
  return { message, customers };
}

describe('email-guard audit: a message whose X-Customer-Id fields disagree', () => {
  it('names the message and audits it against neither customer, not the first one named', async () => {
    const { message, customers } = messageNamingTwoCustomers();
    const run = await runCliInProcess(['audit', message, '--customers', customers, '--json']);
    // Audited against K900003, the first field, the mail to K900004's own address was a hit
    // (belongs-to-other-customer); against neither it is a known address, and no hit.
    const result = JSON.parse(run.stdout) as {
      hits: unknown[];
      customersInConflict: { where: string; reason: string }[];
    };
    expect(result.hits).toEqual([]);
    const reason =
      "2 X-Customer-Id fields name different customers (K900003, K900004): which one the message was for is not guessed, so it is checked as one that names no customer (a slip of any customer's address, a mistyped domain)";
    expect(result.customersInConflict).toEqual([{ where: message, reason }]);
    expect(run.stderr).toBe(`${message}: ${reason}\n`);
  });

  it('lists it among the problems of a saved report, in Swedish under --locale sv', async () => {
    const { message, customers } = messageNamingTwoCustomers();
    const out = join(dir.path, 'granskning.html');
    await runCliInProcess(['audit', message, '--customers', customers, '--locale', 'sv', '--out', out]);
    expect(readFileSync(out, 'utf8')).toContain(
      '2 X-Customer-Id-fält anger olika kunder (K900003, K900004): vilken kund meddelandet gällde gissas inte',
    );
  });
});
