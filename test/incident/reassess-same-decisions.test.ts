import { describe, expect, it } from 'vitest';
import { breachDecisions, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('a report read again uses the decisions it was assessed with', () => {
  it('lists no precedent from the built-in collection when the report was made with an empty table', () => {
    const report = createIncidentReport(seedCase, { decisions: [] });
    expect(report.assessment.precedents).toEqual([]);
    const text = renderIncidentReport(report, { locale: 'en', format: 'text' });
    expect(text).toContain('No published decision in the collection resembles this breach.');
    for (const decision of breachDecisions) expect(text).not.toContain(decision.document);
  });

  it('lists only the decisions of the table given, in a report rendered from its JSON', () => {
    const only = breachDecisions.find((entry) => entry.id === 'uodo-dkn-5131-18-2022-p4');
    if (only === undefined) throw new Error('uodo-dkn-5131-18-2022-p4');
    const report = JSON.parse(JSON.stringify(createIncidentReport(seedCase, { decisions: [only] })));
    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    const start = text.indexOf('Publicerade beslut om liknande incidenter');
    const section = text.slice(start, text.indexOf('\n\n', start));
    const listed = section.split('\n').filter((line) => line.startsWith('  - '));
    expect(listed).toHaveLength(1);
    expect(listed[0]).toContain('DKN.5131.18.2022');
  });
});
