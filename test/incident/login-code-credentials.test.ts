import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  buildCustomerNotice,
  type CreateIncidentReportInput,
  createIncidentReport,
  type IncidentReport,
  renderIncidentReport,
  reportMisdirectedSms,
} from '../../src/incident/index.js';
import { misdirectedSmsInput, refusedPaths } from './shared-fixtures.js';
import { wrongNumberSmsCase, wrongNumberSmsNow } from './wrong-number-sms-case.js';

const now = '2026-12-02T09:00:00+01:00';
// A telecom's one-time code for its customer pages, valid for 10 minutes, sent to a wrong number and
// found 33 minutes later.
const loginCodeSms = {
  ...misdirectedSmsInput,
  text: 'Norrsken Tele: Din engångskod för inloggning på Mina sidor är 739201. Koden gäller i 10 minuter. Dela den aldrig med någon.',
  customer: { id: '5520977', name: 'Eva Björk', emails: ['eva.bjork@outlook.com'] },
  reference: 'NT-INC-2026-0145',
  occurredAt: '2026-12-01T07:42:00+01:00',
  detectedAt: '2026-12-01T08:15:00+01:00',
};
const passwordAdvice = { sv: 'Byt lösenord', en: 'Change your password' } as const;
const codeInvalid = {
  sv: 'Koden i sms:et gäller inte längre: logga in på nytt med en ny kod',
  en: 'The code in the text message is no longer valid: log in again with a new code',
} as const;
const codeNamed = {
  sv: 'Engångskoden kan ge tillgång till kundens konto så länge den gäller.',
  en: 'The one-time code could give access to the customer’s account while it is valid.',
} as const;
const loginDetails = {
  sv: 'Länken eller inloggningsuppgifterna',
  en: 'The link or login details',
} as const;

/** The e-mail notice says the code no longer works and gives no password advice. */
async function expectCodeNoLongerValid(report: IncidentReport, locale: 'sv' | 'en') {
  const notice = await buildCustomerNotice(report, { channel: 'email', locale, to: 'eva.bjork@outlook.com' });
  expect(notice.text).toContain(codeInvalid[locale]);
  expect(notice.text).not.toContain(passwordAdvice[locale]);
}

describe('a one-time login code among the credentials', () => {
  it.each(['sv', 'en'] as const)(
    'records the code as a login code and proposes to invalidate it, not a new password (%s)',
    async (locale) => {
      const { report } = await reportMisdirectedSms(loginCodeSms, { now, locale });
      expect(report.data.credentialKinds).toEqual(['login-code']);
      expect(report.measures.map((measure) => measure.id)).toContain('invalidate-login');
      expect(report.measures.map((measure) => measure.id)).not.toContain('new-password');
      const text = renderIncidentReport(report, { format: 'text', locale });
      expect(text).toContain(codeNamed[locale]);
      expect(text).not.toContain(loginDetails[locale]);
    },
  );

  it.each(['sv', 'en'] as const)(
    'tells the customer the code no longer works once it was made invalid, with no password advice (%s)',
    async (locale) => {
      const { report } = await reportMisdirectedSms(
        {
          ...loginCodeSms,
          measures: [{ id: 'invalidate-login', status: 'done', doneAt: '2026-12-01T08:20:00+01:00' }],
        },
        { now, locale },
      );
      await expectCodeNoLongerValid(report, locale);
    },
  );

  it.each(['sv', 'en'] as const)(
    'does not make the risk high for a code that had expired, and proposes nothing to invalidate (%s)',
    async (locale) => {
      const { report } = await reportMisdirectedSms(
        { ...loginCodeSms, credentialsExpired: true },
        { now, locale },
      );
      expect(report.assessment.risk).not.toBe('high');
      expect(report.assessment.reasons.map((reason) => reason.code)).toContain('credentials-expired');
      expect(report.assessment.reasons.map((reason) => reason.code)).not.toContain('account-takeover');
      expect(report.subscriberNotice.required).toBe(false);
      expect(report.measures.map((measure) => measure.id)).not.toContain('invalidate-login');
      await expectCodeNoLongerValid(report, locale);
    },
  );

  it.each([
    ['sv', 'Engångskoden hade slutat gälla innan den kunde användas'],
    ['en', 'The one-time code had expired before it could be used'],
  ] as const)('says a code expired when the facts say so, not an either/or (%s)', async (locale, expired) => {
    const { report } = await reportMisdirectedSms(
      { ...loginCodeSms, credentialsExpired: true },
      { now, locale },
    );
    const text = renderIncidentReport(report, { locale, format: 'text' });
    expect(text).toContain(expired);
    expect(text).not.toMatch(/eller gjordes ogiltig|or was made invalid/);
  });

  it('still makes a code that was valid when it reached a stranger a high risk', async () => {
    const { report } = await reportMisdirectedSms(loginCodeSms, { now });
    expect(report.assessment.risk).toBe('high');
  });

  it('proposes to invalidate a login code sent by e-mail, with no new password, and neither once it expired', () => {
    const loginCodeEmail = {
      ...wrongNumberSmsCase,
      circumstances: 'misdirected-email',
      reference: 'INC-CODE',
      dataCategories: ['name', 'credentials'],
      credentialKinds: ['login-code'],
    } satisfies CreateIncidentReportInput;
    const ids = (expired: boolean) =>
      createIncidentReport(
        { ...loginCodeEmail, ...(expired ? { credentialsExpired: true } : {}) },
        { now: wrongNumberSmsNow },
      ).measures.map((measure) => measure.id);
    expect(ids(false)).toContain('invalidate-login');
    expect(ids(false)).not.toContain('new-password');
    expect(ids(true)).not.toContain('invalidate-login');
    expect(ids(true)).not.toContain('new-password');
  });

  it('keeps a new password proposed where the credentials include a password', () => {
    const report = createIncidentReport(
      {
        ...wrongNumberSmsCase,
        circumstances: 'misdirected-email',
        reference: 'INC-PW',
        dataCategories: ['name', 'credentials'],
        credentialKinds: ['password', 'login-code'],
      },
      { now: wrongNumberSmsNow },
    );
    expect(report.measures.map((measure) => measure.id)).toContain('new-password');
  });

  it('refuses what the credentials were where the data holds none', () => {
    const paths = refusedPaths(() =>
      createIncidentReport(
        {
          ...wrongNumberSmsCase,
          reference: 'INC-NONE',
          dataCategories: ['name'],
          credentialKinds: ['login-code'],
          credentialsExpired: true,
        },
        { now: wrongNumberSmsNow },
      ),
    );
    expect(paths).toEqual(['input.credentialKinds', 'input.credentialsExpired']);
    const { regimes, dataSubjects, recipient } = wrongNumberSmsCase;
    const facts = { regimes: [...regimes], dataSubjects, recipient, credentialsExpired: true };
    expect(refusedPaths(() => assessBreach({ ...facts, dataCategories: ['name'] }))).toEqual([
      'facts.credentialsExpired',
    ]);
  });

  it('refuses a kind of credential it does not know', () => {
    expect(
      refusedPaths(() =>
        createIncidentReport(
          {
            ...wrongNumberSmsCase,
            reference: 'INC-KIND',
            dataCategories: ['credentials'],
            credentialKinds: ['pin' as 'password'],
          },
          { now: wrongNumberSmsNow },
        ),
      ),
    ).toEqual(['input.credentialKinds.0']);
  });
});

describe('a one-time code and a login link made invalid, with no password sent', () => {
  // A telecom's code with a login link: no password was ever sent, so none is left to change.
  const codeAndLink = {
    ...loginCodeSms,
    text: 'Norrsken Tele: Din engångskod är 739201. Logga in här: https://minasidor.norrskentele.se/login?token=Qx81fZ02aa. Dela den aldrig med någon.',
    measures: [{ id: 'invalidate-login', status: 'done' as const, doneAt: '2026-12-01T08:20:00+01:00' }],
  };
  const said = {
    sv: ['länken och inloggningsuppgifterna i sms:et fungerar inte längre', 'Byt lösenord till ditt konto'],
    en: ['The link and login details in the text message no longer work', 'Change the password of your'],
  } as const;

  it.each(['sv', 'en'] as const)('tells the customer to change no password (%s)', async (locale) => {
    const { report } = await reportMisdirectedSms(codeAndLink, { now, locale });
    expect(report.data.credentialKinds).not.toContain('password');
    const notice = await buildCustomerNotice(report, {
      channel: 'email',
      locale,
      to: 'eva.bjork@outlook.com',
    });
    const script = await buildCustomerNotice(report, { channel: 'phone-script', locale });
    for (const text of [notice.text, script.text]) {
      const [linkGone, changePassword] = said[locale];
      expect(text).toContain(linkGone);
      expect(text).not.toContain(changePassword);
      expect(text).not.toContain(passwordAdvice[locale]);
    }
  });
});
