import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport, misdirectedEmailMeasureIds } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

function refusal(make: () => unknown): InvalidInputError {
  try {
    make();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  }
  throw new Error('not refused');
}

describe('an unknown measure id', () => {
  it('is refused with the id it probably meant, never printed to a customer', () => {
    const error = refusal(() =>
      createIncidentReport({ ...seedCase, measures: [{ id: 'new-pasword', status: 'planned' }] }, { now }),
    );
    expect(error.field).toBe('input.measures.0.id');
    expect(error.message).toContain('did you mean "new-password"?');
  });

  it('lists the usual ids where nothing is close', () => {
    const error = refusal(() =>
      createIncidentReport({ ...seedCase, measures: [{ id: 'phone-them', status: 'planned' }] }, { now }),
    );
    expect(error.message).toContain(misdirectedEmailMeasureIds.join(', '));
  });

  it('takes the caller’s own measure with its own text', () => {
    expect(() =>
      createIncidentReport(
        { ...seedCase, measures: [{ id: 'training', status: 'done', text: 'The seller was trained.' }] },
        { now },
      ),
    ).not.toThrow();
  });
});
