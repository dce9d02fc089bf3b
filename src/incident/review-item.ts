import { z } from 'zod';
import type { ReportLocale } from './data/report-texts.js';
import { reviewItemTexts } from './data/review-item-texts.js';

/**
 * Something the library found that a person must still look at before the breach can be judged
 * (GDPR Art. 33(4) and 9(1)), kept as data so that the report words it in the language it is
 * rendered in, not in the one the assessment was made in. `order-line`: a line of the order no term
 * classifies (`line`, as the message has it); `unread-attachment`: an attachment that could not be
 * read (`filename`, `contentType`); `unread-content`: the message itself, in which no personal data
 * could be recognised; `unconfirmed-sending-date`: a Date header that alone would decide the law
 * (`sentAt`, the organisation's `country`), to be confirmed.
 *
 * @example
 * ```ts
 * ReviewItemSchema.parse({ code: 'unread-attachment', values: { filename: 'offert.zip', contentType: 'application/zip' } });
 * ```
 */
export const ReviewItemSchema = z.discriminatedUnion('code', [
  z.strictObject({ code: z.literal('order-line'), values: z.strictObject({ line: z.string().min(1) }) }),
  z.strictObject({
    code: z.literal('unread-attachment'),
    values: z.strictObject({ filename: z.string().min(1).optional(), contentType: z.string().min(1) }),
  }),
  z.strictObject({ code: z.literal('unread-content'), values: z.strictObject({}) }),
  z.strictObject({
    code: z.literal('unconfirmed-sending-date'),
    values: z.strictObject({ sentAt: z.string().min(1), country: z.string().length(2) }),
  }),
]);
/** An item to review that the library produced; see {@link ReviewItemSchema}. */
export type ReviewItem = z.infer<typeof ReviewItemSchema>;
/** The kinds of {@link ReviewItem}. */
export type ReviewItemCode = ReviewItem['code'];

/**
 * One item to review as given: the library's own as data, a caller's own as the words they wrote
 * (kept as written, in whatever language the caller used).
 */
export const NeedsReviewItemSchema = z.union([z.string().min(1), ReviewItemSchema]);
/** See {@link NeedsReviewItemSchema}. */
export type NeedsReviewItem = z.infer<typeof NeedsReviewItemSchema>;

/**
 * The item in words, in the report's language; a caller's own words are returned as written.
 *
 * @example
 * ```ts
 * reviewItemText({ code: 'unread-content', values: {} }, 'sv'); // 'meddelandets innehåll, där inga personuppgifter kunde kännas igen'
 * ```
 */
export function reviewItemText(item: NeedsReviewItem, locale: ReportLocale): string {
  if (typeof item === 'string') return item;
  const words = reviewItemTexts[item.code][locale] as (values: ReviewItem['values']) => string;
  return words(item.values);
}

/** The message's content as the item to review (see {@link isUnreadContentItem}). */
export const unreadContent: ReviewItem = { code: 'unread-content', values: {} };

/**
 * Whether the item is the message's content that nothing could be recognised in; reports stored
 * before review items were data name it in words, in either language.
 */
export function isUnreadContentItem(item: NeedsReviewItem): boolean {
  if (typeof item !== 'string') return item.code === 'unread-content';
  return item === reviewItemText(unreadContent, 'sv') || item === reviewItemText(unreadContent, 'en');
}
