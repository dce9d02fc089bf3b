import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, InvalidInputError, renderIncidentReport } from '../../src/incident/index.js';

// S22 of the officer's trial: a filing recorded, and a judgment that the authority is not notified.
const filedButJudgedNo: CreateIncidentReportInput = {
  reference: 'T-S22',
  provider: { name: 'Teleab AB', country: 'SE' },
  contact: { name: 'Dana DPO', email: 'dpo@example.com', phone: '+46 8 123 45 00' },
  regimes: ['gdpr'],
  circumstances: 'misdirected-email',
  occurredAt: '2024-05-20T09:00:00+02:00',
  detectedAt: '2024-05-20T10:00:00+02:00',
  initialNotificationAt: '2024-05-20T15:00:00+02:00',
  dataCategories: ['name', 'postal-address', 'customer-number'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
  judgment: {
    risk: 'unlikely',
    notifyAuthority: false,
    notifyDataSubjects: false,
    by: 'Dana DPO',
    reason: 'deleted',
    at: '2024-05-20T11:00:00+02:00',
  },
};
const now = { now: '2024-05-22T12:00:00+02:00' };

const refusal = (locale: 'sv' | 'en') => {
  try {
    createIncidentReport(filedButJudgedNo, { ...now, locale });
  } catch (error) {
    return error;
  }
  return undefined;
};

describe('a recorded filing with a judgment not to notify the authority is refused', () => {
  it('names judgment.notifyAuthority, in English', () => {
    const error = refusal('en');
    expect(error).toBeInstanceOf(InvalidInputError);
    const issue = (error as InvalidInputError).issues.find(
      (entry) => entry.path.join('.') === 'input.judgment.notifyAuthority',
    );
    expect(issue?.message).toContain('initialNotificationAt');
  });

  it('names judgment.notifyAuthority, in Swedish', () => {
    const error = refusal('sv');
    expect(error).toBeInstanceOf(InvalidInputError);
    const issue = (error as InvalidInputError).issues.find(
      (entry) => entry.path.join('.') === 'input.judgment.notifyAuthority',
    );
    expect(issue?.message).toContain('anmälan');
  });

  it('accepts the same judgment without a recorded filing', () => {
    const { initialNotificationAt: _filed, ...notFiled } = filedButJudgedNo;
    expect(createIncidentReport(notFiled, now).decision?.notifyAuthority).toBe(false);
  });
});

// A provider notifies PTS of every breach whatever the risk (Regulation 611/2013 Art. 2(1)): a judgment
// that the breach is not notified leaves out IMY only, and the filing with PTS stands.
const telecom: CreateIncidentReportInput = { ...filedButJudgedNo, regimes: ['eprivacy', 'gdpr'] };

describe("a telecom's filing with PTS beside a judgment not to notify", () => {
  for (const [locale, filed, notNotified] of [
    ['sv', 'Anmäld: ja, 2024-05-20 kl. 15.00 CEST.', 'Anmäls: nej.'],
    ['en', 'Notified: yes, 20 May 2024, 15:00 CEST.', 'Notified: no.'],
  ] as const) {
    it(`accepts initialNotificationAt as the filing with PTS and states IMY not notified (${locale})`, () => {
      const report = createIncidentReport(telecom, { ...now, locale });
      expect(report.decision?.notifyAuthorityUnder).toEqual(['eprivacy']);
      const text = renderIncidentReport(report, { locale });
      const pts = text.split('\n').find((line) => line.includes('PTS') && line.includes(filed));
      expect(pts).toBeDefined();
      expect(text.split('\n').some((line) => line.includes('IMY') && line.includes(notNotified))).toBe(true);
    });
  }

  it('refuses a filing with IMY that the judgment leaves out, naming it', () => {
    const { initialNotificationAt: _one, ...rest } = telecom;
    const error = (() => {
      try {
        createIncidentReport(
          {
            ...rest,
            notifications: [
              { authority: 'PTS', at: '2024-05-20T15:00:00+02:00' },
              { authority: 'IMY', at: '2024-05-20T16:00:00+02:00' },
            ],
          },
          now,
        );
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).issues).toEqual([
      {
        path: ['input', 'notifications', 1, 'authority'],
        message:
          'IMY is recorded as notified, but the judgment (judgment.notifyAuthority: false) leaves only PTS notified; remove the filing or change the judgment',
      },
    ]);
  });
});
