import { editDistance } from '../matching/edit-distance.js';
import { explainEdits } from '../matching/explain-edits.js';
import { nameKey, nameWords } from './name-key.js';

/**
 * Whether two customer records look like the same person by name: the same {@link nameKey}, two
 * letters swapped (`Anan Svensson`), or one name's words all found in the other's when both have
 * at least two (`Anna Svensson` and `Anna Maria Svensson`). A letter changed, added or dropped is
 * another name (`Jansson` and `Jonsson`). A missing name, or one
 * that is not a string, never matches: without names there is no evidence of a duplicate. Never
 * throws.
 *
 * @example
 * ```ts
 * isSamePerson('Anna Svensson', 'svensson anna'); // true
 * isSamePerson('Anna Svensson', 'Anan Svensson'); // true
 * isSamePerson('Erik Lind', 'Erik Lund');         // false
 * isSamePerson('Anna Svensson', 'Erik Svensson'); // false
 * ```
 */
export function isSamePerson(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  if (keyA === '' || keyB === '') return false;
  if (keyA === keyB) return true;
  // Two letters swapped is a slip of the keyboard; a letter changed, added or dropped is as often
  // another family: Jansson and Jonsson, Karlsson and Carlsson, Lind and Lund, Nilson and Nilsson
  // are all common Swedish surnames (SCB name statistics).
  if (isOneSwap(nameWords(a).join(' '), nameWords(b).join(' '))) return true;
  const wordsA = keyA.split(' ');
  const wordsB = keyB.split(' ');
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  return fewer.length >= 2 && fewer.every((word) => more.includes(word));
}

function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length || editDistance(a, b, { maxDistance: 1 }) !== 1) return false;
  const [edit] = explainEdits(a, b);
  return edit?.kind === 'swapped';
}
