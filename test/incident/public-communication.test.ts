import { describe, expect, it } from 'vitest';
import {
  createIncidentReport,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';

// A high risk where contacting each person would take disproportionate effort: GDPR Art. 34(3)(c)
// replaces the individual notices by a public communication or similar measure, it does not drop them.
function report(more: Record<string, unknown> = {}) {
  return createIncidentReport(
    {
      reference: 'HH-INC-2026-0040',
      provider: { name: 'Hemhandel AB', country: 'SE' },
      contact: { name: 'Eva Dahl', email: 'dpo@hemhandel.se', phone: '031-700 10 99' },
      regimes: ['gdpr'],
      occurredAt: '2026-12-03T10:00:00+01:00',
      detectedAt: '2026-12-03T11:00:00+01:00',
      circumstances: 'other',
      dataCategories: ['name', 'national-id-number'],
      dataSubjects: 2,
      recipient: 'unknown-individual',
      individualContactDisproportionate: true,
      ...more,
    },
    { now: '2026-12-03T19:00:00+01:00' },
  );
}

describe('a public communication instead of individual notices (GDPR Art. 34(3)(c))', () => {
  it('is said as planned in the report, the conclusion and the register, never as nobody told', () => {
    const written = report();
    expect(written.assessment.risk).toBe('high');
    for (const locale of ['en', 'sv'] as const) {
      const text = renderIncidentReport(written, { locale }).replace(/\s+/g, ' ');
      expect(text).not.toMatch(/are not told|underrättas inte/);
      const register = incidentRegisterEntry(written, { locale });
      expect(register).not.toMatch(/not told|underrättas inte/);
      if (locale === 'en') {
        expect(text).toContain('a public communication or similar measure (GDPR Art. 34(3)(c)), planned');
        expect(register).toContain('public communication instead of individual notices, planned');
      }
    }
  });

  it('warns that disproportionate effort is hard to argue for a few people', () => {
    const text = renderIncidentReport(report(), { locale: 'en' }).replace(/\s+/g, ' ');
    expect(text).toContain('hard to argue');
    expect(text).toContain('EDPB Guidelines 9/2022');
    const many = renderIncidentReport(report({ dataSubjects: 5000 }), { locale: 'en' });
    expect(many).not.toContain('hard to argue');
  });

  it('is said as made once it is recorded', () => {
    const done = report({
      subscriberNotice: { means: ['public-notice'], notifiedAt: '2026-12-03T15:00:00+01:00' },
    });
    const register = incidentRegisterEntry(done, { locale: 'en' });
    expect(register).toContain('public communication instead of individual notices, made');
  });
});
