import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';
import { colleagueDeletedFacts } from './shared-fixtures.js';

// A colleague received the confirmation and deleted it at once: the risk is unlikely, nothing
// recommends telling the customer, and no measure proposes it. The report still says, in words, that
// the law does not require it and why, rather than only that nobody is told.
const { country: _country, ...colleagueFacts } = colleagueDeletedFacts;
const colleague = createIncidentReport(
  {
    ...seedCase,
    ...colleagueFacts,
    occurredAt: '2024-05-20T09:00:00+02:00',
    detectedAt: '2024-05-20T10:00:00+02:00',
  },
  { now: '2024-05-20T12:00:00+02:00' },
);
const render = (locale: 'sv' | 'en') => renderIncidentReport(colleague, { locale, format: 'text' });

describe('a customer not told where the law does not require it', () => {
  it('proposes no measure to tell them', () => {
    expect(colleague.assessment.risk).toBe('unlikely');
    expect(colleague.measures.map((measure) => measure.id)).not.toContain('inform-customer');
  });

  it('says in English that the law does not require telling them, and why', () => {
    expect(render('en')).toContain(
      'Notification of the subscribers or individuals concerned\n  The law does not require telling the person concerned here: the risk is not high, and GDPR Art. 34(1) requires it only at a high risk; the breach is not likely to adversely affect the subscriber’s personal data or privacy, and Regulation 611/2013 Art. 3(1) and 3(2) requires it only then. The person concerned is not told.\n',
    );
  });

  it('says it in Swedish', () => {
    expect(render('sv')).toContain(
      'Lagen kräver inte att den berörde underrättas här: risken är inte hög, och dataskyddsförordningen art. 34.1 kräver det bara vid hög risk; incidenten kan inte antas påverka abonnentens personuppgifter eller integritet negativt, och förordning (EU) nr 611/2013 art. 3.1 och 3.2 kräver det bara då. Den berörde underrättas inte.',
    );
  });
});
