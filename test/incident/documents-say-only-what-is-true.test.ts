import { describe, expect, it } from 'vitest';
import {
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { SEED_INCIDENT_FACTS } from '../support/cli-inputs.js';
import { seedOrderConfirmation } from './seed-order-confirmation.js';

// The seed order confirmation as the organisation sent it, with what a trial added to it: the
// notice, the phone script and the report each say as done or known only what a fact or a measure
// recorded done says (GDPR Art. 5(1)(d), accuracy; Art. 34(2), the nature of the breach).
const locales = ['sv', 'en'] as const;
const now = '2026-12-04T01:00:00Z';

// The seed case's facts, on the day of the trial's message.
const facts = (message: string, more: Partial<ReportMisdirectedInput> = {}): ReportMisdirectedInput => ({
  ...(SEED_INCIDENT_FACTS as Omit<ReportMisdirectedInput, 'message' | 'intended' | 'actual'>),
  message,
  intended: 'anna.svensson1985@gmail.com',
  actual: 'anna.svensson185@gmail.com',
  detectedAt: '2026-12-01T14:00:00+01:00',
  ...more,
});

async function documents(input: ReportMisdirectedInput, locale: 'sv' | 'en') {
  const { report, notices } = await reportMisdirected(input, { now, locale });
  return {
    report,
    email: notices.email,
    script: notices.phoneScript.text,
    rendered: renderIncidentReport(report, { locale }),
  };
}

// Sent to a wrong address with 40 other customers in Cc: Anna's address was in neither To nor Cc.
const cc = Array.from({ length: 40 }, (_, index) => `kund${index}.namnsson${index}@gmail.com`);
const ccMessage = seedOrderConfirmation([`Cc: ${cc.join(', ')}`], []);

describe('a message meant for one customer, sent to a wrong address with 40 others in Cc', () => {
  const words = {
    sv: {
      counted:
        '42 berörda abonnenter eller användare, räknat från de 41 olika e-postadresserna i meddelandet och kunden som det var avsett för, vars adress inte fanns bland dem.',
      went: 'men det gick till andras e-postadresser, som alla som fick det kunde se; din adress syntes inte för dem.',
      saw: 'De som fick meddelandet har kunnat se de här uppgifterna om dig: namn, postadress, kundnummer och beställningar med priser.',
      unsaid: ['din bland dem', 'Din e-postadress', 'syntes för andra', 'Vi kommer att skriva för sig'],
      planned:
        'Vi kommer att skriva för sig till var och en vars adress syntes, så att ingen ser någon annans adress.',
    },
    en: {
      counted:
        '42 subscribers or individuals concerned, counted from the 41 different e-mail addresses in the message and the customer it was meant for, whose address was not among them.',
      went: 'but it went to other people’s e-mail addresses, which everyone who received it could see; your address was not shown to them.',
      saw: 'Those who received the message could see these details about you: name, postal address, customer number and orders with prices.',
      unsaid: [
        'yours among them',
        'Your e-mail address',
        'shown to other recipients',
        'We will write separately',
      ],
      planned:
        'We will write separately to each person whose address could be seen, so that nobody sees anyone else’s address.',
    },
  } as const;

  it.each(locales)('counts the customer besides the 41 addresses shown (%s)', async (locale) => {
    const { report, rendered } = await documents(facts(ccMessage), locale);
    expect(report.affected.dataSubjects).toBe(42);
    expect(rendered).toContain(words[locale].counted);
  });

  it.each(locales)(
    'tells the customer what the message showed about her, not that her address was shown (%s)',
    async (locale) => {
      for (const exposure of [{}, { exposure: 'cc' as const }]) {
        const { email, script } = await documents(facts(ccMessage, exposure), locale);
        for (const text of [email.text, script]) {
          expect(text).toContain(words[locale].went);
          expect(text).toContain(words[locale].saw);
          for (const wrong of words[locale].unsaid) expect(text).not.toContain(wrong);
        }
        expect(email.subject).not.toMatch(/e-postadress|e-mail address/);
      }
    },
  );

  it.each(locales)('promises to write to the others only once that is planned (%s)', async (locale) => {
    const { email } = await documents(
      facts(ccMessage, { measures: [{ id: 'inform-customer', status: 'planned' }] }),
      locale,
    );
    expect(email.text).toContain(words[locale].planned);
  });
});

// Another person's details in the message are theirs, not the customer's, and they are concerned too.
describe('a message that also names another person with details of their own', () => {
  const contact = seedOrderConfirmation(
    [],
    ['Kontaktperson på plats: Erik Lind, erik.lind@telia.com, 070-987 65 43'],
  );
  const coApplicant = seedOrderConfirmation([], ['Medsökande: Erik Lind, personnummer 19800101-0008']);
  const words = {
    sv: {
      aboutYou: /uppgifterna om dig: [^.]*(e-postadress|telefonnummer|personnummer)/,
      other: 'Meddelandet innehöll också uppgifter om en annan person',
      question: 'Öppen fråga: meddelandet anger också Erik Lind (Medsökande)',
      contactQuestion: 'Öppen fråga: meddelandet anger också Erik Lind (Kontaktperson på plats)',
    },
    en: {
      aboutYou: /details about you: [^.]*(e-mail address|phone number|identity number)/,
      other: 'The message also held details about another person',
      question: 'Open question: the message also names Erik Lind (Medsökande)',
      contactQuestion: 'Open question: the message also names Erik Lind (Kontaktperson på plats)',
    },
  } as const;

  it.each(locales)(
    'does not tell the customer that the other person’s details are hers (%s)',
    async (locale) => {
      for (const message of [contact, coApplicant]) {
        const { email, script } = await documents(facts(message), locale);
        for (const text of [email.text, script]) {
          expect(text).not.toMatch(words[locale].aboutYou);
          expect(text).toContain(words[locale].other);
        }
      }
    },
  );

  it.each(locales)('takes the customer named under a label for the customer (%s)', async (locale) => {
    const own = seedOrderConfirmation([], ['Kontaktperson på plats: Anna Svensson, 070-987 65 43']);
    const { report, email, rendered } = await documents(facts(own), locale);
    expect(report.affected.namedOthers).toBeUndefined();
    expect(email.text).not.toContain(words[locale].other);
    expect(rendered).not.toMatch(
      /Öppen fråga: meddelandet anger också|Open question: the message also names/,
    );
  });

  it.each(locales)(
    'asks in the report whether the other person is to be counted and told (%s)',
    async (locale) => {
      expect((await documents(facts(coApplicant), locale)).rendered).toContain(words[locale].question);
      expect((await documents(facts(contact), locale)).rendered).toContain(words[locale].contactQuestion);
    },
  );
});

// A password in the message; each measure's status walked: done is said as done, planned as to
// come, failed as tried, absent not at all, and no measure says more than it records.
describe('the measures said as their status records them', () => {
  const message = seedOrderConfirmation([], ['Lösenord: Xk29-pqL7']);
  const claims = {
    sv: {
      'new-password': {
        done: 'Vi har skickat ett nytt lösenord till dig.',
        planned: 'Vi kommer att skicka ett nytt lösenord till dig.',
        failed: 'Vi försökte skicka ett nytt lösenord till dig, men det lyckades inte.',
        report: { done: 'Ett nytt lösenord har beställts till kunden.' },
      },
      'invalidate-login': {
        done: 'Vi har gjort länken eller koden i meddelandet ogiltig',
        planned: 'Vi kommer att göra länken eller koden i meddelandet ogiltig',
        failed: 'Vi försökte göra länken eller koden i meddelandet ogiltig, men det lyckades inte',
        report: {},
      },
      'profile-note': {
        done: 'Vi har lagt in en notering hos oss',
        planned: 'Vi kommer att lägga in en notering hos oss',
        failed: 'Vi försökte lägga in en notering hos oss',
        report: {},
      },
    },
    en: {
      'new-password': {
        done: 'We sent you a new password.',
        planned: 'We will send you a new password.',
        failed: 'We tried to send you a new password, but did not succeed.',
        report: { done: 'A new password was issued to the customer.' },
      },
      'invalidate-login': {
        done: 'We made the link or code in the message invalid',
        planned: 'We will make the link or code in the message invalid',
        failed: 'We tried to make the link or code in the message invalid, but did not succeed',
        report: {},
      },
      'profile-note': {
        done: 'We added a note',
        planned: 'We will add a note',
        failed: 'We tried to add a note',
        report: {},
      },
    },
  } as const;
  const statuses = ['done', 'planned', 'failed', undefined] as const;
  const never = { sv: 'tidigare skickade länkar', en: 'links sent earlier' } as const;

  for (const locale of locales) {
    for (const id of ['new-password', 'invalidate-login', 'profile-note'] as const) {
      it.each(statuses)(`says ${id} as %s records it (${locale})`, async (status) => {
        const measures = status === undefined ? [] : [{ id, status }];
        const { email, script, rendered } = await documents(facts(message, { measures }), locale);
        const said = claims[locale][id];
        for (const text of [email.text, script]) {
          for (const state of ['done', 'planned', 'failed'] as const) {
            if (state === status) expect(text).toContain(said[state]);
            else expect(text).not.toContain(said[state]);
          }
          expect(text).not.toContain(never[locale]);
        }
        expect(rendered).not.toContain(never[locale]);
        if ('done' in said.report) {
          if (status === 'done') expect(rendered).toContain(said.report.done);
          else expect(rendered).not.toContain(said.report.done);
        }
      });
    }
  }

  it.each(locales)(
    'says a new password sent and a failed attempt to void the link without contradicting itself (%s)',
    async (locale) => {
      const { script } = await documents(
        facts(message, {
          measures: [
            { id: 'new-password', status: 'done' },
            { id: 'invalidate-login', status: 'failed' },
          ],
        }),
        locale,
      );
      expect(script).toContain(claims[locale]['new-password'].done);
      expect(script).toContain(claims[locale]['invalidate-login'].failed);
      expect(script).not.toContain(never[locale]);
    },
  );
});
