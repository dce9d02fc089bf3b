import { editDistance } from './edit-distance.js';

/**
 * The ways a letter with a diacritic is written without it, both ways round: Swedish å, ä, ö as
 * aa, ae, oe (Språkrådet, "Svenska skrivregler": aa, ae, oe where å, ä, ö cannot be written), and
 * the German and Danish/Norwegian ü, æ, ø the same way. Between two plain spellings, `aa`/`a`,
 * `ae`/`a` and `oe`/`o` are the same letter written two ways (`aake` and `ake` are both `åke`).
 * A letter without its marks (`a` for `å`, `o` for `ö`, `e` for `é`) is found by decomposing it
 * (Unicode canonical decomposition, NFD).
 */
const TRANSLITERATIONS: readonly (readonly [string, string])[] = [
  ['å', 'aa'],
  ['ä', 'ae'],
  ['ö', 'oe'],
  ['ü', 'ue'],
  ['æ', 'ae'],
  ['æ', 'a'],
  ['ø', 'o'],
  ['ø', 'oe'],
  ['aa', 'a'],
  ['ae', 'a'],
  ['oe', 'o'],
  ['ue', 'u'],
];
const PAIRS: readonly (readonly [string, string])[] = TRANSLITERATIONS.flatMap(([x, y]) => [
  [x, y] as const,
  [y, x] as const,
]);
// Anything outside printable ASCII (space to tilde) may be a letter with marks.
const LETTERS_WRITTEN_OTHERWISE = /[^ -~]|aa|ae|oe|ue/;
const NON_ASCII = /[^ -~]/;

// Two matrices reused across calls: plain slips only (d0) and slips after a transliteration (d1).
// The check is synchronous and single-threaded, so one pair of buffers serves all calls.
let plainBuffer = new Int32Array(1024);
let writtenOtherwiseBuffer = new Int32Array(1024);
const FAR = 1 << 20;

const endsWith = (text: string, end: number, part: string): boolean =>
  end >= part.length && text.startsWith(part, end - part.length);

/** Each character's letter without its marks (`a` for `å`, `e` for `é`); ASCII stays as it is. */
function baseLetters(text: string): string[] {
  const bases: string[] = [];
  for (const character of text) {
    // A letter and its marks compose into one UTF-16 unit for every letter this is about.
    const base = character.charCodeAt(0) < 128 ? character : (character.normalize('NFD')[0] ?? character);
    for (let unit = 0; unit < character.length; unit++) bases.push(base);
  }
  return bases;
}

/**
 * The optimal string alignment distance (see `editDistance`) in which writing the Swedish letters
 * another way counts as one slip for the whole string, however many letters it rewrites:
 * `aake.loefgren` and `åke.löfgren` are each one slip from `ake.lofgren`. The person wrote the
 * name the way they always write it, once; every other difference still counts in full, so it
 * never makes two different names equal (`michael` is still two slips from `mikael`). Returns
 * `maxDistance + 1` as soon as the distance is certain to exceed `maxDistance`.
 *
 * @example
 * ```ts
 * transliterationDistance('aake.loefgren', 'ake.lofgren');  // 1
 * transliterationDistance('åke.löfgren', 'ake.lofgren');    // 1
 * transliterationDistance('aake.loefrgen', 'ake.lofgren');  // 2
 * transliterationDistance('michael', 'mikael');             // 2
 * ```
 */
export function transliterationDistance(
  first: string,
  second: string,
  options: { maxDistance?: number } = {},
): number {
  const max = options.maxDistance ?? Number.POSITIVE_INFINITY;
  // Decomposed input (a + combining ring) is the same letter as the composed å.
  const a = NON_ASCII.test(first) ? first.normalize('NFC') : first;
  const b = NON_ASCII.test(second) ? second.normalize('NFC') : second;
  const plain = editDistance(a, b, { maxDistance: max });
  // A transliteration is itself one slip, so it can only shorten a distance of two or more.
  if (plain <= 1 || !(LETTERS_WRITTEN_OTHERWISE.test(a) || LETTERS_WRITTEN_OTHERWISE.test(b))) return plain;

  const columns = b.length + 1;
  const size = (a.length + 1) * columns;
  if (plainBuffer.length < size) {
    plainBuffer = new Int32Array(size * 2);
    writtenOtherwiseBuffer = new Int32Array(size * 2);
  }
  const d0 = plainBuffer;
  const d1 = writtenOtherwiseBuffer;
  const baseOfA = baseLetters(a);
  const baseOfB = baseLetters(b);
  let previousRowMinimum = Number.POSITIVE_INFINITY;
  for (let i = 0; i <= a.length; i++) {
    let rowMinimum = Number.POSITIVE_INFINITY;
    for (let j = 0; j < columns; j++) {
      const at = i * columns + j;
      if (i === 0 || j === 0) {
        d0[at] = i + j;
        d1[at] = FAR;
      } else {
        const same = a.charCodeAt(i - 1) === b.charCodeAt(j - 1);
        let plainValue = Math.min(
          (d0[at - columns] as number) + 1,
          (d0[at - 1] as number) + 1,
          (d0[at - columns - 1] as number) + (same ? 0 : 1),
        );
        let otherValue = Math.min(
          (d1[at - columns] as number) + 1,
          (d1[at - 1] as number) + 1,
          (d1[at - columns - 1] as number) + (same ? 0 : 1),
        );
        if (
          i > 1 &&
          j > 1 &&
          a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
          a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
        ) {
          const twoBack = at - 2 * columns - 2;
          plainValue = Math.min(plainValue, (d0[twoBack] as number) + 1);
          otherValue = Math.min(otherValue, (d1[twoBack] as number) + 1);
        }
        // One letter for the other with its marks left off or changed (`a` for `å`, `e` for `é`).
        if (!same && baseOfA[i - 1] === baseOfB[j - 1]) {
          const from = at - columns - 1;
          otherValue = Math.min(otherValue, d0[from] as number, d1[from] as number);
        }
        for (const [x, y] of PAIRS) {
          if (!endsWith(a, i, x) || !endsWith(b, j, y)) continue;
          const from = (i - x.length) * columns + (j - y.length);
          otherValue = Math.min(otherValue, d0[from] as number, d1[from] as number);
        }
        d0[at] = plainValue;
        d1[at] = otherValue;
      }
      const effective = Math.min(d0[at] as number, (d1[at] as number) + 1);
      if (effective < rowMinimum) rowMinimum = effective;
    }
    // A transliteration or a transposition can step over one row, so two rows decide.
    if (rowMinimum > max && previousRowMinimum > max) return max + 1;
    previousRowMinimum = rowMinimum;
  }
  const end = a.length * columns + b.length;
  const distance = Math.min(d0[end] as number, (d1[end] as number) + 1);
  return distance > max ? max + 1 : distance;
}
