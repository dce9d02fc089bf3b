import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { renderIncidentReport, reportMisdirectedSms } from '../../src/incident/index.js';
import { misdirectedSmsInput } from './shared-fixtures.js';

const facts = misdirectedSmsInput;
const now = '2024-10-02T09:00:00+02:00';

describe('reportMisdirectedSms', () => {
  it('reports a text message to a wrong number with the numbers in E.164 and the data in the text', async () => {
    const result = await reportMisdirectedSms(facts, { now });
    expect(result.report.incident.circumstances).toBe('misdirected-sms');
    expect(result.inventory.categories).toEqual(expect.arrayContaining(['name', 'customer-number']));
    expect(result.report.data.categories).toEqual(expect.arrayContaining(['name', 'customer-number']));
    expect(result.intended).toBe('+46701234567');
    expect(result.actual).toBe('+46701234576');
  });

  it.each([
    ['en', 'A text message (SMS) meant for +46701234567 was sent to +46701234576.'],
    ['sv', 'Ett sms som skulle till +46701234567 skickades till +46701234576.'],
  ] as const)('names both numbers in the report (%s)', async (locale, sentence) => {
    const result = await reportMisdirectedSms(facts, { now, locale });
    expect(renderIncidentReport(result.report, { format: 'text', locale })).toContain(sentence);
  });

  it.each(['en', 'sv'] as const)(
    "sends the notice to the customer's e-mail address, never to a number (%s)",
    async (locale) => {
      const result = await reportMisdirectedSms(facts, { now, locale });
      expect(result.notices.email?.to).toBe('anna.svensson1985@gmail.com');
      expect(result.notices.phoneScript.text).toContain('Anna');
    },
  );

  it.each(['en', 'sv'] as const)(
    'gives a phone script only when the customer has no e-mail address (%s)',
    async (locale) => {
      const { emails: _emails, ...customer } = facts.customer;
      const result = await reportMisdirectedSms({ ...facts, customer }, { now, locale });
      expect(result.notices.email).toBeUndefined();
      expect(result.notices.phoneScript.text.length).toBeGreaterThan(0);
    },
  );

  it.each([
    ['intended', 'not a number'],
    ['actual', '+46 70 123'],
    ['actual', '070-123 45 67\r\nBcc: x@example.com'],
  ] as const)('refuses a %s that is not a phone number (%j), naming the field', async (field, value) => {
    const refused = await reportMisdirectedSms({ ...facts, [field]: value }, { now }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).field).toBe(`input.${field}`);
  });

  it('refuses the intended number as the one it went to', async () => {
    const refused = await reportMisdirectedSms({ ...facts, actual: '+46701234567' }, { now }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).field).toBe('input.actual');
  });

  describe('an organisation that notifies in several countries (SE and GB)', () => {
    const organisation = { ...facts.organisation, country: 'SE', countries: ['SE', 'GB'] };

    it('reads a local number in the main country first, then in the others', async () => {
      // 070-123 45 67 is a Swedish mobile number only; 07400 123456 a British one only (libphonenumber-js metadata).
      const result = await reportMisdirectedSms(
        { ...facts, organisation, intended: '070-123 45 67', actual: '07400 123456' },
        { now },
      );
      expect(result.intended).toBe('+46701234567');
      expect(result.actual).toBe('+447400123456');
    });

    it.each([
      ['en', 'reads as a number in more than one country (+46169772345, +44169772345)'],
      ['sv', 'kan läsas som ett nummer i mer än ett land (+46169772345, +44169772345)'],
    ] as const)(
      'refuses a local number valid in two of the countries, naming both readings (%s)',
      async (locale, message) => {
        // 016977 2345 is a number in Brampton, Cumbria, and 0169-77 23 45 one in Sweden.
        const refused = await reportMisdirectedSms(
          { ...facts, organisation, actual: '016977 2345' },
          { now, locale },
        ).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(InvalidInputError);
        expect((refused as InvalidInputError).field).toBe('input.actual');
        expect((refused as InvalidInputError).message).toContain(message);
      },
    );

    it('still refuses a British local number for a Swedish organisation alone', async () => {
      const refused = await reportMisdirectedSms({ ...facts, actual: '07400 123456' }, { now }).catch(
        (error: unknown) => error,
      );
      expect((refused as InvalidInputError).field).toBe('input.actual');
    });
  });
});
