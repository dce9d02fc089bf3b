import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportMisdirected } from '../../src/incident/index.js';

// An order confirmation with health data sent to a colleague's address, who confirmed deleting it:
// the report says the data did not leave the organisation; the notice must say the same.
const message = readFileSync(join(__dirname, '../fixtures/incident/colleague-order.eml'));

function report(locale: 'sv' | 'en', more: Record<string, unknown> = {}) {
  return reportMisdirected(
    {
      message,
      intended: 'karin.lindgren@telia.com',
      actual: 'karin.lind@hemhandel.se',
      customer: { id: '400200', name: 'Karin Lindgren', emails: ['karin.lindgren@telia.com'] },
      organisation: {
        name: 'Hemhandel AB',
        country: 'SE',
        customerServicePhone: '031-700 10 00',
        contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
      },
      reference: 'HH-INC-2026-0035',
      detectedAt: '2026-12-03T09:10:00+01:00',
      recipient: 'internal',
      recipientConfirmedDeletion: true,
      ...more,
    },
    { now: '2026-12-03T19:00:00+01:00', locale },
  );
}

describe('the notice of a message a colleague received and deleted', () => {
  it('tells no consequence of a stranger holding the data (en)', async () => {
    const { notices, report: written } = await report('en');
    expect(written.assessment.risk).toBe('unlikely');
    const text = notices.email.text.replace(/\s+/g, ' ');
    expect(text).not.toMatch(/in your name|pretending to be you|order goods|Watch for post/);
    expect(text).toContain('The details did not leave our organisation.');
    expect(text).toMatch(/health/);
    expect(notices.phoneScript.text).not.toMatch(/pretending to be you|order goods/);
  });

  it('tells no consequence of a stranger holding the data (sv)', async () => {
    const { notices } = await report('sv');
    const text = notices.email.text.replace(/\s+/g, ' ');
    expect(text).not.toMatch(/i ditt namn|utge sig för att vara dig|beställa varor/);
    expect(text).toContain('Vad det kan innebära för dig: uppgifterna har inte lämnat vår organisation.');
  });

  it('says the details stay with the colleague until deleted, where no deletion is recorded', async () => {
    const { notices } = await report('en', { recipientConfirmedDeletion: false });
    const text = notices.email.text.replace(/\s+/g, ' ');
    expect(text).toContain('The details stay with the colleague until the message is deleted.');
    expect(text).not.toMatch(/pretending to be you|order goods/);
  });
});
