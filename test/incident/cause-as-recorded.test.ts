import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';

/** The paragraphs under a heading of a text report, up to the next heading. */
function section(text: string, heading: string): string {
  const start = text.indexOf(`\n${heading}\n`);
  const rest = text.slice(start + heading.length + 2);
  return rest.slice(0, rest.search(/\n\S/)).trim();
}

describe('the cause states only what is recorded', () => {
  it('says plainly in Swedish that no cause is recorded yet, and guesses none', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase, { now }), { locale: 'sv' });
    expect(section(text, 'Orsak')).toBe('Orsaken har inte registrerats ännu.');
  });

  it('says plainly in English that no cause is recorded yet, and guesses none', () => {
    const text = renderIncidentReport(createIncidentReport(seedCase, { now }), { locale: 'en' });
    expect(section(text, 'Cause')).toBe('The cause has not been recorded yet.');
  });

  it('says the same for a breach that was not a misdirected message', () => {
    const { misdirected: _misdirected, ...rest } = seedCase;
    const report = createIncidentReport({ ...rest, circumstances: 'loss' }, { now });
    expect(section(renderIncidentReport(report, { locale: 'sv' }), 'Orsak')).toBe(
      'Orsaken har inte registrerats ännu.',
    );
    expect(section(renderIncidentReport(report, { locale: 'en' }), 'Cause')).toBe(
      'The cause has not been recorded yet.',
    );
  });

  it('states a recorded cause as recorded, in both languages', () => {
    const cause = 'Säljaren skrev adressen fel i beställningsformuläret.';
    const report = createIncidentReport({ ...seedCase, cause }, { now });
    expect(section(renderIncidentReport(report, { locale: 'sv' }), 'Orsak')).toBe(cause);
    expect(section(renderIncidentReport(report, { locale: 'en' }), 'Cause')).toBe(cause);
  });
});
