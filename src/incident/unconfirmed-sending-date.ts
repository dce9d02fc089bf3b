import { countryTimeZone } from './data/country-time-zones.js';
import { calendarDay, gdprAppliesFrom } from './data/legal-bases.js';
import { type DateInput, toDate } from './date-input.js';
import { formatDate, type Phrasing, say } from './describe-incident.js';
import type { ReviewItem } from './review-item.js';

/**
 * Whether a time of sending read from a message would decide the law by itself: it falls before the
 * day the GDPR applied in the organisation's country (GDPR Art. 99(2): 25 May 2018; 20 July 2018 in the
 * EEA EFTA states) while the breach was detected on or after that day. A Date header is written by
 * the sender's clock (RFC 5322 section 3.6.1: "the date and time at which the creator of the message
 * indicated that the message was complete"), and a clock reset to 1 January 1970 is common enough
 * that such a date cannot, unconfirmed, be what says no Art. 33 duty existed.
 *
 * @example
 * ```ts
 * dateDecidesLaw('1970-01-01T00:00:00Z', '2026-12-02T10:00:00+01:00', 'SE'); // true
 * dateDecidesLaw('2018-02-23T13:36:00+01:00', '2018-02-23T13:45:00+01:00', 'SE'); // false: both before
 * ```
 */
export function dateDecidesLaw(
  sentAt: DateInput,
  detectedAt: DateInput,
  country: string,
  timeZone: string = countryTimeZone(country),
): boolean {
  const from = gdprAppliesFrom(country);
  return calendarDay(toDate(sentAt), timeZone) < from && calendarDay(toDate(detectedAt), timeZone) >= from;
}

/**
 * The review item for a time of sending that {@link dateDecidesLaw}, kept as data so that the report
 * words it in its own language (see `ReviewItem`).
 *
 * @example
 * ```ts
 * unconfirmedDateItem('1970-01-01T00:00:00Z', 'SE');
 * // { code: 'unconfirmed-sending-date', values: { sentAt: '1970-01-01T00:00:00.000Z', country: 'SE' } }
 * ```
 */
export function unconfirmedDateItem(sentAt: DateInput, country: string): ReviewItem {
  return { code: 'unconfirmed-sending-date', values: { sentAt: toDate(sentAt).toISOString(), country } };
}

/**
 * The item in words: what the date is, why it is not trusted, and what the person is to do.
 *
 * @example
 * ```ts
 * unconfirmedDateWords('1970-01-01T00:00:00.000Z', 'SE', 'en');
 * // "the message's date (1 January 1970) is before 25 May 2018, when the GDPR began to apply, …"
 * ```
 */
export function unconfirmedDateWords(sentAt: string, country: string, locale: 'sv' | 'en'): string {
  const phrasing: Phrasing = { locale, timeZone: countryTimeZone(country) };
  const sent = formatDate(phrasing, sentAt);
  const from = formatDate(phrasing, `${gdprAppliesFrom(country)}T12:00:00Z`);
  return say(
    phrasing,
    `meddelandets datum (${sent}) är före den ${from}, då dataskyddsförordningen började tillämpas, men incidenten upptäcktes efter: bekräfta när meddelandet skickades (ange occurredAt)`,
    `the message's date (${sent}) is before ${from}, when the GDPR began to apply, but the breach was detected after: confirm when the message was sent (give occurredAt)`,
  );
}
