import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The timeline says when the breach was contained: the measures the authority reads say it too
// (GDPR Art. 33(3)(d); Regulation 611/2013 Annex I section 2), not only the chronology.
const report = createIncidentReport(
  {
    ...seedCase,
    timeline: [
      {
        at: '2018-02-23T13:52:00+01:00',
        what: 'Mottagaren raderade meddelandet',
        who: 'Kundservice',
        kind: 'contained',
      },
    ],
  },
  { now: '2018-02-23T15:00:00+01:00' },
);

const expected = {
  sv: [
    'Åtgärder',
    'Incidenten begränsades 2018-02-23 kl. 13.52 CET: Mottagaren raderade meddelandet (Kundservice).',
  ],
  en: [
    'Measures',
    'The breach was contained on 23 February 2018, 13:52 CET: Mottagaren raderade meddelandet (Kundservice).',
  ],
} as const;

describe('a timeline entry that says when the breach was contained', () => {
  for (const locale of ['sv', 'en'] as const) {
    it(`is stated among the measures (${locale})`, () => {
      const [heading, line] = expected[locale];
      const text = renderIncidentReport(report, { locale, format: 'text' });
      const lines = text.split('\n');
      const measures = lines.indexOf(heading);
      const next = lines.findIndex((entry, index) => index > measures && /^\S/.test(entry));
      expect(measures).toBeGreaterThan(-1);
      expect(lines.slice(measures, next).map((entry) => entry.trim())).toContain(line);
    });
  }
});
