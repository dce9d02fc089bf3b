import { extname } from 'node:path';
import { type CliLocale, cliTexts } from './cli-texts.js';
import { escapeControls } from './escape-controls.js';
import { usageFailure } from './exit-codes.js';

/** A report as the commands write it: a summary first, then one row per finding. */
export interface Report {
  readonly locale: 'sv' | 'en';
  readonly title: string;
  /** Lines under the title: what was read, when. */
  readonly intro: readonly string[];
  /**
   * Input that could not be read (unreadable messages, export rows), one line each: shown after the
   * summary table, which a reader who is not a programmer looks for first.
   */
  readonly problems?: readonly string[];
  /** The summary table: a label and a count per kind of finding. */
  readonly summary: readonly {
    readonly label: string;
    readonly description: string;
    readonly count: number;
  }[];
  /** The column holding each row's finding code, named in the report's language in HTML and CSV. */
  readonly kindColumn?: string;
  readonly columns: readonly { readonly key: string; readonly label: string }[];
  readonly rows: readonly Record<string, string | number | undefined>[];
  /** Everything else that goes into the JSON form. */
  readonly data: unknown;
}

export type ReportFormat = 'html' | 'csv' | 'json';

/** The report format a file name asks for; a usage failure for any other ending. */
export function reportFormat(path: string, locale: CliLocale = 'en'): ReportFormat {
  const extension = extname(path).toLowerCase().slice(1);
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'csv' || extension === 'json') return extension;
  throw usageFailure(`${path}: ${cliTexts[locale].reportFormat(extname(path))}`);
}

export function renderReport(report: Report, format: ReportFormat): string {
  if (format === 'json') return `${JSON.stringify(report.data, null, 2)}\n`;
  if (format === 'csv') return renderCsv(report);
  return renderHtml(report);
}

/**
 * HTML-escapes text from the input: it goes into element content and quoted attributes only.
 * Control characters are shown escaped as on the terminal (see escapeControls): a browser would
 * drop them silently, and a report saved as text or piped to a terminal would run them.
 */
export function escapeHtml(text: string): string {
  return escapeControls(text).replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * One CSV cell (RFC 4180): control characters but tab and line feed escaped (`\x1b`, see
 * escapeControls), quoted when it holds a separator, a quote or a line break. A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first: OWASP "CSV injection")
 * gets a leading apostrophe, so an address from an export cannot become a formula.
 */
export function csvCell(value: string | number | undefined): string {
  // Control characters are escaped as on the terminal: the report is opened in a terminal or a
  // spreadsheet as often as read, and an ESC from the input must not clear or rewrite either.
  let text = escapeControls(value === undefined ? '' : String(value));
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV report as a spreadsheet opens it by a double click: a byte order mark, without which
 * Excel reads UTF-8 as the local code page (Å as Ã…), and under `sv` a `;` between cells, the list
 * separator of a Swedish Excel, where the decimal comma takes `,` (RFC 4180 otherwise).
 */
function renderCsv(report: Report): string {
  return csvDocument(report.locale, [
    report.columns.map((column) => column.label),
    ...report.rows.map((row) => report.columns.map((column) => cellText(report, row, column.key))),
  ]);
}

/**
 * The summary of a report as CSV, for the file beside a CSV report (`report.summary.csv`): one row
 * per kind of finding, its code (which scripts search for), what it means in the report's language,
 * and its count, every kind listed as in the HTML summary, a zero saying it was looked for.
 */
export function renderCsvSummary(report: Report): string {
  const text = cliTexts[report.locale].report;
  return csvDocument(report.locale, [
    [text.code, text.meaning, text.count],
    ...report.summary.map((row) => [row.label, row.description, row.count]),
  ]);
}

/** Rows of cells as a spreadsheet opens them by a double click (see {@link renderCsv}). */
function csvDocument(locale: CliLocale, rows: readonly (readonly (string | number | undefined)[])[]): string {
  const separator = locale === 'sv' ? ';' : ',';
  return `\uFEFF${rows.map((cells) => cells.map(csvCell).join(separator)).join('\r\n')}\r\n`;
}

/** A finding's name in the report's language; the code where the language has no other name. */
function findingName(report: Report, code: string): string {
  return cliTexts[report.locale].report.findingNames[code] ?? code;
}

/** What a cell of the details shows: the finding column by its name, the rest as given. */
function cellText(report: Report, row: Report['rows'][number], key: string): string | number | undefined {
  const value = row[key];
  return key === report.kindColumn && typeof value === 'string' ? findingName(report, value) : value;
}

/** A single self-contained page: styles inline, no scripts, no links out; the summary table first. */
function renderHtml(report: Report): string {
  const text = cliTexts[report.locale].report;
  const cell = (value: string | number | undefined) =>
    `<td>${escapeHtml(value === undefined ? '' : String(value))}</td>`;
  const summary = report.summary
    .map(
      (row) =>
        `<tr><th scope="row">${escapeHtml(findingName(report, row.label))}</th><td class="n">${row.count}</td><td>${escapeHtml(row.description)}</td></tr>`,
    )
    .join('\n');
  const head = report.columns.map((column) => `<th scope="col">${escapeHtml(column.label)}</th>`).join('');
  const rows = report.rows
    .map(
      (row) => `<tr>${report.columns.map((column) => cell(cellText(report, row, column.key))).join('')}</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${report.locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(report.title)}</title>
<style>
body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem; color: #1b1b1b; }
table { border-collapse: collapse; margin: 1rem 0 2rem; }
th, td { border: 1px solid #ccc; padding: .3rem .6rem; text-align: left; vertical-align: top; }
thead th, tbody th { background: #f3f3f3; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
tbody tr:nth-child(even) td { background: #fafafa; }
</style>
</head>
<body>
<h1>${escapeHtml(report.title)}</h1>
${report.intro.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}
<h2>${text.summary}</h2>
<table class="summary">
<thead><tr><th scope="col">${text.finding}</th><th scope="col">${text.count}</th><th scope="col">${text.meaning}</th></tr></thead>
<tbody>
${summary}
</tbody>
</table>
${
  report.problems === undefined || report.problems.length === 0
    ? ''
    : `<h2>${text.problems}</h2>\n${report.problems.map((line) => `<p>${escapeHtml(line)}</p>`).join('\n')}\n`
}<h2>${text.details}</h2>
<table class="details">
<thead><tr>${head}</tr></thead>
<tbody>
${rows}
</tbody>
</table>
</body>
</html>
`;
}
