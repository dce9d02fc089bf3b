import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderIncidentReport, reportMisdirected } from '../../src/incident/index.js';

// The shipped example: an order confirmation with a PDF letter the inventory cannot read.
const input = {
  ...JSON.parse(readFileSync(new URL('../../examples/data/incident-facts.json', import.meta.url), 'utf8')),
  message: readFileSync(new URL('../../examples/data/orderbekraftelse.eml', import.meta.url)),
  intended: 'anna.svensson1985@gmail.com',
  actual: 'anna.svensson185@gmail.com',
};

describe('an attachment the inventory could not read', () => {
  it('is named in the report, which calls the list of contents incomplete, in Swedish', async () => {
    const result = await reportMisdirected(input, { locale: 'sv', now: '2018-02-23T15:30:00+01:00' });
    expect(result.inventory.notes.join(' ')).toContain('lästes inte');
    const text = renderIncidentReport(result.report, { locale: 'sv' });
    expect(text).toContain('Välkomstbrev Anna Svensson.pdf');
    expect(text).toContain('lästes inte');
    expect(text).not.toMatch(/innehöll: /);
    expect(text).toMatch(/innehöll bland annat: /);
  });

  it('is named in the report, which calls the list of contents incomplete, in English', async () => {
    const result = await reportMisdirected(input, { locale: 'en', now: '2018-02-23T15:30:00+01:00' });
    const text = renderIncidentReport(result.report, { locale: 'en' });
    expect(text).toContain('Välkomstbrev Anna Svensson.pdf');
    expect(text).toContain('was not read');
    expect(text).not.toMatch(/contained: /);
    expect(text).toMatch(/contained at least: /);
  });
});
