import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, breachDecisions } from '../../src/incident/index.js';

// A group in Cc is judged by how many saw each other's addresses: 120 recipients are read against the
// AP's PVV Overijssel (101) and the DPC's broadband notice (~300), not first against 16 parents.
const facts = (dataSubjects: number, more: Partial<BreachFacts> = {}): BreachFacts => ({
  regimes: ['gdpr'],
  occurredAt: '2024-10-01T09:00:00+02:00',
  detectedAt: '2024-10-01T10:00:00+02:00',
  dataCategories: ['name', 'email-address'],
  dataSubjects,
  recipient: 'unknown-individual',
  channel: 'email',
  ...more,
});

const isGroup = (id: string) =>
  breachDecisions.find((decision) => decision.id === id)?.kind === 'cc-instead-of-bcc';

describe('precedents weigh the number of people in a group disclosure', () => {
  it('lists the group cases of a size near 120 recipients first, at a shop', () => {
    const precedents = assessBreach(facts(120, { exposure: 'cc' })).precedents;
    expect(precedents.slice(0, 2).every((precedent) => isGroup(precedent.id))).toBe(true);
    expect(precedents[0]?.id).toBe('ap-2021-pvv-overijssel');
    expect(precedents[0]?.alike.similarSize).toBe(true);
  });

  it('lists both group cases of a similar size before the smaller one, at a telecom', () => {
    const ids = assessBreach(facts(120, { exposure: 'cc', regimes: ['eprivacy', 'gdpr'] })).precedents.map(
      (precedent) => precedent.id,
    );
    expect(new Set(ids.slice(0, 2))).toEqual(
      new Set(['ap-2021-pvv-overijssel', 'dpc-2010-case-study-1-broadband-disconnection-notice']),
    );
    expect(ids[2]).toBe('apd-62-2022');
  });

  it('lists a small group case first for a small group', () => {
    const precedents = assessBreach(facts(16, { exposure: 'cc' })).precedents;
    expect(precedents[0]?.id).toBe('apd-62-2022');
  });

  it('lists single-recipient cases before any group case for one misdirected e-mail', () => {
    for (const dataCategories of [
      ['name', 'email-address'],
      ['name', 'postal-address', 'customer-number', 'order-details'],
    ] as const) {
      const ids = assessBreach(facts(1, { dataCategories: [...dataCategories] })).precedents.map(
        (precedent) => precedent.id,
      );
      const firstGroup = ids.findIndex(isGroup);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(isGroup(ids[0] as string)).toBe(false);
      expect(firstGroup === -1 || firstGroup >= 2).toBe(true);
    }
  });
});
