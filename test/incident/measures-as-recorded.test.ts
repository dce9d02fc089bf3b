import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { buildCustomerNotice, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const { measures: _measures, ...facts } = seedCase;
const now = { now: '2018-02-24T10:00:00+01:00' };

describe('the notice and the report state as done only the measures recorded as done', () => {
  it('does not say the notice tells what was done when every measure is only proposed', () => {
    // A stranger holding an identity number: the people concerned must be told.
    const report = createIncidentReport(
      { ...facts, dataCategories: ['name', 'national-id-number'], recipientConfirmedDeletion: false },
      now,
    );
    expect(report.subscriberNotice.required).toBe(true);
    expect(report.measures.every((measure) => measure.status === 'proposed')).toBe(true);
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).not.toContain('what was done');
    expect(en).toContain('which measures are proposed');
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).not.toContain('vilka åtgärder som vidtagits');
    expect(sv).toContain('vilka åtgärder som föreslås');
  });

  it('dates a measure recorded as done in the report and in the notice', async () => {
    const report = createIncidentReport(
      {
        ...facts,
        measures: [
          { id: 'recall-and-delete', status: 'done', doneAt: '2018-02-23T14:05:00+01:00' },
          { id: 'new-password', status: 'proposed' },
        ],
      },
      now,
    );
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).toContain('asked to delete it. (done 23 February 2018, 14:05');
    expect(en).toContain('A new password is to be issued to the customer. (proposed)');
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).toContain('ombetts radera det. (genomförd 2018-02-23 kl. 14.05');
    const notice = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(notice.text).toContain('asked them to delete it (23 February 2018).');
  });

  // A request to the recipient records that they were asked to delete or return what they received,
  // not that they were asked to confirm it was neither kept nor passed on (GDPR Art. 5(1)(d)).
  const requests = [
    {
      channel: 'email',
      ids: ['recall-and-delete', 'contact-recipient-again'],
      says: {
        en: 'The recipient of the misdirected message was contacted and asked to delete it.',
        sv: 'Mottagaren av det felskickade meddelandet har kontaktats och ombetts radera det.',
      },
    },
    {
      channel: 'post',
      ids: ['return-or-destroy-letter'],
      says: { en: 'asked to return or destroy it.', sv: 'ombetts skicka tillbaka det eller förstöra det.' },
    },
  ] as const;
  const neverSaid = { en: /to confirm that it was neither/, sv: /bekräfta att det inte har/ };
  for (const request of requests)
    for (const locale of ['sv', 'en'] as const)
      it(`says of a ${request.channel} recipient only the request recorded (${locale})`, () => {
        const measures = request.ids.map((id) => ({ id, status: 'done' as const }));
        const report = createIncidentReport({ ...facts, channel: request.channel, measures }, now);
        const text = renderIncidentReport(report, { locale, format: 'text' });
        expect(text).toContain(request.says[locale]);
        expect(text).not.toMatch(neverSaid[locale]);
      });

  it('refuses a done date on a measure that is not done, and one before the breach occurred', () => {
    const refused = (measures: unknown) => {
      try {
        createIncidentReport({ ...facts, measures } as never, now);
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidInputError);
        return (error as InvalidInputError).field;
      }
      return undefined;
    };
    expect(refused([{ id: 'new-password', status: 'planned', doneAt: '2018-02-23T14:05:00+01:00' }])).toBe(
      'input.measures.0.doneAt',
    );
    expect(refused([{ id: 'profile-note', status: 'done', doneAt: '2018-02-22T14:05:00+01:00' }])).toBe(
      'input.measures.0.doneAt',
    );
  });
});

describe('a courtesy notice is a recommendation, not a duty, in the measures', () => {
  it('says telling the customer is recommended as a courtesy, with its reason, when the law does not require it', () => {
    const report = createIncidentReport(facts, now);
    expect(report.subscriberNotice.required).toBe(false);
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).not.toContain('The customer is to be told');
    expect(en).toContain(
      'Telling the customer as a courtesy is recommended, though the law does not require it here, so they can stay alert',
    );
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).not.toContain('Kunden ska informeras');
    expect(sv).toContain(
      'Det rekommenderas att informera kunden som en service, även om lagen inte kräver det här',
    );
  });

  it('keeps the duty when the law requires telling the customer', () => {
    const report = createIncidentReport(
      { ...facts, dataCategories: ['name', 'national-id-number'], recipientConfirmedDeletion: false },
      now,
    );
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).toContain('The customer is to be told what happened and what to watch for. (proposed)');
  });
});
