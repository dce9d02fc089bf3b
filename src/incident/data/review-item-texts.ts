import type { ReviewItem, ReviewItemCode } from '../review-item.js';
import { unconfirmedDateWords } from '../unconfirmed-sending-date.js';
import type { ReportLocale } from './report-texts.js';

/** The values of one kind of review item. */
type ValuesOf<Code extends ReviewItemCode> = Extract<ReviewItem, { code: Code }>['values'];

/**
 * Each kind of review item in words, per report language: a noun phrase that the report lists after
 * "could not be classified (…)" / "kunde inte klassas (…)". Replaceable as any text table.
 */
export const reviewItemTexts: {
  readonly [Code in ReviewItemCode]: Readonly<Record<ReportLocale, (values: ValuesOf<Code>) => string>>;
} = {
  // The line as the message has it: it is the customer's order, in the shop's language, not ours.
  'order-line': { sv: ({ line }) => line, en: ({ line }) => line },
  'unread-attachment': {
    sv: ({ filename, contentType }) =>
      `bilagan ${filename ?? '(namnlös)'} (${contentType}), som inte kunde läsas`,
    en: ({ filename, contentType }) =>
      `the attachment ${filename ?? '(unnamed)'} (${contentType}), which could not be read`,
  },
  'unread-content': {
    sv: () => 'meddelandets innehåll, där inga personuppgifter kunde kännas igen',
    en: () => 'the content of the message, in which no personal data could be recognised',
  },
  'unconfirmed-sending-date': {
    sv: ({ sentAt, country }) => unconfirmedDateWords(sentAt, country, 'sv'),
    en: ({ sentAt, country }) => unconfirmedDateWords(sentAt, country, 'en'),
  },
};
