const NON_ASCII = /[\u0080-\uffff]/;

/**
 * `text` in Unicode's composed form (NFC, UAX #15): `a` and a combining ring become the one letter
 * `å`, as a person reads it. Plain ASCII, nearly every address, already is and is returned as it is.
 *
 * @example
 * ```ts
 * composedForm('a\u030Ake'); // 'åke'
 * ```
 */
export function composedForm(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFC') : text;
}
