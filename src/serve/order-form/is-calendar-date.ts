/**
 * Whether a text is a whole date of the proleptic Gregorian calendar as ISO 8601 writes it
 * (`YYYY-MM-DD`, RFC 3339 §5.6 `full-date`): `1985-02-30` has the shape but is no day, and the core's
 * schema refuses it. The form checks the address without such a date and says so beside its field.
 *
 * @example
 * ```ts
 * isCalendarDate('1985-02-28'); // true
 * isCalendarDate('1985-02-30'); // false
 * ```
 */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
