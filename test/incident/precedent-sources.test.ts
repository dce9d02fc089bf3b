import { describe, expect, it } from 'vitest';
import { breachDecisions, createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

// The supervisory authorities' own sites: only a link there is the authority's own document.
const AUTHORITY_SITES = [
  'edpb.europa.eu',
  'ico.org.uk',
  'dataprotection.ie',
  'uodo.gov.pl',
  'datatilsynet.dk',
  'autoriteitpersoonsgegevens.nl',
  'idpc.org.mt',
  'imy.se',
  'gegevensbeschermingsautoriteit.be',
  'garanteprivacy.it',
];
const onAuthoritySite = (url: string) => {
  const { hostname, pathname } = new URL(url);
  // The EDPB's national news summarises another authority's decision: not that authority's words.
  if (pathname.startsWith('/news/national-news/')) return false;
  return AUTHORITY_SITES.some((site) => hostname === site || hostname.endsWith(`.${site}`));
};

const pick = (id: string) => {
  const decision = breachDecisions.find((entry) => entry.id === id);
  if (!decision) throw new Error(id);
  return decision;
};

/** The precedent lines of the seed case's report, citing the given decisions only. */
function precedentLines(ids: readonly string[], locale: 'sv' | 'en'): string[] {
  const report = createIncidentReport(seedCase, { decisions: ids.map(pick) });
  const text = renderIncidentReport(report, { locale, format: 'text' });
  const heading = locale === 'sv' ? 'Jämförbara beslut från tillsynsmyndigheter' : 'Comparable decisions';
  const section = text.slice(text.indexOf(heading));
  return section
    .split('\n')
    .filter((line) => line.startsWith('  - '))
    .slice(0, ids.length);
}

describe('every link of a decision says what it leads to', () => {
  it('labels a link as the authority’s own only on the authority’s site, and never a copy as such', () => {
    for (const decision of breachDecisions)
      for (const source of decision.sources ?? [])
        expect(source.label === 'authority', `${decision.id}: ${source.url} labelled ${source.label}`).toBe(
          onAuthoritySite(source.url),
        );
  });

  it('cites the authority’s own link where the corpus has one', () => {
    for (const decision of breachDecisions) {
      const own = (decision.sources ?? []).find((source) => source.label === 'authority');
      if (own) expect(decision.reference, decision.id).toBe(own.url);
    }
    expect(pick('edpb-01-2021-case-13').reference).toMatch(/^https:\/\/www\.edpb\.europa\.eu\//);
    expect(pick('ap-2021-pvv-overijssel').reference).toMatch(/autoriteitpersoonsgegevens\.nl/);
  });

  it('prints each precedent’s link with its label in the English and the Swedish report', () => {
    const ids = [
      'edpb-01-2021-case-13',
      'apd-52-2024-notary-wrong-addressee',
      'uodo-dkn-5131-59-2022-santander',
    ];
    const [apd, edpb, santander] = precedentLines(ids, 'en').sort();
    expect(apd).toContain('https://gdprhub.eu/index.php?title=APD/GBA_(Belgium)_-_52/2024 (GDPRhub summary)');
    expect(edpb).toMatch(/https:\/\/www\.edpb\.europa\.eu\/\S+ \(the authority’s own document\)/);
    expect(santander).toMatch(/github\.com\/\S+ \(machine translation\)/);
    const sv = precedentLines(ids, 'sv').join('\n');
    expect(sv).toContain('(sammanfattning på GDPRhub)');
    expect(sv).toContain('(myndighetens eget dokument)');
    expect(sv).toContain('(maskinöversättning)');
  });
});

// Words of English prose that plain Swedish does not use.
const ENGLISH = /\b(the|of|and|on|to|with|was|were|from|decision|case|study|summary|guidelines)\b/i;

describe('the Swedish report names its precedents in Swedish', () => {
  it('gives every decision and case study of the corpus a Swedish summary without English prose', () => {
    for (const decision of breachDecisions) {
      expect(decision.summarySv, decision.id).toBeDefined();
      expect(decision.summarySv ?? '', decision.id).not.toMatch(ENGLISH);
    }
  });

  it('prints the Swedish summary, not the English citation, in the seed case’s Swedish report', () => {
    const report = createIncidentReport(seedCase);
    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    const section = text.slice(text.indexOf('Jämförbara beslut från tillsynsmyndigheter'));
    const lines = section
      .split('\n')
      .filter((line) => line.startsWith('  - '))
      .slice(0, 3);
    expect(lines).toHaveLength(3);
    for (const [index, line] of lines.entries()) {
      const precedent = report.assessment.precedents[index];
      expect(line).toContain(precedent?.summarySv?.replace(/\.$/, ''));
      expect(line).not.toContain(precedent?.document);
      // What remains once the links are taken out is Swedish.
      expect(line.replace(/https?:\/\/\S+/g, '')).not.toMatch(ENGLISH);
    }
  });

  it('quotes a caller’s decision without a Swedish summary as it is, marked untranslated', () => {
    const { summarySv: _sv, ...plain } = pick('edpb-01-2021-case-13');
    const report = createIncidentReport(seedCase, { decisions: [plain] });
    const text = renderIncidentReport(report, { locale: 'sv', format: 'text' });
    expect(text).toContain(`”${plain.document}” (citerat oöversatt)`);
  });
});
