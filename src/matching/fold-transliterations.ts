const PLAIN_ASCII = /^[ -~]*$/;
const TWO_LETTER_SPELLINGS = /aa|ae|oe|ue/g;
// Letters that canonical decomposition (NFD) leaves whole.
const WHOLE_LETTERS: Readonly<Record<string, string>> = { ø: 'o', æ: 'a' };

/**
 * A local part with every letter that is written more than one way reduced to one spelling: the
 * marks dropped (`å`, `ä` -> `a`, `ö` -> `o`, Unicode canonical decomposition, NFD), `ø` -> `o`,
 * `æ` -> `a`, and the two-letter spellings `aa`, `ae`, `oe`, `ue` -> `a`, `a`, `o`, `u` (Språkrådet,
 * "Svenska skrivregler": aa, ae, oe where å, ä, ö cannot be written; the pairs of
 * `transliterationDistance`). Two spellings of one name fold alike (`åsa.öberg`, `aasa.oeberg`,
 * `asa.oberg` -> `asa.oberg`), so a directory can file an address under its folded form and find
 * it from another spelling in one lookup; the match is then confirmed with `transliterationDistance`.
 *
 * @example
 * ```ts
 * foldTransliterations('aasa.oeberg'); // 'asa.oberg'
 * foldTransliterations('åke.löfgren'); // 'ake.lofgren'
 * ```
 */
export function foldTransliterations(local: string): string {
  const plain = PLAIN_ASCII.test(local)
    ? local
    : local
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[øæ]/g, (letter) => WHOLE_LETTERS[letter] ?? letter);
  return plain.replace(TWO_LETTER_SPELLINGS, (pair) => pair[0] as string);
}
