import { describe, expect, it } from 'vitest';
import {
  createFollowUpReport,
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case was detected on 23 February 2018 at 13:45 CET; Regulation 611/2013 Art. 2(2) gives the
// provider 24 hours, to 24 February 13:45. A filing on the 25th at 10:00 is 20 hours 15 minutes late.
const lateFiling = {
  ...seedCase,
  delayReasons: 'The breach was first judged internal by the customer service.',
  notifications: [{ authority: 'PTS', at: '2018-02-25T10:00:00+01:00', reference: 'PTS 18-2291' }],
};
const written = { now: '2018-02-25T12:00:00+01:00' };
const text = (report: ReturnType<typeof createIncidentReport>, locale: 'sv' | 'en') =>
  renderIncidentReport(report, { locale, format: 'text' });

describe('a filing recorded after its deadline', () => {
  const report = createIncidentReport(lateFiling, written);

  it('says the notification was late, by how long, with the reasons for the delay', () => {
    expect(text(report, 'sv')).toContain(
      'Anmäld: ja, 2018-02-25 kl. 10.00 CET (diarienummer PTS 18-2291). Anmälan gjordes 20 timmar och 15 minuter efter tidsfristen (2018-02-24 kl. 13.45 CET) och ska åtföljas av skälen till förseningen (förordning (EU) nr 611/2013 art. 2.2). Skäl till förseningen: The breach was first judged internal by the customer service.',
    );
    expect(text(report, 'en')).toContain(
      'Notified: yes, 25 February 2018, 10:00 CET (reference PTS 18-2291). The notification was made 20 hours 15 minutes after the deadline (24 February 2018, 13:45 CET) and is to be accompanied by reasons for the delay (Regulation 611/2013 Art. 2(2)). Reasons for the delay: The breach was first judged internal by the customer service.',
    );
  });

  it('keeps the lateness and the reference in the conclusion and the register line', () => {
    expect(text(report, 'sv')).toContain(
      'Incidenten anmäldes till PTS 2018-02-25 kl. 10.00 CET (diarienummer PTS 18-2291; 20 timmar och 15 minuter efter tidsfristen)',
    );
    expect(text(report, 'en')).toContain(
      'The breach was notified to PTS on 25 February 2018, 10:00 CET (reference PTS 18-2291; 20 hours 15 minutes after the deadline)',
    );
    expect(incidentRegisterEntry(report)).toContain(
      'anmäld till PTS 2018-02-25 kl. 10.00 CET (diarienummer PTS 18-2291; 20 timmar och 15 minuter efter tidsfristen)',
    );
    expect(incidentRegisterEntry(report, { locale: 'en' })).toContain(
      'notified to PTS 25 February 2018, 10:00 CET (reference PTS 18-2291; 20 hours 15 minutes after the deadline)',
    );
  });

  it('keeps the lateness in a follow-up that records the late filing', () => {
    const first = createIncidentReport(seedCase, { now: '2018-02-23T15:30:00+01:00' });
    const followUp = createFollowUpReport(first, { notifications: lateFiling.notifications }, written);
    expect(text(followUp, 'sv')).toContain('Anmälan gjordes 20 timmar och 15 minuter efter tidsfristen');
    expect(text(followUp, 'en')).toContain('(reference PTS 18-2291)');
    expect(renderIncidentReport(followUp, { locale: 'sv', format: 'markdown' })).toContain(
      'diarienummer PTS 18-2291',
    );
    expect(renderIncidentReport(followUp, { locale: 'en', format: 'html' })).toContain(
      'reference PTS 18-2291',
    );
  });

  it('says nothing of a delay for a filing in time', () => {
    const inTime = createIncidentReport(
      { ...seedCase, notifications: [{ authority: 'PTS', at: '2018-02-23T15:00:00+01:00' }] },
      written,
    );
    expect(text(inTime, 'en')).toContain('Notified: yes, 23 February 2018, 15:00 CET.');
    expect(text(inTime, 'en')).not.toContain('after the deadline');
    expect(text(inTime, 'sv')).not.toContain('efter tidsfristen');
  });
});

describe('a report written after the deadline with no filing recorded', () => {
  it('says the breach should have been notified, and asks for it now with the reasons', () => {
    const report = createIncidentReport(seedCase, written);
    expect(text(report, 'sv')).toContain(
      'Incidenten skulle ha anmälts till PTS senast 2018-02-24 kl. 13.45 CET; anmäl utan dröjsmål och ange skälen till förseningen',
    );
    expect(text(report, 'en')).toContain(
      'The breach should have been notified to PTS by 24 February 2018, 13:45 CET; notify it without delay and give the reasons for the delay',
    );
  });
});
