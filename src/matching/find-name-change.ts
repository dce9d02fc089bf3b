import { foldLetters } from './fold-letters.js';
import { type LocalPartToken, splitLocalPart } from './split-local-part.js';

/**
 * How an entered local part is a known one rewritten: its whole number left out or changed
 * (`maria.lund` or `maria.lund1979` for `maria.lund79`), or its name parts in another order or
 * with other separators (`holm-stina` for `stina.holm`).
 */
export type NameChange =
  | {
      readonly code: 'number-changed';
      /** The known local part's number. */
      readonly knownNumber: string;
      /** The number typed instead; absent when it was left out. */
      readonly enteredNumber?: string;
    }
  | { readonly code: 'name-reordered' };

// Anything but letters (with their marks), digits and the separators people put between names.
const OTHER_THAN_NAME_PARTS = /[^\p{L}\p{M}\p{N}._+-]/u;

// Letter counts for plain ASCII local parts, reused: the check is synchronous and single-threaded.
const counts = new Int32Array(128);

/**
 * Whether two folded local parts hold the same letters, in any order, ignoring digits and
 * separators. Most entered addresses fail this, so it is made cheap: one pass over each string
 * for ASCII, a sort only for other scripts.
 */
function sameLetters(a: string, b: string): boolean {
  let ascii = true;
  let letters = 0;
  for (let i = 0; i < a.length; i++) {
    const code = a.charCodeAt(i);
    if (code >= 128) ascii = false;
    else if (code >= 97 && code <= 122) {
      counts[code] = (counts[code] as number) + 1;
      letters++;
    }
  }
  for (let i = 0; i < b.length && ascii; i++) {
    const code = b.charCodeAt(i);
    if (code >= 128) ascii = false;
    else if (code >= 97 && code <= 122) {
      counts[code] = (counts[code] as number) - 1;
      letters--;
    }
  }
  let same = ascii && letters === 0;
  for (let code = 97; code <= 122; code++) {
    if (counts[code] !== 0) same = false;
    counts[code] = 0;
  }
  if (ascii) return same;
  const sorted = (text: string) => [...text.replace(/[^\p{L}]+/gu, '')].sort().join('');
  return sorted(a) === sorted(b);
}

/** The letters of a folded local part, in order. */
function lettersOf(folded: string): string {
  return folded.replace(/[^\p{L}]+/gu, '');
}

function textsOf(tokens: readonly LocalPartToken[], kind: LocalPartToken['kind']): string[] {
  return tokens.filter((token) => token.kind === kind).map((token) => token.text);
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const left = [...a].sort();
  const right = [...b].sort();
  return left.every((item, index) => item === right[index]);
}

/**
 * Whether `entered` is the `known` local part with its whole number left out or changed, or with
 * the same name parts in another order or with other separators. Names written together
 * (`karinberg1970`) are split with the words of the customer's `name` and the parts either local
 * part separates; without a name, only separators split.
 *
 * A number added to a known local part that has none (`anna.jonsson37` beside `anna.jonsson`) is
 * not a change: people number a second mailbox on purpose, so that is another address. The name
 * parts must all be there: `k.berg` or `lund` is another address, not a rewritten one.
 *
 * @example
 * ```ts
 * findNameChange('maria.lund', 'maria.lund79'); // { code: 'number-changed', knownNumber: '79' }
 * findNameChange('bergkarin1970', 'karinberg1970', { name: 'Karin Berg' }); // { code: 'name-reordered' }
 * findNameChange('anna.jonsson37', 'anna.jonsson'); // undefined
 * ```
 */
export function findNameChange(
  entered: string,
  known: string,
  options: { readonly name?: string } = {},
): NameChange | undefined {
  // A rewriting moves names, numbers and separators only: an emoji, a quote or a space beside the
  // same names is something else typed, not another order (RFC 5322 §3.2.3 atext allows them all).
  if (OTHER_THAN_NAME_PARTS.test(entered) || OTHER_THAN_NAME_PARTS.test(known)) return undefined;
  const typed = foldLetters(entered);
  const onFile = foldLetters(known);
  // The same name parts mean the same letters: most entered addresses fail this at once, before
  // anything is split.
  if (typed === onFile || !sameLetters(typed, onFile)) return undefined;
  const letters = lettersOf(onFile);
  if (letters.length < 2) return undefined;

  let knownNumbers: string[];
  let typedNumbers: string[];
  let parts: () => number;
  if (letters === lettersOf(typed)) {
    // The letters in the same order: the names are the same, only numbers and separators can
    // differ, and the runs of digits say which without splitting any name.
    knownNumbers = onFile.match(/\p{N}+/gu) ?? [];
    typedNumbers = typed.match(/\p{N}+/gu) ?? [];
    parts = () =>
      Math.max((onFile.match(/\p{L}+|\p{N}+/gu) ?? []).length, (typed.match(/\p{L}+|\p{N}+/gu) ?? []).length);
  } else {
    // The parts either local part separates, initials too (`p.brown54` read in `brownp54`); from
    // the name, only whole words, so no single letter splits a name that happens to hold it.
    const words = new Set<string>([...(onFile.match(/\p{L}+/gu) ?? []), ...(typed.match(/\p{L}+/gu) ?? [])]);
    for (const word of foldLetters(options.name ?? '').match(/\p{L}{2,}/gu) ?? []) words.add(word);
    const knownTokens = splitLocalPart(onFile, words);
    const typedTokens = splitLocalPart(typed, words);
    if (!sameMultiset(textsOf(knownTokens, 'name'), textsOf(typedTokens, 'name'))) return undefined;
    knownNumbers = textsOf(knownTokens, 'number');
    typedNumbers = textsOf(typedTokens, 'number');
    parts = () => Math.max(knownTokens.length, typedTokens.length);
  }

  const [knownNumber] = knownNumbers;
  if (knownNumbers.length === 1 && knownNumber !== undefined) {
    const [enteredNumber] = typedNumbers;
    if (typedNumbers.length === 0) return { code: 'number-changed', knownNumber };
    if (typedNumbers.length === 1 && enteredNumber !== undefined && enteredNumber !== knownNumber)
      return { code: 'number-changed', knownNumber, enteredNumber };
  }
  if (!sameMultiset(knownNumbers, typedNumbers) || parts() < 2) return undefined;
  return { code: 'name-reordered' };
}
