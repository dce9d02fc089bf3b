import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditWithFacts } from '../support/audit-with-facts.js';
import { SEED_INCIDENT_FACTS } from '../support/cli-inputs.js';
import { useTempDir } from '../support/use-temp-dir.js';

const dir = useTempDir();

// The seed's operator (under the ePrivacy rules and the GDPR), found out four hours after sending.
// Each draft's customer comes from the export (--customers): the facts file names none.
const { customer: _customer, ...organisationFacts } = SEED_INCIDENT_FACTS;
const facts = { ...organisationFacts, detectedAt: '2026-12-01T12:00:00+01:00' };

/** An invoice from the operator, as sent, to a slip of the customer's stored address. */
const invoice = (lines: string) =>
  [
    'From: Norrsken Tele AB <order@norrskentele.se>',
    'To: aasa.oeberg@telia.se',
    'Subject: Faktura',
    'Date: Tue, 01 Dec 2026 08:00:00 +0100',
    'Message-ID: <f1@norrskentele.se>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Hej Åsa!',
    'Kundnummer: 5521001',
    lines,
    '',
  ].join('\r\n');

/** The Markdown draft `audit --incidents` writes for the invoice, in English. */
async function draft(name: string, lines: string, ...more: string[]): Promise<string> {
  const { run, read } = await auditWithFacts(
    join(dir.path, name),
    {
      customers: 'id,name,email,phone,country\n5521001,Åsa Öberg,asa.oberg@telia.se,070-444 55 66,SE\n',
      facts,
      messages: { 'c.eml': invoice(lines) },
    },
    ...more,
  );
  expect(run.status, run.stderr).toBe(1);
  return read('0001-report.md').replace(/\s+/g, ' ');
}

describe('audit --incidents on an invoice sent to a wrong address', () => {
  it('weighs the amount due as an order detail, not financial data or a high risk to tell the customer of', async () => {
    const report = await draft('amount', 'Att betala: 499 kr, OCR 5521001112');
    expect(report).toContain('a risk, but not a high risk');
    expect(report).not.toContain('the person concerned must be told');
    expect(report).not.toContain('can be used for fraud');
    expect(report).not.toMatch(/financial (details|data|information)/);
    expect(report).toContain('The orders and prices show what the customer buys and pays.');
  });

  it('says so in Swedish', async () => {
    const report = await draft('amount-sv', 'Att betala: 499 kr, OCR 5521001112', '--locale', 'sv');
    expect(report).toContain('Uppgifterna om beställningar och priser visar vad kunden köper och betalar.');
    expect(report).not.toContain('ekonomiska uppgifter');
    expect(report).not.toContain('kan användas för bedrägeri eller utpressning');
    expect(report).not.toContain('hög risk för');
  });

  it('keeps an account number a high risk', async () => {
    const report = await draft('account', 'Att betala: 499 kr från konto 8327-9, 123 456 789-0');
    expect(report).toContain('likely to result in a high risk');
    expect(report).toContain('the person concerned must be told');
  });
});
