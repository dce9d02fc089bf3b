import { foldLetters } from './fold-letters.js';
import { splitLocalPart } from './split-local-part.js';

/** The folded words of a name (`Åsa-Lena Öberg` -> `asa`, `lena`, `oberg`), each once. */
function wordsOf(name: string | undefined): Set<string> {
  return new Set(typeof name === 'string' ? (foldLetters(name).match(/\p{L}+/gu) ?? []) : []);
}

/**
 * How well a local part fits each of some names: for each name, how many of its words are a name
 * part of the local part (`oskar.wallin46376` fits `Oskar Wallin` with 2 and `Erik Lind` with 0).
 * The local part is split by the words of all the names (`oskarwallin` -> `oskar`, `wallin`), so
 * each is read the same way. A missing name fits with 0.
 *
 * @example
 * ```ts
 * nameFits('oskar.wallin46376', ['Erik Lind', 'Oskar Wallin']); // [0, 2]
 * ```
 */
export function nameFits(local: string, names: readonly (string | undefined)[]): number[] {
  const words = names.map(wordsOf);
  const all = new Set<string>();
  for (const set of words) for (const word of set) all.add(word);
  const parts = new Set<string>();
  for (const token of splitLocalPart(local, all)) if (token.kind === 'name') parts.add(token.text);
  return words.map((set) => {
    let fit = 0;
    for (const word of set) if (parts.has(word)) fit++;
    return fit;
  });
}
