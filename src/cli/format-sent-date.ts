import { reportDateTime } from '../incident/report-conclusions.js';
import type { CliLocale } from './cli-texts.js';

/**
 * A message's Date field as the reports and lines show it: under `sv` in the Swedish form the
 * incident report writes (`2026-11-20 kl. 10.00 CET`, Språkrådet's Svenska skrivregler), in Swedish
 * time or the zone given (`--time-zone`); in English, and where the field is no date, as the message gave it (RFC 5322 §3.3). The
 * JSON form keeps the field as given.
 */
export function formatSentDate(date: string, locale: CliLocale, timeZone = 'Europe/Stockholm'): string {
  if (locale === 'en') return date;
  const time = Date.parse(date);
  if (!Number.isFinite(time)) return date;
  return reportDateTime({ locale, timeZone }, new Date(time).toISOString());
}
