import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

// The script goes on to tell what a stranger saw: it is told to the customer only, after a check
// that asks for what the record holds and reads nothing out (GDPR Art. 5(1)(f), Art. 32(1)(b)).
describe('the phone script’s identity check', () => {
  for (const [locale, asks, neverReads, fails] of [
    [
      'sv',
      'Kan du säga ditt kundnummer, eller din postadress och ditt födelsedatum?',
      'Läs aldrig upp en uppgift för personen att bekräfta',
      'underrätta kunden på annat sätt, till exempel med brev',
    ],
    [
      'en',
      'Could you tell me your customer number, or your postal address and date of birth?',
      'Never read a detail out for the person to confirm',
      'tell the customer another way, for example by letter',
    ],
  ] as const)
    it(`says what to ask for, what never to read out, and what to do when it fails (${locale})`, async () => {
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
      expect(texts.slice(0, told).join(' ')).toContain(fails);
      // Nothing the record holds is read out before the check: the address, the number, the e-mail.
      expect(texts.slice(0, told).join(' ')).not.toMatch(/4711023|anna\.svensson/);
      // The answers to the check are not noted in the script.
      expect(script.text.split(asks)[1]?.trimStart()).not.toMatch(/^\[(Svar|Answer): \]/);
    });
});
