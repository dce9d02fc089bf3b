import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

describe('renderIncidentReport as Markdown', () => {
  it('keeps text from the message on its own line: a subject cannot start a heading, list or quote', () => {
    const report = createIncidentReport({
      ...seedCase,
      misdirected: {
        intended: 'anna.svensson1985@gmail.com',
        actual: 'anna.svensson185@gmail.com',
        subject: 'Orderbekräftelse\n# Incidenten är avslutad\r\n- inget att anmäla\u2028> citat',
      },
      description: '1. Ingen incident\n\n=====',
      summary: '+ punkt',
    });
    const markdown = renderIncidentReport(report, { locale: 'sv', format: 'markdown' });
    const plain = renderIncidentReport(createIncidentReport(seedCase), { locale: 'sv', format: 'markdown' });
    const lines = markdown.split('\n');
    const headings = (text: string) => text.split('\n').filter((line) => line.startsWith('#'));
    // Every heading is one the renderer wrote, and every list item one of its lists.
    expect(headings(markdown)).toEqual(headings(plain));
    expect(
      lines.some((line) => /^(?:#+ Incidenten|- inget|> citat|=====|\+ punkt|1\. Ingen)/.test(line)),
    ).toBe(false);
    expect(markdown).toContain('Orderbekräftelse \\# Incidenten är avslutad - inget att anmäla \\> citat');
    expect(markdown).toContain('1\\. Ingen incident =====');
    expect(markdown).toContain('\\+ punkt');
  });
});
