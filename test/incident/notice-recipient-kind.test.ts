import { describe, expect, it } from 'vitest';
import { buildCustomerNotice, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

async function notice(recipient: 'internal' | 'trusted' | 'unknown-individual', locale: 'sv' | 'en') {
  const report = createIncidentReport({ ...seedCase, recipient }, now);
  return buildCustomerNotice(report, { channel: 'email', locale });
}

describe('the notice names the kind of recipient the report records', () => {
  it('calls a company or organisation that, not another person', async () => {
    const sv = await notice('trusted', 'sv');
    const en = await notice('trusted', 'en');
    expect(sv.text).not.toContain('en annan person');
    expect(sv.text).toContain('Meddelandet kom därför till ett annat företag eller en annan organisation.');
    expect(sv.text).toContain('Mottagaren har kunnat se');
    expect(sv.subject).toBe(
      'Uppgifter om dig skickades av misstag till ett annat företag eller en annan organisation',
    );
    expect(en.text).not.toContain('someone else');
    expect(en.text).toContain('The message therefore reached another company or organisation.');
    expect(en.text).toContain('The recipient could see');
  });

  it('calls a colleague a colleague', async () => {
    const sv = await notice('internal', 'sv');
    const en = await notice('internal', 'en');
    expect(sv.text).toContain('Meddelandet kom därför till en kollega hos oss.');
    expect(sv.text).toContain('Kollegan har kunnat se');
    expect(en.text).toContain('The message therefore reached a colleague of ours.');
    expect(en.text).toContain('That colleague could see');
    expect(en.subject).toBe('Details about you were sent to a colleague of ours by mistake');
  });

  // The measures, the consequences and the confirmed deletion are fixed texts: each names the
  // recipient as the rest of the notice does (GDPR Art. 34(2) with Art. 33(3)(a)).
  it.each([
    [
      'trusted',
      'sv',
      [
        'Vi har kontaktat företaget eller organisationen som fick meddelandet och bett dem radera det.',
        // The risk is unlikely with an organisation bound by confidentiality: no stranger's harms.
        'mottagaren är en organisation som är bunden av tystnadsplikt eller avtal med oss',
        'Företaget eller organisationen som fick meddelandet har bekräftat för oss att det är raderat.',
      ],
      /personen|en annan person/i,
    ],
    [
      'trusted',
      'en',
      [
        'We contacted the company or organisation that received the message and asked them to delete it.',
        'The recipient is an organisation bound by confidentiality or an agreement with us',
        'The company or organisation that received the message has confirmed to us that it was deleted.',
      ],
      /\bperson\b|someone else/i,
    ],
    [
      'internal',
      'sv',
      [
        'Vi har kontaktat kollegan som fick meddelandet och bett hen radera det.',
        // A colleague is told as the report tells it: no stranger's fraud (see colleague-notice-consequences).
        'Vad det kan innebära för dig: uppgifterna har inte lämnat vår organisation.',
        'Kollegan som fick meddelandet har bekräftat för oss att det är raderat.',
      ],
      /personen|en annan person|kunna ringa vår kundtjänst|känner nu till din adress/i,
    ],
    [
      'internal',
      'en',
      [
        'We contacted the colleague who received the message and asked them to delete it.',
        'What this could mean for you: The details did not leave our organisation.',
        'The colleague who received the message has confirmed to us that it was deleted.',
      ],
      /\bperson\b|someone else|could call our customer service|now knows your address/i,
    ],
    [
      'unknown-individual',
      'sv',
      [
        'Vi har kontaktat personen som fick meddelandet och bett hen radera det.',
        'personen känner nu till din adress',
        'Med ditt namn och kundnummer skulle personen kunna ringa vår kundtjänst',
        'Personen som fick meddelandet har bekräftat för oss att det är raderat.',
      ],
      /kollega|organisation/i,
    ],
    [
      'unknown-individual',
      'en',
      [
        'We contacted the person who received the message and asked them to delete it.',
        'The person now knows your address',
        'With your name and customer number, that person could call our customer service',
        'The person who received the message has confirmed to us that it was deleted.',
      ],
      /colleague|organisation/i,
    ],
  ] as const)(
    'names the recipient of kind %s so in every fixed text (%s)',
    async (recipient, locale, sentences, never) => {
      const { text } = await notice(recipient, locale);
      for (const sentence of sentences) expect(text).toContain(sentence);
      expect(text).not.toMatch(never);
      expect(text).not.toMatch(/[{}]/);
    },
  );
});
