import { describe, expect, it } from 'vitest';
import {
  assessBreach,
  type BreachFacts,
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The duty of a Swedish provider to notify an integrity breach entered lagen (2003:389) om
// elektronisk kommunikation as 6 kap. 4 a § on 1 July 2011 (SFS 2011:588, implementing Directive
// 2009/136/EC). A breach before that day was notified to nobody under it.
const telecom: BreachFacts = {
  regimes: ['eprivacy'],
  country: 'SE',
  dataCategories: ['name', 'postal-address', 'customer-number', 'order-details'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};
const assessedAt = (occurredAt: string, detectedAt: string) =>
  assessBreach({ ...telecom, occurredAt, detectedAt });

describe('a Swedish telecom breach before the notification duty of 6 kap. 4 a § LEK', () => {
  it('is not notified to the authority on 30 June 2011', () => {
    const assessment = assessedAt('2011-06-30T12:00:00+02:00', '2011-06-30T13:00:00+02:00');
    expect(assessment.notifyAuthority).toBe(false);
    expect(assessment.notifyDataSubjects).toBe(false);
    expect(assessment.deadlines).toEqual([]);
    expect(assessment.notReportedBecause).toBe('eprivacy-not-applicable');
    const reason = assessment.reasons.find((entry) => entry.code === 'eprivacy-not-applicable');
    expect(reason?.source).toContain('6 kap. 4 a §');
    expect(reason?.message).toContain(
      '(2011-07-01, 6 kap. 4 a § lagen (2003:389) om elektronisk kommunikation)',
    );
  });

  it('is notified from 1 July 2011, midnight in Stockholm', () => {
    const assessment = assessedAt('2011-07-01T00:30:00+02:00', '2011-07-01T01:00:00+02:00');
    expect(assessment.notifyAuthority).toBe(true);
    expect(assessment.reasons.map((entry) => entry.code)).not.toContain('eprivacy-not-applicable');
  });

  it('says in the Swedish report why PTS is not notified', () => {
    const report = createIncidentReport(
      {
        ...seedCase,
        regimes: ['eprivacy'],
        occurredAt: '2011-06-30T12:00:00+02:00',
        detectedAt: '2011-06-30T13:00:00+02:00',
      },
      { now: '2011-06-30T15:00:00+02:00' },
    );
    expect(report.assessment.notifyAuthority).toBe(false);
    const text = renderIncidentReport(report, { locale: 'sv' });
    expect(text).toContain('innan skyldigheten att anmäla integritetsincidenter började gälla (2011-07-01');
    expect(text).not.toMatch(/ska anmälas till PTS/);
  });

  it('says in the register why it is not notified, under e-privacy alone and with the GDPR', () => {
    const dated = {
      ...seedCase,
      occurredAt: '2011-06-30T12:00:00+02:00',
      detectedAt: '2011-06-30T13:00:00+02:00',
    };
    const now = { now: '2011-06-30T15:00:00+02:00' };
    const alone = createIncidentReport({ ...dated, regimes: ['eprivacy'] }, now);
    expect(incidentRegisterEntry(alone, { locale: 'en' })).toContain(
      'not notified because the breach happened before the duty to notify a breach in electronic communications took effect',
    );
    const both = createIncidentReport({ ...dated, regimes: ['eprivacy', 'gdpr'] }, now);
    expect(both.assessment.notReportedBecause).toBe('no-notification-duty');
    expect(incidentRegisterEntry(both, { locale: 'sv' })).toContain(
      'ingen lag som gällde när incidenten inträffade krävde att den anmäldes',
    );
  });
});
