import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
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
    ['FI', 'Tietosuojavaltuutetun toimisto (Office of the Data Protection Ombudsman)', undefined],
  ] as const)('names the data protection authority of %s by its own name', (country, own, english) => {
    const sv = renderIncidentReport(reportIn(country), { locale: 'sv' });
    const lines = sv.split('\n');
    const to = lines.slice(lines.indexOf('Mottagare') + 1, lines.indexOf('Mottagare') + 3).join('\n');
    expect(to).toContain(`  ${own}`);
    if (english !== undefined) expect(sv).not.toContain(english);
  });

  it('keeps the English names in the English report', () => {
    expect(renderIncidentReport(reportIn('DK'), { locale: 'en' })).toContain('Danish Data Protection Agency');
  });
});
