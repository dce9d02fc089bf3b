import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts } from '../../src/incident/index.js';

// A one-time login code e-mailed with the customer's name to a stranger, found after it expired.
const expiredCodeWithName: BreachFacts = {
  regimes: ['eprivacy', 'gdpr'],
  country: 'SE',
  dataCategories: ['name', 'email-address', 'credentials'],
  credentialKinds: ['login-code'],
  credentialsExpired: true,
  dataSubjects: 1,
  recipient: 'unknown-individual',
  occurredAt: '2026-12-01T07:42:00+01:00',
  detectedAt: '2026-12-01T08:15:00+01:00',
};
const now = { now: '2026-12-02T09:00:00+01:00' };

describe('EDPB Guidelines 01/2021 Case No. 07: login details are a risk for the account they open', () => {
  it('scores an expired login code with a name as the name alone, so the risk and its reason agree', () => {
    const expired = assessBreach(expiredCodeWithName, now);
    const nameOnly = assessBreach(
      {
        ...expiredCodeWithName,
        dataCategories: ['name', 'email-address'],
        credentialKinds: undefined,
        credentialsExpired: undefined,
      },
      now,
    );
    expect(expired.enisa).toEqual(nameOnly.enisa);
    expect(expired.risk).toBe('unlikely');
    expect(expired.notifyDataSubjects).toBe(false);
    const reason = expired.reasons.find((item) => item.code === 'credentials-expired');
    expect(reason?.message).toContain('weigh no more than contact details in the severity score');
    const swedish = assessBreach(expiredCodeWithName, { ...now, locale: 'sv' });
    expect(swedish.reasons.find((item) => item.code === 'credentials-expired')?.message).toContain(
      'väger inte tyngre än kontaktuppgifter i allvarlighetsgraden',
    );
  });

  it('still scores a valid login code with a name as a high risk', () => {
    const valid = assessBreach({ ...expiredCodeWithName, credentialsExpired: false }, now);
    expect(valid.risk).toBe('high');
    expect(valid.reasons.map((item) => item.code)).toContain('account-takeover');
  });

  it('keeps what the rest of the data weighs: a name with a customer number stays a risk', () => {
    const withCustomerNumber = assessBreach(
      { ...expiredCodeWithName, dataCategories: ['name', 'customer-number', 'credentials'] },
      now,
    );
    expect(withCustomerNumber.risk).toBe('risk');
  });
});
