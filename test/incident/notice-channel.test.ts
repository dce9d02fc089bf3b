import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';

const base: CreateIncidentReportInput = {
  reference: 'INC-8',
  provider: { name: 'Hälsohandeln AB', country: 'SE', customerServicePhone: '0771-11 22 33' },
  contact: { name: 'Eva Lund', email: 'dpo@example.se', phone: '08-111 222 33' },
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  circumstances: 'misdirected-post',
  dataCategories: ['name', 'postal-address', 'customer-number'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};
const now = '2024-10-02T12:00:00+02:00';

describe('the notice says what happened, and by which channel', () => {
  it.each([
    ['en', 'On 1 October 2024 at 09:00 we sent a letter with details about you to someone else by mistake.'],
    [
      'sv',
      'Den 1 oktober 2024 kl. 09.00 skickade vi av misstag ett brev med uppgifter om dig till en annan person.',
    ],
  ] as const)('names the letter sent to another person (%s)', async (locale, sentence) => {
    const report = createIncidentReport(base, { now });
    const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
    expect(notice.text).toContain(sentence);
  });

  it.each([
    ['en', 'An SMS meant for you was sent to another person’s number by mistake.'],
    ['sv', 'Ett sms till dig skickades av misstag till en annan persons nummer.'],
  ] as const)(
    'tells what happened in the caller’s own words for other circumstances, never "that person" without an antecedent (%s)',
    async (locale, description) => {
      const report = createIncidentReport({ ...base, circumstances: 'other', description }, { now });
      const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
      expect(notice.text).toContain(description);
      expect(notice.text).not.toMatch(/That person|Den personen/);
      const bare = createIncidentReport({ ...base, circumstances: 'other' }, { now });
      const bareNotice = await buildCustomerNotice(bare, { channel: 'email', locale, to: 'anna@example.se' });
      expect(bareNotice.text).not.toMatch(/That person|Den personen/);
    },
  );
});
