import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { assessBreach, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';
import { seedCase } from './seed-case.js';

const stranger = {
  dataSubjects: 1,
  dataCategories: ['name', 'customer-number', 'postal-address'] as (
    | 'name'
    | 'customer-number'
    | 'postal-address'
  )[],
  recipient: 'unknown-individual' as const,
};

describe('each citation names what was in force, in the words of its own law', () => {
  it('cites the EU GDPR recitals as guidance in the United Kingdom, never a UK GDPR recital', () => {
    const at = '2024-10-01T09:00:00+01:00';
    const assessment = assessBreach({
      ...stranger,
      regimes: ['gdpr'],
      country: 'GB',
      occurredAt: at,
      detectedAt: at,
    });
    const sources = [...assessment.reasons, ...assessment.recommendations].map((entry) => entry.source);
    expect(sources.join('\n')).not.toContain('UK GDPR Recital');
    expect(sources.join('\n')).toContain('GDPR Recital 86 (the EU GDPR');
  });

  it('cites Directive 2002/58/EC, not Regulation 611/2013, for a breach before 25 August 2013', () => {
    const at = '2012-10-01T09:00:00+02:00';
    const assessment = assessBreach({
      ...stranger,
      regimes: ['eprivacy'],
      country: 'SE',
      occurredAt: at,
      detectedAt: at,
    });
    const cited = [
      ...assessment.deadlines.map((deadline) => deadline.article),
      ...assessment.reasons.map((reason) => reason.source),
      ...assessment.exemptions,
    ];
    expect(cited.join('\n')).not.toContain('611/2013');
    expect(assessment.deadlines.find((deadline) => deadline.to === 'authority')).toMatchObject({
      article: 'Directive 2002/58/EC Art. 4(3)',
    });
    expect(assessment.deadlines.find((deadline) => deadline.to === 'authority')?.due).toBeUndefined();
  });

  it('refuses a Date that is not a date, naming the field, in Swedish words', () => {
    const refused = (() => {
      try {
        createIncidentReport({ ...seedCase, detectedAt: new Date(Number.NaN) }, { locale: 'sv' });
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(InvalidInputError);
    expect((refused as InvalidInputError).field).toBe('input.detectedAt');
    expect((refused as Error).message).not.toContain('ett objekt');
    expect((refused as Error).message).toContain('ogiltigt datum');
  });

  it('writes the Swedish sentence after the authority’s name and a colon in lower case', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase), { locale: 'sv' });
    expect(text).toContain('Datainspektionen: dataskyddsförordningen tillämpas först');
    expect(text).not.toMatch(/Datainspektionen: Dataskyddsförordningen/);
  });

  it.each(['NO', 'DK'] as const)(
    'names the data protection authority of %s shortly in a sentence',
    (country) => {
      const report = createIncidentReport(
        {
          ...misdirectedOrderCase,
          reference: `INC-${country}-1`,
          provider: { name: 'Nordtele', country },
          dataCategories: ['name', 'postal-address', 'national-id-number'],
        },
        { now: '2024-05-21T10:00:00+02:00' },
      );
      const text = renderIncidentReport(report, { locale: 'en' });
      const conclusion = text.slice(text.indexOf('\nConclusion\n'), text.indexOf('\nTimeline\n'));
      // In English the authority has its English name, as the rest of the report names it.
      expect(conclusion).toMatch(
        / and the (Norwegian Data Protection Authority|Danish Data Protection Agency) by /,
      );
      expect(conclusion).not.toContain('Datatilsynet');
    },
  );
});
