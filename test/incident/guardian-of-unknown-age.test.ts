import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIncidentReport, reportMisdirected, reportMisdirectedSms } from '../../src/incident/index.js';
import { elsasMisdirectedOrder } from '../support/elsas-misdirected-order.js';
import { misdirectedSmsInput } from './shared-fixtures.js';

// A child's order confirmation with the guardian's name, e-mail address and phone number on the lines
// after the label, in its plain text and its HTML table.
const message = readFileSync(
  new URL('../fixtures/incident/child-order-guardian-block.eml', import.meta.url),
  'utf8',
);
const guardianLines = 'Vårdnadshavare:\nAnna Holm\nanna.holm@telia.com\n070-123 45 67';

const email = { ...elsasMisdirectedOrder(), message, customer: { id: '4711023', name: 'Elsa Holm' } };
const now = '2024-03-11T11:00:00+01:00';

const sms = {
  ...misdirectedSmsInput,
  text: `Hej Elsa Holm! Din kod till Mina sidor är 481516.\n${guardianLines}`,
  customer: { id: '4711023', name: 'Elsa Holm', emails: ['elsa.holm2012@gmail.com'] },
};
const smsNow = '2024-10-02T09:00:00+02:00';

const question = {
  sv: 'Öppen fråga: är kunden under 18 år? Meddelandet anger en vårdnadshavare med egna kontaktuppgifter, men det är inte registrerat om kunden är ett barn.',
  en: 'Open question: is the customer under 18? The message names a parent or guardian with contact details of their own, but whether the customer is a child is not recorded.',
} as const;

// Whether the customer is a child decides who the notice is for and how many people are concerned
// (GDPR Recital 38, Art. 8(1) and 12(1); Art. 33(3)(a)): a guardian labelled in the message is a sign
// that they may be, and the person who files the report must answer it rather than read nothing.
describe('a message that labels a guardian, about a customer whose age is not recorded', () => {
  it.each(['sv', 'en'] as const)(
    'asks whether the customer is a child, in the e-mail report (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(email, { now, locale });
      expect(report.affected.minor).toBeUndefined();
      expect(report.affected.basis?.labelledGuardians).toBe(1);
      expect(renderIncidentReport(report, { locale })).toContain(question[locale]);
    },
  );

  it.each(['sv', 'en'] as const)('asks it in the text message report too (%s)', async (locale) => {
    const { report } = await reportMisdirectedSms(sms, { now: smsNow, locale });
    expect(renderIncidentReport(report, { locale })).toContain(question[locale]);
  });

  it.each([true, false])('does not ask once the facts say minor: %s', async (minor) => {
    const { report } = await reportMisdirected({ ...email, customer: { ...email.customer, minor } }, { now });
    expect(renderIncidentReport(report, { locale: 'sv' })).not.toContain('Öppen fråga');
    expect(renderIncidentReport(report, { locale: 'en' })).not.toContain('Open question');
  });

  it('does not ask where no guardian is labelled', async () => {
    const { report } = await reportMisdirected(
      { ...email, message: message.replaceAll('Vårdnadshavare:', 'Beställare:') },
      { now },
    );
    expect(renderIncidentReport(report, { locale: 'en' })).not.toContain('Open question');
  });
});

// The text message report reads its text with the e-mail report's inventory and counts people with
// its rule: a child's notice goes to the guardian, about the child, and a labelled guardian counts.
describe('a text message about a child that labels the guardian', () => {
  const child = { ...sms, customer: { ...sms.customer, minor: true } };

  it('counts the guardian as a second person', async () => {
    const { report } = await reportMisdirectedSms(child, { now: smsNow });
    expect(report.affected.dataSubjects).toBe(2);
    expect(report.affected.basis?.from).toBe('labelled-guardian');
  });

  it.each([
    [
      'sv',
      'Till vårdnadshavare för Elsa Holm,',
      'uppgifter om ditt barn',
      'Talar jag med vårdnadshavare för Elsa Holm?',
    ],
    [
      'en',
      'To the parent or guardian of Elsa Holm,',
      'details about your child',
      'Am I speaking to the parent or guardian of Elsa Holm?',
    ],
  ] as const)(
    'writes the notice and the phone script to the guardian, about the child (%s)',
    async (locale, greeting, about, asked) => {
      const { notices } = await reportMisdirectedSms(child, { now: smsNow, locale });
      expect(notices.email?.text.startsWith(greeting)).toBe(true);
      expect(notices.email?.text).toContain(about);
      expect(notices.phoneScript.text).toContain(asked);
    },
  );
});
