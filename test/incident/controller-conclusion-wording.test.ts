import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { healthShop } from './shared-fixtures.js';

// A web shop under the GDPR alone, in 2024, whose confirmation listed health products.
const retailer = healthShop;

describe('the conclusion of a controller’s Swedish report uses the GDPR’s words', () => {
  it('says the data subjects must be informed (dataskyddsförordningen art. 34) while no one is told, not that “de berörda underrättas”', () => {
    const text = renderIncidentReport(createIncidentReport(retailer, { now: '2024-10-15T11:00:00+02:00' }), {
      locale: 'sv',
    });
    const conclusion = text.slice(text.indexOf('Slutsats\n'), text.indexOf('Tidslinje\n'));
    expect(conclusion).toContain(
      'Incidenten ska anmälas till IMY senast 2024-10-18 kl. 10.00 CEST, och den registrerade ska informeras.',
    );
    expect(conclusion).not.toContain('underrätta');
  });

  it('keeps the GDPR’s words beside an officer’s judgment', () => {
    const text = renderIncidentReport(
      createIncidentReport(
        {
          ...retailer,
          judgment: {
            by: 'Karin Berg, dataskyddsombud',
            at: '2024-10-15T11:30:00+02:00',
            reason: 'Mottagaren bekräftade skriftligen inom en timme att meddelandet raderats.',
            notifyDataSubjects: false,
          },
        },
        { now: '2024-10-15T12:00:00+02:00' },
      ),
      { locale: 'sv' },
    );
    const conclusion = text.slice(text.indexOf('Slutsats\n'), text.indexOf('Tidslinje\n'));
    expect(conclusion).toContain('Information till den registrerade: ja.');
    expect(conclusion).toContain('den registrerade ska inte informeras');
    expect(conclusion).toContain('och den registrerade informeras inte.');
    expect(conclusion).not.toContain('underrätta');
  });
});
