import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
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

  it('states only the recorded deletion in the report, not that nothing was kept or passed on', () => {
    // The facts record the deletion alone (recipientConfirmedDeletion); a report to the authority
    // that adds "neither kept nor passed on" says more than the controller knows.
    const report = createIncidentReport(seedCase, now);
    const sv = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    const en = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(sv).toContain('Mottagaren har bekräftat att meddelandet är raderat.');
    expect(en).toContain('The recipient confirmed that the message was deleted.');
    expect(sv).not.toContain('raderat och inte har sparats');
    expect(en).not.toContain('neither kept nor passed on');
  });
});
