import { describe, expect, it } from 'vitest';
import { createFollowUpReport, createIncidentReport, reportMisdirected } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { misdirectedInput as misdirected, refusedPathsAsync as refusedPaths } from './shared-fixtures.js';

const now = { now: '2018-02-24T10:00:00+01:00' };

describe('reportMisdirected checks the dates the main report checks', () => {
  it('refuses a call, a timeline step and a done measure dated where they cannot be', async () => {
    const paths = await refusedPaths(() =>
      reportMisdirected(
        {
          ...misdirected,
          customerCall: { at: '2010-05-01T10:00:00Z', answers: [] },
          timeline: [{ at: '2017-01-01T10:00:00Z', what: 'The recipient deleted the message.' }],
          measures: [{ id: 'correct-address', status: 'done', doneAt: '2017-01-01T10:00:00Z' }],
        },
        now,
      ),
    );
    expect(paths).toEqual(['input.customerCall.at', 'input.timeline.0.at', 'input.measures.0.doneAt']);
  });

  it('names the message when its Date header is after the report is written', async () => {
    expect(await refusedPaths(() => reportMisdirected(misdirected, { now: '2018-02-01T00:00:00Z' }))).toEqual(
      expect.arrayContaining(['input.message']),
    );
  });
});

describe('createFollowUpReport checks the dates the main report checks', () => {
  const first = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

  it('refuses a change dated where it cannot be, naming the change', async () => {
    const paths = await refusedPaths(() =>
      createFollowUpReport(
        first,
        {
          customerCall: { at: '2010-05-01T10:00:00Z', answers: [] },
          timeline: [{ at: '2017-01-01T10:00:00Z', what: 'The recipient deleted the message.' }],
          measures: [{ id: 'new-password', status: 'done', doneAt: '2017-01-01T10:00:00Z' }],
          initialNotificationAt: '2018-02-20T10:00:00Z',
        },
        now,
      ),
    );
    expect(paths).toEqual(
      expect.arrayContaining([
        'changes.customerCall.at',
        'changes.timeline.0.at',
        'changes.measures.0.doneAt',
        'changes.initialNotificationAt',
      ]),
    );
    expect(paths.every((path) => path.startsWith('changes.'))).toBe(true);
  });

  it('refuses a first report whose own dates contradict each other, naming it', async () => {
    const broken = { ...first, incident: { ...first.incident, detectedAt: '2018-02-20T10:00:00.000Z' } };
    expect(await refusedPaths(() => createFollowUpReport(broken, {}, now))).toContain(
      'first.incident.detectedAt',
    );
  });

  it('refuses a follow-up written before the first report', async () => {
    expect(
      await refusedPaths(() => createFollowUpReport(first, {}, { now: '2018-02-23T14:00:00+01:00' })),
    ).toEqual(['options.now']);
  });
});
