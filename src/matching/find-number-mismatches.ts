import { editDistance } from './edit-distance.js';
import type { Edit } from './explain-edits.js';
import { findLettersForDigits } from './find-letters-for-digits.js';
import { mismatchOf } from './mismatch-of.js';

/**
 * Which part of a birth date a number writes: the year (`1985`, `85`), the whole date
 * (`19851205`, `851205`), the year and month (`198512`, `8512`), or the day and month (`0512`,
 * `1205`). A message names the part the digits contradict: `0521` is no birth year.
 */
export type BirthDatePart = 'year' | 'date' | 'year-month' | 'day-month';

/** A number the customer is known by, as it may appear in an address. */
export interface KnownNumber {
  readonly digits: string;
  readonly source: 'birth-date' | 'phone';
  /** For a birth-date number, the part of the date it writes. */
  readonly birthDatePart?: BirthDatePart;
}

/** Digits in an address that look like a mistyped number of the customer's own. */
export interface NumberMismatch {
  /** The run of digits as typed. */
  readonly digits: string;
  /** The customer's number it is a slip of. */
  readonly expected: string;
  readonly source: KnownNumber['source'];
  /** For a birth-date number, the part of the date it writes. */
  readonly birthDatePart?: BirthDatePart;
  readonly edits: readonly Edit[];
  /**
   * The digits are a whole year near the birth year but not it (`erik.johansson1979` for a
   * customer born 1982): no slip, but an address that names someone born in another year.
   */
  readonly otherYear?: true;
}

/**
 * The numbers a customer might put in an address: birth year (`1985`, `85`), birth date
 * (`19850412`, `850412`, `198504`, `8504`, `0412`, `1204`) and phone numbers (national digits and the national
 * significant number).
 *
 * @example
 * ```ts
 * knownNumbers({ birthDate: '1985-04-12', phoneDigits: ['0701234567'] }).map((n) => n.digits);
 * // ['1985', '85', '19850412', '850412', '198504', '8504', '0412', '1204', '0701234567']
 * ```
 */
export function knownNumbers(input: { birthDate?: string; phoneDigits?: readonly string[] }): KnownNumber[] {
  const numbers: KnownNumber[] = [];
  const add = (digits: string, source: KnownNumber['source'], birthDatePart?: BirthDatePart) => {
    if (digits.length >= 2 && !numbers.some((known) => known.digits === digits))
      numbers.push(birthDatePart ? { digits, source, birthDatePart } : { digits, source });
  };
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input.birthDate ?? '');
  if (date) {
    const [, year, month, day] = date as unknown as [string, string, string, string];
    add(year, 'birth-date', 'year');
    add(year.slice(2), 'birth-date', 'year');
    add(year + month + day, 'birth-date', 'date');
    add(year.slice(2) + month + day, 'birth-date', 'date');
    add(year + month, 'birth-date', 'year-month');
    add(year.slice(2) + month, 'birth-date', 'year-month');
    add(month + day, 'birth-date', 'day-month');
    add(day + month, 'birth-date', 'day-month');
  }
  for (const phone of input.phoneDigits ?? []) add(phone, 'phone');
  return numbers;
}

/**
 * The longest known number {@link findNumberMismatches} can match in `local`: its digits and two
 * more. A run of digits is at most two slips from a number it is taken for (two only for a phone
 * number), and a number typed with letters has at most two of them, its other characters the
 * local part's own digits. A longer number changes nothing it finds, so a number that costs
 * something to work out (a phone number, read with libphonenumber-js) need not be.
 *
 * @example
 * ```ts
 * longestNumberWithin('anna.svensson85'); // 4: a phone number cannot be a slip of `85`
 * ```
 */
export function longestNumberWithin(local: string): number {
  let digits = 0;
  for (let i = 0; i < local.length; i++) {
    const code = local.charCodeAt(i);
    // ASCII digits only: the runs and the letters-for-digits reading count nothing else.
    if (code >= 48 && code <= 57) digits++;
  }
  return digits + 2;
}

/**
 * Finds runs of digits in a local part that are one slip (a digit missing, extra, changed or two
 * swapped) from one of the customer's own numbers but equal to none of them: `anna195` or
 * `anna1958` for a customer born in 1985, and the customer's numbers typed with letters for
 * digits (`l979`, `19o2`, `197e`: see `findLettersForDigits`). The right number raises nothing.
 *
 * Two-digit numbers are matched when swapped (`58` for `85`) and, for the birth year, when one off
 * it by one changed digit (`84` or `86` for 1985: the year slipped by one, as `1984` is one slip
 * from `1985`; not `79` for 1980, two changed digits); any other change of two digits is as likely
 * a different number as a slip. A birth date is matched one slip away, a phone number two.
 *
 * @example
 * ```ts
 * const numbers = knownNumbers({ birthDate: '1985-04-12' });
 * findNumberMismatches('anna.svensson195', numbers)[0]?.expected; // '1985'
 * findNumberMismatches('anna.svensson1985', numbers);            // []
 * ```
 */
export function findNumberMismatches(local: string, numbers: readonly KnownNumber[]): NumberMismatch[] {
  if (numbers.length === 0) return [];
  const mismatches: NumberMismatch[] = [];
  const withLetters = findLettersForDigits(local, numbers);
  for (const { start, end, ...mismatch } of withLetters) mismatches.push(mismatch);
  // Each run of two or more ASCII digits (`\d{2,}`), found by one walk over the local part: a
  // regular expression and a search for each match's place cost more than the rest of this.
  for (let at = 0; at < local.length; at++) {
    if (!isAsciiDigit(local.charCodeAt(at))) continue;
    let from = at + 1;
    while (from < local.length && isAsciiDigit(local.charCodeAt(from))) from++;
    const start = at;
    at = from;
    if (from - start < 2) continue;
    // Digits already read as part of a number typed with letters are not read again.
    if (withLetters.length > 0 && withLetters.some((reading) => start < reading.end && from > reading.start))
      continue;
    const run = local.slice(start, from);
    if (isKnown(run, numbers)) continue;
    let best: KnownNumber | undefined;
    let otherYear: KnownNumber | undefined;
    for (const known of numbers) {
      if (isYearOneOff(run, known)) {
        best ??= known;
        continue;
      }
      if (!hasShapeOf(run, known)) continue;
      if (isOtherYear(run, known)) otherYear = known;
      // A birth date is matched one slip away only, as a known address is: two changed digits
      // (`19860413` for 19850412) are as likely another date. A phone number's ten digits leave
      // room for two slips before another number is as likely.
      const allowed = known.source === 'phone' && known.digits.length >= 8 ? 2 : 1;
      // Most numbers differ from the run in length by more than the slips allowed: no distance to count.
      if (Math.abs(run.length - known.digits.length) > allowed) continue;
      if (editDistance(run, known.digits, { maxDistance: allowed }) > allowed) continue;
      // Two digits differ from two others by a swap or a changed digit only: a swapped pair (`58`
      // for 85) is read as often as another number (a customer number, a count) as a slip.
      if (known.digits.length === 2 || run.length === 2) continue;
      // Prefer the longest number explained: `19885` is the year 1985, not `85` with extras.
      if (!best || known.digits.length > best.digits.length) best = known;
    }
    if (best) mismatches.push(mismatchOf(best, run));
    else if (otherYear) mismatches.push({ ...mismatchOf(otherYear, run), otherYear: true });
  }
  return mismatches;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isKnown(digits: string, numbers: readonly KnownNumber[]): boolean {
  for (const known of numbers) if (known.digits === digits) return true;
  return false;
}

/**
 * Two digits one off the last two of the birth year (`62` for 1963): a year slipped by one, the
 * two-digit reading of a four-digit year one slip away. Only the birth year: a two-digit birth-date
 * number is nothing else (`knownNumbers`). Only one changed digit (`81` for 1980, not `79`): two
 * changed digits are two slips, as likely another number (Damerau 1964).
 */
function isYearOneOff(run: string, known: KnownNumber): boolean {
  return (
    run.length === 2 &&
    known.digits.length === 2 &&
    known.source === 'birth-date' &&
    run[0] === known.digits[0] &&
    Math.abs(Number(run) - Number(known.digits)) === 1
  );
}

/**
 * Whether `run` is written the way the number it is compared with is written in an address, so
 * that one slip from it is evidence: a birth year starts with its century (`195`, `19885`, `1958`
 * for 1985; people type `19` by habit, and `1199` or `10952` read as a customer number, not as a
 * year), and a part of a date is itself a date of that shape (`0521` for 0512, not `1086`: 86 is
 * no month or day). In the trial's CRM export of 30,000 addresses that each carry the customer
 * number, every run read as a slip of a date part without this was a customer number.
 */
function hasShapeOf(run: string, known: KnownNumber): boolean {
  if (known.source !== 'birth-date' || known.digits.length === 2) return true;
  switch (known.birthDatePart) {
    case 'year':
      return run.startsWith(known.digits.slice(0, 2));
    case 'year-month':
      return run.length === known.digits.length && isMonth(run.slice(-2)) && hasCentury(run, known, 6);
    case 'date':
      return (
        run.length === known.digits.length &&
        isMonth(run.slice(-4, -2)) &&
        isDay(run.slice(-2)) &&
        hasCentury(run, known, 8)
      );
    case 'day-month':
      return (
        run.length === 4 &&
        ((isMonth(run.slice(0, 2)) && isDay(run.slice(2))) ||
          (isDay(run.slice(0, 2)) && isMonth(run.slice(2))))
      );
    default:
      return true;
  }
}

/**
 * A date part written with the whole year (`198504`, `19850412`) starts with its century, one
 * with the year's two last digits (`8504`) with its decade: as for a two-digit year
 * (`isYearOneOff`), a changed decade is as likely another number (`1803` for 6803).
 */
function hasCentury(run: string, known: KnownNumber, wholeYearLength: number): boolean {
  const kept = known.digits.length === wholeYearLength ? 2 : 1;
  return run.startsWith(known.digits.slice(0, kept));
}

function isMonth(digits: string): boolean {
  const month = Number(digits);
  return month >= 1 && month <= 12;
}

function isDay(digits: string): boolean {
  const day = Number(digits);
  return day >= 1 && day <= 31;
}

/**
 * Four digits that are a year within ten of the birth year but not the birth year (`1979` for
 * 1982): people write their birth year whole in an address (`erik.johansson1979`) far more often
 * than any other year, so a nearby one names someone else of the customer's age, a namesake. A
 * year further off is as often a customer number: in the trial's CRM export of 30,000 addresses
 * that each carry the customer number, 58 numbers from 1900 to 1999 read as another year, 7 of
 * them within ten years of the customer's.
 */
function isOtherYear(run: string, known: KnownNumber): boolean {
  return (
    known.birthDatePart === 'year' &&
    known.digits.length === 4 &&
    run.length === 4 &&
    run !== known.digits &&
    Math.abs(Number(run) - Number(known.digits)) <= OTHER_YEAR_SPAN
  );
}

/** How far from the birth year a whole year in an address still names someone of the customer's age. */
const OTHER_YEAR_SPAN = 10;
