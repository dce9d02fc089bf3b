/**
 * A Swedish sentence of the library's own that follows a colon, which begins in lower case
 * (Språkrådet, Svenska skrivregler, on the colon: a capital only for a quotation or a proper noun).
 * Only for the library's own texts, which begin with a common word ("personen", "med", "lagen"),
 * never with a name: a caller's text after a colon is quoted as given instead.
 *
 * @example
 * ```ts
 * afterColon('Lagen kräver inte att de berörda underrättas.'); // 'lagen kräver inte att de berörda underrättas.'
 * ```
 */
export function afterColon(sentence: string): string {
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
