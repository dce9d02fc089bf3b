import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { type CreateIncidentReportInput, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const { recipientConfirmedDeletion: _deleted, ...facts } = seedCase;

function refusal(input: CreateIncidentReportInput, locale: 'sv' | 'en' = 'en'): string[] {
  try {
    createIncidentReport(input, { locale });
  } catch (caught) {
    expect(caught).toBeInstanceOf(InvalidInputError);
    return (caught as InvalidInputError).issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
  return [];
}

describe('a usual measure marked done whose premise the facts deny', () => {
  it('refuses invalidate-login done when the data holds no login details, in English and Swedish', () => {
    const input = { ...facts, measures: [{ id: 'invalidate-login', status: 'done' as const }] };
    expect(refusal(input)).toEqual([
      'input.measures.0.id: invalidate-login cannot be done: the data holds no login details (dataCategories has no credentials); remove the measure or correct the facts',
    ]);
    expect(refusal(input, 'sv')).toEqual([
      'input.measures.0.id: invalidate-login kan inte vara done: uppgifterna innehåller inga inloggningsuppgifter (dataCategories saknar credentials); ta bort åtgärden eller rätta uppgifterna',
    ]);
  });

  it('accepts a new password sent as a precaution, with no login details in the data (the seed case: the operator reset it)', () => {
    for (const extra of [
      {},
      {
        dataCategories: [...facts.dataCategories, 'credentials' as const],
        encrypted: true,
        keyExposed: true,
      },
    ]) {
      const report = createIncidentReport({
        ...facts,
        ...extra,
        measures: [{ id: 'new-password', status: 'done' }],
      });
      expect(report.measures[0]?.status).toBe('done');
    }
  });

  it('refuses asking the recipient to delete or correcting the address done for published data', () => {
    const issues = refusal({
      ...facts,
      recipient: 'public',
      measures: [
        { id: 'profile-note', status: 'done' },
        { id: 'recall-and-delete', status: 'done' },
        { id: 'correct-address', status: 'done' },
      ],
    });
    expect(issues.map((issue) => issue.split(':')[0])).toEqual([
      'input.measures.1.id',
      'input.measures.2.id',
    ]);
    expect(issues[0]).toMatch(/recipient: public/);
  });

  it('accepts the same measures done when the facts bear them out, and a measure of the caller’s own', () => {
    const report = createIncidentReport({
      ...facts,
      dataCategories: [...facts.dataCategories, 'credentials'],
      measures: [
        { id: 'invalidate-login', status: 'done' },
        { id: 'new-password', status: 'done' },
        { id: 'recall-and-delete', status: 'done' },
      ],
    });
    // The three as given, then the usual proposals they did not name, proposed.
    expect(report.measures.slice(0, 3).map((measure) => measure.status)).toEqual(['done', 'done', 'done']);
    expect(new Set(report.measures.slice(3).map((measure) => measure.status))).toEqual(new Set(['proposed']));
    const own = createIncidentReport({
      ...facts,
      measures: [{ id: 'invalidate-login', status: 'done', text: 'Kundens portalsession avslutades.' }],
    });
    expect(own.measures[0]?.status).toBe('done');
  });
});
