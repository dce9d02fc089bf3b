/**
 * Marks a stored address that did not parse (a control character, which no parsed address has):
 * kept in the customer row as the customer gave it, indexing nothing, as in the in-memory directory.
 */
export const UNPARSED = '\u0001';
