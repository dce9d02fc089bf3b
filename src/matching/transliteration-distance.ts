import { composedForm } from '../address/composed-form.js';
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
// The check is synchronous and single-threaded, so one set of buffers serves all calls.
let plainBuffer = new Int32Array(1024);
let writtenOtherwiseBuffer = new Int32Array(1024);
let endsOfA = new Int32Array(64);
let endsOfB = new Int32Array(64);
let basesOfA = new Int32Array(64);
let basesOfB = new Int32Array(64);
const FAR = 1 << 20;

const LENGTHS_A = Int8Array.from(PAIRS, ([x]) => x.length);
const LENGTHS_B = Int8Array.from(PAIRS, ([, y]) => y.length);

interface PairEnd {
  readonly bit: number;
  /** The code of the spelling's first character when it has two, else -1. */
  readonly before: number;
  /** Its length, first and last character, when both spellings of the pair are plain letters. */
  readonly plain?: { readonly length: number; readonly first: number; readonly last: number };
}

/** For each side of the pairs, the pair spellings by their last character's code. */
const PAIR_ENDS: readonly ReadonlyMap<number, readonly PairEnd[]>[] = [0, 1].map((side) => {
  const byLast = new Map<number, PairEnd[]>();
  PAIRS.forEach((pair, k) => {
    const part = pair[side] as string;
    const last = part.charCodeAt(part.length - 1);
    const list = byLast.get(last) ?? [];
    const plain = !NON_ASCII.test(pair[0]) && !NON_ASCII.test(pair[1]);
    list.push({
      bit: 1 << k,
      before: part.length === 2 ? part.charCodeAt(0) : -1,
      ...(plain ? { plain: { length: part.length, first: part.charCodeAt(0), last } } : {}),
    });
    byLast.set(last, list);
  });
  return byLast;
});

/**
 * For each position of `text`, a bit per pair whose `side` spelling ends there (bit k: PAIRS[k]),
 * so that the alignment below tests a pair only where both spellings end: nearly never.
 */
function markEnds(text: string, side: 0 | 1, ends: Int32Array): void {
  const byLast = PAIR_ENDS[side] as ReadonlyMap<number, readonly PairEnd[]>;
  ends[0] = 0;
  for (let end = 1; end <= text.length; end++) {
    let bits = 0;
    const candidates = byLast.get(text.charCodeAt(end - 1));
    if (candidates) {
      for (const { bit, before, plain } of candidates) {
        if (before !== -1 && !(end > 1 && text.charCodeAt(end - 2) === before)) continue;
        // Between two plain spellings the letters must stand alone: `aa` in `aaaa` or `saaa` is
        // no å written another way, and reading it so would erase real differences.
        if (
          plain &&
          (text.charCodeAt(end - plain.length - 1) === plain.first || text.charCodeAt(end) === plain.last)
        )
          continue;
        bits |= bit;
      }
    }
    ends[end] = bits;
  }
}

/** Each UTF-16 unit's letter without its marks (`a` for `å`, `e` for `é`); ASCII stays as it is. */
function markBases(text: string, bases: Int32Array): void {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A letter and its marks compose into one UTF-16 unit for every letter this is about.
    bases[i] = code < 128 ? code : (text[i]?.normalize('NFD').charCodeAt(0) ?? code);
  }
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
  const a = composedForm(first);
  const b = composedForm(second);
  const plain = editDistance(a, b, { maxDistance: max });
  // A transliteration is itself one slip, so it can only shorten a distance of two or more.
  if (plain <= 1 || !(LETTERS_WRITTEN_OTHERWISE.test(a) || LETTERS_WRITTEN_OTHERWISE.test(b))) return plain;

  const columns = b.length + 1;
  const size = (a.length + 1) * columns;
  if (plainBuffer.length < size) {
    plainBuffer = new Int32Array(size * 2);
    writtenOtherwiseBuffer = new Int32Array(size * 2);
  }
  if (endsOfA.length <= Math.max(a.length, b.length)) {
    const length = Math.max(a.length, b.length) * 2 + 2;
    endsOfA = new Int32Array(length);
    endsOfB = new Int32Array(length);
    basesOfA = new Int32Array(length);
    basesOfB = new Int32Array(length);
  }
  markEnds(a, 0, endsOfA);
  markEnds(b, 1, endsOfB);
  markBases(a, basesOfA);
  markBases(b, basesOfB);
  const d0 = plainBuffer;
  const d1 = writtenOtherwiseBuffer;
  const endsA = endsOfA;
  const endsB = endsOfB;
  const baseA = basesOfA;
  const baseB = basesOfB;
  for (let j = 0; j < columns; j++) {
    d0[j] = j;
    d1[j] = FAR;
  }
  let previousRowMinimum = 0;
  for (let i = 1; i <= a.length; i++) {
    const row = i * columns;
    d0[row] = i;
    d1[row] = FAR;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    const endsHere = endsA[i] as number;
    for (let j = 1; j < columns; j++) {
      const at = row + j;
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let plainValue = Math.min(
        (d0[at - columns] as number) + 1,
        (d0[at - 1] as number) + 1,
        (d0[at - columns - 1] as number) + cost,
      );
      let otherValue = Math.min(
        (d1[at - columns] as number) + 1,
        (d1[at - 1] as number) + 1,
        (d1[at - columns - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        const twoBack = at - 2 * columns - 2;
        plainValue = Math.min(plainValue, (d0[twoBack] as number) + 1);
        otherValue = Math.min(otherValue, (d1[twoBack] as number) + 1);
      }
      // One letter for the other with its marks left off or changed (`a` for `å`, `e` for `é`).
      if (cost === 1 && baseA[i - 1] === baseB[j - 1]) {
        const from = at - columns - 1;
        otherValue = Math.min(otherValue, d0[from] as number, d1[from] as number);
      }
      let both = endsHere & (endsB[j] as number);
      while (both !== 0) {
        const k = 31 - Math.clz32(both);
        both &= ~(1 << k);
        const from = (i - (LENGTHS_A[k] as number)) * columns + (j - (LENGTHS_B[k] as number));
        otherValue = Math.min(otherValue, d0[from] as number, d1[from] as number);
      }
      d0[at] = plainValue;
      d1[at] = otherValue;
      const effective = Math.min(plainValue, otherValue + 1);
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
