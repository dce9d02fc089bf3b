import { foldLetters } from './fold-letters.js';
import { splitLocalPart } from './split-local-part.js';

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

/** The letters of a folded local part, in order. */
function lettersOf(folded: string): string {
  return folded.replace(/[^\p{L}]+/gu, '');
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
 * (`karinberg1970`) are split with the words of the customer's `name` and the parts of the known
 * local part; without a name, only separators split.
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
  const typed = foldLetters(entered);
  const onFile = foldLetters(known);
  if (typed === onFile) return undefined;
  // The same name parts mean the same letters: most entered addresses fail this at once, before
  // anything is split.
  const letters = lettersOf(onFile);
  const typedLetters = lettersOf(typed);
  if (letters.length < 2 || letters.length !== typedLetters.length) return undefined;
  if (letters !== typedLetters && [...letters].sort().join('') !== [...typedLetters].sort().join(''))
    return undefined;

  // The known local part's own parts, initials too (`p.brown54` read in `brownp54`); from the
  // name, only whole words, so no single letter splits a name that happens to hold it.
  const words = new Set<string>(onFile.match(/\p{L}+/gu) ?? []);
  for (const word of foldLetters(options.name ?? '').match(/\p{L}{2,}/gu) ?? []) words.add(word);
  const knownTokens = splitLocalPart(onFile, words);
  const typedTokens = splitLocalPart(typed, words);
  const names = (tokens: typeof knownTokens, kind: 'name' | 'number') =>
    tokens.filter((token) => token.kind === kind).map((token) => token.text);
  if (!sameMultiset(names(knownTokens, 'name'), names(typedTokens, 'name'))) return undefined;

  const knownNumbers = names(knownTokens, 'number');
  const typedNumbers = names(typedTokens, 'number');
  const [knownNumber] = knownNumbers;
  if (knownNumbers.length === 1 && knownNumber !== undefined) {
    const [enteredNumber] = typedNumbers;
    if (typedNumbers.length === 0) return { code: 'number-changed', knownNumber };
    if (typedNumbers.length === 1 && enteredNumber !== undefined && enteredNumber !== knownNumber)
      return { code: 'number-changed', knownNumber, enteredNumber };
  }
  if (knownTokens.length < 2 || !sameMultiset(knownNumbers, typedNumbers)) return undefined;
  return { code: 'name-reordered' };
}
