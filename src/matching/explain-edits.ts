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
 * Meant for short strings such as addresses (the full alignment matrix is kept).
 *
 * @example
 * ```ts
 * explainEdits('anna.svensson1985@gmail.com', 'anna.svensson185@gmail.com');
 * // [{ kind: 'missing', character: '9', after: 'anna.svensson1', index: 14 }]
 * ```
 */
export function explainEdits(known: string, entered: string): Edit[] {
  const rows = known.length + 1;
  const columns = entered.length + 1;
  if (matrixBuffer.length < rows * columns) matrixBuffer = new Int32Array(rows * columns * 2);
  const matrix = matrixBuffer;
  const at = (i: number, j: number) => matrix[i * columns + j] as number;
  for (let i = 0; i < rows; i++) matrix[i * columns] = i;
  for (let j = 0; j < columns; j++) matrix[j] = j;
  for (let i = 1; i < rows; i++) {
    const k = known.charCodeAt(i - 1);
    const kBefore = i > 1 ? known.charCodeAt(i - 2) : -1;
    const row = i * columns;
    const above = row - columns;
    for (let j = 1; j < columns; j++) {
      const e = entered.charCodeAt(j - 1);
      const deletion = (matrix[above + j] as number) + 1;
      const insertion = (matrix[row + j - 1] as number) + 1;
      const substitution = (matrix[above + j - 1] as number) + (k === e ? 0 : 1);
      let value = Math.min(deletion, insertion, substitution);
      if (j > 1 && k === entered.charCodeAt(j - 2) && kBefore === e) {
        const transposition = (matrix[above - columns + j - 2] as number) + 1;
        if (transposition < value) value = transposition;
      }
      matrix[row + j] = value;
    }
  }

  const edits: Edit[] = [];
  let i = known.length;
  let j = entered.length;
  // Walking back from the end, a missing or extra character is placed as late as it can be:
  // "svenson" lacks the s after "svens", "erik855" has an extra 5 after "erik85".
  while (i > 0 || j > 0) {
    const here = at(i, j);
    if (i > 0 && here === at(i - 1, j) + 1) {
      edits.push({
        kind: 'missing',
        character: known[i - 1] as string,
        after: known.slice(0, i - 1),
        index: i - 1,
      });
      i--;
    } else if (j > 0 && here === at(i, j - 1) + 1) {
      edits.push({ kind: 'extra', character: entered[j - 1] as string, after: known.slice(0, i), index: i });
      j--;
    } else if (i > 0 && j > 0 && known[i - 1] === entered[j - 1] && here === at(i - 1, j - 1)) {
      i--;
      j--;
    } else if (
      i > 1 &&
      j > 1 &&
      known[i - 1] === entered[j - 2] &&
      known[i - 2] === entered[j - 1] &&
      here === at(i - 2, j - 2) + 1
    ) {
      edits.push({
        kind: 'swapped',
        characters: [known[i - 2] as string, known[i - 1] as string],
        after: known.slice(0, i - 2),
        index: i - 2,
      });
      i -= 2;
      j -= 2;
    } else {
      edits.push({
        kind: 'substituted',
        character: entered[j - 1] as string,
        expected: known[i - 1] as string,
        after: known.slice(0, i - 1),
        index: i - 1,
      });
      i--;
      j--;
    }
  }
  return edits.reverse();
}
