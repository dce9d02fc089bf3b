import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport } from '../../src/incident/index.js';
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
