import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
  reportMisdirected,
  reportMisdirectedSms,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput, misdirectedSmsInput } from './shared-fixtures.js';

const now = '2024-10-02T09:00:00+02:00';
const ids = (measures: readonly { id: string; status: string }[]) =>
  measures.map((measure) => `${measure.id}: ${measure.status}`);

const proposedInReport = {
  sv: 'Inloggningslänken, länken för att byta lösenord eller engångskoden som nådde fel person ska göras ogiltig och kontots öppna sessioner avslutas, eftersom den som har en giltig länk eller kod kan logga in på kundens konto.',
  en: 'The login link, password-reset link or one-time code that reached the wrong person is to be made invalid and the account’s open sessions ended, since whoever holds a valid link or code can log in to the customer’s account.',
} as const;
const inRegister = {
  sv: 'inloggningslänken eller koden ska göras ogiltig (den kan användas för att logga in på kundens konto)',
  en: 'login link or code to be made invalid (it can be used to log in to the customer’s account)',
} as const;

describe('a login link or one-time code that reached the wrong person', () => {
  it.each(['sv', 'en'] as const)(
    'proposes to invalidate the code of a text message, with the reason, in the report and the register (%s)',
    async (locale) => {
      const { report } = await reportMisdirectedSms(misdirectedSmsInput, { now, locale });
      expect(ids(report.measures)).toEqual(['invalidate-login: proposed']);
      expect(renderIncidentReport(report, { format: 'text', locale })).toContain(proposedInReport[locale]);
      expect(incidentRegisterEntry(report, { locale })).toContain(inRegister[locale]);
    },
  );

  it.each(['sv', 'en'] as const)(
    'proposes to invalidate a password-reset link sent by e-mail, beside a new password (%s)',
    async (locale) => {
      const { report } = await reportMisdirected(
        {
          ...misdirectedInput,
          message: `Date: Fri, 23 Feb 2018 13:36:12 +0100\r\nTo: anna.svensson185@gmail.com\r\nSubject: Byt lösenord\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej Anna Svensson! Byt ditt lösenord här: https://nordkabel.se/reset-password?token=k3J9xQ2mP7vL4sT8wZ1a\r\n`,
        },
        { now: '2018-02-23T15:00:00+01:00', locale },
      );
      expect(ids(report.measures)).toContain('invalidate-login: proposed');
      expect(ids(report.measures)).toContain('new-password: proposed');
      expect(renderIncidentReport(report, { format: 'text', locale })).toContain(proposedInReport[locale]);
      expect(incidentRegisterEntry(report, { locale })).toContain(inRegister[locale]);
    },
  );

  it.each([
    ['sv', 'vi gör länken eller koden i sms:et ogiltig och loggar ut alla inloggningar på ditt konto'],
    ['en', 'we make the link or code in the text message invalid and sign out every session on your account'],
  ] as const)('says the proposal to the customer in a notice the law requires (%s)', async (locale, said) => {
    const { report } = await reportMisdirectedSms(misdirectedSmsInput, { now, locale });
    expect(report.subscriberNotice.required).toBe(true);
    const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'anna@example.se' });
    expect(notice.text).toContain(said);
  });

  it('names the invalidation as done in the register once it is recorded as done', async () => {
    const { report } = await reportMisdirectedSms(
      { ...misdirectedSmsInput, measures: [{ id: 'invalidate-login', status: 'done' }] },
      { now },
    );
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain('login link or code made invalid');
    expect(renderIncidentReport(report, { format: 'text', locale: 'en' })).toContain(
      'was made invalid and the account’s open sessions were ended',
    );
  });

  it('proposes nothing to invalidate without login details, or where they are only the key of an attachment sent along', () => {
    const { measures: _given, recipientConfirmedDeletion: _deleted, ...rest } = seedCase;
    expect(ids(createIncidentReport(rest).measures)).not.toContain('invalidate-login: proposed');
    const sms = createIncidentReport({ ...rest, circumstances: 'misdirected-sms', misdirected: undefined });
    expect(sms.measures).toEqual([]);
    const key = createIncidentReport({
      ...rest,
      dataCategories: [...rest.dataCategories, 'credentials'],
      encrypted: true,
      keyExposed: true,
    });
    expect(ids(key.measures)).not.toContain('invalidate-login: proposed');
  });
});
