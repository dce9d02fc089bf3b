import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case was detected on 23 February 2018 at 13:45; Regulation 611/2013 Art. 2(2) gives the
// provider 24 hours, so a report written on the 25th is late.
const late = { now: '2018-02-25T10:00:00+01:00' };

describe('a report written after its notification deadline', () => {
  it('says the deadline has passed and that the reasons for the delay are not recorded', () => {
    const report = createIncidentReport(seedCase, late);
    const en = renderIncidentReport(report, { locale: 'en' });
    const sv = renderIncidentReport(report, { locale: 'sv' });
    expect(en).toContain('The deadline has passed');
    expect(en).toContain('Reasons for the delay: not recorded');
    expect(sv).toContain('Tidsfristen har passerat');
    expect(sv).toContain('Skäl till förseningen: inte registrerade');
  });

  it('gives the reasons for the delay as recorded', () => {
    const report = createIncidentReport(
      { ...seedCase, delayReasons: 'The breach was first judged internal by the customer service.' },
      late,
    );
    expect(renderIncidentReport(report, { locale: 'en' })).toContain(
      'Reasons for the delay: The breach was first judged internal by the customer service.',
    );
    expect(renderIncidentReport(report, { locale: 'sv' })).toContain(
      'Skäl till förseningen: The breach was first judged internal by the customer service.',
    );
  });

  it('says nothing of a delay before the deadline', () => {
    const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });
    expect(renderIncidentReport(report, { locale: 'en' })).not.toContain('deadline has passed');
  });
});
