import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  incidentRegisterEntry,
  type Measure,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case with a password in the message: each state of a measure (failed, decided against,
// done after a failed attempt) is said as it is in the report, the register and the notice, never
// as done when it was not.
const now = '2018-02-26T09:00:00+01:00';
const texts = async (measures: Measure[], locale: 'sv' | 'en') => {
  const report = createIncidentReport(
    { ...seedCase, recipientConfirmedDeletion: undefined, dataCategories: ['name', 'credentials'], measures },
    { locale, now },
  );
  return {
    report: renderIncidentReport(report, { locale }),
    register: incidentRegisterEntry(report, { locale }),
    notice: (await buildCustomerNotice(report, { channel: 'email', locale })).text,
    script: (await buildCustomerNotice(report, { channel: 'phone-script', locale })).text,
  };
};

describe('a check for other passwords sent to the wrong address', () => {
  it.each([
    [
      'sv',
      'Ett försök gjordes att kontrollera om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen, men kontrollen kunde inte genomföras. (loggarna saknas)',
      'Om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen kontrolleras inte. (beslutat att inte göra detta: ”adressen är spärrad”)',
      'Det ska kontrolleras',
    ],
    [
      'en',
      'An attempt was made to check whether any password or login link besides those in the message was sent to the wrong address, but the check could not be carried out. (loggarna saknas)',
      'Whether any password or login link besides those in the message was sent to the wrong address is not checked. (decided not to do this: adressen är spärrad)',
      'It is to be checked',
    ],
  ] as const)(
    'is said in %s as failed or as decided against, not as still to be done',
    async (locale, failed, rejected, pending) => {
      const tried = await texts(
        [{ id: 'check-password-reset', status: 'failed', reason: 'loggarna saknas' }],
        locale,
      );
      expect(tried.report).toContain(failed);
      expect(tried.report).not.toContain(pending);
      const declined = await texts(
        [{ id: 'check-password-reset', status: 'rejected', reason: 'adressen är spärrad' }],
        locale,
      );
      expect(declined.report).toContain(rejected);
      expect(declined.report).not.toContain(pending);
    },
  );
});

describe('a login link that could not be made invalid', () => {
  it.each([
    [
      'sv',
      'inloggningslänken eller koden kunde inte göras ogiltig (den kan fortfarande användas för att logga in på kundens konto)',
      'ska göras ogiltig',
    ],
    [
      'en',
      'login link or code could not be made invalid (it can still be used to log in to the customer’s account)',
      'to be made invalid',
    ],
  ] as const)('is counted in the register in %s as failed', async (locale, said, pending) => {
    const { register } = await texts([{ id: 'invalidate-login', status: 'failed', reason: 'x' }], locale);
    expect(register).toContain(said);
    expect(register).not.toContain(pending);
  });
});

describe('a measure tried without success', () => {
  const failedPassword: Measure = {
    id: 'new-password',
    status: 'failed',
    reason: 'systemet låg nere',
    text: 'Vi skickade ett nytt lösenord.',
  };
  it.each([
    [
      'sv',
      'Vi försökte skicka ett nytt lösenord till dig, men det lyckades inte.',
      'Vi skickade ett nytt lösenord. (misslyckades: ”systemet låg nere”)',
      'Byt lösenord',
    ],
    [
      'en',
      'We tried to send you a new password, but did not succeed.',
      'Vi skickade ett nytt lösenord. (failed: systemet låg nere)',
      'Change the password',
    ],
  ] as const)(
    'is told to the customer in %s as tried, with the caller’s text only in the report',
    async (locale, told, reported, changeNow) => {
      const { report, notice, script } = await texts([failedPassword], locale);
      for (const text of [notice, script]) {
        expect(text).toContain(told);
        expect(text).not.toContain('Vi skickade ett nytt lösenord.');
        expect(text).toContain(changeNow);
      }
      expect(report).toContain(reported);
    },
  );

  it.each([
    ['sv', 'Vi försökte med följande, men det lyckades inte: Vi spärrade nya beställningar på ditt konto.'],
    ['en', 'We tried the following, but did not succeed: Vi spärrade nya beställningar på ditt konto.'],
  ] as const)('of the caller’s own is told in %s as tried', async (locale, told) => {
    const { notice } = await texts(
      [
        {
          id: 'orders-blocked',
          status: 'failed',
          text: 'Vi spärrade nya beställningar på ditt konto.',
          forCustomer: true,
        },
      ],
      locale,
    );
    expect(notice).toContain(told);
    expect(notice.replace(told, '')).not.toContain('Vi spärrade');
  });
});

describe('a measure recorded twice, failed and then done', () => {
  const tried: Measure = { id: 'new-password', status: 'failed', doneAt: '2018-02-23T14:00:00+01:00' };
  const sent: Measure = { id: 'new-password', status: 'done', doneAt: '2018-02-23T15:00:00+01:00' };
  it.each([
    ['sv', 'Vi har skickat ett nytt lösenord till dig', 'Byt lösenord'],
    ['en', 'We sent you a new password', 'Change the password'],
  ] as const)(
    'is stated in %s as the latest entry records it, in either order',
    async (locale, done, changeNow) => {
      for (const measures of [
        [tried, sent],
        [sent, tried],
      ]) {
        const { notice, script } = await texts(measures, locale);
        for (const text of [notice, script]) {
          expect(text).toContain(done);
          expect(text).not.toContain(changeNow);
        }
      }
    },
  );
});

describe('the report’s account of the notice', () => {
  it.each([
    ['sv', 'vilka åtgärder som ska vidtas'],
    ['en', 'what is to be done'],
  ] as const)(
    'in %s names no planned measure the notice in that language leaves out',
    async (locale, planned) => {
      const { report } = await texts(
        [
          {
            id: 'log-audit',
            status: 'planned',
            texts: locale === 'sv' ? { en: 'We will audit the logs.' } : { sv: 'Vi går igenom loggarna.' },
            forCustomer: true,
          },
        ],
        locale,
      );
      expect(report).not.toContain(planned);
    },
  );
});

describe('a courtesy notice recommended and not yet given', () => {
  it.each([
    ['sv', 'underrättelse krävs inte, rekommenderas som service', 'de berörda underrättas inte'],
    ['en', 'notice not required, recommended as a courtesy', 'people concerned not told'],
  ] as const)(
    'is recorded in the %s register as such, not as a decision not to tell',
    (locale, said, decided) => {
      const report = createIncidentReport(
        { ...seedCase, recipientConfirmedDeletion: undefined, measures: [] },
        { locale, now },
      );
      expect(renderIncidentReport(report, { locale })).toMatch(/rekommenderas att informera|recommended/);
      const register = incidentRegisterEntry(report, { locale });
      expect(register).toContain(said);
      expect(register).not.toContain(decided);
    },
  );
});
