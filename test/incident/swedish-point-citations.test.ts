import { describe, expect, it } from 'vitest';
import { renderIncidentReport, reportMisdirectedSms } from '../../src/incident/index.js';

// A login code that had expired when the text reached the wrong number: the reason cites GDPR
// Art. 34(3)(a) and (b), which a Swedish report cites in one format, "art. 34.3 a och b".
describe('Swedish citations of two points of one paragraph', () => {
  it('cites "art. 34.3 a och b", not "art. 34.3 a och (b)"', async () => {
    const result = await reportMisdirectedSms(
      {
        text: 'Hej Anna Svensson! Din kod till Mina sidor är 481516. Koden gäller i 10 minuter. Kundnummer: 4711023.',
        intended: '070-123 45 67',
        actual: '070-123 45 76',
        occurredAt: '2026-12-02T09:00:00+01:00',
        customer: { id: '4711023', name: 'Anna Svensson', emails: ['anna.svensson1985@gmail.com'] },
        organisation: {
          name: 'Hemhandel Mobil AB',
          country: 'SE',
          regimes: ['eprivacy', 'gdpr'],
          customerServicePhone: '0771-40 40 40',
          contact: { name: 'Eva Dahl', email: 'dpo@hemhandelmobil.se', phone: '08-123 456 00' },
        },
        reference: 'HM-INC-2026-0005',
        detectedAt: '2026-12-02T10:00:00+01:00',
        credentialsExpired: true,
      },
      { now: '2026-12-03T19:00:00+01:00', locale: 'sv' },
    );
    const text = renderIncidentReport(result.report, { locale: 'sv' });
    expect(text).toContain('art. 34.3 a och b');
    expect(text).not.toMatch(/och \([a-z]\)/);
  });
});
