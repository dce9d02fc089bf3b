import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtCli, runBuiltCli } from '../support/built-cli.js';
import { writeDraftFacts } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

// Issue 13, trial: mail whose X-Customer-Id names the customer, audited on the built command
// against a Swedish CRM export.
const dir = useTempDir({ scope: 'file' });

beforeAll(async () => {
  await builtCli();
}, 120_000);

// Two Anna Andersson, told apart by birth date and phone; Björn Svensson's address is at gmail.com.
const CUSTOMERS = [
  'Kundnr;Förnamn;Efternamn;E-postadress;Mobilnummer;Födelsedatum',
  'K900003;Anna;Andersson;anna.andersson@telia.com;070-444 55 66;1962-07-01',
  'K900004;Anna;Andersson;anna.anderson@telia.com;073-987 65 43;1990-11-30',
  'K900019;Björn;Svensson;bjorn.svensson@gmail.com;0701234567;1977-07-07',
  '',
].join('\n');

function orderConfirmation(name: string, to: string, customerId: string): string {
  const file = join(dir.path, 'sent', name);
  mkdirSync(join(dir.path, 'sent'), { recursive: true });
  writeFileSync(
    file,
    [
      'From: Butiken AB <order@butiken.se>',
      `To: ${to}`,
      'Subject: =?UTF-8?Q?Orderbekr=C3=A4ftelse?=',
      'Date: Sat, 07 Nov 2026 16:17:03 +0000',
      `Message-ID: <${name}@butiken.se>`,
      `X-Customer-Id: ${customerId}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      'Hej! Tack för din beställning.',
      'Leveransadress: Storgatan 12, 114 51 Stockholm',
      '',
    ].join('\r\n'),
  );
  return file;
}

interface Hit {
  recipient: string;
  customerId?: string;
  intended?: string;
  finding: string;
  reason: string;
}

/**
 * Audits one order confirmation to `to` naming `customerId`, with drafts into `drafts/<name>`, and
 * returns its one hit, found for that recipient and customer.
 */
async function auditOne(
  name: string,
  to: string,
  customerId: string,
  expected: Partial<Hit>,
  moreFacts: Record<string, unknown> = {},
) {
  const customers = join(dir.path, 'kunder.csv');
  writeFileSync(customers, CUSTOMERS);
  const facts = writeDraftFacts(dir.path, `${name}-facts.json`, moreFacts);
  const drafts = join(dir.path, 'drafts', name);
  const message = orderConfirmation(`${name}.eml`, to, customerId);
  const run = await runBuiltCli(
    ['audit', message, '--customers', customers, '--json', '--incidents', drafts, '--facts', facts],
    { cwd: dir.path },
  );
  expect(run.status).toBe(1);
  const hits = (JSON.parse(run.stdout) as { hits: Hit[] }).hits;
  expect(hits).toEqual([expect.objectContaining({ recipient: to, customerId, ...expected })]);
  return { hit: hits[0] as Hit, drafts };
}

describe('email-guard audit: mail naming its customer', () => {
  it("reports mail to another person's address as belongs-to-other-customer, and drafts no register fix", async () => {
    // K900004's address is one slip from K900003's, but it is a real address of another person
    // (born 1990, not 1962): the message reached that person.
    const { hit, drafts } = await auditOne('p3', 'anna.anderson@telia.com', 'K900003', {
      intended: 'anna.andersson@telia.com',
      finding: 'belongs-to-other-customer',
    });
    expect(hit.reason).toContain('K900004');
    const report = readFileSync(join(drafts, '0001-report.md'), 'utf8');
    const cause = report.slice(
      report.indexOf('## Cause'),
      report.indexOf('## ', report.indexOf('## Cause') + 3),
    );
    expect(cause).toContain("another customer's address (anna.anderson@telia.com, customer K900004)");
    expect(report).not.toContain('stored wrongly');
    // Removing the address is never proposed: the draft shows it declined, with why.
    expect(report).not.toMatch(/wrong e-mail address is to be removed[^\n]*\(proposed\)/);
    expect(report).toContain("(decided not to do this: the address is another customer's valid address)");
    const notice = readFileSync(join(drafts, '0001-notice.eml'), 'utf8');
    expect(notice).not.toMatch(/remove the wrong e-mail address/);
  });

  it("declines removing another customer's address beside the measures the facts give", async () => {
    const { drafts } = await auditOne(
      'p4',
      'anna.anderson@telia.com',
      'K900003',
      { finding: 'belongs-to-other-customer' },
      { measures: [{ id: 'recall-and-delete', status: 'done', doneAt: '2026-11-07T18:00:00+01:00' }] },
    );
    const report = readFileSync(join(drafts, '0001-report.md'), 'utf8');
    const measures = report.slice(
      report.indexOf('## Measures'),
      report.indexOf('## ', report.indexOf('## Measures') + 3),
    );
    // The declined measure first, then the one the facts give as done, then the usual proposals.
    expect(measures.split('\n').filter((line) => line.startsWith('- '))).toEqual([
      "- The wrong e-mail address is to be removed and the customer’s correct address entered after checking it with the customer. (decided not to do this: the address is another customer's valid address)",
      expect.stringMatching(
        /^- The recipient of the misdirected message was contacted[^\n]*\(done 7 November 2026/,
      ),
      expect.stringMatching(/^- A note is to be put on the customer profile/),
      expect.stringMatching(/^- It is to be checked that no password or login link/),
      // No measure to tell the customer: the risk is unlikely, so the report concludes they are not
      // told and nothing recommends it (docs/incident.md, measures).
      expect.stringMatching(/^- Those involved are to be given feedback/),
    ]);
    // The report says so in words, with the ground the law gives, not as a measure taken.
    expect(report).toContain(
      'The law does not require telling the person concerned here: the risk is not high, and GDPR Art. 34(1) requires it only at a high risk',
    );
  });

  it('gives the address on file as meant for a mistyped provider, and drafts the notice to it', async () => {
    // bjorn.svensson@hotmail.se, the corrected provider, is nobody's on file: a stranger's mailbox.
    const { hit, drafts } = await auditOne('p2', 'bjorn.svensson@hotmial.se', 'K900019', {
      intended: 'bjorn.svensson@gmail.com',
      finding: 'domain-typo',
    });
    expect(hit.reason).toContain('hotmail.se');
    expect(readdirSync(drafts).sort()).toEqual(['0001-notice.eml', '0001-report.md']);
    const notice = readFileSync(join(drafts, '0001-notice.eml'), 'utf8');
    expect(notice).toMatch(/^To: bjorn\.svensson@gmail\.com\r?$/m);
  });
});

describe('email-guard audit: a birth date that is no calendar date', () => {
  it('quotes it as the export writes it', async () => {
    const customers = join(dir.path, 'impossible-date.csv');
    writeFileSync(customers, `${CUSTOMERS}K900010;Eva;Ek;eva.ek@telia.com;070-111 22 33;19850230\n`);
    const message = orderConfirmation('date.eml', 'eva.ek@telia.com', 'K900010');
    const run = await runBuiltCli(['audit', message, '--customers', customers], { cwd: dir.path });
    expect(run.stderr).toContain('the birth date "19850230" is not a calendar date');
    expect(run.stderr).not.toContain('1985-02-30');
  });
});
