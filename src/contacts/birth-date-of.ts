/**
 * The birth date a register writes, as the ISO 8601 calendar date (`YYYY-MM-DD`) the customer schema
 * takes: `19850412`, and a Swedish personnummer or samordningsnummer, whose first digits are the
 * date (Skatteverket SKV 704): `19850412-1234`, `198504121234`, `850412-1234`, `8504121234`. Of a
 * ten-digit number the century is inferred as SKV 704 writes it: `-` (or no separator) for someone
 * under 100 on `today`, `+` from the year they turn 100. A samordningsnummer adds 60 to the day.
 * Anything else (`12/04/1970`, the six-digit `850412`) is `undefined`, left to be reported.
 *
 * @example
 * ```ts
 * birthDateOf('900101-1234', new Date('2026-12-02')); // '1990-01-01'
 * birthDateOf('900101+1234', new Date('2026-12-02')); // '1890-01-01'
 * ```
 */
export function birthDateOf(text: string, today: Date = new Date()): string | undefined {
  const value = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const long = /^(\d{4})(\d{2})(\d{2})(?:[-+]?\d{4})?$/.exec(value);
  if (long) return calendarDate(long[1] as string, long[2] as string, long[3] as string);
  const short = /^(\d{2})(\d{2})(\d{2})([-+]?)\d{4}$/.exec(value);
  if (!short) return undefined;
  const [, yy, month, day, separator] = short as unknown as [string, string, string, string, string];
  const thisYear = today.getUTCFullYear();
  // The latest year ending in `yy` not after this year: under 100 with `-`; 100 years earlier with `+`.
  let year = thisYear - ((thisYear - Number(yy)) % 100);
  if (separator === '+') year -= 100;
  return calendarDate(String(year).padStart(4, '0'), month, day);
}

/** The date, its day less 60 for a samordningsnummer; `undefined` when it names no calendar day. */
function calendarDate(year: string, month: string, day: string): string | undefined {
  const dayOfMonth = Number(day) > 60 ? Number(day) - 60 : Number(day);
  const date = `${year}-${month}-${String(dayOfMonth).padStart(2, '0')}`;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}
