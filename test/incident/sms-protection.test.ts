import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { wrongNumberSmsCase, wrongNumberSmsNow } from './wrong-number-sms-case.js';

// A text message with an order's details sent to a wrong number (Persónuvernd/Nova for the channel).
const sms: CreateIncidentReportInput = {
  ...wrongNumberSmsCase,
  reference: 'INC-SMS-2',
  dataCategories: ['name', 'order-details'],
};
const now = wrongNumberSmsNow;

/** The paragraphs under a heading of a text report, up to the next heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  const rest = text.slice(start + heading.length + 2);
  return rest.slice(0, rest.search(/\n\S/)).trim();
}

const headings = {
  sv: 'Tekniska och organisatoriska skyddsåtgärder för de berörda uppgifterna',
  en: 'Technical and organisational measures applied to the data concerned',
} as const;

describe('the protection of a text message is said as the channel allows', () => {
  it.each([
    [
      'sv',
      'Meddelandet skickades som vanligt sms, som inte är krypterat hela vägen till mottagaren; texten kan visas på den mottagande telefonens låsskärm utan att telefonen låses upp.',
    ],
    [
      'en',
      'The message was sent as an ordinary text message (SMS), which is not encrypted end to end; its text can be shown on the receiving phone’s lock screen without the phone being unlocked.',
    ],
  ] as const)('says an SMS is unencrypted and can be read on the lock screen (%s)', (locale, said) => {
    const text = renderIncidentReport(createIncidentReport(sms, { now }), { locale });
    expect(section(text, headings[locale])).toBe(said);
  });

  it.each(['sv', 'en'] as const)(
    'says no more than that it came back undelivered where it did, not what a reader could see (%s)',
    (locale) => {
      const text = renderIncidentReport(createIncidentReport({ ...sms, returnedUnopened: true }, { now }), {
        locale,
      });
      expect(section(text, headings[locale])).not.toMatch(/låsskärm|lock screen/);
    },
  );
});
