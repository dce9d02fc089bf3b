import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport, reportMisdirected, reportMisdirectedSms } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput, misdirectedSmsInput, refusal } from './shared-fixtures.js';

// A person filing a Swedish report reads the refusal of its facts in Swedish, naming the field, as the
// command says it; the English report keeps zod's English wording.
describe('reportMisdirected refuses bad facts in the language of the report', () => {
  it('says a blank reference in Swedish, naming the field', async () => {
    const error = await refusal(
      reportMisdirected({ ...misdirectedInput, reference: '  ' }, { locale: 'sv' }),
    );
    expect(error.field).toBe('input.reference');
    expect(error.message).toBe(
      'Ogiltiga uppgifter i input.reference: får inte vara tom: ange organisationens egen referens för incidenten',
    );
    expect(error.issues[0]?.message).toBe(
      'får inte vara tom: ange organisationens egen referens för incidenten',
    );
  });

  it('says a list given as a text and an unknown field in Swedish, each by its path', async () => {
    const error = await refusal(
      reportMisdirected(
        { ...misdirectedInput, dataCategories: 'name', recipientConfirmedDeletin: true } as never,
        { locale: 'sv' },
      ),
    );
    expect(error.message).toContain('input.dataCategories: ska vara en lista, men är en text');
    expect(error.message).toContain(
      'okänt fält ”recipientConfirmedDeletin” (menade du ”recipientConfirmedDeletion”?)',
    );
    expect(error.message).not.toMatch(/Invalid input|expected|received/);
  });

  it('keeps the English wording in English', async () => {
    const error = await refusal(
      reportMisdirected({ ...misdirectedInput, reference: '  ' }, { locale: 'en' }),
    );
    expect(error.field).toBe('input.reference');
    expect(error.message).toMatch(/^Invalid input at input\.reference: a reference that is not blank/);
  });

  it('says a bad option in Swedish too, and a locale that is none in English', async () => {
    const swedish = await refusal(
      reportMisdirected(misdirectedInput, { locale: 'sv', profile: 'lenient' as never }),
    );
    expect(swedish.field).toBe('options.profile');
    expect(swedish.message).toMatch(
      /^Ogiltiga uppgifter i options\.profile: "lenient" är inget tillåtet värde/,
    );
    const unknown = await refusal(reportMisdirected(misdirectedInput, { locale: 'de' as never }));
    expect(unknown.field).toBe('options.locale');
    expect(unknown.message).toMatch(/^Invalid input at options\.locale/);
  });

  it('says a text message report’s missing field in Swedish', async () => {
    const { reference: _reference, ...withoutReference } = misdirectedSmsInput;
    const error = await refusal(reportMisdirectedSms(withoutReference as never, { locale: 'sv' }));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.message).toBe('Ogiltiga uppgifter i input.reference: saknas, men måste anges');
  });
});

// The report is checked as a whole after it is built: a Date the input accepts but no ISO 8601
// date-time of four digits can write (a year before 0) is refused there, in the report's language too.
describe('createIncidentReport’s check of the whole report', () => {
  const before = new Date(Date.UTC(-100, 0, 1));
  const build = (locale: 'sv' | 'en') => async () =>
    createIncidentReport({ ...seedCase, occurredAt: before }, { locale, now: '2018-02-23T15:10:00+01:00' });

  it('answers in Swedish under locale sv, naming the field', async () => {
    const error = await refusal(build('sv')());
    expect(error.field).toBe('report.incident.occurredAt');
    expect(error.message).toMatch(/^Ogiltiga uppgifter i report\.incident\.occurredAt: /);
    expect(error.message).not.toContain('an ISO 8601 date-time');
  });

  it('keeps the English wording in English', async () => {
    const error = await refusal(build('en')());
    expect(error.message).toContain('report.incident.occurredAt: an ISO 8601 date-time with Z or an offset');
  });
});
