import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { createIncidentReport, renderIncidentReport } from '../../src/incident/index.js';
import { seedCase } from './seed-case.js';

const now = '2018-02-23T15:10:00+01:00';
const report = createIncidentReport(
  {
    ...seedCase,
    judgment: {
      by: 'Karin Berg, dataskyddsombud',
      reason: 'Mottagaren bekräftade inom en timme att meddelandet raderats.',
      risk: 'unlikely',
      notifyDataSubjects: false,
    },
  },
  { now },
);

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
  return text;
}

describe('renderIncidentReport as an HTML document', () => {
  const html = renderIncidentReport(report, { locale: 'sv', format: 'html' });

  it('is a complete document: doctype, language, charset, title, print stylesheet', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="sv">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(
      '<title>Integritetsincident – rapport om incidenten den 23 februari 2018 – INC-2018-0042</title>',
    );
    expect(html).toMatch(/@media print \{/);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('is addressed to the authority, dated, and ends in a signature block', () => {
    const letterhead = html.slice(html.indexOf('<header class="letterhead">'), html.indexOf('</header>'));
    expect(letterhead).toContain('<p class="label">Mottagare</p>\n<p>Post- och telestyrelsen (PTS)</p>');
    expect(letterhead).toContain('<p>INC-2018-0042</p>\n<p>Upprättad 2018-02-23 kl. 15.10 CET</p>');
    const footer = html.slice(html.indexOf('<footer class="signature">'), html.indexOf('</footer>'));
    expect(footer).toContain('<h2>Underskrift</h2>');
    expect(footer).toContain('<p>Namnförtydligande: Karin Berg, dataskyddsombud</p>');
  });

  it('shows the officer’s judgment beside the computed conclusion', () => {
    const decision = html.slice(html.indexOf('<section class="decision">'));
    expect(decision).toContain('Beräknad bedömning: incidenten medför en risk');
    expect(decision).toContain(
      'Den ansvarigas bedömning, Karin Berg, dataskyddsombud: det är osannolikt att incidenten medför en risk för den berördes rättigheter och friheter; den berörde ska inte underrättas.',
    );
    expect(decision).toContain('Slutsats enligt den ansvarigas bedömning:');
  });
});

describe('renderIncidentReport as a PDF', () => {
  it('returns PDF bytes with an embedded font and every Swedish letter intact', async () => {
    const pdf = await renderIncidentReport(report, { locale: 'sv', format: 'pdf' });
    expect(pdf).toBeInstanceOf(Uint8Array);
    const raw = Buffer.from(pdf).toString('latin1');
    expect(raw.startsWith('%PDF-')).toBe(true);
    expect(raw).toMatch(/\/FontFile2 /);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toContain('Integritetsincident – rapport om incidenten den 23 februari 2018');
    expect(text).toContain('Post- och telestyrelsen (PTS)');
    expect(text).toContain('Datum för när incidenten inträffade respektive upptäcktes');
    expect(text).toContain('Inträffade: 2018-02-23 kl. 13.36 CET');
    expect(text).toContain('Berörda uppgifternas art och innehåll');
    expect(text).toContain('Åtgärder');
    expect(text).toContain('Den ansvarigas bedömning, Karin Berg, dataskyddsombud');
    expect(text).toContain('Namnförtydligande: Karin Berg, dataskyddsombud');
  });

  it('embeds the caller’s fonts instead', async () => {
    const require = createRequire(import.meta.url);
    const serif = {
      regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif.ttf')),
      bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf')),
    };
    const pdf = await renderIncidentReport(report, { locale: 'en', format: 'pdf', fonts: serif });
    expect(Buffer.from(pdf).toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSerif\b/);
    expect(await pdfText(pdf)).toContain('Personal data breach – report');
  });

  it('names the option when a font is not bytes', () => {
    expect(() =>
      renderIncidentReport(report, { format: 'pdf', fonts: { regular: 'x', bold: 'y' } as never }),
    ).toThrow(/options\.fonts\.regular/);
  });
});
