import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { assessBreach, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('contradictory breach facts', () => {
  it('refuses data that was published and yet confirmed deleted by its recipient', () => {
    let error: unknown;
    try {
      createIncidentReport({ ...seedCase, recipient: 'public', recipientConfirmedDeletion: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues.map((issue) => issue.path.join('.'))).toContain(
      'input.recipientConfirmedDeletion',
    );
  });
});

describe('a message that came back unopened', () => {
  it('refuses returnedUnopened together with recipientConfirmedDeletion, naming both facts', () => {
    let error: unknown;
    try {
      createIncidentReport({ ...seedCase, returnedUnopened: true, recipientConfirmedDeletion: true });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const issues = (error as InvalidInputError).issues;
    expect(issues.map((issue) => issue.path.join('.'))).toContain('input.recipientConfirmedDeletion');
    expect(issues.map((issue) => issue.message).join(' ')).toMatch(/returnedUnopened/);
  });

  it('proposes neither asking the recipient to delete it nor checking what was sent to the recipient', () => {
    const { measures: _measures, recipientConfirmedDeletion: _deleted, ...facts } = seedCase;
    const report = createIncidentReport({ ...facts, returnedUnopened: true });
    const ids = report.measures.map((measure) => measure.id);
    expect(ids).not.toContain('recall-and-delete');
    expect(ids).not.toContain('check-password-reset');
    expect(ids).toContain('correct-address');
  });

  it('says under locale sv which facts contradict each other in Swedish, naming the field', () => {
    const messages = (locale: 'sv' | 'en') => {
      try {
        createIncidentReport(
          {
            ...seedCase,
            encrypted: false,
            keyExposed: true,
            measures: [{ id: 'inform-customer', status: 'done' }],
          },
          { locale },
        );
      } catch (caught) {
        return (caught as InvalidInputError).issues.map(
          (issue) => `${issue.path.join('.')}: ${issue.message}`,
        );
      }
      return [];
    };
    expect(messages('sv')).toEqual([
      'input.keyExposed: en nyckel kan bara ha röjts där uppgifterna var krypterade: ange även encrypted, eller ta bort keyExposed',
      'input.measures.0.status: inform-customer har status ”done”, men inget visar hur kunden informerades: ange customerCall (samtalet, med identityChecked: true) eller subscriberNotice.notifiedAt (meddelandet), eller ändra åtgärdens status till ”planned”',
    ]);
    expect(messages('en')[0]).toBe(
      'input.keyExposed: a key can only be exposed where the data was encrypted: set encrypted too, or leave keyExposed out',
    );
    expect(() =>
      assessBreach(
        {
          regimes: ['gdpr'],
          dataCategories: ['name'],
          dataSubjects: 1,
          recipient: 'public',
          dataRecovered: true,
        },
        { locale: 'sv' },
      ),
    ).toThrow(
      'facts.dataRecovered: motsäger recipient "public": publicerade uppgifter kan inte ha återkallats',
    );
  });
});
