import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case's message held the name, postal address, customer number and order.
const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

async function scriptTexts(facts: typeof seedCase, locale: 'sv' | 'en') {
  const script = await buildCustomerNotice(
    createIncidentReport(facts, { now: '2018-02-23T15:10:00+01:00' }),
    {
      channel: 'phone-script',
      locale,
      customerName: 'Anna Svensson',
    },
  );
  return script.steps.map((step) => step.text);
}

// The script goes on to tell what a stranger saw: it is told to the customer only, after a check
// that asks for what the record holds and the misdirected message did not, and reads nothing out
// (GDPR Art. 5(1)(f), Art. 32(1)(b)).
describe('the phone script’s identity check', () => {
  for (const [locale, asks, neverReads, fails] of [
    [
      'sv',
      'Kan du säga de fyra sista siffrorna i ditt personnummer eller ditt födelsedatum?',
      'Läs aldrig upp en uppgift för personen att bekräfta',
      'underrätta kunden på annat sätt, till exempel med brev',
    ],
    [
      'en',
      'Could you tell me the last four digits of your personal identity number or your date of birth?',
      'Never read a detail out for the person to confirm',
      'tell the customer another way, for example by letter',
    ],
  ] as const)
    it(`asks only for what the message did not hold, reads nothing out, and says what to do when it fails (${locale})`, async () => {
      const script = await buildCustomerNotice(report, {
        channel: 'phone-script',
        locale,
        customerName: 'Anna Svensson',
      });
      const texts = script.steps.map((step) => step.text);
      const check = texts.findIndex((text) => text.includes(asks));
      const told = texts.findIndex((text) => /Orderbekräftelse/.test(text));
      // The check comes before anything about the matter is said.
      expect(check).toBeGreaterThan(0);
      expect(check).toBeLessThan(told);
      expect(texts[check]).toContain(neverReads);
      // The customer number and the address reached the stranger: asking for them proves nothing.
      expect(texts[check]).not.toMatch(
        /ditt kundnummer|din postadress|your customer number|your postal address/,
      );
      expect(texts.slice(0, told).join(' ')).toContain(fails);
      // Nothing the record holds is read out before the check: the address, the number, the e-mail.
      expect(texts.slice(0, told).join(' ')).not.toMatch(/4711023|anna\.svensson/);
      // The answers to the check are not noted in the script.
      expect(script.text.split(asks)[1]?.trimStart()).not.toMatch(/^\[(Svar|Answer): \]/);
    });

  it('asks for neither the identity number nor the birth date once the identity number was in the message', async () => {
    const facts = {
      ...seedCase,
      dataCategories: ['name', 'national-id-number', 'order-details'],
    } as typeof seedCase;
    const sv = (await scriptTexts(facts, 'sv')).join('\n');
    const en = (await scriptTexts(facts, 'en')).join('\n');
    expect(sv).toContain('Kan du säga ditt kundnummer eller din postadress?');
    expect(en).toContain('Could you tell me your customer number or your postal address?');
    expect(sv).not.toMatch(/personnummer eller|ditt födelsedatum/);
    expect(en).not.toMatch(/identity number or|your date of birth/);
  });

  it('asks for no detail and calls back on the number on file when every detail was in the message', async () => {
    const facts = {
      ...seedCase,
      dataCategories: ['name', 'postal-address', 'customer-number', 'national-id-number'],
    } as typeof seedCase;
    const sv = (await scriptTexts(facts, 'sv')).join('\n');
    const en = (await scriptTexts(facts, 'en')).join('\n');
    expect(sv).not.toContain('Kan du säga');
    expect(en).not.toContain('Could you tell me');
    expect(sv).toContain('ring upp på det telefonnummer som kundkortet hade före incidenten');
    expect(en).toContain('call back on the phone number the customer record held before the incident');
  });
});
