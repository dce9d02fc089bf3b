import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';

// A Danish shop's text message to a wrong number (the officer's S1).
const sms: CreateIncidentReportInput = {
  reference: 'R1',
  provider: { name: 'Butik ApS', country: 'DK' },
  contact: { name: 'D', email: 'd@b.dk', phone: '1' },
  regimes: ['gdpr'],
  circumstances: 'misdirected-sms',
  occurredAt: '2024-05-30T10:00:00+02:00',
  detectedAt: '2024-05-30T11:00:00+02:00',
  dataCategories: ['name', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};
const report = createIncidentReport(sms, { now: '2024-06-01T12:00:00+02:00' });

describe('the phone script for a misdirected text message speaks, it does not write', () => {
  it('says the customer is called instead of texted, in English, while the e-mail says it writes', async () => {
    const script = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale: 'en',
      customerName: 'Mette',
    });
    expect(script.text).not.toContain('We are writing to you');
    expect(script.text).toContain('We are calling you rather than sending a text message');
    const email = await buildCustomerNotice(report, {
      channel: 'email',
      locale: 'en',
      to: 'mette@example.dk',
      from: 'noreply@example.dk',
    });
    expect(email.text).toContain('We are writing to you by e-mail, not by text message');
  });

  it('says the customer is called instead of texted, in Swedish, while the e-mail says it writes', async () => {
    const script = await buildCustomerNotice(report, {
      channel: 'phone-script',
      locale: 'sv',
      customerName: 'Mette',
    });
    expect(script.text).not.toContain('Vi skriver till dig');
    expect(script.text).toContain('Vi ringer dig i stället för att skicka sms');
    const email = await buildCustomerNotice(report, {
      channel: 'email',
      locale: 'sv',
      to: 'mette@example.dk',
      from: 'noreply@example.dk',
    });
    expect(email.text).toContain('Vi skriver till dig med e-post, inte med sms');
  });
});
