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

// A Date the input accepts but no RFC 3339 date-time of four digits can write (a year before 0) is
// refused before the report is built, naming the caller's field (not `report.incident.occurredAt`,
// the report's copy of it), in the report's language.
describe('a date before year 0 among createIncidentReport’s facts', () => {
  const before = new Date(Date.UTC(-100, 0, 1));
  const build = (locale: 'sv' | 'en') => async () =>
    createIncidentReport({ ...seedCase, occurredAt: before }, { locale, now: '2018-02-23T15:10:00+01:00' });

  it('answers in Swedish under locale sv, naming the caller’s field', async () => {
    const error = await refusal(build('sv')());
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['input.occurredAt']);
    expect(error.message).toBe(
      'Ogiltiga uppgifter i input.occurredAt: daterad år -100: en rapport skriver sina tidpunkter enligt RFC 3339, med åren 0000 till 9999 (avsnitt 5.6); ange den tidpunkt det gäller',
    );
  });

  it('answers in English, naming the caller’s field', async () => {
    const error = await refusal(build('en')());
    expect(error.issues.map((issue) => issue.path.join('.'))).toEqual(['input.occurredAt']);
    expect(error.message).toBe(
      'Invalid input at input.occurredAt: dated in the year -100: a report writes its times as RFC 3339 date-times, in the years 0000 to 9999 (section 5.6); give the time it was',
    );
  });
});
