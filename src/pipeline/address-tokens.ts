// What ends an address as shown: white space, the delimiters of RFC 5322 §3.4, and quotation marks
// of any script (Unicode initial and final punctuation, `“erik@telia.com”`).
const AROUND_ADDRESS = /[\s,;:<>()[\]"'\p{Pi}\p{Pf}]+/u;

/**
 * The words of a shown text that hold an at sign, each a candidate for an address a reader sees:
 * the text split where an address shown in it ends.
 *
 * @example
 * ```ts
 * addressTokens('Erik (erik.lind@telia.com), kund'); // ['erik.lind@telia.com']
 * ```
 */
export function addressTokens(text: string): string[] {
  return text.split(AROUND_ADDRESS).filter((token) => token.includes('@'));
}
