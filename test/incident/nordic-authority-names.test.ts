import { describe, expect, it } from 'vitest';
import {
  createIncidentReport,
  findAuthority,
  incidentRegisterEntry,
  renderIncidentReport,
} from '../../src/incident/index.js';
import { misdirectedOrderCase } from './misdirected-order-case.js';

const reportIn = (country: 'DK' | 'NO' | 'FI') =>
  createIncidentReport(
    {
      ...misdirectedOrderCase,
      reference: `INC-${country}-1`,
      provider: { name: 'Nordtele', country },
      dataCategories: ['name', 'postal-address', 'national-id-number'],
    },
    { now: '2024-05-21T10:00:00+02:00' },
  );

describe('the Nordic authorities in a Swedish report', () => {
  it.each([
    ['DK', 'Datatilsynet', 'Danish Data Protection Agency'],
    ['NO', 'Datatilsynet', 'Norwegian Data Protection Authority'],
    // Finland is bilingual: the office's own Swedish name (https://tietosuoja.fi/sv/kontaktuppgifter).
    ['FI', 'Dataombudsmannens byrå', 'Office of the Data Protection Ombudsman'],
  ] as const)('names the data protection authority of %s by its own name', (country, own, english) => {
    const sv = renderIncidentReport(reportIn(country), { locale: 'sv' });
    const lines = sv.split('\n');
    const to = lines.slice(lines.indexOf('Mottagare') + 1, lines.indexOf('Mottagare') + 3).join('\n');
    expect(to).toContain(`  ${own}`);
    if (english !== undefined) expect(sv).not.toContain(english);
  });

  it('keeps the English names in the English report', () => {
    expect(renderIncidentReport(reportIn('DK'), { locale: 'en' })).toContain('Danish Data Protection Agency');
    const finnish = renderIncidentReport(reportIn('FI'), { locale: 'en' });
    expect(finnish).toContain('Office of the Data Protection Ombudsman');
    expect(finnish).not.toContain('Dataombudsmannens byrå');
  });

  it.each([
    ['DK', 'Danish Data Protection Agency'],
    ['NO', 'Norwegian Data Protection Authority'],
  ] as const)(
    'names the data protection authority of %s by one name in the English report and register',
    (country, english) => {
      // Both call themselves Datatilsynet: an English reader of a line that stands alone (the register)
      // or follows the list of addressees knows them by the English name the report gives.
      const report = reportIn(country);
      const text = renderIncidentReport(report, { locale: 'en' });
      const conclusion = text.slice(text.indexOf('\nConclusion\n'));
      expect(conclusion).toContain(english);
      expect(conclusion).not.toContain('Datatilsynet');
      const line = incidentRegisterEntry(report, { locale: 'en' });
      expect(line).toContain(english);
      expect(line).not.toContain('Datatilsynet');
      // In Swedish both are Datatilsynet, as the authorities name themselves.
      expect(incidentRegisterEntry(report, { locale: 'sv' })).toContain('Datatilsynet');
    },
  );

  it('gives the Finnish data protection authority its Swedish name in the table', () => {
    expect(
      findAuthority({ country: 'FI', regime: 'gdpr', at: '2024-05-21T10:00:00+03:00' }).authority,
    ).toMatchObject({
      name: 'Tietosuojavaltuutetun toimisto',
      nameSv: 'Dataombudsmannens byrå',
      nameEn: 'Office of the Data Protection Ombudsman',
    });
  });
});
