import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport, reportMisdirectedSms } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedSmsInput } from './shared-fixtures.js';

async function refusal(run: () => unknown): Promise<InvalidInputError> {
  const error = await Promise.resolve()
    .then(run)
    .catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(InvalidInputError);
  return error as InvalidInputError;
}

// A check of the schema's own with no Swedish text (a refinement) keeps its English words: the Swedish
// message names the field and says that the check's text is quoted as written, so the person filling
// in the facts is not left with an English sentence that reads as if it were the whole answer.
describe('a check without Swedish text, under locale sv', () => {
  it('names the field and quotes the check’s own text as given', async () => {
    const error = await refusal(() =>
      reportMisdirectedSms({ ...misdirectedSmsInput, text: '   ' }, { locale: 'sv' }),
    );
    expect(error.field).toBe('input.text');
    expect(error.issues[0]?.message).toBe(
      'fältet ”text” klarar inte en kontroll; kontrollens text citeras som den är skriven: ”the text message is empty”',
    );
  });

  it('does so for a check on a nested field', async () => {
    const error = await refusal(() =>
      createIncidentReport(
        { ...seedCase, measures: [{ id: 'profile-note', status: 'done', reason: 'Det gick bra.' }] },
        { locale: 'sv', now: '2018-02-23T15:10:00+01:00' },
      ),
    );
    expect(error.issues.map((issue) => issue.path.join('.'))).toContain('input.measures.0.reason');
    expect(error.message).toContain(
      'fältet ”reason” klarar inte en kontroll; kontrollens text citeras som den är skriven: ”only a rejected or failed measure has a reason here',
    );
  });

  it('keeps the English text as it is under locale en', async () => {
    const error = await refusal(() =>
      reportMisdirectedSms({ ...misdirectedSmsInput, text: '   ' }, { locale: 'en' }),
    );
    expect(error.issues[0]?.message).toBe('the text message is empty');
  });
});
