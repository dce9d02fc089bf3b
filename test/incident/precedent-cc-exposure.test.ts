import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, breachDecisions } from '../../src/incident/index.js';

// 200 customers' addresses sent in CC instead of BCC: each saw the others' addresses.
const cc: BreachFacts = {
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  dataCategories: ['name', 'email-address'],
  dataSubjects: 200,
  recipient: 'unknown-individual',
};

const kindOf = (id: string) => breachDecisions.find((decision) => decision.id === id)?.kind;

describe('addresses shown to each other (exposure: cc)', () => {
  it('cites the decisions on CC instead of BCC before those on one wrong address', () => {
    const precedents = assessBreach({ ...cc, exposure: 'cc' }).precedents.map((precedent) => precedent.id);
    expect(precedents.length).toBeGreaterThanOrEqual(2);
    expect(precedents.slice(0, 2).map(kindOf)).toEqual(['cc-instead-of-bcc', 'cc-instead-of-bcc']);
  });

  it('ranks as before without the fact', () => {
    const without = assessBreach(cc).precedents.map((precedent) => precedent.id);
    expect(without.slice(0, 2).map(kindOf)).not.toEqual(['cc-instead-of-bcc', 'cc-instead-of-bcc']);
  });
});
