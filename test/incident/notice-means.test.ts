import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  createIncidentReport,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase, seedCustomerCall } from './seed-case.js';

const now = { now: '2018-02-23T15:30:00+01:00' };

describe('the means of the notice', () => {
  it('names only the phone when the customer was called and no e-mail notice is recorded', () => {
    const report = createIncidentReport({ ...seedCase, customerCall: seedCustomerCall }, now);
    const sv = renderIncidentReport(report, { locale: 'sv' });
    expect(sv).toContain('Sätt: telefon.');
    expect(sv).not.toContain('Sätt: telefon, e-post');
    expect(renderIncidentReport(report, { locale: 'en' })).toContain('Means: phone.');
  });

  it('names the means recorded with the notice', () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        subscriberNotice: { means: ['email'], notifiedAt: '2018-02-23T15:00:00+01:00' },
      },
      now,
    );
    expect(renderIncidentReport(report, { locale: 'en' })).toContain('Means: e-mail.');
  });

  it('marks the means as proposed while no notice is recorded', () => {
    const report = createIncidentReport(
      { ...seedCase, dataCategories: ['name', 'national-id-number', 'account-number'] },
      now,
    );
    expect(report.subscriberNotice.required).toBe(true);
    const sv = renderIncidentReport(report, { locale: 'sv' });
    expect(sv).toContain('Föreslaget sätt: telefon, e-post.');
    expect(sv).not.toMatch(/\nSätt: /);
    expect(renderIncidentReport(report, { locale: 'en' })).toContain('Proposed means: phone, e-mail.');
  });

  it('makes the proposed means again in a follow-up that records the call', () => {
    const first = createIncidentReport(seedCase, { now: '2018-02-23T14:00:00+01:00' });
    const followUp = createFollowUpReport(first, { customerCall: seedCustomerCall }, now);
    expect(followUp.subscriberNotice.means).toEqual(['phone']);
  });
});
