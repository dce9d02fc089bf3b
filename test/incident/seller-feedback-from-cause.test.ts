import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

/** The report's line for the feedback measure, in both languages. */
function feedbackLines(input: CreateIncidentReportInput): { sv: string; en: string } {
  const report = createIncidentReport(input, { now });
  const line = (text: string, word: RegExp) =>
    text.split('\n').find((candidate) => candidate.startsWith('  - ') && word.test(candidate)) ?? '';
  return {
    sv: line(renderIncidentReport(report, { locale: 'sv' }), /återkoppla/),
    en: line(renderIncidentReport(report, { locale: 'en' }), /feedback/),
  };
}

// Causes that were not a mistyped address: the feedback measure must not say one was.
const causes = [
  ['a Cc instead of Bcc', 'Kundernas adresser lades i Cc i stället för Bcc.'],
  ['a wrong attachment', 'En annan kunds faktura bifogades.'],
] as const;

describe('the feedback measure is worded from the recorded cause', () => {
  it.each(causes)('speaks of the recorded cause, not of an address entered wrongly (%s)', (_, cause) => {
    const { sv, en } = feedbackLines({ ...seedCase, cause });
    expect(sv).toContain(
      'Händelsen ska återkopplas till de inblandade utifrån den registrerade orsaken (se Orsak)',
    );
    expect(en).toContain('Those involved are to be given feedback on the recorded cause (see Cause)');
    expect(`${sv} ${en}`).not.toMatch(/adress|address|säljare|seller/i);
  });

  it('says the feedback waits for the cause where none is recorded, naming no address', () => {
    const { sv, en } = feedbackLines(seedCase);
    expect(sv).toContain('När orsaken har registrerats ska den återkopplas till de inblandade');
    expect(en).toContain('Once the cause is recorded, those involved are to be given feedback on it');
    expect(`${sv} ${en}`).not.toMatch(/adress|address|säljare|seller/i);
  });

  it('names no address for a letter that came back unopened with no cause recorded', () => {
    const { misdirected: _misdirected, recipientConfirmedDeletion: _deleted, ...rest } = seedCase;
    const { sv, en } = feedbackLines({
      ...rest,
      regimes: ['gdpr'],
      circumstances: 'misdirected-post',
      returnedUnopened: true,
      measures: [{ id: 'seller-feedback', status: 'done' }],
    });
    expect(sv).toContain('Händelsen har återkopplats till de inblandade');
    expect(en).toContain('Those involved were given feedback on what happened');
    expect(`${sv} ${en}`).not.toMatch(/adress|address|säljare|seller/i);
  });
});
