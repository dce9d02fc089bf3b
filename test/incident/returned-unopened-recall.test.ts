import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { buildCustomerNotice, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
const { recipientConfirmedDeletion: _confirmed, ...withoutDeletion } = seedCase;

describe('a message that came back unopened was not recalled from anyone', () => {
  it('refuses returnedUnopened with recall-and-delete done, naming returnedUnopened', () => {
    let caught: unknown;
    try {
      createIncidentReport(
        {
          ...withoutDeletion,
          returnedUnopened: true,
          measures: [{ id: 'recall-and-delete', status: 'done' }],
        },
        { now },
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidInputError);
    expect((caught as InvalidInputError).field).toBe('input.returnedUnopened');
    expect((caught as InvalidInputError).message).toContain('recall-and-delete');
  });

  it('takes returnedUnopened with recall-and-delete rejected or absent', () => {
    expect(() =>
      createIncidentReport(
        { ...withoutDeletion, returnedUnopened: true, measures: [{ id: 'correct-address', status: 'done' }] },
        { now },
      ),
    ).not.toThrow();
  });
});

describe('a message that came back unopened is not said to have reached another person', () => {
  const report = createIncidentReport(
    { ...withoutDeletion, returnedUnopened: true, measures: [{ id: 'correct-address', status: 'done' }] },
    { now },
  );

  it('gives the notice a subject saying it came back unopened, in Swedish and English', async () => {
    const sv = await buildCustomerNotice(report, { channel: 'email', locale: 'sv' });
    expect(sv.subject).toBe('Ett meddelande till dig skickades till fel adress och kom tillbaka oöppnat');
    const en = await buildCustomerNotice(report, { channel: 'email', locale: 'en' });
    expect(en.subject).toBe('A message meant for you went to a wrong address and came back unopened');
  });

  it('describes the bounced address as not the customer’s, not as another person’s', () => {
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(sv).toContain(
      'skickades till anna.svensson185@gmail.com, som inte är kundens adress. Meddelandet kom tillbaka oöppnat',
    );
    expect(sv).not.toContain('tillhör en annan person');
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(en).toContain('which is not the customer’s address. The message came back unopened');
    expect(en).not.toContain('belongs to someone else');
  });
});

describe('a letter that came back unopened was not asked back from anyone', () => {
  const letter = {
    ...withoutDeletion,
    circumstances: 'misdirected-post' as const,
    misdirected: undefined,
    returnedUnopened: true,
    measures: [{ id: 'return-or-destroy-letter', status: 'done' as const }],
  };

  it('refuses return-or-destroy-letter done, naming measures.0.id, in Swedish and English', () => {
    for (const [locale, words] of [
      ['en', 'nobody received it who could be contacted'],
      ['sv', 'ingen tog emot det som kunde kontaktas'],
    ] as const) {
      let caught: unknown;
      try {
        createIncidentReport(letter, { now, locale });
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InvalidInputError);
      expect((caught as InvalidInputError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'input.measures.0.id',
      ]);
      expect((caught as InvalidInputError).message).toContain(words);
    }
  });

  it('takes the letter returned unopened with its address corrected', () => {
    expect(() =>
      createIncidentReport(
        { ...letter, measures: [{ id: 'correct-postal-address', status: 'done' as const }] },
        { now },
      ),
    ).not.toThrow();
  });
});
