import { nameWords } from './name-key.js';

/**
 * Whether two customer records look like the same person by name: the same name key (`nameKey`), two
 * letters swapped (`Anan Svensson`), or one name's words all found in the other's when both have
 * at least two (`Anna Svensson` and `Anna Maria Svensson`). A letter changed, added or dropped is
 * another name (`Jansson` and `Jonsson`). A name with digits never matches (`Person 13440`). A missing name, or one
 * that is not a string, never matches: without names there is no evidence of a duplicate. Never
 * throws; time and memory grow in proportion to the names' length (a name is untrusted input).
 *
 * @example
 * ```ts
 * isSamePerson('Anna Svensson', 'svensson anna'); // true
 * isSamePerson('Anna Svensson', 'Anan Svensson'); // true
 * isSamePerson('Erik Lind', 'Erik Lund');         // false
 * isSamePerson('Anna Svensson', 'Erik Svensson'); // false
 * ```
 */
const DIGIT = /\p{Nd}/u;

export function isSamePerson(a: string | undefined, b: string | undefined): boolean {
  if (typeof a !== 'string' || typeof b !== 'string' || a === '' || b === '') return false;
  // Digits in a name are a number, not a name (`Person 13440`, a record made by a script or a
  // placeholder): two such records are no evidence of one person, and a name key drops them.
  if (DIGIT.test(a) || DIGIT.test(b)) return false;
  // Each name is folded once: its words in reading order, and sorted, the name key.
  const wordsInOrderA = nameWords(a);
  const wordsInOrderB = nameWords(b);
  if (wordsInOrderA.length === 0 || wordsInOrderB.length === 0) return false;
  const keyA = [...wordsInOrderA].sort().join(' ');
  const keyB = [...wordsInOrderB].sort().join(' ');
  if (keyA === keyB) return true;
  // Two letters swapped is a slip of the keyboard; a letter changed, added or dropped is as often
  // another family: Jansson and Jonsson, Karlsson and Carlsson, Lind and Lund, Nilson and Nilsson
  // are all common Swedish surnames (SCB name statistics).
  if (isOneSwap(wordsInOrderA.join(' '), wordsInOrderB.join(' '))) return true;
  // Compared as sets, so the answer is the same both ways round: `Anna Anna` has one word, not two.
  const wordsA = new Set(keyA.split(' '));
  const wordsB = new Set(keyB.split(' '));
  const [fewer, more] = wordsA.size <= wordsB.size ? [wordsA, wordsB] : [wordsB, wordsA];
  if (fewer.size < 2) return false;
  for (const word of fewer) if (!more.has(word)) return false;
  return true;
}

/**
 * Whether `b` is `a` with exactly two adjacent, different characters swapped. One pass: the first
 * difference must be such a swap and the rest equal, which is what an alignment (an edit distance
 * and its explanation) would find, without a matrix of the names' lengths multiplied.
 */
function isOneSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i >= a.length - 1) return false;
  if (a.charCodeAt(i) !== b.charCodeAt(i + 1) || a.charCodeAt(i + 1) !== b.charCodeAt(i)) return false;
  for (let j = i + 2; j < a.length; j++) if (a.charCodeAt(j) !== b.charCodeAt(j)) return false;
  return true;
}
