/**
 * Letters Unicode does not decompose into a base letter and a mark (NFD leaves them whole), as
 * Swedish, Danish, Norwegian, German and Polish names are written in ASCII.
 */
const SPELLED_OUT: Readonly<Record<string, string>> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd' };

/**
 * Text as a name is usually typed in an address: lower case, diacritics dropped (`Åsa Löfgren` ->
 * `asa lofgren`), `ø`, `æ`, `ł` spelled out. Everything else is kept, so separators and digits
 * stay where they were.
 *
 * @example
 * ```ts
 * foldLetters('Åsa.Löfgren79'); // 'asa.lofgren79'
 * ```
 */
export function foldLetters(text: string): string {
  // Plain ASCII, by far the most common address, needs no Unicode work.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, not a control character match
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[øæœßłđ]/g, (letter) => SPELLED_OUT[letter] ?? letter);
}
