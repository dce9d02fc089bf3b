import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { createFollowUpReport, createIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

describe('createFollowUpReport checks the customer told as the first report does', () => {
  it('refuses inform-customer done with neither a call nor a notice recorded', () => {
    const first = createIncidentReport(seedCase, now);
    const run = () =>
      createFollowUpReport(
        first,
        { measures: [{ id: 'inform-customer', status: 'done' }] },
        {
          now: '2018-02-24T10:00:00+01:00',
        },
      );
    expect(run).toThrow(InvalidInputError);
    expect(run).toThrow(/inform-customer is done, but nothing records how the customer was told/);
  });
});
