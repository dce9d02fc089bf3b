import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { filedWithTwoAuthorities } from './shared-fixtures.js';

// Detected 2 December 09:30; IMY's filing is recorded, PTS's is not, and the report is written on
// 3 December 13:00, past PTS's 24 hours (Regulation 611/2013 Art. 2(2)). The conclusion must not state
// the passed deadline as one still ahead.
const facts = {
  ...filedWithTwoAuthorities,
  occurredAt: '2026-12-02T09:10:00+01:00',
  detectedAt: '2026-12-02T09:30:00+01:00',
  notifications: [{ authority: 'IMY', at: '2026-12-02T16:00:00+01:00' }],
};

const expected = {
  sv: {
    says: 'den skulle ha anmälts till PTS senast 2026-12-03 kl. 09.30 CET; anmäl utan dröjsmål och ange skälen till förseningen',
    never: 'den ska anmälas till PTS senast 2026-12-03 kl. 09.30 CET',
  },
  en: {
    says: 'it should have been notified to PTS by 3 December 2026, 09:30 CET; notify it without delay and give the reasons for the delay',
    never: 'it is to be notified to PTS by 3 December 2026, 09:30 CET',
  },
} as const;

describe('the conclusion once one authority is notified and the other’s deadline has passed', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`says the filing with PTS should have been made and asks for the reasons (${locale})`, () => {
      const report = createIncidentReport(facts, { locale, now: '2026-12-03T13:00:00+01:00' });
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(expected[locale].says);
      expect(text).not.toContain(expected[locale].never);
    });

    it(`still states a deadline that is ahead as one to meet (${locale})`, () => {
      const report = createIncidentReport(facts, { locale, now: '2026-12-02T17:00:00+01:00' });
      const text = renderIncidentReport(report, { locale });
      expect(text).toContain(expected[locale].never);
    });
  }
});
