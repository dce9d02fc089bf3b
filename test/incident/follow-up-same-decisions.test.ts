import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { breachDecisions, createFollowUpReport, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const only = breachDecisions.find((entry) => entry.id === 'uodo-dkn-5131-18-2022-p4');
if (only === undefined) throw new Error('uodo-dkn-5131-18-2022-p4');
const changes = {
  measures: [{ id: 'new-password', status: 'done' as const, doneAt: '2018-02-23T15:00:00+01:00' }],
};
const written = { now: '2018-02-23T15:30:00+01:00' };
const now = { now: '2018-02-23T16:00:00+01:00' };

describe('a follow-up of a report assessed with a caller’s decisions', () => {
  it('refuses to assess it again with the built-in decisions, naming options.decisions', () => {
    const first = createIncidentReport(seedCase, { ...written, decisions: [only] });
    expect(first.assessment.decisionsGiven).toBe(true);
    let error: unknown;
    try {
      createFollowUpReport(first, changes, now);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).field).toBe('options.decisions');
    expect((error as InvalidInputError).message).toContain(
      'the first report was assessed with decisions the caller gave',
    );
  });

  it('keeps the caller’s decisions when they are given again', () => {
    const first = createIncidentReport(seedCase, { ...written, decisions: [only] });
    const followUp = createFollowUpReport(first, changes, { ...now, decisions: [only] });
    expect(followUp.assessment.precedents.map((precedent) => precedent.id)).toEqual([only.id]);
    expect(followUp.assessment.decisionsGiven).toBe(true);
  });

  it('assesses a report made with the built-in decisions again with them, unasked', () => {
    const first = createIncidentReport(seedCase, written);
    expect(first.assessment.decisionsGiven).toBeUndefined();
    expect(createFollowUpReport(first, changes, now).assessment.precedents.length).toBeGreaterThan(0);
  });
});
