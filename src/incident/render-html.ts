import type { Section } from './render-incident-report.js';
import { escapeHtml } from './render-incident-report.js';

/** A printable A4 page: the report is filed on paper or as a PDF printed from the browser. */
const STYLESHEET = `
  :root { color-scheme: light; }
  body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; font-size: 11pt; line-height: 1.45;
    color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1.5rem; }
  header.letterhead { display: flex; justify-content: space-between; gap: 2rem; margin-bottom: 1.5rem; }
  header.letterhead .addressee p, header.letterhead .meta p { margin: 0; }
  header.letterhead .meta { text-align: right; }
  .label { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: #555; }
  h1 { font-size: 17pt; margin: 0 0 1rem; border-bottom: 2px solid #111; padding-bottom: 0.3rem; }
  h2 { font-size: 11.5pt; margin: 1.1rem 0 0.3rem; }
  p { margin: 0.2rem 0; }
  ul { margin: 0.2rem 0; padding-left: 1.3rem; }
  section { break-inside: avoid; }
  section.decision { border-left: 3px solid #111; padding-left: 0.8rem; }
  footer.signature { margin-top: 2rem; break-inside: avoid; }
  footer.signature p { margin: 1.1rem 0 0; }
  @page { size: A4; margin: 20mm 18mm; }
  @media print {
    body { margin: 0; padding: 0; max-width: none; font-size: 10.5pt; }
    h2 { break-after: avoid; }
  }
`;

/**
 * The report as a complete HTML document a person can print and sign: doctype, charset, title, the
 * addressee and the date and reference as a letterhead, the sections, a signature block and a print
 * stylesheet. Everything is escaped.
 */
export function toHtmlDocument(input: {
  readonly title: string;
  readonly sections: readonly Section[];
  readonly locale: string;
  readonly reference: string;
}): string {
  const { title, sections, locale, reference } = input;
  const sv = locale === 'sv';
  const addressee = sections.find((section) => section.key === 'addressee');
  const signature = sections.find((section) => section.key === 'signature');
  const notification = sections.find((section) => section.key === 'notification');
  const body = sections.filter((section) => section !== addressee && section !== signature);
  const paragraphs = (lines: readonly string[]) => lines.map((line) => `<p>${escapeHtml(line)}</p>`);
  const blocks = body.map((section) =>
    [
      `<section${section.key ? ` class="${escapeHtml(section.key)}"` : ''}>`,
      `<h2>${escapeHtml(section.heading)}</h2>`,
      ...paragraphs(section.paragraphs),
      ...(section.list && section.list.length > 0
        ? [`<ul>`, ...section.list.map((item) => `<li>${escapeHtml(item)}</li>`), `</ul>`]
        : []),
      `</section>`,
    ].join('\n'),
  );
  // The date the report was written is the notification section's second line.
  const written = notification?.paragraphs[1] ?? '';
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${title} – ${reference}`)}</title>`,
    `<style>${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<header class="letterhead">',
    '<div class="addressee">',
    `<p class="label">${escapeHtml(addressee?.heading ?? '')}</p>`,
    ...paragraphs(addressee?.paragraphs ?? []),
    '</div>',
    '<div class="meta">',
    `<p class="label">${escapeHtml(sv ? 'Referens' : 'Reference')}</p>`,
    `<p>${escapeHtml(reference)}</p>`,
    `<p>${escapeHtml(written.replace(/\.$/, ''))}</p>`,
    '</div>',
    '</header>',
    '<main>',
    `<h1>${escapeHtml(title)}</h1>`,
    blocks.join('\n'),
    '</main>',
    '<footer class="signature">',
    `<h2>${escapeHtml(signature?.heading ?? '')}</h2>`,
    ...paragraphs(signature?.paragraphs ?? []),
    '</footer>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
