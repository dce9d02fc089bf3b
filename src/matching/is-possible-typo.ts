import { defaultFirstNames } from './data/first-names.js';
import { type Edit, explainEdits } from './explain-edits.js';
import { foldLetters } from './fold-letters.js';
import { areKeyboardNeighbours } from './keyboard-neighbours.js';
import { transliterationDistance } from './transliteration-distance.js';

/** Local parts this long or longer take two slips as a near miss already (docs/check.md). */
const NEAR_MISS_TWO_SLIPS_FROM = 10;
/** Shorter than this, two slips change a third of the name or more: another name, not a typo. */
const SHORTEST = 5;

const lettersOf = (local: string): string => local.replace(/[^\p{L}]/gu, '');
const wordsOf = (local: string): string[] =>
  foldLetters(local)
    .split(/[^\p{L}]+/u)
    .filter(Boolean);

/** A substitution a finger makes: a key beside the right one, or the letter without its dots or ring. */
function isSlipOfTheFinger(edit: Edit): boolean {
  if (edit.kind !== 'substituted') return true;
  return (
    areKeyboardNeighbours(edit.character, edit.expected) ||
    foldLetters(edit.character) === foldLetters(edit.expected)
  );
}

const reversed = (text: string): string => [...text].reverse().join('');

/**
 * Whether `entered` is most likely `known` typed with two slips, where `known` is a local part
 * shorter than ten characters (a near miss allows only one there): `lnisslon` for `lnilsson`.
 * A salesperson is asked to confirm such an address with the known one offered, not told it is
 * another address.
 *
 * Two slips in a short name are also how two people's names differ, so only slips a finger makes
 * count (a letter missing, doubled or swapped, a neighbouring key, a letter without its dots), and
 * never when they make another first name (`ella.berg` for `eva.berg`, `johanna` for `johan`:
 * `firstNames`, the same list that tells a household member's address). A difference in numbers
 * alone (`anna.lund79` for `anna.lund`, `nils1961` for `nils61`) is another mailbox numbered on
 * purpose, not a typo.
 *
 * @example
 * ```ts
 * isPossibleTypo('lnisslon', 'lnilsson');   // true
 * isPossibleTypo('ella.berg', 'eva.berg');  // false
 * isPossibleTypo('nils1961', 'nils61');     // false
 * ```
 */
export function isPossibleTypo(
  entered: string,
  known: string,
  options: { firstNames?: ReadonlySet<string> } = {},
): boolean {
  if (known.length < SHORTEST || known.length >= NEAR_MISS_TWO_SLIPS_FROM) return false;
  if (Math.abs(entered.length - known.length) > 2) return false;
  if (lettersOf(entered).toLowerCase() === lettersOf(known).toLowerCase()) return false;
  if (transliterationDistance(entered, known, { maxDistance: 2 }) !== 2) return false;
  // Two alignments can explain the same strings (`s` for `e` and an `o` missing, or an `s` missing
  // and `e` for `o`): the slips count as a finger's when either reading is one.
  if (
    !explainEdits(known, entered).every(isSlipOfTheFinger) &&
    !explainEdits(reversed(known), reversed(entered)).every(isSlipOfTheFinger)
  )
    return false;
  const firstNames = options.firstNames ?? defaultFirstNames;
  const knownWords = new Set(wordsOf(known));
  return !wordsOf(entered).some((word) => !knownWords.has(word) && firstNames.has(word));
}
