import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// One child's order confirmation to a stranger: the child is the one person concerned (a child's
// data weighs as vulnerable people's, GDPR Recital 38), so the risk is high and the child is told.
// Every sentence of the report speaks of that one person, as its reader, the authority, reads it.
const oneChild = (regimes: ('gdpr' | 'eprivacy')[]) =>
  createIncidentReport(
    {
      ...seedCase,
      regimes,
      customerMinor: true,
      dataSubjects: 1,
      occurredAt: '2026-11-30T11:00:00+01:00',
      detectedAt: '2026-11-30T11:40:00+01:00',
    },
    { now: '2026-11-30T12:00:00+01:00' },
  );

describe('a report about one child speaks of one person', () => {
  it.each([
    [
      'sv',
      [
        'Den berörda personen är särskilt sårbar eller kan utsättas för fara.',
        'Risken är hög: den registrerade informeras utan onödigt dröjsmål.',
        'Den registrerade ska informeras.',
        ', och den registrerade ska informeras.',
      ],
      /Berörda personer är|de registrerade (ska|informeras)|De registrerade ska/,
    ],
    [
      'en',
      [
        'The person concerned is particularly vulnerable or could be put in danger.',
        'The risk is high: the data subject is told without undue delay.',
        'The data subject must be told.',
        ', and the person concerned must be told.',
      ],
      /people concerned|data subjects are|data subjects must/,
    ],
  ] as const)(
    'in the reasons, the notice section and the conclusion (%s, a controller)',
    (locale, said, plural) => {
      const text = renderIncidentReport(oneChild(['gdpr']), { locale, format: 'text' });
      for (const sentence of said) expect(text).toContain(sentence);
      expect(text).not.toMatch(plural);
    },
  );

  it.each([
    ['sv', ', och den berörde ska underrättas.', /de berörda (ska|underrättas)|Berörda ska/],
    ['en', ', and the person concerned must be told.', /people concerned/],
  ] as const)('in the conclusion of a provider’s report (%s)', (locale, said, plural) => {
    const text = renderIncidentReport(oneChild(['eprivacy', 'gdpr']), { locale, format: 'text' });
    expect(text).toContain(said);
    expect(text).not.toMatch(plural);
  });
});
