import { describe, expect, it } from 'vitest';
import { assessBreach, type BreachFacts, reportMisdirected } from '../../src/incident/index.js';
import { misdirectedInput } from './shared-fixtures.js';

const facts: BreachFacts = {
  regimes: ['gdpr'],
  country: 'SE',
  dataCategories: ['other'],
  dataSubjects: 1,
  recipient: 'unknown-individual',
};
/** The ids of the precedents listed for `given`, in their order. */
const listed = (given: BreachFacts, risk: 'unlikely' | 'high', conclusionsOpen: boolean) =>
  assessBreach(given, { risk, conclusionsOpen }).precedents.map((precedent) => precedent.id);

describe('precedents while the conclusions are open', () => {
  it('ranks by the facts alone: the same list whatever the rules give from no data', () => {
    // The list is not a constant: other facts (health data, GDPR Art. 9) list other precedents.
    const health: BreachFacts = { ...facts, dataCategories: ['health'] };
    expect(listed(health, 'high', true)).not.toEqual(listed(facts, 'high', true));
    expect(listed(facts, 'unlikely', true)).toEqual(listed(facts, 'high', true));
    expect(listed(health, 'unlikely', true)).toEqual(listed(health, 'high', true));
  });

  it('compares no precedent with a conclusion not reached', () => {
    const open = assessBreach(facts, { conclusionsOpen: true }).precedents;
    expect(open.length).toBeGreaterThan(0);
    for (const precedent of open) expect(precedent.alike.sameConclusion, precedent.id).toBeNull();
  });

  it('ranks a report of a message nobody could read by the facts alone', async () => {
    const head =
      'From: order@butiken.se\r\nTo: anna.svensson185@gmail.com\r\nSubject: Order 8\r\nDate: Mon, 02 Nov 2026 10:00:00 +0100\r\n';
    const { report } = await reportMisdirected(
      {
        ...misdirectedInput,
        message: `${head}\r\n`,
        detectedAt: '2026-11-02T12:00:00+01:00',
        organisation: { ...misdirectedInput.organisation, regimes: ['gdpr'] },
      },
      { now: '2026-11-02T15:00:00+01:00' },
    );
    expect(report.decision?.provisional).toBe(true);
    expect(report.assessment.precedents.length).toBeGreaterThan(0);
    for (const precedent of report.assessment.precedents)
      expect(precedent.alike.sameConclusion, precedent.id).toBeNull();
  });
});
