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

// What the script must not say and must say, and what the e-mail says, in each language.
const spoken = {
  en: {
    language: 'English',
    notWritten: 'We are writing to you',
    called: 'We are calling you rather than sending a text message',
    written: 'We are writing to you by e-mail, not by text message',
  },
  sv: {
    language: 'Swedish',
    notWritten: 'Vi skriver till dig',
    called: 'Vi ringer dig i stället för att skicka sms',
    written: 'Vi skriver till dig med e-post, inte med sms',
  },
} as const;

describe('the phone script for a misdirected text message speaks, it does not write', () => {
  for (const [locale, { language, notWritten, called, written }] of Object.entries(spoken) as Array<
    [keyof typeof spoken, (typeof spoken)[keyof typeof spoken]]
  >) {
    it(`says the customer is called instead of texted, in ${language}, while the e-mail says it writes`, async () => {
      const script = await buildCustomerNotice(report, {
        channel: 'phone-script',
        locale,
        customerName: 'Mette',
      });
      expect(script.text).not.toContain(notWritten);
      expect(script.text).toContain(called);
      const email = await buildCustomerNotice(report, {
        channel: 'email',
        locale,
        to: 'mette@example.dk',
        from: 'noreply@example.dk',
      });
      expect(email.text).toContain(written);
    });
  }
});
