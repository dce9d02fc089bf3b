import { describe, expect, it } from 'vitest';
import {
  buildCustomerNotice,
  createIncidentReport,
  type Measure,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { refusedPaths } from './shared-fixtures.js';

// A measure's own wording given per language (`texts`): each report and notice uses its language's
// text, and where only the other language's exists the report says so and the notice never prints it.
const now = '2018-02-26T09:00:00+01:00';
const create = (measures: Measure[], locale: 'sv' | 'en' = 'en') =>
  createIncidentReport({ ...seedCase, recipientConfirmedDeletion: undefined, measures }, { locale, now });
const texts = async (measures: Measure[], locale: 'sv' | 'en') => {
  const report = create(measures, locale);
  return {
    report: renderIncidentReport(report, { locale }),
    notice: (await buildCustomerNotice(report, { channel: 'email', locale })).text,
    script: (await buildCustomerNotice(report, { channel: 'phone-script', locale })).text,
  };
};

const blocked = {
  sv: 'Vi har spärrat nya beställningar på ditt konto.',
  en: 'We blocked new orders on your account.',
} as const;

describe('a measure worded in both languages', () => {
  it.each([
    ['sv', 'en'],
    ['en', 'sv'],
  ] as const)('is said in %s in that language only', async (locale, other) => {
    const { report, notice, script } = await texts(
      [{ id: 'orders-blocked', status: 'done', texts: blocked, forCustomer: true }],
      locale,
    );
    for (const text of [report, notice, script]) {
      expect(text).toContain(blocked[locale]);
      expect(text).not.toContain(blocked[other]);
    }
  });
});

describe('a measure worded in one language only', () => {
  it.each([
    ['en', `${blocked.sv} (text given in Swedish only; left out of a customer notice in English)`],
    [
      'sv',
      `${blocked.en} (texten finns bara på engelska; utelämnas ur ett meddelande till kunden på svenska)`,
    ],
  ] as const)(
    'of its own is left out of the %s notice, and the report says why',
    async (locale, reported) => {
      const only = locale === 'en' ? { sv: blocked.sv } : { en: blocked.en };
      const { report, notice, script } = await texts(
        [{ id: 'orders-blocked', status: 'done', texts: only, forCustomer: true }],
        locale,
      );
      expect(report).toContain(reported);
      for (const text of [notice, script]) expect(text).not.toMatch(/spärrat|blocked new orders/);
    },
  );

  it.each([
    [
      'sv',
      'We added a note to the profile.',
      'We added a note to the profile. (texten finns bara på engelska; ett meddelande till kunden på svenska använder den vanliga formuleringen)',
      'Vi har lagt in en notering hos oss',
    ],
    [
      'en',
      'Vi lade in en notering i profilen.',
      'Vi lade in en notering i profilen. (text given in Swedish only; a customer notice in English uses the usual wording)',
      'We added a note to your account',
    ],
  ] as const)(
    'of a usual measure is said in the %s notice in the usual words',
    async (locale, own, reported, usual) => {
      const only = locale === 'sv' ? { en: own } : { sv: own };
      const { report, notice, script } = await texts(
        [{ id: 'profile-note', status: 'done', texts: only }],
        locale,
      );
      expect(report).toContain(reported);
      for (const text of [notice, script]) {
        expect(text).toContain(usual);
        expect(text).not.toContain(own);
      }
    },
  );
});

describe('the texts of a measure', () => {
  it('are refused empty, beside a text, or in a language the report does not speak, naming the field', () => {
    expect(refusedPaths(() => create([{ id: 'orders-blocked', status: 'done', texts: {} }]))).toEqual([
      'input.measures.0.texts',
    ]);
    expect(
      refusedPaths(() =>
        create([{ id: 'orders-blocked', status: 'done', text: blocked.en, texts: { sv: blocked.sv } }]),
      ),
    ).toEqual(['input.measures.0.texts']);
    // An unknown language is named as such, and as a texts without sv or en.
    expect(
      new Set(
        refusedPaths(() => create([{ id: 'orders-blocked', status: 'done', texts: { de: 'x' } as never }])),
      ),
    ).toEqual(new Set(['input.measures.0.texts']));
  });

  it('still take a single text, said as written in either language', async () => {
    for (const locale of ['sv', 'en'] as const) {
      const { notice } = await texts(
        [{ id: 'orders-blocked', status: 'done', text: blocked.en, forCustomer: true }],
        locale,
      );
      expect(notice).toContain(blocked.en);
    }
  });
});
