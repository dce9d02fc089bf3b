import { foldLetters } from './fold-letters.js';

/** A part of a local part: a name (a run of letters) or a whole number (a run of digits). */
export interface LocalPartToken {
  readonly kind: 'name' | 'number';
  readonly text: string;
}

const NO_WORDS: ReadonlySet<string> = new Set();

// No first name or surname in a national register is longer; a longer run is not split.
const LONGEST_WORD = 24;

/**
 * The name parts and numbers of a local part, in order, folded as typed (`Åsa.Löfgren79` ->
 * `asa`, `lofgren`, `79`). Separators (`.`, `-`, `_`, `+`) and the change from letters to digits
 * split it; a run of letters written together (`karinberg`) is split further into `words`
 * (the customer's names) when they cover it exactly, into as many words as they can, and is
 * otherwise kept whole. The work grows with the length of the local part times the longest word,
 * never with the number of words (they are a `Set`).
 *
 * @example
 * ```ts
 * splitLocalPart('bergkarin1970', new Set(['karin', 'berg'])).map((token) => token.text);
 * // ['berg', 'karin', '1970']
 * ```
 */
export function splitLocalPart(local: string, words: ReadonlySet<string> = NO_WORDS): LocalPartToken[] {
  const tokens: LocalPartToken[] = [];
  for (const run of foldLetters(local).match(/\p{L}+|\p{N}+/gu) ?? []) {
    if (/^\p{N}/u.test(run)) tokens.push({ kind: 'number', text: run });
    else for (const word of splitRun(run, words)) tokens.push({ kind: 'name', text: word });
  }
  return tokens;
}

/**
 * A run of letters as the most words from `words` that cover it exactly, or the run itself.
 * Dynamic programming over the end positions: `most[i]` is the most words covering `run[0, i)`.
 */
function splitRun(run: string, words: ReadonlySet<string>): string[] {
  if (words.size === 0 || run.length > 64) return [run];
  const most = new Int8Array(run.length + 1).fill(-1);
  const from = new Int8Array(run.length + 1);
  most[0] = 0;
  for (let end = 1; end <= run.length; end++) {
    for (let start = Math.max(0, end - LONGEST_WORD); start < end; start++) {
      const before = most[start] as number;
      if (before < 0 || before + 1 <= (most[end] as number)) continue;
      if (!words.has(run.slice(start, end))) continue;
      most[end] = before + 1;
      from[end] = start;
    }
  }
  if ((most[run.length] as number) <= 0) return [run];
  const parts: string[] = [];
  for (let end = run.length; end > 0; end = from[end] as number)
    parts.push(run.slice(from[end] as number, end));
  return parts.reverse();
}
