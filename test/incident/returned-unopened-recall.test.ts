import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport } from '../../src/incident/index.js';
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
