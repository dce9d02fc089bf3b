import { describe, expect, it } from 'vitest';
import {
  incidentRegisterEntry,
  type ReportMisdirectedInput,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';

// A customer-service lead's and a DPO's trial: an order confirmation that also held the link to
// create the customer's password reached a stranger, and each sentence of the notice, the phone
// script and the report was read against the measures recorded.
const body = [
  'Hej Lars Nilsson!',
  '',
  'Tack för din beställning hos Fjällbo Hem & Hälsa.',
  'Ordernummer: 100234',
  'Kundnummer: 88123',
  '',
  'Leveransadress:',
  'Lars Nilsson',
  'Storgatan 12',
  '352 31 Växjö',
  '',
  'Skapa ditt lösenord till Mina sidor: https://fjallbo.se/konto/aterstall?token=9f8e7d6c5b4a3928171615',
  '',
].join('\r\n');

const input: ReportMisdirectedInput = {
  message: [
    'From: Fjällbo Hem & Hälsa <order@fjallbo.se>',
    'To: lars.nilsson@telia.com',
    'Subject: =?UTF-8?Q?Orderbekr=C3=A4ftelse_100234?=',
    'Date: Mon, 30 Nov 2026 14:12:00 +0100',
    'Message-ID: <100234@fjallbo.se>',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    body,
  ].join('\r\n'),
  intended: 'lars.nilsson@telia.se',
  actual: 'lars.nilsson@telia.com',
  customer: { id: '88123', name: 'Lars Nilsson', emails: ['lars.nilsson@telia.se'] },
  organisation: {
    name: 'Fjällbo Hem & Hälsa AB',
    customerServicePhone: '010-222 33 00',
    noticeFrom: 'kundservice@fjallbo.se',
    country: 'SE',
    regimes: ['gdpr'],
    contact: { name: 'Maria Lindqvist', email: 'dso@fjallbo.se', phone: '010-222 33 99' },
  },
  reference: 'FJ-INC-2026-001',
  detectedAt: '2026-12-01T09:30:00+01:00',
  recipient: 'unknown-individual',
};

const now = '2026-12-03T06:00:00Z';
const resetDone: Partial<ReportMisdirectedInput> = {
  measures: [
    { id: 'invalidate-login', status: 'done', doneAt: '2026-12-01T09:45:00+01:00' },
    { id: 'new-password', status: 'done', doneAt: '2026-12-01T09:50:00+01:00' },
  ],
};

async function outputs(locale: 'sv' | 'en', more: Partial<ReportMisdirectedInput> = {}) {
  const { report, notices } = await reportMisdirected({ ...input, ...more }, { locale, now });
  return {
    report,
    notice: notices.email?.text ?? '',
    script: notices.phoneScript.text,
    rendered: renderIncidentReport(report, { locale }),
    register: incidentRegisterEntry(report, { locale }),
  };
}

const words = {
  sv: {
    checkAny: 'kontrollera att inga lösenord eller inloggningslänkar har skickats',
    checkedAny: 'kontrolleras att inga lösenord eller inloggningslänkar har skickats',
    checkOthers:
      'vi kontrollerar om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen.',
    checkOthersReport:
      'Det ska kontrolleras om fler lösenord eller inloggningslänkar än de i meddelandet har skickats till den felaktiga adressen.',
    change: /Byt lösenord/,
    sendNew: 'skicka ett nytt lösenord till dig',
    doNow:
      'Det här bör du göra nu:\n- Byt lösenord till ditt konto hos oss nu, så att ingen annan kan logga in på det.',
    watch: 'Det här kan du vara uppmärksam på:',
    linkGone:
      'Länken och inloggningsuppgifterna i meddelandet fungerar inte längre och ger ingen tillgång till ditt konto.',
    linkCould: 'skulle kunna ge personen tillgång till ditt konto',
    sent: 'Vi har skickat ett nytt lösenord till dig',
    reportLinkGone:
      'Länken eller inloggningsuppgifterna kunde ge tillgång till kundens konto tills de gjordes ogiltiga; de fungerar inte längre.',
    reportLinkCan: 'Länken eller inloggningsuppgifterna kan ge tillgång till kundens konto.',
    noticeSaysDoNow: 'att kunden bör byta lösenord nu,',
  },
  en: {
    checkAny: 'check that no password or login link was sent',
    checkedAny: 'checked that no password or login link was sent',
    checkOthers:
      'we check whether any password or login link besides those in the message was sent to the wrong address.',
    checkOthersReport:
      'It is to be checked whether any password or login link besides those in the message was sent to the wrong address.',
    change: /Change (?:your|the) password/,
    sendNew: 'send you a new password',
    doNow:
      'What you should do now:\n- Change the password of your account with us now, so that nobody else can log in to it.',
    watch: 'What to watch for:',
    linkGone: 'The link and login details in the message no longer work and give no access to your account.',
    linkCould: 'could give that person access to your account',
    sent: 'We sent you a new password',
    reportLinkGone:
      'The link or login details could give access to the customer’s account until they were made invalid; they no longer work.',
    reportLinkCan: 'The link or login details could give access to the customer’s account.',
    noticeSaysDoNow: 'that the customer should change their password now,',
  },
} as const;

/** One test per language, given that language's words. */
function inEachLanguage(
  name: string,
  test: (locale: 'sv' | 'en', said: (typeof words)['sv' | 'en']) => Promise<void>,
): void {
  it.each(['sv', 'en'] as const)(`${name} (%s)`, (locale) => test(locale, words[locale]));
}

describe('a notice after a message that held a password link', () => {
  inEachLanguage(
    'never offers to check whether a password link was sent when the message itself held one',
    async (locale, said) => {
      const { notice, script, rendered } = await outputs(locale);
      for (const text of [notice, script]) {
        expect(text).not.toContain(said.checkAny);
        expect(text).toContain(said.checkOthers);
      }
      expect(rendered).not.toContain(said.checkedAny);
      expect(rendered).toContain(said.checkOthersReport);
    },
  );

  inEachLanguage(
    'asks the customer to change the password as the one thing to do now, where nobody has decided to send a new one',
    async (locale, said) => {
      const { notice, script, rendered } = await outputs(locale);
      for (const text of [notice, script]) {
        expect(text).toContain(said.doNow);
        // Said once, before what to watch for, and never beside a new password the customer waits for.
        expect(text.match(new RegExp(said.change, 'g'))).toHaveLength(1);
        expect(text.indexOf(said.doNow)).toBeLessThan(text.indexOf(said.watch));
        expect(text).not.toContain(said.sendNew);
      }
      expect(rendered).toContain(said.noticeSaysDoNow);
    },
  );

  inEachLanguage(
    'leaves changing the password to the organisation once a new one is planned',
    async (locale, said) => {
      const { notice, rendered } = await outputs(locale, {
        measures: [{ id: 'new-password', status: 'planned' }],
      });
      expect(notice).toContain(said.sendNew);
      expect(notice).not.toMatch(said.change);
      expect(notice).not.toContain(said.doNow.split('\n')[0]);
      expect(rendered).not.toContain(said.noticeSaysDoNow);
    },
  );

  inEachLanguage(
    'says the link no longer works and the new password was sent, and asks nothing more, once both are done',
    async (locale, said) => {
      const { notice, script, rendered } = await outputs(locale, resetDone);
      for (const text of [notice, script]) {
        expect(text).toContain(said.linkGone);
        expect(text).toContain(said.sent);
        expect(text).not.toContain(said.linkCould);
        expect(text).not.toMatch(said.change);
        expect(text).not.toContain(said.doNow.split('\n')[0]);
        expect(text).not.toContain(said.checkAny);
        // A new password voids no link sent earlier, nor does voiding the one in the message: the
        // check for others sent to the wrong address still stands.
        expect(text).toContain(said.checkOthers);
      }
      expect(rendered).toContain(said.reportLinkGone);
      expect(rendered).not.toContain(said.reportLinkCan);
      expect(rendered).not.toContain(said.checkedAny);
    },
  );

  it.each(['sv', 'en'] as const)(
    'names the link in idiomatic words in the register, in the past tense once made invalid (%s)',
    async (locale) => {
      const { register: pending } = await outputs(locale);
      const { register: done } = await outputs(locale, resetDone);
      expect([pending, done].map((line) => line.split(', ').at(-1))).toEqual(
        locale === 'sv'
          ? [
              'inloggningslänken eller koden ska göras ogiltig (den kan användas för att logga in på kundens konto)',
              'inloggningslänken eller koden har gjorts ogiltig',
            ]
          : [
              'login link or code to be made invalid (it can be used to log in to the customer’s account)',
              'login link or code made invalid',
            ],
      );
      expect(done).not.toMatch(/ogiltig gjord|den ger inloggning|invalidated|it logs in/);
    },
  );

  it.each([
    [
      'sv',
      'namn, postadress, kundnummer, beställningar med priser och inloggningsuppgifter eller länkar till kontot',
    ],
    ['en', 'name, postal address, customer number, orders with prices and login details or account links'],
  ] as const)('lists the data with one "and" before its last item (%s)', async (locale, said) => {
    const { notice, script, rendered, register } = await outputs(locale, {
      dataCategories: ['name', 'postal-address', 'customer-number', 'order-details', 'credentials'],
    });
    for (const text of [notice, script, rendered, register]) expect(text).toContain(said);
  });
});
