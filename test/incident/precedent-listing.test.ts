import { describe, expect, it } from 'vitest';
import { breachDecisions, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('the precedents as the report lists them', () => {
  const pick = (id: string) => {
    const decision = breachDecisions.find((entry) => entry.id === id);
    if (!decision) throw new Error(id);
    return decision;
  };

  it('names the authority once and prints no date that is only the year the case study was read', () => {
    const report = createIncidentReport(seedCase, {
      decisions: [pick('datatilsynet-dk-2020-randers-kommune'), pick('ico-breach-examples-case-1')],
    });
    const text = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(text).not.toContain('(DK) (DK)');
    expect(text).toContain('Datatilsynet (DK),');
    const ico = text.split('\n').find((line) => line.includes('ICO'));
    expect(ico).toBeDefined();
    expect(ico).not.toMatch(/, 2026:/);
    expect(ico).toContain('undated');
  });

  it('says a precedent decided differently when it concluded the opposite of the assessment', () => {
    const report = createIncidentReport(seedCase, { decisions: [pick('uodo-dkn-5131-18-2022-p4')] });
    expect(report.assessment.notifyDataSubjects).toBe(false);
    const text = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(text).toMatch(
      /UODO[^\n]*decided under Regulation 611\/2013 and the GDPR\): decided differently on telling the people: /,
    );
  });

  it('neither agrees nor differs with a decision taken under the GDPR alone, and names its regime', () => {
    const report = createIncidentReport(seedCase, { decisions: [pick('edpb-01-2021-case-13')] });
    expect(report.assessment.notifyAuthority).toBe(true);
    const text = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(text).toMatch(/EDPB[^\n]*\(decided under the GDPR, Art\. 33 and 34\): notify the authority: no/);
    expect(text).not.toMatch(/EDPB[^\n]*decided differently/);
  });
});
