import type { CliLocale } from './cli-texts.js';
import type { Report } from './render-report.js';

/** What {@link buildReport} makes a report of. */
export interface ReportInput<Kind extends string, Row extends Report['rows'][number]> {
  readonly locale: CliLocale;
  readonly title: string;
  readonly intro: readonly string[];
  /** Input that could not be read, one line each: after the summary. */
  readonly problems?: readonly string[];
  /** Every kind of finding, in the order of the summary, with what it means in each language. */
  readonly kinds: Readonly<Record<Kind, { readonly en: string; readonly sv: string }>>;
  /** The kind of finding a row is. */
  readonly kindOf: (row: Row) => Kind;
  /** The column that holds a row's kind: the HTML and CSV forms name it in the report's language. */
  readonly kindColumn?: string;
  readonly columns: Report['columns'];
  readonly rows: readonly Row[];
  /** Findings counted in the summary that have no row (those of a pair accepted as known). */
  readonly notListed?: Readonly<Partial<Record<Kind, number>>>;
  /** Everything else that goes into the JSON form. */
  readonly data: unknown;
}

/**
 * A command's report: the summary counts each kind of finding among the rows, every kind listed
 * (a zero says it was looked for), in the order of `kinds` and described in the report's language.
 */
export function buildReport<Kind extends string, Row extends Report['rows'][number]>(
  input: ReportInput<Kind, Row>,
): Report {
  const counts = new Map<Kind, number>();
  for (const row of input.rows) {
    const kind = input.kindOf(row);
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return {
    locale: input.locale,
    title: input.title,
    intro: input.intro,
    ...(input.problems !== undefined ? { problems: input.problems } : {}),
    summary: (Object.keys(input.kinds) as Kind[]).map((kind) => ({
      label: kind,
      description: input.kinds[kind][input.locale],
      count: (counts.get(kind) ?? 0) + (input.notListed?.[kind] ?? 0),
    })),
    ...(input.kindColumn !== undefined ? { kindColumn: input.kindColumn } : {}),
    columns: input.columns,
    rows: input.rows,
    data: input.data,
  };
}
