import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

describe('a confirmed deletion and the measure that obtains it', () => {
  it('refuses a deletion confirmed while asking the recipient to delete is still proposed', () => {
    const run = () =>
      createIncidentReport(
        {
          ...seedCase,
          recipientConfirmedDeletion: true,
          measures: [{ id: 'recall-and-delete', status: 'proposed' }],
          timeline: [{ at: '2018-02-23T14:00:00+01:00', what: 'Mottagaren svarade inte.' }],
        },
        now,
      );
    expect(run).toThrow(InvalidInputError);
    try {
      run();
    } catch (error) {
      expect((error as InvalidInputError).issues.map((issue) => issue.path.join('.'))).toEqual([
        'input.recipientConfirmedDeletion',
      ]);
    }
  });

  it('marks the usual measure done when the deletion is confirmed and no measures are given', () => {
    const { measures: _measures, ...facts } = seedCase;
    const report = createIncidentReport({ ...facts, recipientConfirmedDeletion: true }, now);
    expect(report.measures.find((measure) => measure.id === 'recall-and-delete')?.status).toBe('done');
  });
});
