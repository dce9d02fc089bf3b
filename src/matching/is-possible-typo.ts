import { type Edit, explainEdits } from './explain-edits.js';
import { areKeyboardNeighbours } from './keyboard-neighbours.js';
import { transliterationDistance } from './transliteration-distance.js';

/** Local parts this long or longer take two slips as a near miss already (docs/check.md). */
const NEAR_MISS_TWO_SLIPS_FROM = 10;
/** Shorter than this, two slips change a third of the name or more: another name, not a typo. */
const SHORTEST = 5;
/** A name that carries both slips must be this long: `eva`/`ella`, `ida`/`mia` are different names. */
const SHORTEST_NAME_WITH_TWO_SLIPS = 4;
/** Two letters added or dropped together in a name shorter than this make another name (`johan`/`johanna`). */
const SHORTEST_NAME_WITH_TWO_LETTERS_MORE = 7;

const LETTER = /\p{L}/u;
const lettersOf = (local: string): string => local.replace(/[^\p{L}]/gu, '');
const withoutMarks = (character: string): string =>
  character.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** A substitution a finger makes: a key beside the right one, or the letter without its dots or ring. */
function isSlipOfTheFinger(edit: Edit): boolean {
  if (edit.kind !== 'substituted') return true;
  return (
    areKeyboardNeighbours(edit.character, edit.expected) ||
    withoutMarks(edit.character) === withoutMarks(edit.expected)
  );
}

/** The letters-only word of `known` the edit at `index` falls in: its start and length. */
function wordAt(known: string, index: number): { start: number; length: number } | undefined {
  let at = Math.min(index, known.length - 1);
  if (at >= 0 && !LETTER.test(known[at] as string) && at > 0 && LETTER.test(known[at - 1] as string)) at--;
  if (at < 0 || !LETTER.test(known[at] as string)) return undefined;
  let start = at;
  while (start > 0 && LETTER.test(known[start - 1] as string)) start--;
  let end = at + 1;
  while (end < known.length && LETTER.test(known[end] as string)) end++;
  return { start, length: end - start };
}

/**
 * Whether `entered` is most likely `known` typed with two slips, where `known` is a local part
 * shorter than ten characters (a near miss allows only one there): `lnisslon` for `lnilsson`.
 * A salesperson is asked to confirm such an address with the known one offered, not told it is
 * another address.
 *
 * Two slips in a short name are also how two people's names differ, so only slips a finger makes
 * count (a letter missing, doubled or swapped, a neighbouring key, a letter without its dots), and
 * not when both fall in a name of three letters (`ella` for `eva`) or add or drop two different
 * letters together in a name of under seven (`johanna` for `johan`). A difference in numbers alone (`anna.lund79` for
 * `anna.lund`, `nils1961` for `nils61`) is another mailbox numbered on purpose, not a typo.
 *
 * @example
 * ```ts
 * isPossibleTypo('lnisslon', 'lnilsson');   // true
 * isPossibleTypo('ella.berg', 'eva.berg');  // false
 * isPossibleTypo('nils1961', 'nils61');     // false
 * ```
 */
export function isPossibleTypo(entered: string, known: string): boolean {
  if (known.length < SHORTEST || known.length >= NEAR_MISS_TWO_SLIPS_FROM) return false;
  if (Math.abs(entered.length - known.length) > 2) return false;
  const enteredLetters = lettersOf(entered).toLowerCase();
  const knownLetters = lettersOf(known).toLowerCase();
  if (enteredLetters === knownLetters) return false;
  if (transliterationDistance(entered, known, { maxDistance: 2 }) !== 2) return false;
  const edits = explainEdits(known, entered);
  // Two alignments can explain the same strings (`s` for `e` and an `o` missing, or an `s` missing
  // and `e` for `o`): the slips count as a finger's when either reading is one.
  if (
    !edits.every(isSlipOfTheFinger) &&
    !explainEdits(reversed(known), reversed(entered)).every(isSlipOfTheFinger)
  )
    return false;
  const words = edits.map((edit) => wordAt(known, edit.index));
  const [firstWord] = words;
  if (!firstWord || !words.every((word) => word?.start === firstWord.start)) return true;
  if (firstWord.length < SHORTEST_NAME_WITH_TWO_SLIPS) return false;
  if (edits.length === 2 && firstWord.length < SHORTEST_NAME_WITH_TWO_LETTERS_MORE) {
    const [first, second] = edits as [Edit, Edit];
    const together =
      first.kind === second.kind &&
      (first.kind === 'missing' || first.kind === 'extra') &&
      Math.abs(first.index - second.index) <= 1;
    // A key held down (`karinnn`) is a slip; two different letters more or fewer are a name.
    const repeated =
      first.kind !== 'swapped' &&
      second.kind !== 'swapped' &&
      first.character === second.character &&
      (known[first.index - 1] === first.character || known[first.index] === first.character);
    if (together && !repeated) return false;
  }
  return true;
}

const reversed = (text: string): string => [...text].reverse().join('');
