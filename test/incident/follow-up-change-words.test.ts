import { describe, expect, it } from 'vitest';
import { InsightSchema, RecipientSchema } from '../../src/incident/breach-facts.js';
import {
  confirmedDeletionMeasureId,
  misdirectedEmailMeasureIds,
} from '../../src/incident/data/report-texts.js';
import { ReportFactsSchema } from '../../src/incident/incident-report.js';
import {
  createFollowUpReport,
  createIncidentReport,
  type IncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const first = createIncidentReport(
  { ...seedCase, recipientConfirmedDeletion: undefined },
  { now: '2018-02-23T15:10:00+01:00' },
);

/** The first report followed up with one change of each field given, rendered as text. */
function changeList(fields: readonly string[], locale: 'sv' | 'en', after = 'true'): string {
  const report: IncidentReport = {
    ...first,
    notification: 'follow-up',
    followUp: {
      firstCreatedAt: first.createdAt,
      changes: fields.map((field) => ({ field, after })),
    },
  };
  const text = renderIncidentReport(report, { locale });
  return text.slice(text.indexOf(locale === 'sv' ? 'Ändrat sedan dess:' : 'Changed since:'));
}

const camelCase = /\b[a-z]+[A-Z][A-Za-z]*\b/;

describe('the follow-up’s list of changes', () => {
  it('says a confirmed deletion and a measure done in words, in Swedish and English', () => {
    const followUp = createFollowUpReport(
      first,
      { recipientConfirmedDeletion: true, measures: [{ id: 'seller-feedback', status: 'done' }] },
      { now: '2018-02-23T16:00:00+01:00' },
    );
    const sv = renderIncidentReport(followUp, { locale: 'sv' });
    expect(sv).toContain('  - Mottagaren har bekräftat att uppgifterna raderats: – → ja');
    expect(sv).toContain('  - Åtgärd (återkoppling till säljaren): föreslagen → genomförd');
    expect(sv).not.toMatch(/recipientConfirmedDeletion|seller-feedback/);
    const en = renderIncidentReport(followUp, { locale: 'en' });
    expect(en).toContain('  - The recipient confirmed deleting the data: – → yes');
    expect(en).toContain('  - Measure (feedback to the seller): proposed → done');
    expect(en).not.toMatch(/recipientConfirmedDeletion|seller-feedback/);
  });

  for (const locale of ['sv', 'en'] as const) {
    it(`has words for every circumstance and usual measure the list can name (${locale})`, () => {
      const facts = Object.keys(ReportFactsSchema.shape).map((key) => `facts.${key}`);
      const measures = [...misdirectedEmailMeasureIds, confirmedDeletionMeasureId].flatMap((id) => [
        `measures.${id}`,
        `measures.${id}.text`,
      ]);
      for (const field of [...facts, ...measures]) {
        const list = changeList([field], locale);
        const named = field.replace(/^(facts|measures)\./, '').replace(/\.text$/, '');
        const line = list.split('\n')[1] ?? '';
        expect(line, field).toMatch(/^ {2}- \S/);
        expect(line, field).not.toMatch(new RegExp(`^ {2}- (Åtgärd |Measure )?${named}\\b`));
        expect(line, field).not.toContain(`(${named})`);
        expect(line, field).not.toMatch(camelCase);
      }
    });

    it(`says the recipient and the insight in words (${locale})`, () => {
      for (const value of [...RecipientSchema.options, ...InsightSchema.options, 'cc']) {
        const list = changeList(['facts.recipient'], locale, value);
        expect(list.split('\n')[1], value).not.toMatch(new RegExp(`→ ${value}$`));
      }
    });
  }

  it('names a measure of the caller’s own by its own wording', () => {
    const report = {
      ...first,
      measures: [
        ...first.measures,
        { id: 'm1', status: 'done' as const, text: 'Kunden fick ett nytt kundnummer.' },
      ],
    };
    const text = renderIncidentReport(
      {
        ...report,
        notification: 'follow-up',
        followUp: {
          firstCreatedAt: first.createdAt,
          changes: [{ field: 'measures.m1', before: 'planned', after: 'done' }],
        },
      },
      { locale: 'sv' },
    );
    expect(text).toContain('  - Åtgärd (Kunden fick ett nytt kundnummer.): planerad → genomförd');
  });
});

// A follow-up completes the first notification with what changed (Regulation 611/2013 Art. 2(3)):
// a measure worded anew in one language is a change, named with the language it is in.
describe('a measure worded anew per language', () => {
  const worded = createIncidentReport(
    {
      ...seedCase,
      recipientConfirmedDeletion: undefined,
      measures: [
        ...(seedCase.measures ?? []),
        {
          id: 'new-customer-number',
          status: 'done',
          texts: { sv: 'Kunden fick ett nytt kundnummer.', en: 'The customer got a new customer number.' },
        },
      ],
    },
    { now: '2018-02-23T15:10:00+01:00' },
  );

  it.each([
    [
      'sv',
      '  - Åtgärd (Kunden fick ett nytt kundnummer den 24 februari.), formulering (engelska): The customer got a new customer number. → The customer got a new customer number on 24 February.',
    ],
    [
      'en',
      '  - Measure (The customer got a new customer number on 24 February.), wording (English): The customer got a new customer number. → The customer got a new customer number on 24 February.',
    ],
  ] as const)('lists a change to its texts alone (%s)', (locale, line) => {
    const followUp = createFollowUpReport(
      worded,
      {
        measures: [
          {
            id: 'new-customer-number',
            status: 'done',
            texts: {
              sv: 'Kunden fick ett nytt kundnummer den 24 februari.',
              en: 'The customer got a new customer number on 24 February.',
            },
          },
        ],
      },
      { now: '2018-02-24T10:00:00+01:00' },
    );
    expect(followUp.followUp?.changes.map((change) => change.field)).toEqual(
      expect.arrayContaining([
        'measures.new-customer-number.texts.sv',
        'measures.new-customer-number.texts.en',
      ]),
    );
    expect(renderIncidentReport(followUp, { locale })).toContain(line);
  });
});
