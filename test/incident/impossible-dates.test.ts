import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { refusedPaths } from './shared-fixtures.js';

describe('dates that cannot belong to the incident', () => {
  it('refuses a call to the customer dated years before the incident was detected', () => {
    expect(
      refusedPaths(() =>
        createIncidentReport({ ...seedCase, customerCall: { at: '2010-05-01T10:00:00Z', answers: [] } }),
      ),
    ).toContain('input.customerCall.at');
  });

  it('refuses a step of the timeline dated before the incident occurred', () => {
    expect(
      refusedPaths(() =>
        createIncidentReport({
          ...seedCase,
          timeline: [{ at: '2017-01-01T10:00:00Z', what: 'The recipient deleted the message.' }],
        }),
      ),
    ).toContain('input.timeline.0.at');
  });

  it('refuses an incident dated after the report is written', () => {
    expect(refusedPaths(() => createIncidentReport(seedCase, { now: '2018-01-01T00:00:00Z' }))).toContain(
      'input.occurredAt',
    );
  });

  it('accepts a call made after detection', () => {
    expect(() =>
      createIncidentReport({ ...seedCase, customerCall: { at: '2018-02-24T10:00:00Z', answers: [] } }),
    ).not.toThrow();
  });
});

describe('a judgment and a detection time that cannot be', () => {
  it('refuses an officer’s judgment dated before the breach, naming judgment.at', () => {
    expect(
      refusedPaths(() =>
        createIncidentReport({
          ...seedCase,
          judgment: { by: 'Karin Berg', at: '2018-02-20T15:00:00+01:00', reason: 'x', risk: 'unlikely' },
        }),
      ),
    ).toContain('input.judgment.at');
  });

  it('says that a missing detectedAt is required', () => {
    const { detectedAt: _detectedAt, ...facts } = seedCase;
    let error: unknown;
    try {
      createIncidentReport(facts as typeof seedCase);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    const issue = (error as InvalidInputError).issues.find(
      (each) => each.path.join('.') === 'input.detectedAt',
    );
    expect(issue?.message).toMatch(/required/);
  });
});
