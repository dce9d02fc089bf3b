import { swedishQwertyRows } from './data/keyboard-layout.js';
import type { KnownNumber, NumberMismatch } from './find-number-mismatches.js';
import { areKeyboardNeighbours } from './keyboard-neighbours.js';
import { mismatchOf } from './mismatch-of.js';

/**
 * Letters read as a digit by their look (l and I for 1, O for 0, S for 5, Z for 2, b for 6, B for
 * 8, g and q for 9), as people copy a number from handwriting or a screen. A letter on the key row
 * under the digits (q, w, e, r, ... under 1, 2, 3, 4, ...) is a slip of the finger and is found
 * through the keyboard layout.
 */
const LOOKS_LIKE: Readonly<Record<string, string>> = {
  l: '1',
  i: '1',
  o: '0',
  s: '5',
  z: '2',
  b: '68',
  g: '9',
  q: '9',
};

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** Each lower-case letter that can stand for a digit, with the digits it can stand for. */
const DIGITS_FOR_LETTER: ReadonlyMap<string, string> = (() => {
  const table = new Map<string, string>();
  const letters = new Set([...swedishQwertyRows.join('')].filter((key) => /\p{L}/u.test(key)));
  for (const letter of letters) {
    let digits = LOOKS_LIKE[letter] ?? '';
    for (let digit = 0; digit <= 9; digit++)
      if (areKeyboardNeighbours(letter, String(digit)) && !digits.includes(String(digit))) digits += digit;
    if (digits) table.set(letter, digits);
  }
  return table;
})();

/** A letter that can stand for a digit beside a digit: where a number typed with letters can be. */
const LETTER_BESIDE_DIGIT = new RegExp(
  `[${[...DIGITS_FOR_LETTER.keys()].join('')}]\\d|\\d[${[...DIGITS_FOR_LETTER.keys()].join('')}]`,
  'i',
);

/** Whether `character` (lower-case) can stand for `digit`. */
const standsFor = (character: string, digit: string): boolean =>
  DIGITS_FOR_LETTER.get(character)?.includes(digit) ?? false;
const canStandForADigit = (character: string): boolean => DIGITS_FOR_LETTER.has(character);

/** A letters-for-digits reading, with where it stands in the local part. */
export interface LettersForDigits extends NumberMismatch {
  /** Where the number typed with letters starts in the local part, and where it ends. */
  readonly start: number;
  readonly end: number;
}

// At most two letters, never more than the digits; in a two-digit number (a birth year's last two
// digits) one letter beside a digit standing alone: so that the letters of a name beside a number
// are not read as part of it.
const MOST_LETTERS = 2;
const SHORTEST_NUMBER = 2;
const SHORTEST_WITH_TWO_LETTERS = 4;

/**
 * Finds numbers of the customer's (a birth year or date, a phone number) typed with a letter or
 * two in place of digits: `l979` or `I985` (l and I for 1), `19o2` and `2oo1` (o for 0), `197e`
 * (e, the key under 3), `8o` (o for 0, of a year written with two digits). At most two letters,
 * never more letters than digits, and a two-digit number only as one letter beside a lone digit.
 * Where the digits typed are already one of the customer's numbers, only letters between digits
 * (`8g0222` is 890222) or letters that look like the digits (`lq63` is 1963) are read so, never a
 * key beside the digit before or after them (`lo85` is 85; `karl1985` is 1985, not `11985`).
 *
 * @example
 * ```ts
 * const numbers = knownNumbers({ birthDate: '2001-03-02' });
 * findLettersForDigits('maria.lund2oo1', numbers)[0]?.expected; // '2001'
 * findLettersForDigits('maria.lund2001', numbers);              // []
 * ```
 */
export function findLettersForDigits(local: string, numbers: readonly KnownNumber[]): LettersForDigits[] {
  const found: LettersForDigits[] = [];
  if (!LETTER_BESIDE_DIGIT.test(local) || !numbers.some((known) => known.digits.length >= SHORTEST_NUMBER))
    return found;
  const lower = local.toLowerCase();
  let index = 0;
  while (index < lower.length) {
    // A stretch of digits and letters that can stand for digits, holding at least one digit.
    if (!isDigit(lower.charCodeAt(index)) && !canStandForADigit(lower[index] as string)) {
      index++;
      continue;
    }
    const start = index;
    let digits = 0;
    while (
      index < lower.length &&
      (isDigit(lower.charCodeAt(index)) || canStandForADigit(lower[index] as string))
    ) {
      if (isDigit(lower.charCodeAt(index))) digits++;
      index++;
    }
    if (digits === 0) continue;
    const stretch = lower.slice(start, index);
    const reading = readStretch(stretch, digits, numbers);
    if (!reading) continue;
    const typed = local.slice(start + reading.offset, start + reading.offset + reading.known.digits.length);
    const runs = stretch.match(/\d+/g) ?? [];
    if (
      runs.some((run) => numbers.some((known) => known.digits === run)) &&
      !hasLettersBetweenDigits(typed) &&
      !looksLikeTheDigits(typed.toLowerCase(), reading.known.digits)
    )
      continue;
    found.push({
      ...mismatchOf(reading.known, typed),
      start: start + reading.offset,
      end: start + reading.offset + typed.length,
    });
  }
  return found;
}

/** Whether some letters stand with digits on both sides (`8g0222`, `95oz25`). */
function hasLettersBetweenDigits(typed: string): boolean {
  let digitBefore = false;
  let lettersSinceDigit = false;
  for (let k = 0; k < typed.length; k++) {
    if (isDigit(typed.charCodeAt(k))) {
      if (digitBefore && lettersSinceDigit) return true;
      digitBefore = true;
      lettersSinceDigit = false;
    } else lettersSinceDigit = true;
  }
  return false;
}

/** Whether every letter typed looks like its digit (`lq63` for 1963), rather than being a key beside it. */
function looksLikeTheDigits(typed: string, digits: string): boolean {
  for (let k = 0; k < typed.length; k++) {
    const character = typed[k] as string;
    if (!isDigit(typed.charCodeAt(k)) && !LOOKS_LIKE[character]?.includes(digits[k] as string)) return false;
  }
  return true;
}

/** The longest known number the stretch holds with letters for some of its digits. */
function readStretch(
  stretch: string,
  digitsInStretch: number,
  numbers: readonly KnownNumber[],
): { known: KnownNumber; offset: number } | undefined {
  let best: { known: KnownNumber; offset: number } | undefined;
  for (const known of numbers) {
    const length = known.digits.length;
    if (length < SHORTEST_NUMBER || length > stretch.length) continue;
    if (length < SHORTEST_WITH_TWO_LETTERS && digitsInStretch !== 1) continue;
    if (best && best.known.digits.length >= length) continue;
    for (let offset = 0; offset + length <= stretch.length; offset++) {
      // The number is all of the digits typed there: a digit just before or after makes it another.
      if (offset > 0 && isDigit(stretch.charCodeAt(offset - 1))) continue;
      if (offset + length < stretch.length && isDigit(stretch.charCodeAt(offset + length))) continue;
      let letters = 0;
      let matches = true;
      for (let k = 0; k < length && matches; k++) {
        const character = stretch[offset + k] as string;
        const digit = known.digits[k] as string;
        if (character === digit) continue;
        if (isDigit(stretch.charCodeAt(offset + k)) || !standsFor(character, digit)) matches = false;
        else letters++;
      }
      if (matches && letters > 0 && letters <= MOST_LETTERS && letters * 2 <= length) {
        best = { known, offset };
        break;
      }
    }
  }
  return best;
}
