import { describe, expect, it } from 'vitest';
import { createIncidentReport, incidentRegisterEntry } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { filedWithTwoAuthorities } from './shared-fixtures.js';

// Written after the deadline with no filing recorded, the notification is late (GDPR Art. 33(1);
// Regulation 611/2013 Art. 2(2)): the register does not say it is still to be made by a past date.
const lateLines = {
  seed: [
    'skulle ha anmälts till PTS senast 2018-02-24 kl. 13.45 CET (försenad)',
    'notification to PTS was due by 24 February 2018, 13:45 CET (late)',
  ],
  mixed: [
    'skulle ha anmälts till PTS senast 2026-12-01 kl. 16.40 CET (försenad), ska anmälas till IMY senast 2026-12-03 kl. 16.40 CET',
    'notification to PTS was due by 1 December 2026, 16:40 CET (late), to be notified to IMY by 3 December 2026, 16:40 CET',
  ],
  filedLate: [
    'anmäld till PTS 2018-02-25 kl. 09.00 CET (19 timmar och 15 minuter efter tidsfristen)',
    'notified to PTS 25 February 2018, 09:00 CET (19 hours 15 minutes after the deadline)',
  ],
} as const;

describe('the register line after the deadline', () => {
  for (const [index, locale] of (['sv', 'en'] as const).entries()) {
    it(`says the notification was due and is late where none is recorded (${locale})`, () => {
      const report = createIncidentReport(seedCase, { now: '2018-02-26T10:00:00+01:00' });
      const line = incidentRegisterEntry(report, { locale });
      expect(line).toContain(`| ${lateLines.seed[index]} |`);
      expect(line).not.toMatch(/ska anmälas|to be notified/);
    });

    it(`names the late authority apart from the one whose deadline is still ahead (${locale})`, () => {
      const report = createIncidentReport(filedWithTwoAuthorities, { now: '2026-12-02T12:00:00+01:00' });
      expect(incidentRegisterEntry(report, { locale })).toContain(`| ${lateLines.mixed[index]} |`);
    });

    it(`says when a filing made after the deadline was made, and how late (${locale})`, () => {
      const report = createIncidentReport(
        { ...seedCase, initialNotificationAt: '2018-02-25T09:00:00+01:00' },
        { now: '2018-02-26T10:00:00+01:00' },
      );
      const line = incidentRegisterEntry(report, { locale });
      expect(line).toContain(`| ${lateLines.filedLate[index]} |`);
      expect(line).not.toMatch(/försenad|\(late\)/);
    });
  }
});
