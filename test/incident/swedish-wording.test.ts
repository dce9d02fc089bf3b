import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const retailer = createIncidentReport(
  {
    ...seedCase,
    provider: { name: 'Hälsohandeln AB', customerServicePhone: '010-200 30 40' },
    regimes: ['gdpr'],
    dataCategories: ['name', 'postal-address', 'order-details', 'health'],
  },
  { now: '2018-02-23T15:10:00+01:00' },
);

describe('the Swedish report reads as a Swedish authority expects', () => {
  it('uses the GDPR’s words, not the telecom rules’, for a controller that is not a telecom provider', () => {
    const text = renderIncidentReport(retailer, { locale: 'sv' });
    expect(text).toContain('Personuppgiftsansvarig\n  Hälsohandeln AB');
    expect(text).toContain('Antal berörda registrerade');
    expect(text).toContain('En berörd registrerad.');
    expect(text).not.toMatch(/tjänsteleverantör|abonnent/i);
    const english = renderIncidentReport(retailer, { locale: 'en' });
    expect(english).toContain('Controller\n  Hälsohandeln AB');
    expect(english).not.toMatch(/subscriber|provider/i);
  });

  it('keeps the telecom headings for a provider of electronic communications services', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase), { locale: 'sv' });
    expect(text).toContain('Tjänsteleverantör');
    expect(text).toContain('En berörd abonnent.');
  });

  it('states the risk in a whole sentence and names the regulation as Swedish law texts do', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase), { locale: 'sv' });
    expect(text).not.toContain('Risk: risk');
    expect(text).toContain(
      'Beräknad risk: incidenten medför en risk, men inte en hög risk, för de berördas rättigheter och friheter.',
    );
    expect(text).not.toMatch(/\bGDPR\b/);
    // The seed case is from before 25 May 2018; the same case today cites the GDPR by its Swedish name.
    const today = renderIncidentReport(
      createIncidentReport({
        ...seedCase,
        occurredAt: '2024-02-23T13:36:00+01:00',
        detectedAt: '2024-02-23T13:45:00+01:00',
      }),
      { locale: 'sv' },
    );
    expect(today).toMatch(/dataskyddsförordningen art. 33.5/i);
    expect(today).not.toMatch(/\bGDPR\b/);
    const english = renderIncidentReport(createIncidentReport(seedCase), { locale: 'en' });
    expect(english).toContain(
      'Computed risk: the breach is likely to result in a risk, but not a high risk, to the rights and freedoms of the people concerned.',
    );
  });
});
