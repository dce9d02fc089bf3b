import { describe, expect, it } from 'vitest';
import {
  incidentRegisterEntry,
  type Measure,
  renderIncidentReport,
  reportMisdirected,
} from '../../src/incident/index.js';
import { misdirectedInput, refusedPathsAsync } from './shared-fixtures.js';

// The seed case with a request to the recipient that failed, is unanswered or was decided against:
// each is stated as it is, in the report, the register, the notice and the phone script.
const now = '2018-02-26T09:00:00+01:00';
const run = (measures: Measure[], locale: 'sv' | 'en', more: { recipientConfirmedDeletion?: true } = {}) =>
  reportMisdirected({ ...misdirectedInput, measures, ...more }, { locale, now });
const texts = async (measures: Measure[], locale: 'sv' | 'en') => {
  const result = await run(measures, locale);
  return {
    ids: result.report.measures.map((measure) => `${measure.id}:${measure.status}`),
    report: renderIncidentReport(result.report, { locale }),
    register: incidentRegisterEntry(result.report, { locale }),
    notice: result.notices.email.text,
    script: result.notices.phoneScript.text,
  };
};

const failedRecall: Measure = {
  id: 'recall-and-delete',
  status: 'failed',
  doneAt: '2018-02-23T14:00:00+01:00',
  reason: 'Återkallelsen i Outlook misslyckades; mottagaren svarar inte.',
};
const unanswered: Measure = {
  id: 'recall-and-delete',
  status: 'awaiting-answer',
  doneAt: '2018-02-23T14:00:00+01:00',
};

describe('a request to the recipient that failed', () => {
  it.each([
    [
      'sv',
      'Ett försök gjordes att återkalla meddelandet eller nå mottagaren och be hen radera det, men försöket misslyckades. (försökt 2018-02-23 kl. 14.00 CET: ”Återkallelsen i Outlook misslyckades; mottagaren svarar inte.”)',
      'Vi har försökt kontakta personen som fick meddelandet och be hen radera det, men det har inte lyckats',
      'Vi har kontaktat',
      '1 misslyckad',
    ],
    [
      'en',
      'An attempt was made to recall the message or reach the recipient and ask them to delete it, but it failed. (tried 23 February 2018, 14:00 CET: Återkallelsen i Outlook misslyckades; mottagaren svarar inte.)',
      'We tried to contact the person who received the message and ask them to delete it, but did not succeed',
      'We contacted',
      '1 failed',
    ],
  ] as const)(
    'is said as tried and failed in %s, and asking again is proposed',
    async (locale, line, told, notTold, counted) => {
      const { ids, report, register, notice, script } = await texts([failedRecall], locale);
      expect(report).toContain(line);
      expect(report).not.toMatch(/avvisad|rejected/);
      expect(ids).toContain('contact-recipient-again:proposed');
      for (const text of [notice, script]) {
        expect(text).toContain(told);
        expect(text).not.toContain(notTold);
      }
      expect(register).toContain(counted);
    },
  );

  it('accepts the deletion confirmed after the recipient was asked again', async () => {
    const result = await run(
      [failedRecall, { id: 'contact-recipient-again', status: 'done', doneAt: '2018-02-24T10:00:00+01:00' }],
      'en',
      { recipientConfirmedDeletion: true },
    );
    expect(result.notices.email.text).toContain('has confirmed to us that it was deleted');
    expect(result.notices.email.text).toContain('We contacted the person who received the message again');
  });
});

describe('a request to the recipient not yet answered', () => {
  it.each([
    [
      'sv',
      '(tillfrågad 2018-02-23 kl. 14.00 CET, inget svar ännu)',
      'Vi har ännu inte fått något svar.',
      '1 väntar på svar',
    ],
    [
      'en',
      '(asked 23 February 2018, 14:00 CET, no answer yet)',
      'We have not had an answer yet.',
      '1 awaiting an answer',
    ],
  ] as const)('says in %s that no answer has come', async (locale, label, told, counted) => {
    const { report, register, notice, script } = await texts([unanswered], locale);
    expect(report).toContain(label);
    expect(notice).toContain(told);
    expect(script).toContain(told);
    expect(register).toContain(counted);
  });

  it('is refused for a measure that asks nobody', async () => {
    expect(
      await refusedPathsAsync(() => run([{ id: 'correct-address', status: 'awaiting-answer' }], 'en')),
    ).toEqual(['input.measures.0.status']);
  });

  it('is refused beside a deletion the recipient confirmed', async () => {
    expect(
      await refusedPathsAsync(() => run([unanswered], 'en', { recipientConfirmedDeletion: true })),
    ).toEqual(['input.recipientConfirmedDeletion']);
  });
});

describe('a request decided against', () => {
  it.each([
    ['sv', '(beslutat att inte göra detta: ”Mottagaren är en myndighet.”)'],
    ['en', '(decided not to do this: Mottagaren är en myndighet.)'],
  ] as const)(
    'is labelled in %s as a decision not to do it, and nothing is asked again',
    async (locale, label) => {
      const { ids, report } = await texts(
        [{ id: 'recall-and-delete', status: 'rejected', reason: 'Mottagaren är en myndighet.' }],
        locale,
      );
      expect(report).toContain(label);
      expect(ids).not.toContain('contact-recipient-again:proposed');
    },
  );
});
