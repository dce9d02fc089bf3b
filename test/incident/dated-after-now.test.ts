import { describe, expect, it } from 'vitest';
import { createFollowUpReport, createIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';
import { misdirectedInput, refusedPathsAsync as refusedPaths } from './shared-fixtures.js';

// The report is written at 15.30; everything below is dated after it.
const now = { now: '2018-02-23T15:30:00+01:00' };
const later = '2018-02-23T16:00:00+01:00';

describe('facts dated after the report is written', () => {
  it('refuses a call, a notice, a notification and a timeline step dated after now, naming each', async () => {
    const paths = await refusedPaths(() =>
      createIncidentReport(
        {
          ...seedCase,
          customerCall: { ...seedCustomerCall, at: later },
          subscriberNotice: { notifiedAt: later },
          initialNotificationAt: later,
          timeline: [{ at: later, what: 'Första anmälan till PTS.' }],
        },
        now,
      ),
    );
    expect(paths).toEqual([
      'input.customerCall.at',
      'input.initialNotificationAt',
      'input.subscriberNotice.notifiedAt',
      'input.timeline.0.at',
    ]);
  });

  it('refuses a judgment dated after now', async () => {
    const paths = await refusedPaths(() =>
      createIncidentReport(
        {
          ...seedCase,
          judgment: { by: 'Karin Berg', reason: 'Raderat.', risk: 'unlikely', at: later },
        },
        now,
      ),
    );
    expect(paths).toContain('input.judgment.at');
  });

  it('refuses a notification dated after now in reportMisdirected and in a follow-up', async () => {
    const paths = await refusedPaths(() =>
      reportMisdirected({ ...misdirectedInput, initialNotificationAt: later }, now),
    );
    expect(paths).toEqual(['input.initialNotificationAt']);
    const first = createIncidentReport(seedCase, now);
    const followUp = await refusedPaths(() =>
      createFollowUpReport(
        first,
        { initialNotificationAt: '2018-02-23T17:00:00+01:00', subscriberNotice: { notifiedAt: later } },
        { now: '2018-02-23T15:45:00+01:00' },
      ),
    );
    expect(followUp).toEqual(['changes.initialNotificationAt', 'changes.subscriberNotice.notifiedAt']);
  });
});
