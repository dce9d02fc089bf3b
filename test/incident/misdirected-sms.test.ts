import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { buildCustomerNotice, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { wrongNumberSmsCase, wrongNumberSmsNow } from './wrong-number-sms-case.js';

// A text message with a login link sent to a wrong number, at a telecom (Persónuvernd/Nova).
const sms: CreateIncidentReportInput = {
  ...wrongNumberSmsCase,
  reference: 'INC-SMS-1',
  dataCategories: ['name', 'credentials'],
};
const now = wrongNumberSmsNow;

describe('a text message (SMS) to a wrong number', () => {
  it('is assessed like any message to a stranger: a login link in it makes the risk high', () => {
    const report = createIncidentReport(sms, { now });
    expect(report.assessment.risk).toBe('high');
    expect(report.assessment.notifyDataSubjects).toBe(true);
  });

  it.each([
    ['en', 'A text message (SMS) with personal data was sent to the wrong recipient.'],
    ['sv', 'Personuppgifter skickades med sms till fel mottagare.'],
  ] as const)('names the channel in the report (%s)', (locale, description) => {
    const text = renderIncidentReport(createIncidentReport(sms, { now }), { format: 'text', locale });
    expect(text).toContain(description);
  });

  it.each([
    [
      'en',
      'On 1 October 2024 at 09:00 we sent a text message (SMS) with details about you to someone else by mistake.',
      'We are writing to you by e-mail, not by text message, because the text message went to another number.',
    ],
    [
      'sv',
      'Den 1 oktober 2024 kl. 09.00 skickade vi av misstag ett sms med uppgifter om dig till en annan person.',
      'Vi skriver till dig med e-post, inte med sms, eftersom sms:et gick till ett annat nummer.',
    ],
  ] as const)(
    'tells the customer by e-mail what happened and why the notice comes by e-mail (%s)',
    async (locale, happened, why) => {
      const report = createIncidentReport(sms, { now });
      const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
      expect(notice.text).toContain(happened);
      expect(notice.text).toContain(why);
    },
  );
});
