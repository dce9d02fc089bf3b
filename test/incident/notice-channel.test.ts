import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput, IncidentReport } from '../../src/incident/index.js';
import { buildCustomerNotice, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';

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
    'tells what happened in the caller’s own words, written for the customer, for other circumstances, never "that person" without an antecedent (%s)',
    async (locale, description) => {
      const report = createIncidentReport({ ...base, circumstances: 'other', description }, { now });
      const notice = await buildCustomerNotice(report, {
        channel: 'email',
        locale,
        to: 'anna@example.se',
        descriptionForCustomer: true,
      });
      expect(notice.text).toContain(description);
      expect(notice.text).not.toMatch(/That person|Den personen/);
      const bare = createIncidentReport({ ...base, circumstances: 'other' }, { now });
      const bareNotice = await buildCustomerNotice(bare, { channel: 'email', locale, to: 'anna@example.se' });
      expect(bareNotice.text).not.toMatch(/That person|Den personen/);
    },
  );
});

async function expectNoticeSays(
  report: IncidentReport,
  locale: 'sv' | 'en',
  sentences: readonly string[],
  never: RegExp,
): Promise<void> {
  const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
  for (const sentence of sentences) expect(notice.text).toContain(sentence);
  expect(notice.text).not.toMatch(never);
}

// Every fixed text names what went astray as what it was: a letter is "brevet", a text message
// "sms:et" (GDPR Art. 34(2) with Art. 33(3)(a): the nature of the breach).
describe('the notice’s fixed texts name the letter and the text message as such', () => {
  it.each([
    [
      'sv',
      'Brevet kom tillbaka till oss oöppnat, så ingen annan har sett de här uppgifterna om dig',
      /meddelande/i,
    ],
    ['en', 'The letter came back to us unopened, so nobody else saw these details about you', /message/i],
  ] as const)('says a letter that came back unopened is the letter (%s)', async (locale, sentence, never) => {
    const report = createIncidentReport({ ...base, returnedUnopened: true }, { now });
    const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
    expect(notice.text).toContain(sentence);
    expect(notice.text).not.toMatch(never);
  });

  it.each([
    [
      'sv',
      [
        'Vi har kontaktat personen som fick brevet och bett hen skicka tillbaka det eller förstöra det.',
        'Personen som fick brevet har bekräftat för oss att det är förstört.',
        'Vi har rättat din postadress hos oss.',
      ],
      /meddelande/i,
    ],
    [
      'en',
      [
        'We contacted the person who received the letter and asked them to return or destroy it.',
        'The person who received the letter has confirmed to us that it was destroyed.',
        'We corrected your postal address in our records.',
      ],
      /message/i,
    ],
  ] as const)(
    'says what was done about a letter as about a letter (%s)',
    async (locale, sentences, never) => {
      const report = createIncidentReport(
        {
          ...base,
          recipientConfirmedDeletion: true,
          measures: [
            { id: 'return-or-destroy-letter', status: 'done' },
            { id: 'correct-postal-address', status: 'done' },
          ],
        },
        { now },
      );
      await expectNoticeSays(report, locale, sentences, never);
    },
  );

  it.each([
    [
      'sv',
      [
        'Vi har gjort länken eller koden i sms:et ogiltig',
        'engångskoden i sms:et gäller inte längre och ger ingen tillgång till ditt konto.',
        'Koden i sms:et gäller inte längre: logga in på nytt med en ny kod',
        'Vi har kontaktat personen som fick sms:et och bett hen radera det.',
        'Vi har tagit bort det felaktiga numret och lagt in ditt rätta nummer.',
      ],
      /meddelandet|e-postadress/i,
    ],
    [
      'en',
      [
        'We made the link or code in the text message invalid',
        'The one-time code in the text message is no longer valid and gives no access to your account.',
        'The code in the text message is no longer valid: log in again with a new code',
        'We contacted the person who received the text message and asked them to delete it.',
        'We removed the wrong number and entered your correct one.',
      ],
      /the message|e-mail address/i,
    ],
  ] as const)(
    'says what was done about a text message as about a text message (%s)',
    async (locale, sentences, never) => {
      const report = createIncidentReport(
        {
          ...base,
          circumstances: 'misdirected-sms',
          dataCategories: ['credentials'],
          credentialKinds: ['login-code'],
          measures: [
            { id: 'invalidate-login', status: 'done' },
            { id: 'recall-and-delete', status: 'done' },
            { id: 'correct-address', status: 'done' },
          ],
        },
        { now },
      );
      await expectNoticeSays(report, locale, sentences, never);
    },
  );
});

describe('the request made again fits what went astray', () => {
  const again = [{ id: 'contact-recipient-again', status: 'planned' as const }];
  it.each([
    ['sv', 'misdirected-email', 'och be hen radera det.', 'lämna tillbaka'],
    ['en', 'misdirected-email', 'and ask them to delete it.', 'return'],
    ['sv', 'misdirected-post', 'och be hen skicka tillbaka det eller förstöra det.', 'radera'],
    ['en', 'misdirected-post', 'and ask them to return or destroy it.', 'delete'],
  ] as const)('asks %s: for %s, %s', async (locale, circumstances, request, unfit) => {
    const report = createIncidentReport({ ...base, circumstances, measures: again }, { now });
    const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
    const line = notice.text.split('\n').find((text) => text.includes('igen') || text.includes('again'));
    expect(line).toContain(request);
    expect(line).not.toContain(unfit);
  });
});

describe('the report’s request made again fits an e-mail', () => {
  it.each([
    ['sv', 'återlämna'],
    ['en', 'delete or return'],
  ] as const)('asks no one to return an e-mail (%s)', (locale, unfit) => {
    const report = createIncidentReport(
      {
        ...base,
        circumstances: 'misdirected-email',
        measures: [{ id: 'contact-recipient-again', status: 'planned' }],
      },
      { now },
    );
    // The decisions cited describe their own cases (a file a lawyer "deleted or returned"): only the
    // report's own words are read here.
    expect(withoutPrecedents(renderIncidentReport(report, { locale }))).not.toContain(unfit);
  });
});

/** A rendered report without its section of comparable decisions (a heading, then indented lines). */
function withoutPrecedents(text: string): string {
  const headings = [
    'Jämförbara beslut från tillsynsmyndigheter',
    'Comparable decisions of supervisory authorities',
  ];
  let skipping = false;
  return text
    .split('\n')
    .filter((line) => {
      if (headings.includes(line)) skipping = true;
      else if (line !== '' && !line.startsWith(' ')) skipping = false;
      return !skipping;
    })
    .join('\n');
}
