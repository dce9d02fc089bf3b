import { editDistance } from '../matching/edit-distance.js';
import { nameKey, nameWords } from './name-key.js';

/**
 * Whether two customer records look like the same person by name: the same {@link nameKey}, one
 * slip apart (two for names of 12 letters or more), or one name's words all found in the other's
 * when both have at least two (`Anna Svensson` and `Anna Maria Svensson`). A missing name, or one
 * that is not a string, never matches: without names there is no evidence of a duplicate. Never
 * throws.
 *
 * @example
 * ```ts
 * isSamePerson('Anna Svensson', 'svensson anna'); // true
 * isSamePerson('Anna Svensson', 'Anna Svenson');  // true
 * isSamePerson('Anna Svensson', 'Erik Svensson'); // false
 * ```
 */
export function isSamePerson(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const keyA = nameKey(a);
  const keyB = nameKey(b);
  if (keyA === '' || keyB === '') return false;
  if (keyA === keyB) return true;
  const allowed = Math.min(keyA.length, keyB.length) >= 12 ? 2 : 1;
  // Word order was folded by sorting, so compare the letters in reading order too: a slip in the
  // first letter of a word can move it in the sorted key.
  if (editDistance(keyA, keyB, { maxDistance: allowed }) <= allowed) return true;
  if (editDistance(nameWords(a).join(' '), nameWords(b).join(' '), { maxDistance: allowed }) <= allowed)
    return true;
  const wordsA = keyA.split(' ');
  const wordsB = keyB.split(' ');
  const [fewer, more] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  return fewer.length >= 2 && fewer.every((word) => more.includes(word));
}
