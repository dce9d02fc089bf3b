import { isComposed } from '../spelling/characters-of.js';
import { createCharacterEncoder } from '../spelling/encode-characters.js';
/** One typing slip that turns the known string into the entered one. */
export type Edit =
  /** A character of the known string is missing from the entered one. */
  | { readonly kind: 'missing'; readonly character: string; readonly after: string; readonly index: number }
  /** The entered string has a character the known one has not. */
  | { readonly kind: 'extra'; readonly character: string; readonly after: string; readonly index: number }
  /** A character was typed in place of the known one. */
  | {
      readonly kind: 'substituted';
      readonly character: string;
      readonly expected: string;
      readonly after: string;
      readonly index: number;
    }
  /** Two adjacent characters were typed in the wrong order. */
  | {
      readonly kind: 'swapped';
      readonly characters: readonly [string, string];
      readonly after: string;
      readonly index: number;
    };

// One alignment matrix reused across calls: the check is synchronous and single-threaded.
let matrixBuffer = new Int32Array(4096);

/**
 * The slips (in reading order) that turn `known` into `entered` under the optimal string alignment
 * distance: what a salesperson needs to hear ("a digit 9 is missing after anna.svensson1").
 * `after` is the part of the known string before the slip; `index` its position in `known`.
 * Meant for short strings such as addresses (the full alignment matrix is kept). Characters are
 * counted as a person sees them: an emoji (two UTF-16 code units) or an emoji sequence (a skin
 * tone, a flag, a ZWJ family: UAX #29) is one character, never two halves; `index` stays a position
 * in `known` as JavaScript strings count it, so `after` is `known.slice(0, index)`.
 *
 * Only what follows the longest common prefix, and precedes the common suffix of what is left, is
 * aligned: a typo of a known address shares nearly all of it, and the slips come out the same
 * (test/matching/explain-edits.test.ts compares this with {@link explainEditsInFull}).
 *
 * @example
 * ```ts
 * explainEdits('anna.svensson1985@gmail.com', 'anna.svensson185@gmail.com');
 * // [{ kind: 'missing', character: '9', after: 'anna.svensson1', index: 14 }]
 * ```
 */
export function explainEdits(known: string, entered: string): Edit[] {
  if (isComposed(known) || isComposed(entered)) return explainComposed(known, entered, explainTrimmed);
  return explainTrimmed(known, entered);
}

function explainTrimmed(known: string, entered: string): Edit[] {
  const shorter = Math.min(known.length, entered.length);
  let prefix = 0;
  while (prefix < shorter && known.charCodeAt(prefix) === entered.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < shorter - prefix &&
    known.charCodeAt(known.length - 1 - suffix) === entered.charCodeAt(entered.length - 1 - suffix)
  )
    suffix++;
  // The walk back places a slip as late as it can be, so a slip just before the shared ending may
  // belong inside it when the ending starts with a character the middle also holds ("a" against
  // "baa": the extra a is the one after the known a). The ending is set aside only when it cannot.
  if (suffix > 0) {
    const first = known[known.length - suffix] as string;
    if (
      known.indexOf(first, prefix) < known.length - suffix ||
      entered.indexOf(first, prefix) < entered.length - suffix
    )
      suffix = 0;
  }
  return align(known, entered, prefix, suffix);
}

/**
 * {@link explainEdits} over the whole of both strings, every character aligned: the reference the
 * trimmed alignment is compared with.
 */
export function explainEditsInFull(known: string, entered: string): Edit[] {
  if (isComposed(known) || isComposed(entered)) return explainComposed(known, entered, alignWhole);
  return alignWhole(known, entered);
}

function alignWhole(known: string, entered: string): Edit[] {
  return align(known, entered, 0, 0);
}

/**
 * The slips between two strings that hold characters longer than one code unit: each such
 * character is written as one private-use code unit that neither string holds, the strings are
 * aligned as usual, and the slips are read back into the real characters and positions.
 */
function explainComposed(
  known: string,
  entered: string,
  explain: (known: string, entered: string) => Edit[],
): Edit[] {
  const encoder = createCharacterEncoder(known, entered);
  const knownText = encoder.encode(known);
  const enteredText = encoder.encode(entered);
  if (!knownText || !enteredText) return explain(known, entered);
  const decode = encoder.decode;
  const at = (index: number) => knownText.offsets[index] as number;
  return explain(knownText.encoded, enteredText.encoded).map((edit): Edit => {
    const index = at(edit.index);
    const after = known.slice(0, index);
    switch (edit.kind) {
      case 'substituted':
        return {
          kind: 'substituted',
          character: decode(edit.character),
          expected: decode(edit.expected),
          after,
          index,
        };
      case 'swapped':
        return {
          kind: 'swapped',
          characters: [decode(edit.characters[0]), decode(edit.characters[1])],
          after,
          index,
        };
      default:
        return { kind: edit.kind, character: decode(edit.character), after, index };
    }
  });
}

/**
 * The alignment of `known` and `entered` between their first `prefix` and last `suffix`
 * characters, which the two share; `after` and `index` still refer to the whole known string.
 */
function align(known: string, entered: string, prefix: number, suffix: number): Edit[] {
  const knownLength = known.length - prefix - suffix;
  const enteredLength = entered.length - prefix - suffix;
  const rows = knownLength + 1;
  const columns = enteredLength + 1;
  if (matrixBuffer.length < rows * columns) matrixBuffer = new Int32Array(rows * columns * 2);
  const matrix = matrixBuffer;
  for (let i = 0; i < rows; i++) matrix[i * columns] = i;
  for (let j = 0; j < columns; j++) matrix[j] = j;
  for (let i = 1; i < rows; i++) {
    // Characters of the aligned middle, 1-based as in the matrix.
    const ki = known.charCodeAt(prefix + i - 1);
    const kBefore = i > 1 ? known.charCodeAt(prefix + i - 2) : -1;
    const row = i * columns;
    const above = row - columns;
    for (let j = 1; j < columns; j++) {
      const ej = entered.charCodeAt(prefix + j - 1);
      const deletion = (matrix[above + j] as number) + 1;
      const insertion = (matrix[row + j - 1] as number) + 1;
      const substitution = (matrix[above + j - 1] as number) + (ki === ej ? 0 : 1);
      let value = Math.min(deletion, insertion, substitution);
      if (j > 1 && ki === entered.charCodeAt(prefix + j - 2) && kBefore === ej) {
        const transposition = (matrix[above - columns + j - 2] as number) + 1;
        if (transposition < value) value = transposition;
      }
      matrix[row + j] = value;
    }
  }

  const edits: Edit[] = [];
  let i = knownLength;
  let j = enteredLength;
  // Walking back from the end, a missing or extra character is placed as late as it can be:
  // "svenson" lacks the s after "svens", "erik855" has an extra 5 after "erik85".
  while (i > 0 || j > 0) {
    const here = matrix[i * columns + j] as number;
    // Positions in the whole strings.
    const ki = prefix + i - 1;
    const ej = prefix + j - 1;
    if (i > 0 && here === (matrix[(i - 1) * columns + j] as number) + 1) {
      edits.push({
        kind: 'missing',
        character: known[ki] as string,
        after: known.slice(0, ki),
        index: ki,
      });
      i--;
    } else if (j > 0 && here === (matrix[i * columns + j - 1] as number) + 1) {
      edits.push({
        kind: 'extra',
        character: entered[ej] as string,
        after: known.slice(0, ki + 1),
        index: ki + 1,
      });
      j--;
    } else if (
      i > 0 &&
      j > 0 &&
      known[ki] === entered[ej] &&
      here === (matrix[(i - 1) * columns + j - 1] as number)
    ) {
      i--;
      j--;
    } else if (
      i > 1 &&
      j > 1 &&
      known[ki] === entered[ej - 1] &&
      known[ki - 1] === entered[ej] &&
      here === (matrix[(i - 2) * columns + j - 2] as number) + 1
    ) {
      edits.push({
        kind: 'swapped',
        characters: [known[ki - 1] as string, known[ki] as string],
        after: known.slice(0, ki - 1),
        index: ki - 1,
      });
      i -= 2;
      j -= 2;
    } else {
      edits.push({
        kind: 'substituted',
        character: entered[ej] as string,
        expected: known[ki] as string,
        after: known.slice(0, ki),
        index: ki,
      });
      i--;
      j--;
    }
  }
  return edits.reverse();
}
