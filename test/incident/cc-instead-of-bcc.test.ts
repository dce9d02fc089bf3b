import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  inventoryMessage,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';

// A clinic's notice sent with 45 patients' addresses in Cc instead of Bcc: every recipient saw every
// other patient's address, next to the fact that they are a patient of the diabetes clinic.
const message = readFileSync(new URL('../fixtures/incident/cc-instead-of-bcc.eml', import.meta.url));

const facts: ReportMisdirectedInput = {
  message,
  intended: 'patient01.namn@example.se',
  actual: 'patient02.namn@example.se',
  customer: { id: 'P-01', name: 'Patient Ett', emails: ['patient01.namn@example.se'] },
  organisation: {
    name: 'Kliniken Söder AB',
    regimes: ['gdpr'],
    contact: { name: 'Karin Berg', email: 'dpo@kliniksoder.se', phone: '08-123 456 00' },
  },
  reference: 'KS-INC-2024-0001',
  detectedAt: '2024-10-01T10:00:00+02:00',
};

describe('a message sent with its recipients in Cc instead of Bcc', () => {
  it('counts every address in To and Cc as a person whose address was disclosed', async () => {
    const inventory = await inventoryMessage(message, { ignore: ['info@kliniksoder.se'] });
    expect(inventory.categories).toContain('email-address');
    expect(inventory.counts['email-address']).toBe(45);
    expect(inventory.people).toEqual({ count: 45, category: 'email-address' });
    expect(inventory.items.find((item) => item.kind === 'email-address')?.foundIn).toEqual(['header']);
  });

  it('does not count the sender’s own address in To as a person', async () => {
    const inventory = await inventoryMessage(message);
    expect(inventory.counts['email-address']).toBe(45);
  });

  it('does not count a single recipient’s own address, which nobody else saw', async () => {
    const single = await inventoryMessage(
      'From: shop@example.se\r\nTo: anna@example.se\r\nSubject: Order\r\n\r\nHej!\r\n',
    );
    expect(single.categories).not.toContain('email-address');
    expect(single.people).toEqual({ count: 1 });
  });

  it('reports the 45 patients and their addresses, in both languages', async () => {
    const { report } = await reportMisdirected(facts, { now: '2024-10-01T12:00:00+02:00' });
    expect(report.affected.dataSubjects).toBe(45);
    expect(report.data.categories).toEqual(expect.arrayContaining(['email-address', 'health']));
    expect(renderIncidentReport(report, { locale: 'en' })).toContain('45');
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain('45');
  });
});
