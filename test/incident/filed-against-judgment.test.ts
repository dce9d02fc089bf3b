import { describe, expect, it } from 'vitest';
import type { CreateIncidentReportInput } from '../../src/incident/index.js';
import { createIncidentReport, InvalidInputError } from '../../src/incident/index.js';

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
