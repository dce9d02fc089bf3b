import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('the English report of a breach before the GDPR applied', () => {
  it('starts the sentence on the former Swedish act with a capital letter', () => {
    const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });
    const en = renderIncidentReport(report, { locale: 'en' });
    expect(en).toContain('(23 February 2018). Personuppgiftslagen (1998:204), in force then,');
    expect(en).not.toContain('. personuppgiftslagen');
  });
});
