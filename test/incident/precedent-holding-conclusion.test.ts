import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

// A telecom's order confirmation sent to a stranger who confirmed the deletion (as in the counsel's
// trial, case 10): the rules give "risk", the data protection officer judged the risk unlikely.
const input = {
  ...misdirectedOrderCase,
  reference: 'NT-INC-2026-0210',
  regimes: [...misdirectedOrderCase.regimes],
  dataCategories: [...misdirectedOrderCase.dataCategories],
  recipientConfirmedDeletion: true,
};
const judgment = {
  by: 'Maria Lindqvist, dataskyddsombud',
  at: '2024-05-20T11:00:00+02:00',
  reason: 'Mottagaren bekräftade radering per telefon; uppgifterna är vardagliga.',
  risk: 'unlikely',
} as const;
const now = new Date('2024-05-20T12:00:00+02:00');

function precedentLines(
  judged: boolean,
  locale: 'sv' | 'en',
  circumstances: 'misdirected-email' | 'misdirected-post' = input.circumstances,
) {
  const given = { ...input, circumstances };
  const report = createIncidentReport(judged ? { ...given, judgment } : given, { locale, now });
  const text = renderIncidentReport(report, { locale });
  return { report, lines: text.split('\n').filter((line) => line.includes('EDPB')) };
}

describe('precedents compared with the conclusion that holds', () => {
  it('compares EDPB Case No. 13 with the officer’s judgment, not with the computed result', () => {
    // The order confirmation sent as a letter, as in Case No. 13: of an e-mail, the other reading is an e-mail.
    const computed = precedentLines(false, 'sv', 'misdirected-post').report.assessment.precedents;
    const { report, lines } = precedentLines(true, 'sv', 'misdirected-post');
    expect(report.decision?.risk).toBe('unlikely');
    // The case that found nothing to tell the people agrees with a judgment that the risk is unlikely.
    const case13 = report.assessment.precedents.find((precedent) => precedent.id.includes('case-13'));
    const computed13 = computed.find((precedent) => precedent.id.includes('case-13'));
    expect(computed13?.alike.sameConclusion).toBe(false);
    expect(case13?.alike.sameConclusion).not.toBe(false);
    const line13 = lines.find((line) => line.includes('13'));
    expect(line13).toBeDefined();
    expect(line13).not.toContain('beslutade annorlunda');
  });

  it('no longer calls EDPB Case No. 16, which notified the authority, "the same conclusion" as the judgment', () => {
    // The order confirmation sent as a letter: Case No. 16, a letter too, is among the closest.
    const case16 = (judged: boolean) =>
      precedentLines(judged, 'en', 'misdirected-post').report.assessment.precedents.find((precedent) =>
        precedent.id.includes('case-16'),
      );
    expect(case16(false)?.alike.sameConclusion).toBe(true);
    const judged = precedentLines(true, 'en', 'misdirected-post');
    expect(case16(true)?.alike.sameConclusion ?? false).toBe(false);
    expect(judged.lines.join('\n')).not.toMatch(/Case No\. 16[^\n]*the same conclusion/);
  });
});
