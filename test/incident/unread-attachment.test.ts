import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  inventoryMessage,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';

// A credit-check result in an encrypted zip, the zip's password in the message body: nobody read
// the attachment, so nothing is known of what it held but that a password came with it.
const message = readFileSync(
  new URL('../fixtures/incident/encrypted-attachment.eml', import.meta.url),
  'utf8',
);
// The same message with its password sent apart, as it should have been.
const withoutPassword = message.replace(/^Lösenordet.*\r?\n/m, '');

const facts: ReportMisdirectedInput = {
  message: withoutPassword,
  intended: 'lars.ek1970@gmail.com',
  actual: 'lars.ek@gmail.com',
  customer: { id: 'C-2001', name: 'Lars Ek' },
  organisation: {
    name: 'Hemhandel AB',
    customerServicePhone: '010-555 00 00',
    regimes: ['gdpr'],
    contact: { name: 'Karin Berg', email: 'dpo@hemhandel.se', phone: '08-123 456 00' },
  },
  reference: 'HH-INC-2024-0001',
  detectedAt: '2024-10-01T10:00:00+02:00',
};
const now = { now: '2024-10-01T12:00:00+02:00' };

describe('an attachment that could not be read', () => {
  it('holds the conclusion back until a person says what it held, in both languages', async () => {
    for (const locale of ['en', 'sv'] as const) {
      const { assessment, report } = await reportMisdirected(facts, { ...now, locale });
      expect(assessment.needsReview).toBe(true);
      expect(report.facts.needsReview?.join(' ')).toContain('kreditprovning.zip');
      expect(renderIncidentReport(report, { locale })).toContain(
        locale === 'sv' ? 'Slutsatsen är preliminär' : 'This conclusion is provisional',
      );
    }
  });

  it('concludes once the person has said what the attachment held', async () => {
    const { assessment } = await reportMisdirected(
      { ...facts, needsReview: [], dataCategories: ['financial'] },
      now,
    );
    expect(assessment.needsReview).toBeUndefined();
  });

  it('finds the password written in a sentence before the colon', async () => {
    expect((await inventoryMessage(withoutPassword)).categories).not.toContain('credentials');
    expect((await inventoryMessage(message)).categories).toContain('credentials');
  });
});
