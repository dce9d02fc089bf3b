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
const ids = (risk: 'unlikely' | 'high', conclusionsOpen: boolean) =>
  assessBreach(facts, { risk, conclusionsOpen }).precedents.map((precedent) => [
    precedent.id,
    precedent.alike.sameConclusion,
  ]);

describe('precedents while the conclusions are open', () => {
  it('ranks by the facts alone: the same list whatever the rules give from no data', () => {
    // With the conclusions stated, the list follows them (the test that it is not a constant).
    expect(ids('unlikely', false)).not.toEqual(ids('high', false));
    expect(ids('unlikely', true)).toEqual(ids('high', true));
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
