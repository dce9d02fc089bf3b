import { z } from 'zod';

/** The languages reports, notices and reasons are written in. */
export const LocaleSchema = z.enum(['sv', 'en']);

function isTimeZone(value: string): boolean {
  try {
    // The zone names the runtime knows (IANA tz database); an unknown one is a RangeError here.
    return new Intl.DateTimeFormat('en-GB', { timeZone: value }).resolvedOptions().timeZone !== '';
  } catch {
    return false;
  }
}

/** An IANA time zone the runtime can write times in (`Europe/Stockholm`). */
export const TimeZoneSchema = z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Stockholm');

/** From how many data subjects a breach counts as large scale. */
export const LargeScaleSchema = z.number().int().positive();
