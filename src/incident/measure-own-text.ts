import type { ReportLocale } from './data/report-texts.js';

/** The wording fields of a measure, apart from its schema (which uses these helpers itself). */
interface Worded {
  readonly text?: string | undefined;
  readonly texts?: { readonly sv?: string | undefined; readonly en?: string | undefined } | undefined;
}

/** A measure's own wording for one language, and the language it is in where it is not that one. */
export interface OwnMeasureText {
  readonly text: string;
  /** Set where the measure has no text in the language asked for, only in this other one. */
  readonly onlyIn?: ReportLocale;
}

/**
 * The caller's own wording of a measure in a language: `text` in every language, as written; else
 * `texts` in that language, else in the other one, marked `onlyIn`, so that the report can say the
 * text is not in its language and a notice to the customer never prints it as if it were.
 */
export function ownMeasureText(measure: Worded, locale: ReportLocale): OwnMeasureText | undefined {
  if (measure.text !== undefined) return { text: measure.text };
  const inLocale = measure.texts?.[locale];
  if (inLocale !== undefined) return { text: inLocale };
  const other: ReportLocale = locale === 'sv' ? 'en' : 'sv';
  const inOther = measure.texts?.[other];
  return inOther === undefined ? undefined : { text: inOther, onlyIn: other };
}

/** The measure has wording of the caller's own (`text` or `texts`), in some language. */
export function hasOwnText(measure: Worded): boolean {
  return measure.text !== undefined || measure.texts !== undefined;
}

/** The caller's own wording in the notice's language, never another's; `undefined` where it has none. */
export function ownTextIn(measure: Worded, locale: ReportLocale): string | undefined {
  const own = ownMeasureText(measure, locale);
  return own?.onlyIn === undefined ? own?.text : undefined;
}
