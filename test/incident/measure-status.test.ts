import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The seed case has `new-password` planned and `seller-feedback` only proposed.
const report = createIncidentReport(seedCase, { now: '2018-02-23T15:10:00+01:00' });

describe('the report never states a measure that was not done as done', () => {
  it('phrases planned and proposed measures as still to be done, in Swedish and English', () => {
    for (const format of ['text', 'markdown', 'html'] as const) {
      const sv = renderIncidentReport(report, { locale: 'sv', format });
      expect(sv).not.toContain('Ett nytt lösenord har beställts');
      expect(sv).not.toContain('Händelsen har återkopplats');
      expect(sv).toContain('Ett nytt lösenord ska beställas till kunden');
      expect(sv).toContain('När orsaken har registrerats ska den återkopplas');
      // Done measures keep the past tense.
      expect(sv).toContain('har kontaktats och ombetts radera det');
      const en = renderIncidentReport(report, { locale: 'en', format });
      expect(en).not.toContain('A new password was issued');
      expect(en).toContain('A new password is to be issued to the customer');
      expect(en).toContain('Once the cause is recorded, those involved are to be given feedback');
    }
  });
});
