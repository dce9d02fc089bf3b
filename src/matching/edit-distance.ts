import { createCharacterEncoder } from '../spelling/encode-characters.js';

/**
 * Optimal string alignment distance (restricted Damerau–Levenshtein): deletions, insertions,
 * substitutions and transpositions of two adjacent characters each cost 1.
 *
 * Plain Levenshtein counts a transposition (`gmial` for `gmail`, `1958` for `1985`) as two edits;
 * Damerau (1964, "A technique for computer detection and correction of spelling errors") found
 * that over 80 % of typing errors are one insertion, deletion, substitution or transposition, so a
 * transposition is one slip here.
 *
 * Characters are counted as {@link explainEdits} counts them: an emoji or an emoji sequence (a skin
 * tone, a flag, a ZWJ family: UAX #29) is one character, so the distance is the number of slips
 * explained.
 */

// Reused rows: the check is synchronous and single-threaded, so one set of buffers serves all calls.
let previousPrevious = new Int32Array(64);
let previous = new Int32Array(64);
let current = new Int32Array(64);

/**
 * The distance between `a` and `b`, or `maxDistance + 1` as soon as it is certain to exceed
 * `maxDistance` (so a bounded comparison of unrelated strings stops early).
 *
 * @example
 * ```ts
 * editDistance('gmial.com', 'gmail.com');                        // 1
 * editDistance('anna1985', 'anna185');                           // 1
 * editDistance('anna', 'bertil', { maxDistance: 1 });            // 2 (stopped early)
 * ```
 */
export function editDistance(a: string, b: string, options: { maxDistance?: number } = {}): number {
  return unitDistance(a, b, options.maxDistance ?? Number.POSITIVE_INFINITY, true);
}

/** Whether `text.slice(from, to)` holds a code unit of a character longer than one unit (see `isComposed`). */
function holdsComposedUnit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 0xd800 && code <= 0xdfff) || code === 0x200d || code === 0xfe0f || code === 0x20e3)
      return true;
  }
  return false;
}

/**
 * The distance counted in UTF-16 code units, stopped once it exceeds `max`; with `composed`, the
 * distance in characters where a character of several units lies where the strings differ.
 */
function unitDistance(a: string, b: string, max: number, composed: boolean): number {
  if (a === b) return 0;
  // A shared start and ending cost nothing, and no slip spans their edge (a swap across it would
  // need the two characters beside the edge to be equal): only the middle is compared, in place.
  // A typo of a known address shares nearly all of it.
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end))
    end++;
  // Code units count as characters unless the middle holds part of a character of several units:
  // such a character cut by the edge leaves one of its later units (a low surrogate, a joiner, a
  // variation selector) in the middle, so a middle without any is counted in units exactly.
  if (
    composed &&
    (holdsComposedUnit(a, start, a.length - end) || holdsComposedUnit(b, start, b.length - end))
  )
    return composedDistance(a, b, max);
  return middleDistance(a, b, start, end, max);
}

/** The distance in code units between `a` and `b` without their shared first `start` and last `end` units. */
function middleDistance(a: string, b: string, start: number, end: number, max: number): number {
  const aLength = a.length - start - end;
  const bLength = b.length - start - end;
  // Every edit changes the length by at most one: a bound the lengths already break needs no
  // comparison at all (most pairs the check tries, the digits of a number against a birth date).
  if (Math.abs(aLength - bLength) > max) return max + 1;
  if (aLength === 0) return bLength;
  if (bLength === 0) return aLength;

  const columns = bLength + 1;
  if (current.length < columns) {
    previousPrevious = new Int32Array(columns * 2);
    previous = new Int32Array(columns * 2);
    current = new Int32Array(columns * 2);
  }
  for (let j = 0; j < columns; j++) previous[j] = j;

  for (let i = 1; i <= aLength; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(start + i - 1);
    for (let j = 1; j < columns; j++) {
      const bj = b.charCodeAt(start + j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(start + j - 2) && a.charCodeAt(start + i - 2) === bj) {
        value = Math.min(value, (previousPrevious[j - 2] as number) + 1);
      }
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > max) return max + 1;
    const recycled = previousPrevious;
    previousPrevious = previous;
    previous = current;
    current = recycled;
  }
  const distance = previous[bLength] as number;
  return distance > max ? max + 1 : distance;
}

/**
 * The distance between strings that hold characters longer than one code unit: each such character
 * is written as one private-use code unit that neither string holds and the written strings are
 * compared, as explainEdits aligns them.
 */
function composedDistance(a: string, b: string, max: number): number {
  const encoder = createCharacterEncoder(a, b);
  const encodedA = encoder.encode(a)?.encoded;
  const encodedB = encodedA === undefined ? undefined : encoder.encode(b)?.encoded;
  if (encodedA === undefined || encodedB === undefined) return unitDistance(a, b, max, false);
  return unitDistance(encodedA, encodedB, max, false);
}
