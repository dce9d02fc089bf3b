/**
 * Letters that Unicode does not decompose into a base letter and a mark (NFD leaves them whole),
 * spelled the way Swedish, Danish, Norwegian and German registers transliterate them.
 */
const LIGATURES: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
};

/**
 * A person's name reduced to what survives retyping: case and diacritics folded (`Åsa Öberg` ->
 * `asa oberg`), punctuation dropped, and the words sorted so `Svensson, Anna` and `Anna Svensson`
 * are the same key. Returns `''` for a name with no letters or digits, and for anything that is
 * not a string (a CRM field read as a number or null is no name); never throws.
 *
 * @example
 * ```ts
 * nameKey('Svensson, Åsa-Lena'); // 'asa lena svensson'
 * ```
 */
export function nameKey(name: string): string {
  return nameWords(name).sort().join(' ');
}

/** The folded words of a name in reading order (see {@link nameKey}). */
export function nameWords(name: string): string[] {
  if (typeof name !== 'string') return [];
  const folded = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßđðþłı]/g, (letter) => LIGATURES[letter] ?? letter);
  return folded.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}
